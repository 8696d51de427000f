// 回收站: records moved to the trash, restorable one by one. The list is read a page at a time by
// the `deletedAt` index (renderer/db/trash.ts), so a trash of thousands shows its first page as
// fast as an empty one; it re-reads when a record table is written (a restore here or a delete
// elsewhere).
import { App as AntApp, Empty, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { db } from '../../db/database';
import { usePaged } from '../../db/paged-read';
import { restoreRecord } from '../../db/repository';
import { readTrash, readTrashPage, type TrashRow } from '../../db/trash';
import { RECORD_TABLES, TABLE_LABELS } from '@shared/domain/tables';
import { showError } from '../../app/errors';
import { ExportButton } from '../export/export-button';
import { trashTable } from '../export/list-tables';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';
import { RowButton } from '../../components/row-button';

const PAGE_SIZE = 20;

export function TrashPage() {
  const timeZone = useTimeZone();
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const shown = usePaged(String(page), RECORD_TABLES, async () => ({ asked: page, ...(await readTrashPage(db, page, PAGE_SIZE)) }));
  // Restores emptied the last page, so the read gave the one before: stay there. (A read of the
  // previous page, still shown while the next loads, is not such an answer.)
  useEffect(() => {
    if (shown && shown.asked === page && shown.page !== page) setPage(shown.page);
  }, [shown, page]);

  return (
    <section aria-labelledby="trash-title">
      <Typography.Title level={3} id="trash-title">
        回收站
      </Typography.Title>
      <Typography.Paragraph type="secondary">删除的记录保存在这里，可以随时恢复；删除和恢复都记入审计日志。</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <ExportButton fileName="回收站" tables={async () => [trashTable(await readTrash(db), timeZone)]} />
      </div>
      <Table<TrashRow>
        rowKey={(r) => `${r.table}/${r.id}`}
        loading={!shown}
        dataSource={shown?.rows}
        pagination={{
          current: shown?.page ?? page,
          pageSize: PAGE_SIZE,
          total: shown?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        locale={{ emptyText: <Empty description="回收站是空的" /> }}
        columns={[
          { title: '类别', width: 140, render: (_, r) => TABLE_LABELS[r.table] },
          { title: '名称', dataIndex: 'label' },
          { title: '删除时间', width: 200, render: (_, r) => instantText(r.deletedAt, timeZone) },
          {
            title: '操作',
            width: 100,
            render: (_, r) => (
              <RowButton
                aria-label={`恢复 ${r.label}`}
                onClick={async () => {
                  try {
                    await restoreRecord(db, r.table, r.id);
                    void message.success(`已恢复“${r.label}”`);
                  } catch (e) {
                    showError(e, '恢复失败');
                  }
                }}
              >
                恢复
              </RowButton>
            ),
          },
        ]}
      />
    </section>
  );
}
