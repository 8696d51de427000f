// 管理员交接 (000 第六条 2): every handover of an account's administration, its checklist, and
// whether the password was changed afterwards — a handover is complete only then. Prints F13.
// The list reads a page at a time through the date index.
import { Button} from 'antd';
import { useState } from 'react';
import type { Handover } from '@shared/domain/records';
import { handoverState } from '@shared/rules/handover-state';
import { useIndexPage } from '../../db/register-index';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { PersonName } from '../../components/person-name';
import { DeleteButton } from '../../components/delete-button';
import { RowButton } from '../../components/row-button';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { PrintPreview } from '../print/print-preview';
import { HandoverDialog } from './handover-dialog';
import { PasswordChangeDialog } from './password-change-dialog';
import { handoverPeople, handoversNewestFirst, handoversSheet } from '../export/list-tables';
import { routeHref } from '../../app/routes';
import { CellActions } from '../../components/row-actions';
import { liveCount } from '../../db/chunked-reads';
import { db } from '../../db/database';
import { StatusTag } from '../../components/status-tag';

type Dialog = { kind: 'new' } | { kind: 'password' | 'print'; handover: Handover } | null;

const PAGE_SIZE = 25;

/** Handovers not in the trash, in the list's order. */
const newestFirst = () => handoversNewestFirst().filter((h) => !h.deletedAt);

export function HandoversPage() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [page, setPage] = useListPage('');
  const data = useIndexPage<Handover>({
    key: 'handovers',
    watch: ['handovers', 'platforms', 'people', 'units'],
    collection: newestFirst,
    count: () => liveCount(db.handovers),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    named: handoverPeople,
    platformOf: (h) => h.platformId,
  });
  usePdfWarmUpOnceShown(data !== undefined);
  const lookups = data?.lookups;
  const platformName = (id: string) => data?.platforms?.get(id)?.name;
  const label = (h: Handover) => `${platformName(h.platformId) ?? ''} ${h.date} 交接`;
  const person = (id: string | undefined, role: string) => lookups && <PersonName id={id} lookups={lookups} role={role} />;

  const exportTables = async () => [await handoversSheet()];

  return (
    <RegisterPage
      title="管理员交接"
      titleId="handovers-title"
      actions={
        <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
          登记交接
        </Button>
      }
    >
      <RegisterList<Handover>
        rowKey="id"
        rows={data?.rows}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
        exportAs={{ fileName: '管理员交接', tables: exportTables }}
        empty="还没有交接记录。管理员工作调整时，点击“登记交接”，记录移交人、接收人、监交人和交接清单。"
        columns={[
          { title: '交接日期', dataIndex: 'date', width: 110 },
          {
            title: '平台',
            render: (_, h) => <a href={routeHref('platforms', h.platformId)}>{platformName(h.platformId) ?? '（已删除）'}</a>,
          },
          { title: '移交人', width: 100, render: (_, h) => person(h.outgoingId, '移交人') },
          { title: '接收人', width: 100, render: (_, h) => person(h.incomingId, '接收人') },
          { title: '监交人', width: 100, render: (_, h) => person(h.supervisorId, '监交人') },
          {
            title: '交接清单',
            width: 100,
            render: (_, h) => {
              const done = h.checklist.filter((c) => c.done).length;
              return <StatusTag color={done === h.checklist.length ? 'green' : 'orange'}>{`${done}/${h.checklist.length} 项`}</StatusTag>;
            },
          },
          {
            title: '交接后更换密码',
            render: (_, h) =>
              handoverState(h) === '已完成' ? (
                <span>
                  <StatusTag color="green">已完成</StatusTag>
                  {h.passwordChangedOn} · {lookups?.personName(h.passwordChangeConfirmedById)}确认
                </span>
              ) : (
                <StatusTag color="red">待更换密码</StatusTag>
              ),
          },
          {
            title: '操作',
            width: 200,
            render: (_, h) => (
              <CellActions>
                {handoverState(h) === '待更换密码' && (
                  <RowButton type="primary" onClick={() => setDialog({ kind: 'password', handover: h })} aria-label={`登记更换密码 ${label(h)}`}>
                    登记更换密码
                  </RowButton>
                )}
                <RowButton onClick={() => setDialog({ kind: 'print', handover: h })} aria-label={`打印交接记录表 ${label(h)}`}>
                  打印
                </RowButton>
                <DeleteButton table="handovers" id={h.id} name={label(h)} />
              </CellActions>
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <HandoverDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <PasswordChangeDialog handover={dialog.handover} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'print' && <PrintPreview formId="F13" record={dialog.handover} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}
