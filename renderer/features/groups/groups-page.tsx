// 工作群 (000 第五条, 003 第五章): the work groups of the registry (platforms of a group kind) with
// owner, members, the last real-name check (overdue after the start page's interval) and the
// supervisor; record a check, log a problem (003 第二十三条), print F14 and F15, disband a group.
import { Button, Switch, Typography } from 'antd';
import { CellActions } from '../../components/row-actions';
import { FlagTag } from '../../components/flag-tag';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { Platform } from '@shared/domain/platform';
import { problemLogFor } from '@shared/forms/f15-problem-log';
import { isDisbanded, realNameCheckStatus, REAL_NAME_CHECK_INTERVAL_DAYS } from '@shared/rules/group-rules';
import { localToday } from '@shared/domain/today';
import { db } from '../../db/database';
import { useTimeZone } from '../../db/queries';
import { readOfRegister, registerIds, useRegisterPage } from '../../db/register-index';
import { PersonName } from '../../components/person-name';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { PrintPreview } from '../print/print-preview';
import { IncidentDialog } from '../incidents/incident-dialog';
import { RealNameCheckDialog } from './real-name-check-dialog';
import { DisbandDialog } from './disband-dialog';
import { RosterDialog } from './roster-dialog';
import { PlatformForm } from '../platforms/platform-form';
import { departedMembers } from '@shared/rules/group-roster';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { exportGroups, exportNames, slicedExport } from '../export/list-tables';
import { useKeptFilter } from '../../state/kept-filter';
import { routeHref } from '../../app/routes';
import { RowButton } from '../../components/row-button';
import { StatusTag } from '../../components/status-tag';

type Dialog = { kind: 'check' | 'problem' | 'f14' | 'f15' | 'disband' | 'roster'; group: Platform } | { kind: 'new' } | null;

const PAGE_SIZE = 25;

/** Everyone a group's row names: owner, supervisor and the members from the registry (for 离岗). */
const namedBy = (g: Platform) => [g.group?.ownerId, g.group?.supervisorId, ...(g.group?.members ?? []).map((m) => m.personId)];

/** Open problems (问题登记 not closed) per group, of these groups only, by the platformId index. */
function useOpenProblems(ids: readonly string[]): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const m = new Map<string, number>();
    const open = await db.incidents
      .where('platformId')
      .anyOf(ids)
      .filter((i) => !i.deletedAt && i.kind === '问题登记' && !i.closedOn)
      .toArray();
    for (const i of open) m.set(i.platformId!, (m.get(i.platformId!) ?? 0) + 1);
    return m;
  }, [ids.join()]);
}

export function GroupsPage() {
  const [showDisbanded, setShowDisbanded] = useKeptFilter('groups.showDisbanded', false);
  const [dialog, setDialog] = useState<Dialog>(null);

  const today = localToday();
  const timeZone = useTimeZone();
  // Groups in use first, then by name: a page at a time from the registers' worker.
  const filter = { showDisbanded };
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const watch = ['platforms', 'people', 'units'];
  const data = useRegisterPage({ register: 'groups', filter, watch, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, named: namedBy });
  usePdfWarmUpOnceShown(data !== undefined);
  // Only the count of disbanded groups (no rows).
  const disbanded = useRegisterPage({ register: 'groups', filter: { onlyDisbanded: true }, watch: ['platforms'], offset: 0, limit: 0 });
  const lookups = data?.lookups;
  const problemCount = useOpenProblems(data?.rows.map((g) => g.id) ?? []);
  const close = () => setDialog(null);
  // The problems of the group whose F15 is opened, by the platformId index.
  const f15Of = dialog?.kind === 'f15' ? dialog.group : undefined;
  const incidentsOfF15 = useLiveQuery(
    async () => (f15Of ? db.incidents.where('platformId').equals(f15Of.id).filter((i) => !i.deletedAt).toArray() : undefined),
    [f15Of],
  );
  // Built once per opened preview: a new object on every render would rebuild the PDF each time.
  const problemLog = useMemo(() => (f15Of && incidentsOfF15 ? problemLogFor(f15Of, incidentsOfF15) : null), [f15Of, incidentsOfF15]);
  const disbandedCount = disbanded?.total ?? 0;

  const exportTables = async () => {
    const names = exportNames();
    return [await slicedExport(await registerIds('groups', filter), async (ids) => exportGroups(await readOfRegister('groups', ids), names))];
  };

  return (
    <RegisterPage
      title="工作群"
      titleId="groups-title"
      actions={
        <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
          新建工作群
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        工作群实行群主负责制，成员一律“部门+姓名”实名（003 第十九、二十条）；群主定期核查成员、移出离岗人员，每天查看群内动态并登记发现的问题（003 第二十三条）。在“成员名单”中登记每位成员，成员离岗时首页会提醒群主移出。
      </Typography.Paragraph>
      <RegisterList<Platform>
        // Eight or nine columns: the cells' narrower padding keeps the table within a 1366-pixel screen.
        size="middle"
        filters={
          <>
            <Switch checked={showDisbanded} onChange={setShowDisbanded} aria-label="显示已解散的群" />
            <span>{`显示已解散的群（${disbandedCount}）`}</span>
          </>
        }
        exportAs={{ fileName: '工作群', tables: exportTables }}
        rowKey="id"
        rows={data?.rows}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
        empty="还没有工作群。点击“新建工作群”登记群名称、群主和监督人。"
        columns={[
          {
            title: '群名称',
            render: (_, g) => (
              <span>
                <a href={routeHref('platforms', g.id)}>{g.name}</a> <StatusTag>{g.kind}</StatusTag>
                {g.group?.disbandedOn && <StatusTag color="default">{`${g.group.disbandedOn} 已解散`}</StatusTag>}
              </span>
            ),
          },
          { title: '主办单位', width: 140, render: (_, g) => lookups?.unitName(g.hostUnitId) },
          { title: '群主', width: 104, render: (_, g) => lookups && <PersonName id={g.group?.ownerId} lookups={lookups} role="群主" /> },
          {
            title: '成员数',
            width: 110,
            render: (_, g) => {
              const departed = lookups ? departedMembers(g, lookups.people) : [];
              return (
                <span>
                  {g.group?.memberCount ?? '—'}
                  {departed.length > 0 && (
                    <FlagTag tip={`名单中${departed.map((p) => p.name).join('、')}已离岗，请移出（003 第二十条）。`}>{`${departed.length}人离岗`}</FlagTag>
                  )}
                </span>
              );
            },
          },
          {
            title: '最近实名核查',
            width: 140,
            render: (_, g) => {
              const s = realNameCheckStatus(g, today, timeZone);
              return (
                <span>
                  {s.last ?? <span className="ledger-secondary">未核查</span>}
                  {s.overdue && (
                    <FlagTag tip={`距上次核查已超过${REAL_NAME_CHECK_INTERVAL_DAYS}天，应于${s.dueDate}前核查（003 第二十条）。`}>逾期</FlagTag>
                  )}
                </span>
              );
            },
          },
          { title: '监督人', width: 104, render: (_, g) => lookups && <PersonName id={g.group?.supervisorId} lookups={lookups} role="监督人" /> },
          {
            title: '待办问题',
            width: 80,
            render: (_, g) => (problemCount?.get(g.id) ? <StatusTag color="orange">{`${problemCount.get(g.id)}条`}</StatusTag> : null),
          },
          {
            title: '操作',
            width: 200,
            render: (_, g) => {
              const open = !isDisbanded(g);
              return (
                <CellActions>
                  {open && (
                    <RowButton type="primary" onClick={() => setDialog({ kind: 'check', group: g })} aria-label={`记录实名核查 ${g.name}`}>
                      记录实名核查
                    </RowButton>
                  )}
                  {open && (
                    <RowButton onClick={() => setDialog({ kind: 'problem', group: g })} aria-label={`问题登记 ${g.name}`}>
                      问题登记
                    </RowButton>
                  )}
                  {open && (
                    <RowButton onClick={() => setDialog({ kind: 'roster', group: g })} aria-label={`成员名单 ${g.name}`}>
                      成员名单
                    </RowButton>
                  )}
                  <RowButton onClick={() => setDialog({ kind: 'f14', group: g })} aria-label={`打印登记备案表 ${g.name}`}>
                    登记备案表
                  </RowButton>
                  <RowButton onClick={() => setDialog({ kind: 'f15', group: g })} aria-label={`打印检查与问题登记表 ${g.name}`}>
                    问题登记表
                  </RowButton>
                  {open && (
                    <RowButton danger onClick={() => setDialog({ kind: 'disband', group: g })} aria-label={`解散 ${g.name}`}>
                      解散
                    </RowButton>
                  )}
                </CellActions>
              );
            },
          },
        ]}
      />
      {dialog?.kind === 'new' && <PlatformForm initialKind="微信群" onClose={close} />}
      {dialog?.kind === 'roster' && <RosterDialog group={dialog.group} onClose={close} />}
      {dialog?.kind === 'check' && <RealNameCheckDialog group={dialog.group} onClose={close} />}
      {dialog?.kind === 'problem' && <IncidentDialog preset={{ kind: '问题登记', platformId: dialog.group.id }} onClose={close} />}
      {dialog?.kind === 'disband' && <DisbandDialog group={dialog.group} onClose={close} />}
      {dialog?.kind === 'f14' && <PrintPreview formId="F14" record={dialog.group} onClose={close} />}
      {problemLog && <PrintPreview formId="F15" record={problemLog} onClose={close} />}
    </RegisterPage>
  );
}
