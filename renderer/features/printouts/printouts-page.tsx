// 打印与签回: forms still out for signatures (oldest first), the print center, and every printout.
import { Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PAPER_STATUSES, type PaperStatus } from '@shared/domain/records';
import type { PrintoutFilter } from '@shared/search/register-index';
import { registerIds, useRegisterPage } from '../../db/register-index';
import { PrintCenter } from './print-center';
import { warmPickList } from './form-records';
import { PrintoutDrawer } from './printout-drawer';
import { PrintoutsTable } from './printouts-table';
import { ScanBox } from './scan-box';
import { ExportButton } from '../export/export-button';
import { printoutsSheet } from '../export/list-tables';
import { useKeptFilter } from '../../state/kept-filter';
import { FilterSelect, useListPage } from '../../components/register-page';
import { useTimeZone } from '../../db/queries';

const PAGE_SIZE = 20;

/** The forms still out for signatures, oldest first: the ones to chase first. */
const WAITING: PrintoutFilter = { status: '待签回', oldestFirst: true };

/** A page of printouts of a filter, its ids from the registers' worker (which keeps the printouts' order and paper status). */
function usePrintoutsPage(filter: PrintoutFilter, page: number) {
  return useRegisterPage({ register: 'printouts', filter, watch: ['printouts'], offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
}

export function PrintoutsPage() {
  const timeZone = useTimeZone();
  const [open, setOpen] = useState<string | null>(null);
  useEffect(warmPickList, []);
  const [status, setStatus] = useKeptFilter<PaperStatus | undefined>('printouts.status', undefined);
  const [waitingPage, setWaitingPage] = useListPage('');
  const waiting = usePrintoutsPage(WAITING, waitingPage);
  const [page, setPage] = useListPage(status ?? '');
  const filter: PrintoutFilter = status ? { status } : {};
  const listed = usePrintoutsPage(filter, page);

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
            label: `待签回（${waiting?.total ?? 0}）`,
            children: (
              <PrintoutsTable
                rows={waiting?.rows}
                paging={{ page: waitingPage, pageSize: PAGE_SIZE, total: waiting?.total ?? 0, onPage: setWaitingPage, pending: waiting?.pending }}
                onOpen={setOpen}
                emptyText="没有等待签回的表格"
              />
            ),
          },
          { key: 'print', label: '打印中心', children: <PrintCenter /> },
          {
            key: 'all',
            label: '全部打印记录',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  <FilterSelect label="纸质状态" width={140} values={PAPER_STATUSES} value={status} onChange={setStatus} />
                  <ExportButton fileName="打印记录" tables={async () => [await printoutsSheet(await registerIds('printouts', filter), timeZone)]} />
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
