// 单位 found by pinyin initials, full pinyin and kind: the keys come from the people worker, so the
// window matches them without loading the pinyin dictionary itself (it ships in workers only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';

const outDir = process.env.LEDGER_OUT_DIR ?? path.resolve(import.meta.dirname, '../../dist/renderer');

test('单位 is searched by pinyin initials, full pinyin and kind', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.openWithDemo();
  await app.goTo('单位');
  const search = page.getByRole('searchbox', { name: '搜索单位' });
  const names = page.locator('main tbody tr[data-row-key] td:first-child');
  await search.fill('tsg');
  await expect(names).toHaveText(['图书馆', '图书馆党总支']);
  await search.fill('makesi');
  await expect(names).toHaveText(['马克思主义学院']);
  // 二级学院 by its pinyin initials, together with a word of the name.
  await search.fill('ejxy 外国');
  await expect(names).toHaveText(['外国语学院']);
});

test('the pinyin dictionary ships in the workers only, not in the window’s scripts', () => {
  const assets = path.join(outDir, 'assets');
  // A syllable every pinyin dictionary holds, in its toned spelling.
  const holding = readdirSync(assets).filter((name) => name.endsWith('.js') && readFileSync(path.join(assets, name), 'utf8').includes('shuāng'));
  expect(holding.length).toBeGreaterThan(0);
  expect(holding.filter((name) => !/-worker-[\w-]+\.js$/.test(name))).toEqual([]);
});
