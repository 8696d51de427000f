// 问题与舆情 (002 第十条, 003 第十六、二十三条): the register of problems found on platforms and in
// work groups, complaints (举报投诉) and opinion events (舆情) — handling, reporting, feedback to
// the complainant and closing. Prints F17 for complaints and opinion events.
import { Button, Radio} from 'antd';
import { useState } from 'react';
import { INCIDENT_KINDS, type Incident } from '@shared/domain/records';
import { f17AppliesTo } from '@shared/forms/f17-complaint-handling';
import type { IncidentKind, IncidentState } from '@shared/rules/incident-rules';
import { registerIds, useRegisterPage } from '../../db/register-index';
import type { IncidentFilter } from '@shared/search/register-index';
import { DeleteButton } from '../../components/delete-button';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { PrintPreview } from '../print/print-preview';
import { IncidentDialog } from './incident-dialog';
import { CloseIncidentDialog } from './close-incident-dialog';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { incidentsSheet } from '../export/list-tables';
import { useKeptFilter } from '../../state/kept-filter';
import { routeHref } from '../../app/routes';
import { CellActions } from '../../components/row-actions';
import { RowButton } from '../../components/row-button';
import { StatusTag, type TagColor } from '../../components/status-tag';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'close' | 'print'; incident: Incident } | null;

const KIND_COLORS: Record<IncidentKind, TagColor> = { 问题登记: 'blue', 举报投诉: 'volcano', 舆情: 'purple' };

const PAGE_SIZE = 25;

export function IncidentsPage() {
  const [kind, setKind] = useKeptFilter<IncidentKind | '全部'>('incidents.kind', '全部');
  const [state, setState] = useKeptFilter<IncidentState | '全部'>('incidents.state', '全部');
  const [dialog, setDialog] = useState<Dialog>(null);

  // Open ones first: they are the work still to do; then the closed ones; each part newest first
  // (the registers' worker keeps that order, and the kind and state of every incident).
  const [page, setPage] = useListPage(`${kind}/${state}`);
  const filter: IncidentFilter = { ...(kind !== '全部' && { kind }), ...(state !== '全部' && { state }) };
  const data = useRegisterPage({ register: 'incidents', filter, watch: ['incidents', 'platforms'], offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, platformOf: (i) => i.platformId });
  const rows = data?.rows;
  usePdfWarmUpOnceShown(rows !== undefined);
  const names = new Map([...(data?.platforms ?? [])].map(([id, p]) => [id, p.name]));
  const platformName = (id: string) => names.get(id);
  const exportTables = async () => [await incidentsSheet(await registerIds('incidents', filter))];
  const label = (i: Incident) => `${i.kind} ${i.date} ${i.found.slice(0, 12)}`;
  const filtered = kind !== '全部' || state !== '全部';

  return (
    <RegisterPage
      title="问题与舆情"
      titleId="incidents-title"
      actions={
        <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
          登记
        </Button>
      }
    >
      <RegisterList<Incident>
        // Eight or nine columns: the cells' narrower padding keeps the table within a 1366-pixel screen.
        size="middle"
        filters={
          <>
            <Radio.Group
              aria-label="按类别筛选"
              optionType="button"
              value={kind}
              onChange={(e) => setKind(e.target.value as IncidentKind | '全部')}
              options={['全部', ...INCIDENT_KINDS].map((k) => ({ value: k, label: k }))}
            />
            <Radio.Group
              aria-label="按办理状态筛选"
              optionType="button"
              value={state}
              onChange={(e) => setState(e.target.value as IncidentState | '全部')}
              options={(['全部', '处理中', '已办结'] as const).map((k) => ({ value: k, label: k }))}
            />
          </>
        }
        exportAs={{ fileName: '问题与舆情', tables: exportTables }}
        rowKey="id"
        rows={rows}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
        empty={
          filtered
            ? '没有符合筛选条件的记录。点击“全部”查看所有记录。'
            : '还没有登记记录。发现平台或工作群中的问题、受理举报投诉或发现舆情时，点击“登记”，记录处置措施、上报对象和办结情况。'
        }
        columns={[
          { title: '日期', dataIndex: 'date', width: 96 },
          { title: '类别', width: 90, render: (_, i) => <StatusTag color={KIND_COLORS[i.kind]}>{i.kind}</StatusTag> },
          {
            title: '平台或工作群',
            width: 140,
            render: (_, i) =>
              i.platformId ? <a href={routeHref('platforms', i.platformId)}>{platformName(i.platformId) ?? '（已删除）'}</a> : <span className="ledger-secondary">—</span>,
          },
          { title: '发现的问题', dataIndex: 'found' },
          { title: '处置措施', width: 90, render: (_, i) => i.actions.join('、') },
          { title: '上报对象', dataIndex: 'reportedTo', width: 120 },
          { title: '反馈（处理结果）', dataIndex: 'feedback' },
          {
            title: '状态',
            width: 126,
            render: (_, i) => (i.closedOn ? <StatusTag color="green">{`${i.closedOn} 办结`}</StatusTag> : <StatusTag color="orange">处理中</StatusTag>),
          },
          {
            title: '操作',
            width: 110,
            render: (_, i) => (
              <CellActions>
                {!i.closedOn && (
                  <RowButton type="primary" onClick={() => setDialog({ kind: 'close', incident: i })} aria-label={`办结 ${label(i)}`}>
                    办结
                  </RowButton>
                )}
                <RowButton onClick={() => setDialog({ kind: 'edit', incident: i })} aria-label={`编辑 ${label(i)}`}>
                  编辑
                </RowButton>
                {f17AppliesTo(i) && (
                  <RowButton onClick={() => setDialog({ kind: 'print', incident: i })} aria-label={`打印受理处置登记表 ${label(i)}`}>
                    打印
                  </RowButton>
                )}
                <DeleteButton table="incidents" id={i.id} name={label(i)} />
              </CellActions>
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <IncidentDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <IncidentDialog incident={dialog.incident} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'close' && <CloseIncidentDialog incident={dialog.incident} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'print' && <PrintPreview formId="F17" record={dialog.incident} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}
