// The app frame: first-run setup until settings exist, then the side navigation and the area
// the hash route names.
import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useSettings } from '../db/queries';
import { SetupPage } from '../features/setup/setup-page';
import { HomePage } from '../features/home/home-page';
import { afterStartPage } from '../features/home/home-client';
import { startAutomaticBackups } from '../features/backup/automatic-backups';
import { PageBoundary } from './page-boundary';
import { lazyPage } from './lazy-page';
import { AREAS, navigate, useRoute, type Route } from './routes';
import { warmUpPdfWhenIdle } from '../pdf/pdf-client';
import { whenQuiet } from './quiet';

// Every area but the start page is a chunk of its own, loaded when first opened (and in the
// background once the start page is up): the window starts by evaluating the start page's code
// only, not every page, dialog, form and the spreadsheet library.
const PlatformsPage = lazyPage(() => import('../features/platforms/platforms-page').then((m) => m.PlatformsPage));
const UnitsPage = lazyPage(() => import('../features/units/units-page').then((m) => m.UnitsPage));
const PeoplePage = lazyPage(() => import('../features/people/people-page').then((m) => m.PeoplePage));
const PrintoutsPage = lazyPage(() => import('../features/printouts/printouts-page').then((m) => m.PrintoutsPage));
const ExchangePage = lazyPage(() => import('../features/exchange/exchange-page').then((m) => m.ExchangePage));
const ApprovalsPage = lazyPage(() => import('../features/approvals/approvals-page').then((m) => m.ApprovalsPage));
const ReviewsPage = lazyPage(() => import('../features/reviews/reviews-page').then((m) => m.ReviewsPage));
const EnvelopesPage = lazyPage(() => import('../features/envelopes/envelopes-page').then((m) => m.EnvelopesPage));
const HandoversPage = lazyPage(() => import('../features/handovers/handovers-page').then((m) => m.HandoversPage));
const InspectionsPage = lazyPage(() => import('../features/inspections/inspections-page').then((m) => m.InspectionsPage));
const GroupsPage = lazyPage(() => import('../features/groups/groups-page').then((m) => m.GroupsPage));
const IncidentsPage = lazyPage(() => import('../features/incidents/incidents-page').then((m) => m.IncidentsPage));
const TrainingsPage = lazyPage(() => import('../features/trainings/trainings-page').then((m) => m.TrainingsPage));
const ImportPage = lazyPage(() => import('../features/import/import-page').then((m) => m.ImportPage));
const TrashPage = lazyPage(() => import('../features/trash/trash-page').then((m) => m.TrashPage));
const AuditPage = lazyPage(() => import('../features/audit/audit-page').then((m) => m.AuditPage));
const BackupPage = lazyPage(() => import('../features/backup/backup-page').then((m) => m.BackupPage));
const SettingsPage = lazyPage(() => import('../features/settings/settings-page').then((m) => m.SettingsPage));

/** In the order they are loaded in the background (the registers opened most first). */
const PAGES = [PlatformsPage, ReviewsPage, UnitsPage, PeoplePage, PrintoutsPage, ApprovalsPage, EnvelopesPage, HandoversPage, InspectionsPage, GroupsPage, IncidentsPage, TrainingsPage, ExchangePage, ImportPage, TrashPage, AuditPage, BackupPage, SettingsPage];

/**
 * What the app prepares while the clerk reads the start page, so that it competes as little as it
 * can with the clerk's first click: the register worker loads the indexes of 平台台账 and 发布审核
 * (the registers opened most; 平台台账's first) while every page's code is loaded here, one page
 * per idle moment; only when both are done are the print fonts loaded in the PDF worker (the first
 * preview of the day is then as quick as the later ones). On two cores, the fonts' loading beside
 * the registers' made 平台台账's first rows, opened right after the start, take 2.6–3.5 s. Each
 * step waits for a pause in the clerk's keys and clicks (quiet.ts), so none starts while they type.
 */
async function prepareInBackground(): Promise<void> {
  const registers = (async () => {
    try {
      const { startRegisterWorker, warmRegister } = await import('../db/register-index');
      // Its thread and code now (another thread's work, at once); its loads wait for a pause.
      startRegisterWorker();
      await whenQuiet();
      await warmRegister('platforms');
      await whenQuiet();
      await warmRegister('reviews');
    } catch {
      // Each register builds its index when opened.
    }
  })();
  for (const page of PAGES) {
    await whenQuiet();
    await new Promise<void>((resolve) => idle(resolve));
    // A page that fails to load here is loaded (and its failure shown) when it is opened.
    await page.preload().catch(() => undefined);
  }
  await registers;
  warmUpPdfWhenIdle();
}

function idle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5_000 });
  else setTimeout(run, 200);
}

function PageLoading(): ReactNode {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Spin description="正在打开…" />
    </div>
  );
}

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
  // Prepared in the background once the start page shows its figures, so that nothing of it
  // competes with the first screen.
  useEffect(() => {
    if (!ready) return;
    void afterStartPage(4_000).then(prepareInBackground);
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
            <PageBoundary key={route.area}>
              <Suspense fallback={<PageLoading />}>
                <AreaView route={route} />
              </Suspense>
            </PageBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
