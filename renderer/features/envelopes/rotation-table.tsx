// 各平台密码修改情况: per platform, when the password was last changed, when the next change is due
// under the profile, and its current envelope — the overview behind the rotation reminders.
import { Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { isClosed, isGroupKind, type Platform } from '@shared/domain/platform';
import type { Envelope, Handover } from '@shared/domain/records';
import type { PasswordPolicy } from '@shared/profiles/types';
import { passwordStatuses } from '@shared/rules/credentials';
import { firstCurrentEnvelopes } from '@shared/rules/envelope-state';
import { compareZh } from '@shared/domain/collate';
import { daysBetween } from '@shared/rules/reminder';
import { localToday } from '@shared/domain/today';
import { EnvelopeStateTag } from './envelope-drawer';

/** '逾期 3 天' / '12 天后' for a due date; nothing without one. */
export function DueTag({ due, today }: { due: string | undefined; today: string }) {
  if (!due) return null;
  const left = daysBetween(today, due);
  if (left < 0) return <Tag color="red">逾期 {-left} 天</Tag>;
  if (left <= 30) return <Tag color="orange">{left === 0 ? '今天到期' : `${left} 天后到期`}</Tag>;
  return null;
}

/** Earliest due date first, platforms without one last ('YYYY-MM-DD' strings sort as dates). */
function compareDue(a = '9999', b = '9999'): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function RotationTable({
  platforms,
  envelopes,
  handovers,
  policy,
}: {
  platforms: readonly Platform[];
  envelopes: readonly Envelope[];
  handovers: readonly Handover[];
  policy: PasswordPolicy;
}) {
  const today = localToday();
  const rows = useMemo(() => {
    // One pass over the envelopes and handovers for all platforms (a university has thousands).
    const statusOf = passwordStatuses(envelopes, handovers, policy);
    const current = firstCurrentEnvelopes(envelopes);
    return (
      platforms
        // Work groups have an owner, not a shared account password to seal.
        .filter((p) => !isClosed(p) && !isGroupKind(p.kind))
        .map((p) => ({ p, status: statusOf(p.id), current: current.get(p.id) }))
        .sort((a, b) => compareDue(a.status.nextDueOn, b.status.nextDueOn) || compareZh(a.p.name, b.p.name))
    );
  }, [platforms, envelopes, handovers, policy]);
  return (
    <Table
      size="small"
      rowKey={(r) => r.p.id}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description="台账中还没有在用的平台。" /> }}
      columns={[
        { title: '平台', render: (_, r) => <a href={`#/platforms/${encodeURIComponent(r.p.id)}`}>{r.p.name}</a> },
        {
          title: '当前信封',
          render: (_, r) =>
            r.current ? (
              <span>
                <a href={`#/envelopes/${encodeURIComponent(r.current.id)}`}>
                  {r.current.number}
                </a>{' '}
                <EnvelopeStateTag envelope={r.current} />
              </span>
            ) : (
              <Tag color="orange">未封存</Tag>
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
