// Benchmark (not a test) of issue 15: the browser edition with a whole university's ten years —
// 300 units, 3,000 people, 10,000 platforms, 100,000 reviews, 20,000 filings, 5,000 envelopes,
// 30,000 inspections and the ~316,000 audit entries writing them produced — every count times
// BENCH_SCALE (default 1; e.g. 0.1 for a quick run). The dataset is written with the project's
// own backup writer (scale-backup.ts), restored through 备份与恢复 as the clerk does, then each
// row of the issue's table is measured through the UI, BENCH_RUNS times (default 3), printing
// the median, the longest main-thread task (PerformanceObserver 'longtask' in the page) and the
// peak resident memory of this benchmark's own Chromium. It measures; it asserts nothing. A step
// that cannot be measured prints why instead of a figure. `npm run bench:scale`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page } from '@playwright/test';
import { writeBackup } from '../../shared/backup/backup-writer';
import { DB_SCHEMA_VERSION } from '../../shared/domain/db-schema-version';
import { ownChromiumRss, startPreview, viteBin, type PreviewServer } from './bench-host';
import { PAGE_PROBE } from './page-probe';
import { INSTITUTION, ISSUE_15_EXTRA, OPERATOR, SCAN_SIZE, scaleDataset, scanBytes } from './scale-backup';
import { DHSF_NAME } from './scale-ledger';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const PORT = Number(process.env.BENCH_PORT ?? 4396);
/** Generous: a restore at scale 1 takes minutes today. */
const LONG_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 60 * 60 * 1000);
const MB = 1024 * 1024;
const SCANS = Math.max(1, Math.round((ISSUE_15_EXTRA.scanBytes * SCALE) / SCAN_SIZE));
/**
 * How long a new Chromium is left on its blank page before the app is opened. Chromium 156 starts
 * its own address-bar dropdown (a web page, chrome://omnibox-popup.top-chrome) in a renderer of its
 * own when a window opens, headless too: in traces of cold starts it kept a core busy for 0.5–1.4 s
 * of the app's first 2 s. A clerk opens the app in a browser already started (and the desktop
 * window has no address bar), so the figure starts once Chromium's own start is over.
 */
const CHROMIUM_START_MS = 3_000;
/** How long the app stays open on its start page after a cold start is measured (not timed). */
const AFTER_START_MS = 15_000;
/** Which rows to measure (default all): a comma list of cold, pages, search, search-reviews, search-approvals, search-first, picks, preview, restore, scans, batch (and verify, audit-export, reviews-export, platforms-export, approvals-export, inspections-export, people-export, groups-export, envelopes-export, handovers-export, printouts-export, pages-all, exchange, audit-filter). */
const STEPS = new Set((process.env.BENCH_STEPS ?? 'cold,pages,search,search-reviews,search-approvals,search-first,picks,preview,restore,scans,batch').split(',').map((s) => s.trim()));
/**
 * A scratch folder kept between runs (default: a new one, removed at the end). With it, a second
 * run reuses the dataset files and the restored Chromium profile, so a few rows can be measured
 * again in a minute while working on them.
 */
const KEEP = process.env.BENCH_KEEP;
/** The clerk's date for the cold start ('YYYY-MM-DD'; default the machine's). */
const BENCH_TODAY = process.env.BENCH_TODAY;
/** A folder for CPU profiles of the page's main thread, one per measured step (unminified build). */
const CPU_PROFILES = process.env.BENCH_CPU_PROFILES;
/** A file name prefix: the search steps write a Chromium trace of the keys typed (style, layout and paint, which a CPU profile does not show) to <prefix>-<step>-<time>.json. */
const TRACE = process.env.BENCH_TRACE;
/** With a number (ms): the export steps also list each main-thread task at least that long, as ms after the click and length. */
const LIST_TASKS = Number(process.env.BENCH_LIST_TASKS ?? 0);
/** The first data row of a table, not one still on screen from the page before (page-probe markOld). */
const FIRST_ROW = ['main tbody tr[data-row-key]:not([data-bench-old])', 'main [role="row"][aria-rowindex]:not([data-bench-old])'];
const OLD_ROWS = ['tbody tr', '[role="row"]'];

if (!(SCALE > 0)) throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);

// ---------------------------------------------------------------------------------------------
// Figures

interface Sample {
  ms: number;
  /** Longest main-thread task during the step, ms. */
  longest: number;
  /** The main thread's busy time during the step (Chromium's TaskDuration), ms: less noisy than one task's length when comparing two builds. */
  busy?: number;
  peakRss: number;
  idleRss: number;
  bytes?: number;
  /** When each step a restore names in its progress line began, ms from the start (one run). */
  steps?: Record<string, number>;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
/** The browser reports only tasks of 50 ms or more as long tasks. */
const fmtTask = (ms: number) => (ms > 0 ? fmtMs(ms) : 'none ≥ 50 ms');

const lines: string[] = [];
function report(line: string): void {
  lines.push(line);
  console.log(line);
}

/** One line per row of the issue's table: median of the runs, every run, longest task, peak RSS (and MB/s, RSS over idle where the issue asks). */
function reportRow(label: string, samples: readonly Sample[], opts: { throughput?: boolean; overIdle?: boolean; note?: string } = {}): void {
  const ms = samples.map((s) => s.ms);
  const parts = [`median ${fmtMs(median(ms))} (runs: ${ms.map(fmtMs).join(', ')})`];
  if (opts.throughput) {
    const rates = samples.map((s) => (s.bytes ?? 0) / MB / (s.ms / 1000));
    parts.push(`${median(rates).toFixed(1)} MB/s of ${fmtMb(median(samples.map((s) => s.bytes ?? 0)))}`);
  }
  parts.push(`longest main-thread task ${fmtTask(Math.max(...samples.map((s) => s.longest)))}`);
  const busy = samples.flatMap((s) => (s.busy === undefined ? [] : [s.busy]));
  if (busy.length > 0) parts.push(`main thread busy median ${fmtMs(median(busy))} (runs: ${busy.map(fmtMs).join(', ')})`);
  parts.push(`Chromium peak RSS ${fmtMb(Math.max(...samples.map((s) => s.peakRss)))}`);
  if (opts.overIdle) parts.push(`${fmtMb(Math.max(...samples.map((s) => s.peakRss - s.idleRss)))} over idle`);
  const steps = samples.at(-1)?.steps;
  if (steps && Object.keys(steps).length > 0) parts.push(`steps of the last run from ${Object.entries(steps).map(([step, at]) => `${step} ${fmtMs(at)}`).join(', ')}`);
  report(`${label}: ${parts.join('; ')}${opts.note ? ` — ${opts.note}` : ''}`);
}

/**
 * While `run` goes on, reads the restore card's progress (“…7%校验备份文件：已处理 …”) every 250 ms
 * and notes when each step was first shown, in ms from `t0`.
 */
async function stepsShown<T>(status: Locator, t0: number, run: () => Promise<T>): Promise<{ result: T; steps: Record<string, number> }> {
  const steps: Record<string, number> = {};
  let going = true;
  const watching = (async () => {
    while (going) {
      const text = (await status.textContent({ timeout: 1000 }).catch(() => null)) ?? '';
      // The line reads “<title><percent>%<step>：已处理 …”.
      const step = /%([^%：]+)：已处理/.exec(text)?.[1];
      if (step && steps[step] === undefined) steps[step] = Date.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    return { result: await run(), steps };
  } finally {
    going = false;
    await watching;
  }
}

function notMeasured(label: string, error: unknown): void {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  report(`${label}: not measured — ${reason}`);
}

/** Samples this benchmark's Chromium every 200 ms while `run` goes on. */
async function withRss<T>(run: () => Promise<T>): Promise<{ result: T; peak: number; idle: number }> {
  const idle = ownChromiumRss();
  let peak = idle;
  const timer = setInterval(() => {
    peak = Math.max(peak, ownChromiumRss());
  }, 200);
  try {
    const result = await run();
    return { result, peak: Math.max(peak, ownChromiumRss()), idle };
  } finally {
    clearInterval(timer);
  }
}

/** Starts a Chromium trace of the page's rendering (DevTools' timeline categories); `stopInto` writes it to a file. */
async function startTrace(page: Page): Promise<{ stopInto: (file: string) => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] } });
  return {
    stopInto: async (file) => {
      const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      if (!stream) throw new Error('the trace came back without a stream');
      const parts: Buffer[] = [];
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      writeFileSync(file, Buffer.concat(parts));
    },
  };
}

/**
 * Records CPU profiles while `run` goes on, when BENCH_CPU_PROFILES names a folder: one of the
 * page's main thread and one of each of its workers (attached through the page's CDP session:
 * much of the work — backup, restore, indexes, PDF — runs in workers).
 */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  if (!CPU_PROFILES) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // Workers answer through Target.sendMessageToTarget (Playwright's sessions are pages and frames only).
  let nextId = 1;
  const answers = new Map<number, (message: { result?: { profile?: unknown } }) => void>();
  const workers = new Map<string, string>();
  const toWorker = (sessionId: string, method: string, params: object = {}) =>
    new Promise<{ result?: { profile?: unknown } }>((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve({}));
    });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { profile?: unknown } };
    if (message.id !== undefined) answers.get(message.id)?.(message);
  });
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type !== 'worker') return;
    workers.set(event.sessionId, event.targetInfo.url.split('/').pop()?.replace(/[^\w.-]/g, '_') ?? 'worker');
    void toWorker(event.sessionId, 'Profiler.enable')
      .then(() => toWorker(event.sessionId, 'Profiler.setSamplingInterval', { interval: 200 }))
      .then(() => toWorker(event.sessionId, 'Profiler.start'));
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(CPU_PROFILES, { recursive: true });
    const at = Date.now();
    writeFileSync(join(CPU_PROFILES, `${name}-${at}.cpuprofile`), JSON.stringify(profile));
    for (const [sessionId, worker] of workers) {
      const stopped = await Promise.race([toWorker(sessionId, 'Profiler.stop'), new Promise<{ result?: undefined }>((resolve) => setTimeout(() => resolve({}), 5_000))]);
      if (stopped.result?.profile) writeFileSync(join(CPU_PROFILES, `${name}-${at}-worker-${worker}.cpuprofile`), JSON.stringify(stopped.result.profile));
    }
    await cdp.detach();
  }
}

// ---------------------------------------------------------------------------------------------
// The dataset, written with the project's backup writer

async function writeFile(file: string, tables: Record<string, object[]>, scans: number): Promise<void> {
  const out = createWriteStream(file);
  const attachments = (tables.attachments as { id: string }[]).map((row, i) => ({ id: row.id, data: scanBytes(i) }));
  for await (const chunk of writeBackup({ appVersion: 'bench-scale', dbVersion: DB_SCHEMA_VERSION, tables: tables as never, attachments })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (scans !== attachments.length) throw new Error(`expected ${scans} scans, wrote ${attachments.length}`);
}

function scanSha256(index: number): string {
  const hash = createHash('sha256');
  for (const chunk of scanBytes(index)) hash.update(chunk);
  return hash.digest('hex');
}

async function generate(dir: string): Promise<{ plain: string; withScans: string }> {
  const t0 = performance.now();
  const plain = join(dir, 'scale.mlbackup');
  let dataset = scaleDataset({ scale: SCALE });
  const counts = Object.entries(dataset.tables)
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => `${table} ${rows.length.toLocaleString('en')}`)
    .join(', ');
  await writeFile(plain, dataset.tables, 0);
  const withScans = join(dir, 'scale-scans.mlbackup');
  dataset = scaleDataset({ scale: SCALE, scans: SCANS, scanSha256 });
  await writeFile(withScans, dataset.tables, SCANS);
  report(`dataset (BENCH_SCALE=${SCALE}): ${counts}`);
  report(
    `  written with shared/backup/backup-writer.ts in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${fmtMb(statSync(plain).size)} backup; ` +
      `the same + ${SCANS} signed-copy scans of 4 MB (1 GB × BENCH_SCALE, each attached to a printout, audited): ${fmtMb(statSync(withScans).size)}`,
  );
  return { plain, withScans };
}

// ---------------------------------------------------------------------------------------------
// The app in Chromium

class App {
  context!: BrowserContext;
  page!: Page;
  constructor(
    readonly base: string,
    readonly profileDir: string,
  ) {}

  async launch(): Promise<void> {
    // A persistent profile, as the clerk's browser has: an off-the-record context keeps every
    // Blob and IndexedDB value in memory and refuses to read large scans back.
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    });
    await this.context.addInitScript({ content: PAGE_PROBE });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(LONG_MS);
    this.page.on('console', (m) => {
      if (m.type() === 'error') console.error(`  [page error] ${m.text().slice(0, 300)}`);
    });
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  nav(area: string): Locator {
    return this.page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: area });
  }

  /** Goes to a page without a long table and lets the app settle, so the next step starts idle. */
  async settleOn(area: string): Promise<void> {
    await this.nav(area).click();
    await this.page.waitForTimeout(1500);
  }

  now(): Promise<number> {
    return this.page.evaluate('performance.now()') as Promise<number>;
  }

  longestSince(from: number): Promise<number> {
    return this.page.evaluate(`window.__bench.longestSince(${from})`) as Promise<number>;
  }

  lastClick(): Promise<number> {
    return this.page.evaluate('window.__bench.clicks.at(-1)') as Promise<number>;
  }

  /** The page's main-thread busy time so far (Chromium's TaskDuration metric), ms. */
  async busyMs(): Promise<number> {
    this.metrics ??= this.context.newCDPSession(this.page).then(async (cdp) => {
      await cdp.send('Performance.enable');
      return cdp;
    });
    const { metrics } = await (await this.metrics).send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  }

  private metrics?: Promise<CDPSession>;

  waitVisible(selectors: readonly string[], timeoutMs = LONG_MS): Promise<number> {
    return this.page.evaluate(`window.__bench.waitVisible(${JSON.stringify(selectors)}, ${timeoutMs})`) as Promise<number>;
  }
}

/** The restore card of 备份与恢复, as the e2e page object (test/e2e/pages/backup-page.ts) finds it. */
function restoreCard(page: Page): Locator {
  return page.locator('.ant-card').filter({ has: page.getByText('从备份恢复', { exact: true }) });
}

/** Waits for `success`, or fails with what an error alert of the page says. */
async function succeeded(page: Page, success: Locator, what: string): Promise<void> {
  const error = page.locator('.ant-alert-error').first();
  const winner = await Promise.race([success.waitFor({ timeout: LONG_MS }).then(() => 'ok' as const), error.waitFor({ timeout: LONG_MS }).then(() => 'error' as const)]);
  if (winner === 'error') throw new Error(`${what} refused: ${(await error.textContent())?.trim()}`);
}

async function openBackupPage(app: App): Promise<void> {
  await app.page.reload();
  await app.nav('备份与恢复').click();
  await restoreCard(app.page).waitFor();
}

/** 备份与恢复 → choose the file → verified and shown (timed). */
async function verifyThroughUi(app: App, file: string): Promise<Sample> {
  const { page } = app;
  await openBackupPage(app);
  const card = restoreCard(page);
  const from = await app.now();
  const t0 = Date.now();
  const verified = await withRss(() =>
    profiled(page, 'verify', async () => {
      await card.getByLabel('备份文件').setInputFiles(file);
      await succeeded(page, card.getByText('备份文件完整，校验通过'), 'verify');
    }),
  );
  return { ms: Date.now() - t0, longest: await app.longestSince(from), peakRss: verified.peak, idleRss: verified.idle, bytes: statSync(file).size };
}

/** verifyThroughUi, then → 替换 → 恢复完成 (timed). */
async function restoreThroughUi(app: App, file: string): Promise<{ verify: Sample; restore: Sample }> {
  const { page } = app;
  const verify = await verifyThroughUi(app, file);
  const bytes = verify.bytes;
  const card = restoreCard(page);
  await card.getByRole('button', { name: '用此备份替换当前数据…' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' });
  const replace = confirm.getByRole('button', { name: '替换' });
  await replace.waitFor();
  await page.waitForTimeout(500);
  const from = await app.now();
  const t0 = Date.now();
  const restored = await withRss(() =>
    stepsShown(card.getByRole('status').last(), t0, () =>
      profiled(page, 'restore', async () => {
        await replace.click();
        await succeeded(page, card.getByText('恢复完成', { exact: true }), 'restore');
      }),
    ),
  );
  const restore: Sample = { ms: Date.now() - t0, longest: await app.longestSince(from), peakRss: restored.peak, idleRss: restored.idle, bytes, steps: restored.result.steps };
  return { verify, restore };
}

/** Cold start: a new Chromium on the same profile, the app's URL → the home page's reminders shown. */
async function coldStart(app: App): Promise<Sample> {
  await app.close();
  const started = await withRss(async () => {
    await app.launch();
    await app.page.waitForTimeout(CHROMIUM_START_MS);
    // Another day than today (e.g. the next morning): the start page's figures are computed for it.
    if (BENCH_TODAY) await app.page.clock.setFixedTime(new Date(`${BENCH_TODAY}T09:00:00`));
    return profiled(app.page, 'cold-start', async () => {
    await app.page.goto(app.base);
    // The page's clock starts at navigation: the figure is navigation → reminders shown.
    const shown = (await app.page.evaluate(
      `new Promise((resolve) => {
        const until = performance.now() + ${LONG_MS};
        const tick = () => {
          const title = document.getElementById('reminders-title') || [...document.querySelectorAll('section')].find((s) => s.textContent.includes('待办提醒'));
          if (title && /共 [1-9][\\d,]* 项/.test(title.textContent) && title.getClientRects().length > 0) return resolve(performance.now());
          if (performance.now() > until) return resolve(-1);
          requestAnimationFrame(tick);
        };
        tick();
      })`,
    )) as number;
    if (shown < 0) throw new Error('the home page showed no reminders (待办提醒 共 N 项)');
    return shown;
    });
  });
  const longest = await app.longestSince(0);
  // The clerk reads the start page for a while: what the app keeps for the next start (the start
  // page's figures and records) is written in the background meanwhile, not cut off by a close.
  await app.page.waitForTimeout(AFTER_START_MS);
  return { ms: started.result, longest, peakRss: started.peak, idleRss: started.idle };
}

/** Navigation click → the first data row of the new page visible. */
async function firstRows(app: App, area: string): Promise<Sample> {
  await app.settleOn('设置');
  await app.page.evaluate(`window.__bench.markOld(${JSON.stringify(OLD_ROWS)})`);
  const measured = await withRss(() => profiled(app.page, `first-rows-${area}`, async () => {
    await app.nav(area).click();
    const shown = await app.waitVisible(FIRST_ROW);
    if (shown < 0) throw new Error(`no data row appeared on ${area}`);
    const clicked = await app.lastClick();
    // Tasks right after the first rows (counting, sorting the rest) still keep the clerk waiting.
    await app.page.waitForTimeout(1000);
    return { ms: shown - clicked, longest: await app.longestSince(clicked) };
  }));
  return { ...measured.result, peakRss: measured.peak, idleRss: measured.idle };
}

/** Every page of the main menu, for `pages-all`: those that list records show a data row once read; the others their title. */
const ALL_PAGES = ['首页', '平台台账', '工作群', '单位', '人员', '开通与备案', '发布审核', '密码密封存档', '管理员交接', '年度检查', '问题与舆情', '培训', '打印与签回', '数据交换', '导入与导出', '回收站', '审计日志', '备份与恢复'] as const;
/** `pages-all`'s pages: all of them, or those BENCH_PAGES names (a comma list of menu labels). */
const PAGES_ALL = process.env.BENCH_PAGES ? ALL_PAGES.filter((area) => process.env.BENCH_PAGES!.split(',').includes(area)) : ALL_PAGES;
const WITHOUT_ROWS: Readonly<Record<string, string>> = { 首页: '#home-title', 数据交换: '#exchange-title', 导入与导出: '#import-title', 备份与恢复: '#backup-title' };

/** One page opened from 设置: menu click → its first data row (or, for a page without a list, its title) visible, and the longest task and the main thread's busy time in the 1.5 s after the click. */
async function openPage(app: App, area: string): Promise<Sample> {
  await app.settleOn('设置');
  await app.page.evaluate(`window.__bench.markOld(${JSON.stringify(OLD_ROWS)})`);
  const tracing = TRACE ? await startTrace(app.page) : undefined;
  const measured = await withRss(() => profiled(app.page, `page-${area}`, async () => {
    const busyBefore = await app.busyMs();
    await app.nav(area).click();
    const title = WITHOUT_ROWS[area];
    const shown = await app.waitVisible(title ? [title] : FIRST_ROW, 20_000);
    if (shown < 0) throw new Error(`nothing appeared on ${area} within 20 s`);
    const clicked = await app.lastClick();
    await app.page.waitForTimeout(1500);
    if (tracing) await tracing.stopInto(`${TRACE}-page-${area}-${Date.now()}.json`);
    return { ms: shown - clicked, longest: await app.longestSince(clicked), busy: (await app.busyMs()) - busyBefore };
  }));
  return { ...measured.result, peakRss: measured.peak, idleRss: measured.idle };
}

/** The registers whose search box the search steps type into. */
const SEARCHED = {
  search: { area: '平台台账', box: '搜索平台', label: 'registry search' },
  'search-reviews': { area: '发布审核', box: '搜索标题', label: '发布审核 search' },
  'search-approvals': { area: '开通与备案', box: '搜索平台名称', label: '开通与备案 search' },
} as const;

/** A register's search box, 'dhsf' typed one key at a time; after each key, the time until the page stops changing. */
async function searchByKey(app: App, step: keyof typeof SEARCHED): Promise<{ perKey: number[]; longest: number; busy: number; peakRss: number; shown: string }> {
  const { page } = app;
  const { area, box: boxName } = SEARCHED[step];
  await app.settleOn('设置');
  await app.nav(area).click();
  await app.waitVisible(FIRST_ROW.map((s) => s.replace(':not([data-bench-old])', '')));
  const box = page.getByRole('searchbox', { name: boxName });
  await box.fill('');
  await box.click();
  await page.waitForTimeout(1500);
  await page.evaluate(`window.__bench.watch('main', '.ant-input-search, .ant-input-affix-wrapper')`);
  const from = await app.now();
  const perKey: number[] = [];
  const tracing = TRACE ? await startTrace(page) : undefined;
  const busyBefore = await app.busyMs();
  const measured = await withRss(() => profiled(page, step, async () => {
    for (const key of 'dhsf') {
      await page.evaluate('window.__bench.mutations = []');
      await page.keyboard.press(key);
      // Settled: the list is no longer busy with a read (aria-busy, register-page.tsx) and nothing
      // changed for 600 ms (a debounce shorter than that is counted in the figure).
      for (let waited = 0; waited < 30_000; waited += 100) {
        await page.waitForTimeout(100);
        const [keyAt, last, now, busy] = (await page.evaluate(
          `[window.__bench.keys.at(-1), window.__bench.mutations.at(-1) ?? -1, performance.now(), document.querySelector('main [aria-busy="true"]') !== null]`,
        )) as [number, number, number, boolean];
        if (!busy && now - Math.max(keyAt, last) > 600) {
          perKey.push(last < 0 ? Number.NaN : last - keyAt);
          break;
        }
      }
    }
  }));
  // The main thread's busy time over the four keys, the step's own polling (a small evaluate every 100 ms) included.
  const busy = (await app.busyMs()) - busyBefore;
  if (tracing) await tracing.stopInto(`${TRACE}-${step}-${Date.now()}.json`);
  const longest = await app.longestSince(from);
  const shown = (await page.locator('main').getByText(/^共 [\d,]+ /).first().textContent({ timeout: 2000 }).catch(() => '')) ?? '';
  return { perKey, longest, busy, peakRss: measured.peak, shown: shown.trim() };
}

/**
 * The first search of a session: a new Chromium on the same profile, 发布审核 opened, 'dh' typed
 * into its search box; from the first key down to the list no longer busy with a read and its
 * count changed (what the register worker loads for a first search is waited for here).
 */
async function firstReviewSearch(app: App): Promise<Sample> {
  await app.close();
  await app.launch();
  await app.page.waitForTimeout(CHROMIUM_START_MS);
  const { page } = app;
  await page.goto(app.base);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.waitForTimeout(CHROMIUM_START_MS);
  await app.nav('发布审核').click();
  if ((await app.waitVisible(FIRST_ROW.map((s) => s.replace(':not([data-bench-old])', '')))) < 0) throw new Error('no data row appeared on 发布审核');
  await page.waitForTimeout(1500);
  const counted = page.locator('main').getByText(/^共 [\d,]+/).first();
  const before = await counted.textContent();
  const box = page.getByRole('searchbox', { name: '搜索标题' });
  await box.click();
  const measured = await withRss(() =>
    profiled(page, 'search-first', async () => {
      await page.keyboard.type('dh');
      const [first, settled] = (await page.evaluate(
        `new Promise((resolve) => {
          const until = performance.now() + ${LONG_MS};
          const first = window.__bench.keys.at(-2);
          const tick = () => {
            const busy = document.querySelector('main [aria-busy="true"]') !== null;
            const count = [...document.querySelectorAll('main span')].find((e) => /^共 [\\d,]+/.test(e.textContent || ''));
            if (!busy && count && count.textContent !== ${JSON.stringify(before)}) return resolve([first, performance.now()]);
            if (performance.now() > until) return resolve([first, -1]);
            requestAnimationFrame(tick);
          };
          tick();
        })`,
      )) as [number, number];
      if (settled < 0) throw new Error('the list did not settle on the search');
      return { ms: settled - first, longest: await app.longestSince(first) };
    }),
  );
  // The clerk works on: what the worker keeps for the next session (an index it built) is written
  // meanwhile, not cut off by the next run's close.
  await page.waitForTimeout(AFTER_START_MS);
  return { ...measured.result, peakRss: measured.peak, idleRss: measured.idle };
}

/** 打印与签回 → 打印中心 tab → the first records of its first form (F01: reviews) listed. */
async function printCenterRows(app: App): Promise<Sample> {
  const { page } = app;
  await app.settleOn('设置');
  await app.nav('打印与签回').click();
  const tab = page.getByRole('tab', { name: '打印中心' });
  await tab.waitFor();
  await page.waitForTimeout(1500);
  const measured = await withRss(() => profiled(page, 'picks', async () => {
    await tab.click();
    const shown = await app.waitVisible(['section[aria-label="打印中心"] tbody tr[data-row-key]']);
    if (shown < 0) throw new Error('no record appeared in 打印中心');
    const clicked = await app.lastClick();
    await page.waitForTimeout(1000);
    return { ms: shown - clicked, longest: await app.longestSince(clicked) };
  }));
  return { ...measured.result, peakRss: measured.peak, idleRss: measured.idle };
}

/** A 东湖书坊 account → 打印备案信息表 → the PDF shown in the preview. */
async function f04Preview(app: App): Promise<Sample> {
  const { page } = app;
  await app.nav('平台台账').click();
  await page.getByRole('searchbox', { name: '搜索平台' }).fill(DHSF_NAME);
  await page.getByRole('table', { name: '平台台账' }).getByRole('link', { name: new RegExp(DHSF_NAME) }).first().click();
  const print = page.getByRole('button', { name: '打印备案信息表' });
  await print.waitFor();
  await page.waitForTimeout(1500);
  const measured = await withRss(() =>
    profiled(page, 'preview', async () => {
      await print.click();
      const shown = await app.waitVisible(['iframe[title="表格预览"]']);
      const clicked = await app.lastClick();
      return { ms: shown - clicked, longest: await app.longestSince(clicked) };
    }),
  );
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).last().click();
  return { ...measured.result, peakRss: measured.peak, idleRss: measured.idle };
}

/** 打印与签回 → 打印中心 → F04 → 筛选 'dhsf' (the 东湖书坊 accounts, 500 × BENCH_SCALE) → 全选 → 批量打印所选 → done. */
async function f04Batch(app: App): Promise<Sample & { count: number }> {
  const { page } = app;
  await app.nav('打印与签回').click();
  await page.getByRole('tab', { name: '打印中心' }).click();
  const select = page.getByRole('combobox', { name: '选择表格' });
  await select.click();
  await select.fill('F04');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: /^F04 / }).click();
  await page.getByRole('searchbox', { name: '筛选记录' }).fill('dhsf');
  const all = page.getByRole('button', { name: /^全选/ });
  await page.waitForTimeout(1500);
  await all.click();
  // 全选 asks the print center's worker for every match; the button counts them once it answered.
  const start = page.getByRole('button', { name: /^批量打印所选（[1-9]/ });
  await start.waitFor();
  const count = Number(((await start.textContent()) ?? '').match(/\d+/)?.[0] ?? 0);
  const from = await app.now();
  const t0 = Date.now();
  const measured = await withRss(async () => {
    await start.click();
    await page.getByText(/已生成 \d+ 份表格/).waitFor({ timeout: LONG_MS });
  });
  const sample = { ms: Date.now() - t0, longest: await app.longestSince(from), peakRss: measured.peak, idleRss: measured.idle, count };
  await page.getByRole('dialog', { name: /^批量打印/ }).getByRole('button', { name: '关闭' }).last().click();
  return sample;
}

/** 立即备份 → download saved → 备份完成，已通过校验. */
async function browserBackup(app: App, file: string): Promise<Sample> {
  const { page } = app;
  await openBackupPage(app);
  await page.waitForTimeout(1000);
  const from = await app.now();
  const t0 = Date.now();
  const measured = await withRss(async () => {
    await page.getByRole('button', { name: '立即备份…' }).click();
    const dialog = page.getByRole('dialog', { name: '立即备份' });
    const downloading = page.waitForEvent('download', { timeout: LONG_MS });
    await dialog.getByRole('button', { name: '开始备份' }).click();
    await (await downloading).saveAs(file);
    await succeeded(page, dialog.getByText('备份完成，已通过校验'), 'backup');
    return dialog;
  });
  const sample = { ms: Date.now() - t0, longest: await app.longestSince(from), peakRss: measured.peak, idleRss: measured.idle, bytes: statSync(file).size };
  await measured.result.getByRole('button', { name: '完成', exact: true }).click();
  return sample;
}

/**
 * `run` timed from now (the wall clock), with the longest main-thread task and Chromium's memory
 * meanwhile, profiled as `name`; `from` is the page's clock at the start, for listTasks.
 */
async function timedStep(app: App, name: string, run: () => Promise<void>): Promise<{ sample: Sample; from: number }> {
  const from = await app.now();
  const t0 = Date.now();
  const measured = await withRss(() => profiled(app.page, name, run));
  return { sample: { ms: Date.now() - t0, longest: await app.longestSince(from), peakRss: measured.peak, idleRss: measured.idle }, from };
}

/** The unit whose 数据交换 package the exchange step exports and imports back (one of the dataset's 300, about 33 platforms). */
const EXCHANGE_UNIT = '图书馆';

/** Main-thread tasks of at least BENCH_LIST_TASKS ms since `from`, printed under `label`. */
async function listTasks(app: App, label: string, from: number): Promise<void> {
  if (LIST_TASKS <= 0) return;
  const tasks = (await app.page.evaluate(`window.__bench.longTasks.filter(([at, ms]) => at >= ${from} && ms >= ${LIST_TASKS})`)) as [number, number][];
  console.log(`  ${label} tasks ≥ ${LIST_TASKS} ms (ms after the click: length): ${tasks.map(([at, ms]) => `${Math.round(at - from)}: ${Math.round(ms)}`).join(', ') || 'none'}`);
}

/**
 * 数据交换 at a whole university's scale: one unit's package exported (导出数据包 → the file
 * downloaded), then that file imported back (file chosen → 导入对比 shown, every record 相同).
 */
async function exchangeRoundTrip(app: App, file: string): Promise<{ exported: Sample; imported: Sample }> {
  const { page } = app;
  // From another page: 数据交换 opens afresh (no unit chosen, no notice or comparison of a run before).
  await app.settleOn('设置');
  await app.nav('数据交换').click();
  const unit = page.getByRole('combobox', { name: '要导出的单位' });
  await unit.click();
  await unit.fill(EXCHANGE_UNIT);
  await page.locator('.ant-select-item-option:visible').filter({ hasText: new RegExp(`^${EXCHANGE_UNIT}$`) }).first().click();
  const button = page.getByRole('button', { name: '导出数据包' });
  await button.waitFor();
  await page.waitForTimeout(1500);
  const exported = await timedStep(app, 'exchange-export', async () => {
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await button.click();
    await (await downloading).saveAs(file);
    await page.getByText(/^已导出“/).waitFor({ timeout: 60_000 });
  });
  const exportSample = { ...exported.sample, bytes: statSync(file).size };
  await listTasks(app, '导出数据包', exported.from);
  await page.waitForTimeout(1500);
  const imported = await timedStep(app, 'exchange-import', async () => {
    await page.getByLabel('选择数据交换包文件').setInputFiles(file);
    await page.getByRole('region', { name: '导入对比' }).waitFor({ timeout: 60_000 });
  });
  const importSample = { ...imported.sample, bytes: statSync(file).size };
  await listTasks(app, '导入对比', imported.from);
  rmSync(file, { force: true });
  return { exported: exportSample, imported: importSample };
}

/**
 * 审计日志 filtered by 类别 (发布审核: about a third of the log): from the choice to the first page of
 * entries of that kind, and to the pager counting them all (its last page number the count's).
 */
async function auditFilter(app: App): Promise<{ rows: Sample; counted: Sample }> {
  const { page } = app;
  await app.settleOn('设置');
  await app.nav('审计日志').click();
  await app.waitVisible(FIRST_ROW.map((s) => s.replace(':not([data-bench-old])', '')));
  await page.waitForTimeout(1500);
  // The pages the pager must come to: the entries of 发布审核, counted in IndexedDB here.
  const pages = (await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('media-ledger');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction('auditLog').objectStore('auditLog').index('table').count('reviews');
      count.onsuccess = () => { open.result.close(); resolve(Math.ceil(count.result / 50)); };
      count.onerror = () => reject(count.error);
    };
  })`)) as number;
  if (!(pages > 1)) throw new Error(`审计日志 holds ${pages} page(s) of 发布审核 entries`);
  // Until the table shows entries of this kind only (the 类别 column, the fourth) and, then, the pager's last page is the count's.
  const settle = (kind: string) =>
    page.evaluate(`new Promise((resolve) => {
      const until = performance.now() + ${LONG_MS};
      let rowsAt = -1;
      const tick = () => {
        const rows = [...document.querySelectorAll('main tbody tr[data-row-key]')];
        const fits = rows.length > 0 && rows.every((r) => r.children[3]?.textContent === ${JSON.stringify(kind)});
        if (fits && rowsAt < 0) rowsAt = performance.now();
        const shown = [...document.querySelectorAll('main .ant-pagination-item')].map((li) => Number(li.getAttribute('title')));
        if (rowsAt >= 0 && Math.max(0, ...shown) === ${pages}) return resolve([rowsAt, performance.now()]);
        if (performance.now() > until) return resolve([rowsAt, -1]);
        requestAnimationFrame(tick);
      };
      tick();
    })`) as Promise<[number, number]>;
  const byKind = page.getByRole('combobox', { name: '按类别筛选' });
  await byKind.click();
  const option = page.locator('.ant-select-item-option:visible').filter({ hasText: /^发布审核$/ }).first();
  await option.waitFor();
  const kind = await withRss(() =>
    profiled(page, 'audit-filter', async () => {
      await option.click();
      return settle('发布审核');
    }),
  );
  const [rowsAt, countedAt] = kind.result;
  if (rowsAt < 0 || countedAt < 0) throw new Error('审计日志 did not settle on 发布审核');
  const clicked = await app.lastClick();
  const longestKind = await app.longestSince(clicked);
  const sample = (ms: number, longest: number, rss: { peak: number; idle: number }): Sample => ({ ms, longest, peakRss: rss.peak, idleRss: rss.idle });
  return {
    rows: sample(rowsAt - clicked, longestKind, kind),
    counted: sample(countedAt - clicked, longestKind, kind),
  };
}

/** A register's 导出 Excel of its whole list (no filter) → the workbook downloaded (its bytes are the sample's). */
async function listExport(app: App, area: string, file: string, tab?: string): Promise<Sample> {
  const { page } = app;
  await app.nav(area).click();
  // 打印与签回's list and its button are on a tab of their own.
  if (tab) await page.getByRole('tab', { name: tab }).click();
  const button = page.getByRole('button', { name: '导出 Excel' });
  await button.waitFor();
  await page.waitForTimeout(1500);
  const { sample: timed, from } = await timedStep(app, `export-${area}`, async () => {
    const downloading = page.waitForEvent('download', { timeout: LONG_MS });
    await button.click();
    await (await downloading).saveAs(file);
  });
  const sample = { ...timed, bytes: statSync(file).size };
  rmSync(file, { force: true });
  await listTasks(app, `${area} 导出`, from);
  return sample;
}

async function runs<T>(label: string, step: (run: number) => Promise<T>): Promise<T[] | undefined> {
  const out: T[] = [];
  try {
    for (let i = 0; i < RUNS; i++) out.push(await step(i));
    return out;
  } catch (error) {
    notMeasured(label, error);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'ledger-bench-scale-'));
/**
 * A kept folder is reused when it holds the dataset files and a Chromium profile (an empty
 * `profile` folder is not one: the app in it would still wait for its setup). Otherwise the
 * dataset is written again and the profile made anew.
 */
const reused = KEEP !== undefined && ['scale.mlbackup', 'scale-scans.mlbackup', join('profile', 'Default')].every((path) => existsSync(join(dir, path)));
if (KEEP !== undefined && !reused) rmSync(join(dir, 'profile'), { recursive: true, force: true });
let server: PreviewServer | undefined;
let app: App | undefined;
// Stopped by hand (Ctrl+C, kill): the preview server and the scratch folder go too, and what was measured is printed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.stop();
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
    console.log(`\nstopped (${signal}); measured so far:\n${lines.join('\n')}`);
    process.exit(130);
  });
}
try {
  if (KEEP) mkdirSync(dir, { recursive: true });
  const files = reused ? { plain: join(dir, 'scale.mlbackup'), withScans: join(dir, 'scale-scans.mlbackup') } : await generate(dir);
  const outDir = join(dir, 'renderer');
  const build = spawnSync(process.execPath, [viteBin(), 'build', '--logLevel', 'warn', ...(CPU_PROFILES ? ['--minify', 'false'] : [])], { stdio: 'inherit', env: { ...process.env, LEDGER_OUT_DIR: outDir } });
  if (build.status !== 0) throw new Error('vite build failed');
  server = await startPreview(PORT, outDir);
  app = new App(server.base, join(dir, 'profile'));
  await app.launch();
  await app.page.goto(app.base);
  if (!reused) {
    await app.page.getByLabel('单位（学校）名称').fill(INSTITUTION);
    await app.page.getByLabel('操作员姓名').fill(OPERATOR);
    await app.page.getByRole('button', { name: '开始使用' }).click();
  }
  await app.page.getByRole('navigation', { name: '主导航' }).waitFor();
  report(`figures: median of ${RUNS} run(s) each; Chromium ${CHROMIUM_PATH} (${CHROMIUM_ARGS.join(' ')}), ${fmtMb(ownChromiumRss())} RSS after setup${reused ? ` (dataset and profile reused from ${dir})` : ''}`);

  // Restore first: every other row needs the data in the app (a reused profile has it already).
  const restores = !reused || STEPS.has('restore') ? await runs('restore (confirm → done)', () => restoreThroughUi(app!, files.plain)) : undefined;
  const a = app;
  const cold = STEPS.has('cold') ? await runs('cold start → home page with reminders', () => coldStart(a)) : undefined;
  if (cold) reportRow('cold start → home page with reminders (navigation → 待办提醒 shown, new Chromium on the same profile)', cold);
  for (const area of STEPS.has('pages') ? ['平台台账', '发布审核', '审计日志'] : []) {
    const samples = await runs(`open ${area}, first rows`, () => firstRows(a, area));
    if (samples) reportRow(`open ${area}, first rows (menu click → first data row visible)`, samples);
  }
  for (const step of (['search', 'search-reviews', 'search-approvals'] as const).filter((name) => STEPS.has(name))) {
    const { label } = SEARCHED[step];
    const searches = await runs(`${label}, pinyin initials dhsf`, () => searchByKey(a, step));
    if (!searches) continue;
    const perKey = searches.flatMap((s) => s.perKey).filter((ms) => !Number.isNaN(ms));
    const unchanged = searches.flatMap((s) => s.perKey).length - perKey.length;
    report(
      `${label}, pinyin initials 'dhsf' typed key by key (key down → list settled): ` +
        (perKey.length > 0 ? `p95 per key ${fmtMs(percentile(perKey, 95))}, median ${fmtMs(median(perKey))} (keys: ${perKey.map(fmtMs).join(', ')})` : 'the list never changed') +
        `${unchanged > 0 ? `, ${unchanged} key(s) changed nothing` : ''}; longest main-thread task while typing ${fmtTask(Math.max(...searches.map((s) => s.longest)))}; ` +
        `main thread busy over the four keys median ${fmtMs(median(searches.map((s) => s.busy)))} (runs: ${searches.map((s) => fmtMs(s.busy)).join(', ')}); ` +
        `Chromium peak RSS ${fmtMb(Math.max(...searches.map((s) => s.peakRss)))}; shown: ${searches.at(-1)!.shown || '(no count shown)'}`,
    );
  }
  const firstSearches = STEPS.has('search-first') ? await runs('发布审核, the first search of a session', () => firstReviewSearch(a)) : undefined;
  if (firstSearches) reportRow("发布审核, the first search of a session ('dh' typed in a new Chromium: first key → list settled)", firstSearches);
  const picks = STEPS.has('picks') ? await runs('打印中心 first records', () => printCenterRows(a)) : undefined;
  if (picks) reportRow('打印中心, first records of F01 (tab click → first record listed)', picks);
  const previews = STEPS.has('preview') ? await runs('F04 preview', () => f04Preview(a)) : undefined;
  if (previews) reportRow('F04 preview (打印备案信息表 click → PDF shown)', previews);
  // Verify alone (the file chosen, never restored): `restore` measures it too, with a restore after it.
  for (const area of STEPS.has('pages-all') ? PAGES_ALL : []) {
    const samples = await runs(`open ${area}`, () => openPage(a, area));
    if (samples) reportRow(`open ${area} (menu click → ${WITHOUT_ROWS[area] ? 'its title' : 'first data row'} visible; not a row of the issue)`, samples);
  }
  const verifies = STEPS.has('verify') ? await runs('verify + preview', () => verifyThroughUi(a, files.plain)) : undefined;
  if (verifies) reportRow('verify + preview before restore (file chosen → 校验通过 shown; not restored)', verifies, { throughput: true, overIdle: true });
  if (restores && STEPS.has('restore')) {
    reportRow('restore (替换 confirmed → 恢复完成)', restores.map((r) => r.restore), { throughput: true, overIdle: true, note: RUNS > 1 ? 'the first run replaces an empty database, later ones the restored data (snapshot first)' : undefined });
    reportRow('verify + preview before restore (file chosen → 校验通过 shown)', restores.map((r) => r.verify), { throughput: true, overIdle: true });
  }

  // Scans: the same data with 1 GB × BENCH_SCALE of signed-copy scans, restored (not timed), then
  // 立即备份 of it and a restore of the file the browser wrote.
  let backupFile: string | undefined;
  if (STEPS.has('scans')) {
    try {
      const setup = await restoreThroughUi(a, files.withScans);
      report(`  (setup for the next rows: restore of the dataset + ${SCANS} scans, ${fmtMb(setup.restore.bytes ?? 0)}, took ${fmtMs(setup.restore.ms)})`);
      const backups = await runs('browser backup + scans', async (run) => {
        const file = join(dir, `browser-${run}.mlbackup`);
        const sample = await browserBackup(a, file);
        if (backupFile) rmSync(backupFile, { force: true });
        backupFile = file;
        return sample;
      });
      if (backups) reportRow(`browser backup, records + ${SCANS} scans (立即备份 → verified download)`, backups, { throughput: true, overIdle: true });
    } catch (error) {
      notMeasured('browser backup, records + scans', error);
    }
    if (backupFile) {
      const file = backupFile;
      const restored = await runs('browser restore of that file', () => restoreThroughUi(a, file));
      if (restored) reportRow('browser restore of that file (替换 confirmed → 恢复完成)', restored.map((r) => r.restore), { throughput: true, overIdle: true });
    } else {
      report('browser restore of that file: not measured — no browser backup file to restore');
    }
  }

  for (const [step, area, tab] of [
    ['audit-export', '审计日志'],
    ['reviews-export', '发布审核'],
    ['platforms-export', '平台台账'],
    ['approvals-export', '开通与备案'],
    ['inspections-export', '年度检查'],
    ['people-export', '人员'],
    ['groups-export', '工作群'],
    ['envelopes-export', '密码密封存档'],
    ['handovers-export', '管理员交接'],
    ['printouts-export', '打印与签回', '全部打印记录'],
  ] as const) {
    const exports = STEPS.has(step) ? await runs(`${area} 导出 Excel`, () => listExport(a, area, join(dir, `${step}.xlsx`), tab)) : undefined;
    if (exports) reportRow(`${area} 导出 Excel of the whole list (click → workbook downloaded; not a row of the issue)`, exports, { throughput: true, overIdle: true });
  }

  const filtered = STEPS.has('audit-filter') ? await runs('审计日志 filters', () => auditFilter(a)) : undefined;
  if (filtered) {
    reportRow('审计日志 类别 发布审核 chosen → its first entries (not a row of the issue)', filtered.map((f) => f.rows));
    reportRow('审计日志 类别 发布审核 chosen → all counted (the pager at its last page)', filtered.map((f) => f.counted));
  }

  const exchanges = STEPS.has('exchange') ? await runs('数据交换', () => exchangeRoundTrip(a, join(dir, 'exchange.mlpkg'))) : undefined;
  if (exchanges) {
    reportRow(`数据交换, ${EXCHANGE_UNIT}'s package exported (导出数据包 → file saved; not a row of the issue)`, exchanges.map((e) => e.exported), { overIdle: true });
    reportRow(`数据交换, that package imported back (file chosen → 导入对比 shown; not a row of the issue)`, exchanges.map((e) => e.imported), { overIdle: true });
  }

  const batches = STEPS.has('batch') ? await runs('batch of F04', () => f04Batch(a)) : undefined;
  if (batches) reportRow(`batch of ${batches[0]!.count} F04 in the browser (批量打印所选 → 已生成)`, batches);

  await app.close();
  app = undefined;
} finally {
  await app?.close().catch(() => undefined);
  if (server) {
    server.stop();
    // Really stopped: the port no longer answers.
    let open = true;
    for (let i = 0; i < 50 && open; i++) {
      open = await fetch(server.base).then(
        () => true,
        () => false,
      );
      if (open) await new Promise((r) => setTimeout(r, 100));
    }
    console.log(open ? `preview server on ${server.base} still answers after stop()` : `preview server on ${server.base} stopped`);
  }
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
console.log('\nsummary:\n' + lines.join('\n'));
