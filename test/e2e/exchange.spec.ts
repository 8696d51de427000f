// 数据交换: a unit's package exported (downloaded), one of its platforms then changed here so it
// conflicts, the package imported: the conflict shown side by side, accepted, merged with an audit
// entry; the same package imported again writes nothing. An account held here under another id is
// shown as 重复账号 beside the stored one and cannot be merged, nor can its filing.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { newId } from '../../shared/domain/ids';
import { packageChecksum } from '../../shared/exchange/format';
import { readStore } from './pages/app-database';
import { ExchangePage } from './pages/exchange-page';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

const UNIT = '计算机与人工智能学院';
const SITE = '计算机与人工智能学院网站';
const LOCAL_MEASURES = '本机改过：每周一由学院办公室检查更新';

interface PlatformRow {
  id: string;
  name: string;
  measures: string;
  updatedAt: string;
}

test('export a unit package, conflict with a local edit, accept the conflict, and import the same package again without writing anything', async ({ page }, testInfo) => {
  const app = new LedgerApp(page);
  const exchange = new ExchangePage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();

  // 1. Export the college's package.
  await app.goTo('数据交换');
  await expect(page.getByRole('heading', { name: '数据交换' })).toBeVisible();
  const download = await exchange.exportUnit(UNIT);
  expect(download.suggestedFilename()).toMatch(/^数据交换包-计算机与人工智能学院-\d{8}-\d{4}\.mlpkg$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByText(/已导出“计算机与人工智能学院”的数据包.*平台 \d+ 个（含工作群）/)).toBeVisible();

  const original = (await readStore<PlatformRow>(page, 'platforms')).find((p) => p.name === SITE)!;
  expect(original.measures).not.toBe(LOCAL_MEASURES);

  // 2. Change the college website here, so the package's version conflicts with it.
  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  await registry.search(SITE);
  await registry.rowLink(SITE).click();
  await page.getByRole('button', { name: '编辑' }).click();
  const drawer = page.getByRole('dialog', { name: `编辑平台：${SITE}` });
  await drawer.getByLabel('管理措施（简明罗列主要管理措施）').fill(LOCAL_MEASURES);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  expect((await readStore<PlatformRow>(page, 'platforms')).find((p) => p.id === original.id)!.measures).toBe(LOCAL_MEASURES);

  // 3. Import: the website is the one conflict, shown 本机 beside 导入 with the field marked.
  await app.goTo('数据交换');
  await exchange.importFile(file);
  await expect(exchange.count('conflict')).toHaveText('有冲突 1');
  await expect(exchange.count('new')).toHaveText('新增 0');
  await expect(exchange.count('changed')).toHaveText('有更新 0');
  await expect(exchange.count('same')).toHaveText(/^相同 [1-9]\d*$/);
  const conflicts = exchange.group('有冲突');
  await expect(conflicts.getByRole('row', { name: new RegExp(SITE) }).first()).toContainText('管理措施');
  const comparison = exchange.comparison(SITE);
  await expect(comparison.getByRole('columnheader', { name: '本机' })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: '导入' })).toBeVisible();
  const measuresRow = comparison.getByRole('row', { name: /管理措施/ });
  await expect(measuresRow).toContainText('不同');
  await expect(measuresRow.getByRole('cell').nth(1)).toHaveText(LOCAL_MEASURES);
  await expect(measuresRow.getByRole('cell').nth(2)).toHaveText(original.measures);
  await expect(comparison.getByRole('row', { name: /平台名称/ })).not.toContainText('不同');
  // Conflicts are not preselected: nothing to merge until the clerk ticks it.
  await expect(page.getByRole('button', { name: '合并所选记录（0）' })).toBeDisabled();

  // 4. Accept the conflict and merge.
  const auditBefore = await readStore<{ seq: number }>(page, 'auditLog');
  await exchange.accept('平台', SITE);
  await exchange.merge(1);
  await expect(page.getByText('已合并 1 条记录：新增 0 条、更新 0 条、冲突中采用导入版本 1 条。每条都已记入审计日志。')).toBeVisible();
  const merged = (await readStore<PlatformRow>(page, 'platforms')).find((p) => p.id === original.id)!;
  expect(merged.measures).toBe(original.measures);
  expect(merged.updatedAt).toBe(original.updatedAt);
  const auditAfter = await readStore<{ seq: number; action: string; table: string; recordId: string; changes: Record<string, unknown> }>(page, 'auditLog');
  expect(auditAfter).toHaveLength(auditBefore.length + 1);
  expect(auditAfter.at(-1)).toMatchObject({ action: 'merge', table: 'platforms', recordId: original.id, changes: { measures: [LOCAL_MEASURES, original.measures] } });
  // The page compared again: everything is now the same as the package.
  await expect(exchange.count('conflict')).toHaveText('有冲突 0');

  // 5. The same package again: all 相同, nothing to merge, nothing written.
  const platformsBefore = await readStore(page, 'platforms');
  await page.reload();
  await app.goTo('数据交换');
  await exchange.importFile(file);
  await expect(exchange.count('same')).toHaveText(/^相同 [1-9]\d*$/);
  for (const status of ['new', 'changed', 'conflict'] as const) await expect(exchange.count(status)).toHaveText(/ 0$/);
  await expect(page.getByText('数据包中的记录与本机完全相同，无需合并。')).toBeVisible();
  await expect(page.getByRole('button', { name: /^合并所选记录/ })).toHaveCount(0);
  expect(await readStore(page, 'auditLog')).toHaveLength(auditAfter.length);
  expect(await readStore(page, 'platforms')).toEqual(platformsBefore);

  // The audit page names the action.
  await app.goTo('审计日志');
  await expect(page.getByRole('cell', { name: '合并导入' }).first()).toBeVisible();
});

test('a file that is not a package, or an edited package, is refused with a message and changes nothing', async ({ page }, testInfo) => {
  const app = new LedgerApp(page);
  const exchange = new ExchangePage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('数据交换');
  const download = await exchange.exportUnit(UNIT);
  const file = testInfo.outputPath('original.mlpkg');
  await download.saveAs(file);
  const edited = (await readFile(file, 'utf8')).replace(`"name":"${SITE}"`, `"name":"${SITE}（改）"`);
  const editedFile = testInfo.outputPath('edited.mlpkg');
  await writeFile(editedFile, edited);
  const notPackage = testInfo.outputPath('notes.mlpkg');
  await writeFile(notPackage, '这不是数据包');

  const auditBefore = await readStore(page, 'auditLog');
  const input = page.getByLabel('选择数据交换包文件');
  await input.setInputFiles(editedFile);
  await expect(page.getByText(/数据包已损坏或在导出后被改动过（校验和不符），不能导入/)).toBeVisible();
  await input.setInputFiles(notPackage);
  await expect(page.getByText(/所选文件不是本软件的数据交换包（扩展名 \.mlpkg），未导入/)).toBeVisible();
  await expect(page.getByRole('region', { name: '导入对比' })).toHaveCount(0);
  expect(await readStore(page, 'auditLog')).toHaveLength(auditBefore.length);
});

test('an account this copy holds under another id is 重复账号, shown beside the stored one, and neither it nor its filing can be merged', async ({ page }, testInfo) => {
  const WECHAT = '东湖计算机与人工智能';
  const app = new LedgerApp(page);
  const exchange = new ExchangePage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('数据交换');
  const download = await exchange.exportUnit(UNIT);
  const original = testInfo.outputPath('original.mlpkg');
  await download.saveAs(original);

  // The unit's copy knows the WeChat account (and its filing) under other ids, as after the 宣传部
  // imported its Excel ledger: same kind, same account id, different record ids.
  const pkg = JSON.parse(await readFile(original, 'utf8')) as { records: Record<string, Record<string, unknown>[]> } & Record<string, unknown>;
  const wechat = pkg.records.platforms!.find((p) => p.name === WECHAT)!;
  const filing = pkg.records.approvals!.find((a) => a.platformId === wechat.id)!;
  const storedId = wechat.id as string;
  const incomingId = newId();
  wechat.id = incomingId;
  filing.id = newId();
  filing.platformId = incomingId;
  const { sha256: _old, ...body } = pkg;
  const file = testInfo.outputPath('other-ids.mlpkg');
  await writeFile(file, JSON.stringify({ ...body, sha256: packageChecksum(body) }));

  const platformsBefore = await readStore<PlatformRow & { kind: string; accountId: string }>(page, 'platforms');
  const auditBefore = await readStore(page, 'auditLog');
  await exchange.importFile(file);
  await expect(exchange.count('duplicate')).toHaveText('重复账号 1');
  await expect(exchange.count('new')).toHaveText('新增 1');
  const duplicates = exchange.group('重复账号');
  await expect(duplicates.getByRole('row', { name: new RegExp(WECHAT) }).first()).toContainText('与本机已有的同类账号（微信公众号，账号ID dhsf_cs）重复：“东湖计算机与人工智能”');
  await expect(page.getByRole('checkbox', { name: `合并 平台 ${WECHAT}` })).toHaveCount(0);
  const comparison = exchange.comparison(WECHAT);
  await expect(comparison.getByRole('columnheader', { name: '本机已有的同类账号' })).toBeVisible();
  const idRow = comparison.getByRole('row', { name: /记录编号/ });
  await expect(idRow).toContainText('不同');
  await expect(idRow.getByRole('cell').nth(1)).toHaveText(storedId);
  await expect(idRow.getByRole('cell').nth(2)).toHaveText(incomingId);
  // The filing would point at a platform that cannot be merged: listed, not ticked, cannot be ticked.
  const filingBox = page.getByRole('checkbox', { name: new RegExp(`^合并 开通与备案 ${WECHAT} `) });
  await expect(filingBox).not.toBeChecked();
  await expect(filingBox).toBeDisabled();
  await expect(exchange.group('新增')).toContainText(`平台“${WECHAT}”与本机已有的同类账号重复、不能合并`);
  await expect(page.getByRole('button', { name: '合并所选记录（0）' })).toBeDisabled();

  // Nothing was written: the account is still registered once.
  const platformsAfter = await readStore<PlatformRow & { kind: string; accountId: string }>(page, 'platforms');
  expect(platformsAfter).toEqual(platformsBefore);
  expect(platformsAfter.filter((p) => p.kind === '微信公众号' && p.accountId === 'dhsf_cs')).toHaveLength(1);
  expect(await readStore(page, 'auditLog')).toHaveLength(auditBefore.length);
});
