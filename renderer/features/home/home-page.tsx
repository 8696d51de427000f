// 首页: what the registry holds at a glance, and people who left but still hold a role.
import { Alert, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { isGroupKind } from '@shared/domain/platform';
import { rolesHeldBy } from '@shared/domain/roles';
import { useLookups, usePeople, usePlatforms, useSettings, useUnits } from '../../db/queries';
import { navigate } from '../../app/routes';
import { departedMemberReminders, rosterSource } from '@shared/rules/group-roster';
import { localToday } from '@shared/domain/today';
import { RemindersPanel } from './reminders-panel';

export function HomePage() {
  const platforms = usePlatforms();
  const units = useUnits();
  const people = usePeople();
  const lookups = useLookups();

  const stats = useMemo(() => {
    const list = platforms ?? [];
    const active = list.filter((p) => p.status !== '已注销' && p.status !== '已停用');
    return {
      accounts: active.filter((p) => !isGroupKind(p.kind)).length,
      groups: active.filter((p) => isGroupKind(p.kind)).length,
      pending: list.filter((p) => p.status === '申请中' || p.status === '已批准').length,
      fixing: list.filter((p) => p.status === '整改中').length,
    };
  }, [platforms]);

  const settings = useSettings();
  const profileSource = settings ? settings.profile.source : undefined;
  // The owner of every group whose roster lists a person who left is to remove them (003 第二十条).
  const rosterReminders = useMemo(
    () => (profileSource === undefined ? [] : departedMemberReminders(platforms ?? [], lookups.people, localToday(), rosterSource(profileSource))),
    [platforms, lookups, profileSource],
  );

  const flagged = useMemo(() => {
    const roles = rolesHeldBy(platforms ?? [], units ?? []);
    return (people ?? [])
      .filter((p) => p.status === '离岗' && roles.has(p.id))
      .map((p) => ({ person: p, roles: roles.get(p.id) ?? [] }));
  }, [platforms, units, people]);

  // An empty registry still has duties that do not hang on a platform (training each semester,
  // 003 第十五条), so the reminders stay below the invitation to register the first account.
  if (platforms && platforms.length === 0) {
    return (
      <section aria-labelledby="home-title">
        <Typography.Title level={3} id="home-title">
          首页
        </Typography.Title>
        <Empty description="台账还是空的。可以在“平台台账”中登记第一个账号，或在“设置”中载入示例数据。">
          <Typography.Link onClick={() => navigate('platforms')}>前往平台台账</Typography.Link>
        </Empty>
        <div style={{ marginTop: 24 }}>
          <RemindersPanel />
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="home-title">
      <Typography.Title level={3} id="home-title">
        首页
      </Typography.Title>
      <Row gutter={16} style={{ marginBottom: 24 }}>
        <Col span={6}>
          <Card><Statistic title="在用账号与网站" value={stats.accounts} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="在用工作群" value={stats.groups} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="申请中 / 已批准未运行" value={stats.pending} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="整改中" value={stats.fixing} /></Card>
        </Col>
      </Row>
      {flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="已离岗人员仍登记在岗位上"
          description={
            <List
              size="small"
              dataSource={flagged}
              renderItem={({ person, roles }) => (
                <List.Item>
                  <span className="ledger-flag">{person.name}</span>
                  （{lookups.unitName(person.unitId)}，{person.statusDate ?? ''}离岗）仍担任：{roles.join('；')}
                </List.Item>
              )}
            />
          }
        />
      )}
      <div style={{ marginTop: 24 }}>
        <RemindersPanel extra={rosterReminders} />
      </div>
    </section>
  );
}
