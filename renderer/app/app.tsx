// The app frame: first-run setup until settings exist, then the side navigation and the area
// the hash route names.
import { Layout, Menu, Spin, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useSettings } from '../db/queries';
import { SetupPage } from '../features/setup/setup-page';
import { HomePage } from '../features/home/home-page';
import { UnitsPage } from '../features/units/units-page';
import { PeoplePage } from '../features/people/people-page';
import { PlatformsPage } from '../features/platforms/platforms-page';
import { TrashPage } from '../features/trash/trash-page';
import { AuditPage } from '../features/audit/audit-page';
import { SettingsPage } from '../features/settings/settings-page';
import { BackupPage } from '../features/backup/backup-page';
import { startAutomaticBackups } from '../features/backup/automatic-backups';
import { PrintoutsPage } from '../features/printouts/printouts-page';
import { ExchangePage } from '../features/exchange/exchange-page';
import { ApprovalsPage } from '../features/approvals/approvals-page';
import { ReviewsPage } from '../features/reviews/reviews-page';
import { EnvelopesPage } from '../features/envelopes/envelopes-page';
import { HandoversPage } from '../features/handovers/handovers-page';
import { InspectionsPage } from '../features/inspections/inspections-page';
import { GroupsPage } from '../features/groups/groups-page';
import { IncidentsPage } from '../features/incidents/incidents-page';
import { TrainingsPage } from '../features/trainings/trainings-page';
import { ImportPage } from '../features/import/import-page';
import { AREAS, navigate, useRoute, type Route } from './routes';
import { warmUpPdfWhenIdle } from '../pdf/pdf-client';

function AreaView({ route }: { route: Route }): ReactNode {
  switch (route.area) {
    case 'home':
      return <HomePage />;
    case 'platforms':
      return <PlatformsPage openId={route.id} />;
    case 'units':
      return <UnitsPage />;
    case 'people':
      return <PeoplePage />;
    case 'printouts':
      return <PrintoutsPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'approvals':
      return <ApprovalsPage openId={route.id} />;
    case 'reviews':
      return <ReviewsPage openId={route.id} />;
    case 'envelopes':
      return <EnvelopesPage openId={route.id} />;
    case 'handovers':
      return <HandoversPage />;
    case 'inspections':
      return <InspectionsPage />;
    case 'groups':
      return <GroupsPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'trainings':
      return <TrainingsPage />;
    case 'import':
      return <ImportPage />;
    case 'trash':
      return <TrashPage />;
    case 'audit':
      return <AuditPage key={route.id ?? ''} recordId={route.id} />;
    case 'backup':
      return <BackupPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <HomePage />;
  }
}

export function App() {
  const settings = useSettings();
  const route = useRoute();
  const ready = Boolean(settings);
  // Daily and on-quit backups of the desktop app, once there is data to protect.
  useEffect(() => {
    if (ready) startAutomaticBackups();
  }, [ready]);
  // The print fonts load in the PDF worker while the clerk reads the first page, so that the
  // first preview of the day is as quick as the later ones.
  useEffect(() => {
    if (ready) warmUpPdfWhenIdle();
  }, [ready]);

  if (settings === null) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
        <Spin description="正在打开数据库…" />
      </div>
    );
  }
  if (settings === false) return <SetupPage />;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={184} breakpoint="lg" collapsedWidth={0}>
        <div className="ledger-logo" title={settings.institutionName}>
          新媒体阵地台账
        </div>
        <nav aria-label="主导航">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[route.area]}
            items={AREAS.map((a) => ({ key: a.key, label: a.label }))}
            onClick={(e) => navigate(e.key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between' }}>
          <Typography.Text strong>{settings.institutionName}</Typography.Text>
          <Typography.Text type="secondary">
            {settings.profile.name} · 操作员：{settings.operatorName}
          </Typography.Text>
        </Layout.Header>
        <Layout.Content className="ledger-content">
          <main>
            <AreaView route={route} />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
