// For the platform detail page: 密码最近修改 / 下次应修改, the current sealed envelope and a pending
// post-handover password change — password custody at a glance, with links to the records.
import { Descriptions, Tag } from 'antd';
import type { Platform } from '@shared/domain/platform';
import { passwordStatus } from '@shared/rules/credentials';
import { currentEnvelopes } from '@shared/rules/envelope-state';
import { handoverState } from '@shared/rules/handover-state';
import { localToday } from '@shared/domain/today';
import { EnvelopeStateTag } from './envelope-drawer';
import { DueTag } from './rotation-table';
import { useCredentialsOf, usePasswordPolicy } from './use-credentials';
import { routeHref } from '../../app/routes';

export function PlatformCredentials({ platform }: { platform: Pick<Platform, 'id'> }) {
  const own = useCredentialsOf([platform.id]);
  const policy = usePasswordPolicy();
  if (!own || !policy) return null;
  const { envelopes, handovers } = own;
  const status = passwordStatus(platform.id, envelopes, handovers, policy);
  const current = currentEnvelopes(platform.id, envelopes)[0];
  const pending = handovers.filter((h) => h.platformId === platform.id && handoverState(h) === '待更换密码');
  return (
    <Descriptions bordered size="small" column={2} title="账号密码保管" style={{ marginBottom: 24 }}>
      <Descriptions.Item label="密码最近修改">{status.lastChangedOn ?? '未登记'}</Descriptions.Item>
      <Descriptions.Item label="下次应修改">
        {status.nextDueOn ?? (policy.rotationDays > 0 ? '未登记' : '定期修改')} <DueTag due={status.nextDueOn} today={localToday()} />
      </Descriptions.Item>
      <Descriptions.Item label="密封存档信封">
        {current ? (
          <span>
            <a href={routeHref('envelopes', current.id)}>{current.number}</a> <EnvelopeStateTag envelope={current} />
          </span>
        ) : (
          <span>
            <Tag color="orange">未封存</Tag> <a href="#/envelopes">前往密码密封存档</a>
          </span>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="交接后更换密码">
        {pending.length > 0 ? (
          pending.map((h) => (
            <a key={h.id} href="#/handovers">
              <Tag color="red">{h.date} 交接后待更换密码</Tag>
            </a>
          ))
        ) : (
          '无待办'
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
