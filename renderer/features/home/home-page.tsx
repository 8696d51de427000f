// 首页: what the registry holds at a glance, and people who left but still hold a role.
import { Alert, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { navigate, routeHref } from '../../app/routes';
import { FLAGGED_NAMED } from '../../components/flagged-people';
import { localToday } from '@shared/domain/today';
import { RemindersPanel } from './reminders-panel';
import { useHomeSummary } from './home-client';

export function HomePage() {
  // Figures, flagged people and reminders are computed in the home worker; the window reads no table.
  const { summary, failed } = useHomeSummary(localToday());
  const stats = summary?.stats;
  const flagged = summary?.flagged ?? [];

  // An empty registry still has duties that do not hang on a platform (training each semester,
  // 003 第十五条), so the reminders stay below the invitation to register the first account.
  if (stats && stats.platforms === 0) {
    return (
      <section aria-labelledby="home-title">
        <Typography.Title level={3} id="home-title">
          首页
        </Typography.Title>
        <Empty description="台账还是空的。可以在“平台台账”中登记第一个账号，或在“设置”中载入示例数据。">
          <Typography.Link onClick={() => navigate('platforms')}>前往平台台账</Typography.Link>
        </Empty>
        <div style={{ marginTop: 24 }}>
          <RemindersPanel summary={summary} failed={failed} />
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
          <Card><Statistic title="在用账号与网站" value={stats?.accounts} loading={!stats} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="在用工作群" value={stats?.groups} loading={!stats} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="申请中 / 已批准未运行" value={stats?.pending} loading={!stats} /></Card>
        </Col>
        <Col span={6}>
          <Card><Statistic title="整改中" value={stats?.fixing} loading={!stats} /></Card>
        </Col>
      </Row>
      {flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="已离岗人员仍登记在岗位上"
          description={
            <>
              <List
                size="small"
                dataSource={flagged.slice(0, FLAGGED_NAMED)}
                renderItem={(person) => (
                  <List.Item>
                    <span className="ledger-flag">{person.name}</span>
                    （{person.unitName}，{person.statusDate}离岗）仍担任：{person.roles.join('；')}
                  </List.Item>
                )}
              />
              {flagged.length > FLAGGED_NAMED && (
                <a href={routeHref('people')}>
                  共 {flagged.length} 人，另有 {flagged.length - FLAGGED_NAMED} 人未列出，可在“人员”中按状态“离岗”逐一查看
                </a>
              )}
            </>
          }
        />
      )}
      <div style={{ marginTop: 24 }}>
        <RemindersPanel summary={summary} failed={failed} />
      </div>
    </section>
  );
}
