// Benchmark (not a test) of backup and restore in the browser edition, as the clerk runs them:
// Chromium, the built renderer, real IndexedDB. The database is filled with ~100,000 records and
// 1 GB of scans (256 × 4 MB), then 立即备份 (download) and 从备份恢复 (verify, snapshot, replace)
// are timed through the UI, and the restore of that file on a new computer (a new profile, the
// setup page's 从备份文件恢复: every scan is new to it); the RSS of the Chromium this benchmark
// launched is sampled every 200 ms. Prints figures only.
// Scale with BENCH_RECORDS and BENCH_ATTACHMENT_MB. Run after `vite build`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { benchmarkTables } from './backup-data';
import { ownChromiumRss, startPreview, type PreviewServer } from './bench-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ATTACHMENT_MB = Number(process.env.BENCH_ATTACHMENT_MB ?? 1024);
const ATTACHMENT_SIZE = 4 * 1024 * 1024;
const MB = 1024 * 1024;
const PORT = 4392;

async function measured(label: string, bytes: number, run: () => Promise<void>): Promise<void> {
  const before = ownChromiumRss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, ownChromiumRss());
  }, 200);
  const t0 = performance.now();
  await run();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  console.log(`${label}: ${(bytes / MB).toFixed(0)} MB in ${s.toFixed(1)} s = ${(bytes / MB / s).toFixed(0)} MB/s; Chromium RSS peak ${(peak / MB).toFixed(0)} MB (before ${(before / MB).toFixed(0)} MB)`);
}

/** Fills the app's database directly (rows from Node, scans generated in the page with their SHA-256). */
async function fill(page: Page, count: number): Promise<void> {
  const tables = benchmarkTables(RECORDS, 0, ATTACHMENT_SIZE);
  delete (tables as Partial<typeof tables>).settings;
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(); the page lacks it.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(
    async ({ tables, count, size }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('media-ledger');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const put = (store: string, rows: unknown[], bytes?: unknown) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(bytes ? [store, 'scanBytes'] : store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          if (bytes) tx.objectStore('scanBytes').put(bytes);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      for (const [store, rows] of Object.entries(tables)) if (rows.length > 0) await put(store, rows);
      for (let i = 0; i < count; i++) {
        const bytes = new Uint8Array(size);
        for (let j = 0; j < size; j += 4) bytes[j] = (i * 31 + j) & 0xff;
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
        const at = '2026-03-01T08:00:00.000Z';
        // As the app stores a scan: the row, and the bytes by their hash (renderer/db/scan-bytes.ts).
        await put(
          'attachments',
          [{ id: `att-${i}`, createdAt: at, updatedAt: at, name: `签回扫描件-${i}.pdf`, mimeType: 'application/pdf', size, sha256, ownerTable: 'printouts', ownerId: `printouts-${i}` }],
          { sha256, size, blob: new Blob([bytes], { type: 'application/pdf' }) },
        );
      }
      db.close();
    },
    { tables, count, size: ATTACHMENT_SIZE },
  );
}

let lastPage: Page | undefined;
let server: PreviewServer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-browser-backup-'));
try {
  server = await startPreview(PORT);
  // A persistent profile, as the clerk's browser has: an off-the-record context (what
  // chromium.launch() + newPage() gives) keeps every Blob and IndexedDB value in memory, and at
  // 1 GB of scans Chromium then refuses to read them back (NotReadableError).
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  lastPage = page;
  // The app logs the English detail of a failure to the console: print it with the figures.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[page ${message.type()}] ${message.text()}`);
  });
  page.setDefaultTimeout(Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60 * 1000));
  await page.goto(server.base);
  await page.getByLabel('单位（学校）名称').fill('东湖示范大学');
  await page.getByLabel('操作员姓名').fill('王𠮷');
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  const count = Math.round((ATTACHMENT_MB * MB) / ATTACHMENT_SIZE);
  const t0 = performance.now();
  await fill(page, count);
  console.log(`browser backup bench: ${RECORDS.toLocaleString('en')} records + ${count} scans of 4 MB stored in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await page.reload();
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();

  const file = join(dir, 'bench.mlbackup');
  await measured('backup (立即备份 → verified download)', count * ATTACHMENT_SIZE, async () => {
    await page.getByRole('button', { name: '立即备份…' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('dialog', { name: '立即备份' }).getByRole('button', { name: '开始备份' }).click();
    await (await downloading).saveAs(file);
    await page.getByText('备份完成，已通过校验').waitFor();
  });
  console.log(`  backup file: ${(statSync(file).size / MB).toFixed(0)} MB`);
  await page.getByRole('dialog', { name: '立即备份' }).getByRole('button', { name: '完成', exact: true }).click();

  await measured('restore: choose file → verified and shown', statSync(file).size, async () => {
    await page.getByLabel('备份文件').setInputFiles(file);
    await page.getByText('备份文件完整，校验通过').waitFor();
  });
  await measured('restore: confirm → snapshot of current data + replace', statSync(file).size, async () => {
    await page.getByRole('button', { name: '用此备份替换当前数据…' }).click();
    await page.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' }).getByRole('button', { name: '替换' }).click();
    await page.getByText('恢复完成').waitFor();
  });
  await browser.close();

  // A new computer: a new profile, the setup page, every scan of the file new to its database.
  const fresh = await chromium.launchPersistentContext(join(dir, 'profile-new-computer'), {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1366, height: 900 },
  });
  const setup = fresh.pages()[0] ?? (await fresh.newPage());
  lastPage = setup;
  setup.setDefaultTimeout(Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60 * 1000));
  await setup.goto(server.base);
  await setup.getByRole('button', { name: '从备份文件恢复（换新电脑时）' }).click();
  await setup.getByLabel('备份文件').setInputFiles(file);
  await setup.getByText('备份文件完整，校验通过').waitFor();
  await measured('restore on a new computer (setup page): confirm → replace', statSync(file).size, async () => {
    await setup.getByRole('button', { name: '用此备份替换当前数据…' }).click();
    await setup.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' }).getByRole('button', { name: '替换' }).click();
    await setup.getByRole('navigation', { name: '主导航' }).waitFor();
  });
  await fresh.close();
} catch (error) {
  // A stuck step is easier to understand from what the page showed.
  const shot = join(tmpdir(), 'ledger-bench-browser-backup-failure.png');
  await lastPage?.screenshot({ path: shot }).then(() => console.error(`page at the failure: ${shot}`), () => undefined);
  throw error;
} finally {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
