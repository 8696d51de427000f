// 回收站 over more than one page: newest deletion first across the record tables, 20 to a page,
// and the page shown follows restores (the next page's rows move up); 导出 holds every record.
import { expect, test } from '@playwright/test';
import { putRow, readStore, type Row } from './pages/app-database';
import { ImportExportPage } from './pages/import-export-page';
import { LedgerApp } from './pages/ledger-app';
import { RoughEdgesPage } from './pages/rough-edges-page';
import { TrashListPage } from './pages/trash-page';

/** Demo records of three tables, with the field the trash names them by. */
const SOURCES = [
  { store: 'reviews', field: 'title' },
  { store: 'people', field: 'name' },
  { store: 'platforms', field: 'name' },
] as const;

test('the trash shows 20 records a page, newest deletion first, and follows restores', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-06-15T10:00:00'));
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();

  // 23 records deleted over the first half of the year, one an hour, taken in turn from three
  // tables. They are written behind the app's back: deleting through the UI is covered by the
  // people and audit specs, and 23 deletes there would only make this one slow.
  const pools = await Promise.all(SOURCES.map((s) => readStore(page, s.store)));
  const seen = new Set<string>();
  const old: { label: string; store: string; row: Row }[] = [];
  for (let i = 0; old.length < 23; i++) {
    const s = SOURCES[i % SOURCES.length]!;
    const row = pools[i % SOURCES.length]![Math.floor(i / SOURCES.length)];
    if (!row) throw new Error(`the demo has too few ${s.store}`);
    const label = String(row[s.field]);
    if (seen.has(label)) continue;
    seen.add(label);
    old.push({ label, store: s.store, row });
  }
  for (const [i, o] of old.entries()) {
    await putRow(page, o.store, { ...o.row, deletedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString() });
  }

  // The newest: a training deleted now, through the app.
  await app.goTo('培训');
  const training = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^删除 / }) }).first();
  const deleteLabel = ((await training.getByRole('button', { name: /^删除 / }).getAttribute('aria-label')) ?? '').replace(/^删除 /, '');
  await new RoughEdgesPage(page).deleteRecord(deleteLabel);
  await expect(page.getByRole('button', { name: `删除 ${deleteLabel}` })).toBeHidden();
  // The trash names a training by its topic.
  const trainings = await readStore<{ topic: string; deletedAt?: string }>(page, 'trainings');
  const trainingName = trainings.find((t) => t.deletedAt)!.topic;

  await app.goTo('回收站');
  const trash = new TrashListPage(page);
  const newestFirst = [trainingName, ...old.map((o) => o.label).reverse()];
  await expect(trash.rows()).toHaveCount(20);
  await expect(trash.rows().first()).toContainText('培训');
  for (const [i, label] of newestFirst.slice(0, 20).entries()) await expect(trash.name(i)).toHaveText(label);
  await page.locator('.ant-pagination').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('trash-page-1.png') });

  await trash.toPage(2);
  await expect(trash.rows()).toHaveCount(4);
  for (const [i, label] of newestFirst.slice(20).entries()) await expect(trash.name(i)).toHaveText(label);

  // The oldest comes back; then the newest, and page 1 takes the first of page 2.
  await trash.restore(newestFirst[23]!);
  await expect(trash.rows()).toHaveCount(3);
  await trash.toPage(1);
  await trash.restore(trainingName);
  await expect(trash.rows()).toHaveCount(20);
  await expect(trash.name(19)).toHaveText(newestFirst[20]!);
  await trash.toPage(2);
  await expect(trash.rows()).toHaveCount(2);

  const audit = await readStore<{ table: string; action: string }>(page, 'auditLog');
  expect(audit.slice(-2).map((e) => [e.table, e.action])).toEqual([
    [old[0]!.store, 'restore'],
    ['trainings', 'restore'],
  ]);

  // 导出 reads every trashed record when clicked, not only the page shown.
  const csv = (await new ImportExportPage(page).export('utf8-bom')).bytes.toString('utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + 22);
  for (const label of newestFirst.slice(1, 23)) expect(csv).toContain(label);
  expect(lines[1]).toContain(newestFirst[1]!);
});
