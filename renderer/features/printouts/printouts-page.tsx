// 打印与签回: forms still out for signatures (oldest first), the print center, and every printout.
import { Space, Tabs, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { PAPER_STATUSES, type PaperStatus, type Printout } from '@shared/domain/records';
import { waitingForSignatures } from '@shared/rules/paper-status';
import { db } from '../../db/database';
import { useIndexPage } from '../../db/register-index';
import { PrintCenter } from './print-center';
import { warmPickList } from './form-records';
import { PrintoutDrawer } from './printout-drawer';
import { PrintoutsTable } from './printouts-table';
import { ScanBox } from './scan-box';
import { ExportButton } from '../export/export-button';
import { printoutsNewestFirst, printoutsSheet } from '../export/list-tables';
import { useKeptFilter } from '../../state/kept-filter';
import { FilterSelect, useListPage } from '../../components/register-page';
import { useTimeZone } from '../../db/queries';

const PAGE_SIZE = 20;

/** Every live printout of a paper status (all when none), newest first through the printedAt index. */
const newestFirst = (status: PaperStatus | undefined) => () => printoutsNewestFirst().filter((p) => !p.deletedAt && (!status || p.paperStatus === status));

export function PrintoutsPage() {
  const timeZone = useTimeZone();
  const [open, setOpen] = useState<string | null>(null);
  useEffect(warmPickList, []);
  const [status, setStatus] = useKeptFilter<PaperStatus | undefined>('printouts.status', undefined);
  // Only the printouts still out for signatures, through the paper-status index (oldest first).
  const waiting = useLiveQuery(async () => waitingForSignatures(await db.printouts.where('paperStatus').equals('待签回').toArray()), []);
  const [page, setPage] = useListPage(status ?? '');
  const listed = useIndexPage<Printout>({ key: status ?? '', watch: ['printouts'], collection: newestFirst(status), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });

  return (
    <section aria-labelledby="printouts-title">
      <Typography.Title level={3} id="printouts-title">
        打印与签回
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <ScanBox onPrintout={setOpen} />
      </div>
      <Tabs
        items={[
          {
            key: 'waiting',
            label: `待签回（${waiting?.length ?? 0}）`,
            children: <PrintoutsTable rows={waiting} onOpen={setOpen} emptyText="没有等待签回的表格" />,
          },
          { key: 'print', label: '打印中心', children: <PrintCenter /> },
          {
            key: 'all',
            label: '全部打印记录',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  <FilterSelect label="纸质状态" width={140} values={PAPER_STATUSES} value={status} onChange={setStatus} />
                  <ExportButton fileName="打印记录" tables={async () => [await printoutsSheet(status, timeZone)]} />
                </Space>
                <PrintoutsTable
                  rows={listed?.rows}
                  paging={{ page, pageSize: PAGE_SIZE, total: listed?.total ?? 0, onPage: setPage, pending: listed?.pending }}
                  onOpen={setOpen}
                  emptyText="还没有打印过表格"
                />
              </Space>
            ),
          },
        ]}
      />
      {open && <PrintoutDrawer printoutId={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
