// Benchmark (not a test) of printing in the browser edition, as the clerk experiences it:
// Chromium, the built renderer, the PDF worker. Prints figures; asserts nothing.
// Run with `npm run bench` (after `vite build`).
import { chromium, type Page } from '@playwright/test';
import { ownChromiumRss, startPreview } from './bench-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const server = await startPreview(PORT);
const base = server.base;

try {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  // The app is offline: everything, fonts included, must come from its own files.
  const foreign: string[] = [];
  let fontRequests = 0;
  context.on('request', (r) => {
    const url = r.url();
    if (url.endsWith('.ttf')) fontRequests++;
    // chrome-extension: and chrome: are Chromium's built-in PDF viewer showing the preview.
    if (!/^(?:data|blob|chrome-extension|chrome):/.test(url) && !url.startsWith(base)) foreign.push(url);
  });
  const workerTimes: number[] = [];
  let warmAt = 0;
  page.on('console', (m) => {
    if (m.text() === '[pdf] warm') warmAt = Date.now();
    const ms = /^\[pdf\] (\d+) ms$/.exec(m.text());
    if (ms) workerTimes.push(Number(ms[1]));
  });
  await page.goto(base);
  await page.getByRole('button', { name: /载入示例数据/ }).click();
  await page.getByText('示例数据已载入').waitFor();

  // One form in the preview: from the click to the PDF shown. The first one after start: the
  // app warms the PDF worker (fonts and layout code) while idle, so it is measured after the home
  // page has been shown for 3 s, as a clerk opening the app and then a record would.
  const previewTimes: number[] = [];
  const pdfTimes: number[] = [];
  let homeShownAt = 0;
  // BENCH_PARTS=batch measures the batch only.
  for (let i = 0; i < (process.env.BENCH_PARTS === 'batch' ? 0 : 6); i++) {
    if (i === 0) {
      await page.goto(`${base}/#/home`);
      await page.reload();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      homeShownAt = Date.now();
      await page.waitForTimeout(3000);
    }
    await page.goto(`${base}/#/platforms`);
    await page.getByRole('searchbox', { name: '搜索平台' }).fill('官方微博');
    await page.getByRole('table', { name: '平台台账' }).getByRole('link').first().click();
    const t0 = Date.now();
    workerTimes.length = 0;
    await page.getByRole('button', { name: '打印备案信息表' }).click();
    await page.locator('iframe[title="表格预览"]').waitFor();
    previewTimes.push(Date.now() - t0);
    pdfTimes.push(workerTimes.at(-1) ?? -1);
    await page.keyboard.press('Escape');
  }
  if (previewTimes.length > 0) {
    console.log(`browser preview of F04 (click → PDF shown): first after start and 3 s on the home page ${previewTimes[0]} ms; then ${previewTimes.slice(1).join(', ')} ms`);
  console.log(`  of which building the PDF in the worker: ${pdfTimes[0]} ms; then ${pdfTimes.slice(1).join(', ')} ms`);
  console.log(`  the idle warm-up of the PDF worker finished ${warmAt ? `${warmAt - homeShownAt} ms after the home page was shown` : 'never (not logged)'}`);
  console.log(`  font files fetched: ${fontRequests} (from the app's own files); requests outside the app: ${foreign.length === 0 ? 'none' : foreign.join(', ')}`);
    console.log(`  Chromium of this benchmark, resident memory: ${Math.round(ownChromiumRss() / 1048576)} MB`);
  }
  // BENCH_PARTS=preview measures the preview only.
  if (process.env.BENCH_PARTS !== 'preview') await batchBench(page);
  await browser.close();
} finally {
  server.stop();
}

/** A 500-form batch: 500 accounts in the registry, F04 for all of them. */
async function batchBench(page: Page): Promise<void> {
  // A 500-form batch: 500 accounts in the registry, F04 for all of them.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('media-ledger');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = db.transaction('platforms').objectStore('platforms').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const wechat = all.filter((p) => p.kind === '微信公众号');
    const tx = db.transaction('platforms', 'readwrite');
    for (let i = all.length; i < 500 + all.length; i++) {
      const src = wechat[i % wechat.length]!;
      tx.objectStore('platforms').put({ ...src, id: `BENCH${String(i).padStart(21, '0')}`, name: `${src.name}${i}`, accountId: `bench_${i}` });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
  });
  await page.goto(`${base}/#/printouts`);
  await page.getByRole('tab', { name: '打印中心' }).click();
  const select = page.getByRole('combobox', { name: '选择表格' });
  await select.click();
  await select.fill('F04');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: /^F04 / }).click();
  await page.getByRole('button', { name: /^全选/ }).click();
  // 全选 asks the print center's worker for every match; the button counts them once it answered.
  const start = page.locator('button', { hasText: '批量打印所选' });
  let count = 0;
  for (let waited = 0; count === 0 && waited < 60_000; waited += 100) {
    count = Number((await start.textContent())?.match(/\d+/)?.[0] ?? 0);
    if (count === 0) await page.waitForTimeout(100);
  }
  const t0 = Date.now();
  await start.click();
  await page.getByText(/已生成 \d+ 份表格/).waitFor({ timeout: 300_000 });
  console.log(`browser batch of ${count} F04 forms (one page each) into one PDF: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
