// Benchmark (not a test) of the backup file format in plain Node: 100,000 records plus 1 GB of
// attachments written to a file (plain and encrypted), verified, and read back for a restore.
// Prints throughput and peak memory (RSS sampled every 20 ms); asserts nothing.
// Scale with BENCH_RECORDS and BENCH_ATTACHMENT_MB.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackup, type AttachmentSource } from '../../shared/backup/backup-writer';
import { streamBackup, verifyBackup } from '../../shared/backup/backup-reader';
import { BACKUP_TABLES, type BackupTable } from '../../shared/backup/format';
import { benchmarkTables } from './backup-data';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ATTACHMENT_MB = Number(process.env.BENCH_ATTACHMENT_MB ?? 1024);
const ATTACHMENT_SIZE = 4 * 1024 * 1024;
const MB = 1024 * 1024;

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** An attachment's bytes produced 1 MiB at a time (never whole in memory), deterministic per id. */
async function* attachmentBytes(index: number): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(MB);
  for (let at = 0; at < ATTACHMENT_SIZE; at += MB) {
    // Cheap, non-repeating content (a compressible pattern would flatter nothing: there is no compression).
    for (let i = 0; i < chunk.length; i += 4) chunk[i] = (index * 31 + at / MB + i) & 0xff;
    yield chunk.slice();
  }
}

async function timed<T>(label: string, bytes: () => number, run: () => Promise<T>): Promise<T> {
  if (global.gc) global.gc();
  const base = process.memoryUsage().rss;
  const sampler = peakSampler();
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  const peak = sampler.stop();
  const size = bytes();
  console.log(
    `${label}: ${(size / MB).toFixed(0)} MB in ${(ms / 1000).toFixed(1)} s = ${((size / MB) / (ms / 1000)).toFixed(0)} MB/s; ` +
      `peak RSS ${(peak / MB).toFixed(0)} MB (+${((peak - base) / MB).toFixed(0)} MB over the ${(base / MB).toFixed(0)} MB before)`,
  );
  return result;
}

async function writeTo(file: string, passphrase?: string): Promise<void> {
  const count = Math.round((ATTACHMENT_MB * MB) / ATTACHMENT_SIZE);
  const tables = benchmarkTables(RECORDS, count, ATTACHMENT_SIZE, (i) => attachmentHashes[i] as string);
  async function* attachments(): AsyncGenerator<AttachmentSource> {
    for (let i = 0; i < count; i++) yield { id: `att-${i}`, data: attachmentBytes(i) };
  }
  const out = createWriteStream(file);
  for await (const chunk of writeBackup({ appVersion: 'bench', dbVersion: 2, tables, attachments: attachments() }, passphrase ? { passphrase } : {})) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Each attachment's SHA-256, for its row (computed once, before anything is timed). */
const attachmentHashes: string[] = [];
for (let i = 0; i < Math.round((ATTACHMENT_MB * MB) / ATTACHMENT_SIZE); i++) {
  const hash = createHash('sha256');
  for await (const chunk of attachmentBytes(i)) hash.update(chunk);
  attachmentHashes.push(hash.digest('hex'));
}

const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-backup-'));
try {
  const plain = join(dir, 'plain.mlbackup');
  const encrypted = join(dir, 'encrypted.mlbackup');
  const size = (file: string) => () => statSync(file).size;
  console.log(`backup bench: ${RECORDS.toLocaleString('en')} records in ${BACKUP_TABLES.length} tables + ${ATTACHMENT_MB} MB of attachments (4 MB each)`);
  await timed('write (plain)', size(plain), () => writeTo(plain));
  const verdict = await timed('verify (plain)', size(plain), () => verifyBackup(createReadStream(plain, { highWaterMark: MB })));
  if (!verdict.ok) throw new Error(`verify failed: ${verdict.detail}`);
  const records = BACKUP_TABLES.reduce((sum, t: BackupTable) => sum + verdict.counts[t], 0);
  console.log(`  verified: ${records.toLocaleString('en')} rows, ${verdict.manifest.attachments.length} attachments`);
  await timed('write (encrypted, AES-256-GCM)', size(encrypted), () => writeTo(encrypted, 'bench-passphrase-2026'));
  const check = await timed('verify (encrypted)', size(encrypted), () => verifyBackup(createReadStream(encrypted, { highWaterMark: MB }), { passphrase: 'bench-passphrase-2026' }));
  if (!check.ok) throw new Error(`verify failed: ${check.detail}`);
  // The app's restore reads the file once more, handing each scan on as it comes (the app stages
  // it as a Blob in IndexedDB); here the scans are only counted, so memory shows the reader's share.
  let scans = 0;
  const read = await timed('read for restore (streamed, plain)', size(plain), () =>
    streamBackup(createReadStream(plain, { highWaterMark: MB }), {
      onAttachment: async () => {
        scans += 1;
      },
    }),
  );
  if (!read.ok) throw new Error(`read failed: ${read.detail}`);
  console.log(`  ${scans} scans handed on one at a time`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
