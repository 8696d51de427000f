// 各平台密码修改情况: per platform, when the password was last changed, when the next change is due
// under the profile, and its current envelope — the overview behind the rotation reminders.
import { Empty, Table} from 'antd';
import { useMemo } from 'react';
import type { PasswordPolicy } from '@shared/profiles/types';
import { passwordStatuses } from '@shared/rules/credentials';
import { firstCurrentEnvelopes } from '@shared/rules/envelope-state';
import { daysBetween } from '@shared/domain/calendar-days';
import { localToday } from '@shared/domain/today';
import { useRegisterPage } from '../../db/register-index';
import { useListPage } from '../../components/register-page';
import { EnvelopeStateTag } from './envelope-drawer';
import { useCredentialsOf } from './use-credentials';
import { routeHref } from '../../app/routes';
import { StatusTag } from '../../components/status-tag';

const PAGE_SIZE = 20;

/** '逾期 3 天' / '12 天后' for a due date; nothing without one. */
export function DueTag({ due, today }: { due: string | undefined; today: string }) {
  if (!due) return null;
  const left = daysBetween(today, due);
  if (left < 0) return <StatusTag color="red">逾期 {-left} 天</StatusTag>;
  if (left <= 30) return <StatusTag color="orange">{left === 0 ? '今天到期' : `${left} 天后到期`}</StatusTag>;
  return null;
}

export function RotationTable({ policy }: { policy: PasswordPolicy }) {
  const today = localToday();
  // The accounts in due order come a page at a time from the registers' worker (which reads every
  // envelope and handover once); this page reads only its own platforms' envelopes and handovers.
  const [page, setPage] = useListPage('');
  const data = useRegisterPage({
    register: 'rotation',
    filter: {},
    watch: ['platforms', 'envelopes', 'handovers', 'settings'],
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  // The page's rows, not `data`: that object changes when a read begins or ends (its pending flag).
  const platforms = data?.rows;
  const own = useCredentialsOf(platforms?.map((p) => p.id) ?? []);
  const rows = useMemo(() => {
    if (!platforms || !own) return undefined;
    const statusOf = passwordStatuses(own.envelopes, own.handovers, policy);
    const current = firstCurrentEnvelopes(own.envelopes);
    return platforms.map((p) => ({ p, status: statusOf(p.id), current: current.get(p.id) }));
  }, [platforms, own, policy]);
  return (
    <Table
      size="small"
      rowKey={(r) => r.p.id}
      loading={rows === undefined}
      dataSource={rows}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description="台账中还没有在用的平台。" /> }}
      columns={[
        { title: '平台', render: (_, r) => <a href={routeHref('platforms', r.p.id)}>{r.p.name}</a> },
        {
          title: '当前信封',
          render: (_, r) =>
            r.current ? (
              <span>
                <a href={routeHref('envelopes', r.current.id)}>
                  {r.current.number}
                </a>{' '}
                <EnvelopeStateTag envelope={r.current} />
              </span>
            ) : (
              <StatusTag color="orange">未封存</StatusTag>
            ),
        },
        { title: '密码最近修改', render: (_, r) => r.status.lastChangedOn ?? '未登记' },
        {
          title: '下次应修改',
          render: (_, r) => (
            <span>
              {r.status.nextDueOn ?? (policy.rotationDays > 0 ? '' : '定期修改')} <DueTag due={r.status.nextDueOn} today={today} />
            </span>
          ),
        },
      ]}
    />
  );
}
