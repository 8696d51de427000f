// The desktop host's backups on real files in a temp folder: begin → chunk* → finish writes a
// verified backup under its final name; an aborted, failed, crashed or damaged write leaves every
// earlier backup byte-identical; encrypted backups are verified with their passphrase; the
// rotation keeps exactly what it documents. Only the folder dialog is faked.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectBytes } from '@shared/backup/byte-reader';
import { verifyBackup } from '@shared/backup/backup-reader';
import { writeBackup } from '@shared/backup/backup-writer';
import type { BackupKind } from '@shared/bridge';
import { backupFileName, KEEP_DAILY, KEEP_QUIT } from '../../../shared/backup/file-names';
import { BACKUP_SETTINGS_FILE } from '../../../electron/backup-settings';
import { BackupHost, type BackupHostOptions } from '../../../electron/backups';
import { makeDataset, toInput } from '../backup/dataset';

const DATASET = makeDataset(11, 6, [5_000, 90_000, 0]);
const PASS = '正确的口令 correct horse';
const TEMP_NAME = /^\.media-ledger-backup-[0-9a-f]{16}\.tmp$/;

let sandbox: string;
let userData: string;
let usb: string;
let picked: string | undefined;
let clock: Date;
/** The machine's own zone: the tests' times are written on the machine's clock, as the names were before they took the institution's. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Whether the app is closing (the quit flow's state): only then does the host accept an on-quit backup. */
let closing: boolean;
let plainBackup: Uint8Array;

const pickFolder = vi.fn<BackupHostOptions['pickFolder']>(async () => picked);

function makeHost(extra: Partial<BackupHostOptions> = {}): BackupHost {
  return new BackupHost({ userData: () => userData, pickFolder, now: () => clock, closing: () => closing, ...extra });
}

const defaultFolder = () => path.join(userData, 'backups');

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every entry of a folder with the SHA-256 of each file: what "unchanged" is compared by. */
function fingerprint(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) out[name] = sha256(path.join(folder, name));
  return out;
}

function tempsIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => TEMP_NAME.test(name));
}

function pieces(bytes: Uint8Array, size = 32 * 1024): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.slice(at, at + size));
  return out;
}

/** Begins a backup of `kind` and sends `chunks`; resolves the write id. */
async function sendBackup(host: BackupHost, kind: BackupKind, chunks: readonly Uint8Array[]): Promise<string> {
  const begun = await host.begin(kind, ZONE);
  if (!begun.started) throw new Error('not started');
  for (const chunk of chunks) await host.chunk(begun.writeId, chunk);
  return begun.writeId;
}

async function writeGoodBackup(host: BackupHost, kind: BackupKind = 'daily'): Promise<string> {
  const id = await sendBackup(host, kind, pieces(plainBackup));
  return (await host.finish(id)).path;
}

/** Yesterday's daily backup: an earlier backup that must stay intact (today's is then still due). */
async function writeEarlierBackup(host: BackupHost): Promise<string> {
  const today = clock;
  clock = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1, 18, 0, 0);
  try {
    return await writeGoodBackup(host);
  } finally {
    clock = today;
  }
}

beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'ledger-backups-'));
  userData = path.join(sandbox, 'userData');
  usb = path.join(sandbox, 'usb');
  mkdirSync(userData);
  mkdirSync(usb);
  picked = usb;
  clock = new Date(2026, 2, 14, 9, 30, 15);
  closing = false;
  pickFolder.mockClear();
  plainBackup ??= await collectBytes(writeBackup(toInput(DATASET)));
});

afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

describe('a backup written through begin → chunk → finish', () => {
  it('lands verified under its final name in the backup folder, and the status lists it', async () => {
    const host = makeHost();
    const begun = await host.begin('daily', ZONE);
    expect(begun).toEqual({ started: true, writeId: expect.stringMatching(/^[0-9a-f]{32}$/), folder: defaultFolder() });
    if (!begun.started) return;
    // While it is written, only a temporary file of the app's pattern exists.
    expect(readdirSync(defaultFolder())).toEqual([expect.stringMatching(TEMP_NAME)]);
    for (const chunk of pieces(plainBackup, 7_777)) await host.chunk(begun.writeId, chunk);
    const result = await host.finish(begun.writeId);

    const name = '台账备份-20260314-093015-daily.mlbackup';
    expect(result).toEqual({ path: path.join(defaultFolder(), name), bytes: plainBackup.length, removed: [] });
    expect(readdirSync(defaultFolder())).toEqual([name]);
    const written = new Uint8Array(readFileSync(result.path));
    expect(written).toEqual(plainBackup);
    const verdict = await verifyBackup(written);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.counts.units).toBe(DATASET.tables.units.length);
    expect(pickFolder).not.toHaveBeenCalled();

    const status = await host.status();
    expect(status).toEqual({
      automatic: true,
      folder: defaultFolder(),
      files: [{ name, kind: 'daily', bytes: plainBackup.length, modifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
      removable: false,
    });
  });

  it('says in the status when the backup folder is on removable media (the host decides)', async () => {
    const asked: string[] = [];
    const host = makeHost({ removable: async (folder) => (asked.push(folder), true) });
    await expect(host.status()).resolves.toMatchObject({ folder: defaultFolder(), removable: true });
    expect(asked).toEqual([defaultFolder()]);
  });

  it('asks where a manual backup goes (the configured folder proposed) and writes it there, e.g. a USB stick', async () => {
    const host = makeHost();
    const target = await writeGoodBackup(host, 'manual');
    expect(target).toBe(path.join(usb, '台账备份-20260314-093015-manual.mlbackup'));
    expect(pickFolder).toHaveBeenCalledOnce();
    expect(pickFolder.mock.calls[0]?.[0]).toMatchObject({ defaultPath: defaultFolder() });
    expect(new Uint8Array(readFileSync(target))).toEqual(plainBackup);
    expect(existsSync(defaultFolder())).toBe(false);
  });

  it('writes nothing when the clerk cancels the folder dialog, and a later backup still starts', async () => {
    picked = undefined;
    const host = makeHost();
    await expect(host.begin('manual', ZONE)).resolves.toEqual({ started: false });
    expect(readdirSync(usb)).toEqual([]);
    expect(existsSync(defaultFolder())).toBe(false);
    picked = usb;
    await expect(writeGoodBackup(host, 'manual')).resolves.toMatch(/manual\.mlbackup$/);
  });

  it('names on-quit backups "quit" and never replaces a backup made in the same second', async () => {
    closing = true;
    // One on-quit backup per closing of the app: three runs of the app closed within a second.
    const first = await writeGoodBackup(makeHost(), 'quit');
    const second = await writeGoodBackup(makeHost(), 'quit');
    const third = await writeGoodBackup(makeHost(), 'quit');
    const host = makeHost();
    expect([first, second, third].map((file) => path.basename(file))).toEqual([
      '台账备份-20260314-093015-quit.mlbackup',
      '台账备份-20260314-093015-quit-2.mlbackup',
      '台账备份-20260314-093015-quit-3.mlbackup',
    ]);
    const status = await host.status();
    // Newest first: a suffix is later than the plain name.
    expect(status.files.map((file) => file.name)).toEqual([third, second, first].map((file) => path.basename(file)));
    expect(status.files.every((file) => file.kind === 'quit')).toBe(true);
  });
});

describe('an interrupted or failed write leaves the earlier backup byte-identical', () => {
  it('(a) abort removes the temporary file and nothing else', async () => {
    const host = makeHost();
    const earlier = await writeEarlierBackup(host);
    const hash = sha256(earlier);
    const before = fingerprint(defaultFolder());

    const id = await sendBackup(host, 'daily', pieces(plainBackup).slice(0, 2));
    expect(tempsIn(defaultFolder())).toHaveLength(1);
    await host.abort(id);

    expect(fingerprint(defaultFolder())).toEqual(before);
    expect(sha256(earlier)).toBe(hash);
    expect(tempsIn(defaultFolder())).toEqual([]);
    await expect(host.chunk(id, plainBackup.slice(0, 10))).rejects.toThrow(/已结束或不存在/);
  });

  it('(a2) abort while a chunk or the final flush is running resolves only once the temporary file is gone', async () => {
    const earlier = await writeEarlierBackup(makeHost());
    const hash = sha256(earlier);
    const before = fingerprint(defaultFolder());
    for (const step of ['chunk', 'finish'] as const) {
      let unblock: () => void = () => undefined;
      const blocked = new Promise<void>((resolve) => (unblock = resolve));
      let hold = false;
      const host = makeHost({
        openTemp: async (file) => {
          const handle = await fs.open(file, 'wx');
          const write = handle.write.bind(handle);
          const sync = handle.sync.bind(handle);
          handle.write = (async (...args: Parameters<typeof write>) => {
            if (hold && step === 'chunk') await blocked;
            return write(...args);
          }) as typeof handle.write;
          handle.sync = async () => {
            if (hold && step === 'finish') await blocked;
            return sync();
          };
          return handle;
        },
      });
      const chunks = pieces(plainBackup);
      closing = true;
      const id = await sendBackup(host, 'quit', chunks.slice(0, 2));
      hold = true;
      const running = step === 'chunk' ? host.chunk(id, chunks[2]!) : host.finish(id);
      const outcome = running.then(() => 'done', (error: unknown) => String(error));
      let aborted = false;
      const abort = host.abort(id).then(() => (aborted = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      // The step still holds the file: the abort waits rather than closing it under the write.
      expect(aborted, step).toBe(false);
      expect(tempsIn(defaultFolder()), step).toHaveLength(1);
      unblock();
      await abort;
      expect(tempsIn(defaultFolder()), step).toEqual([]);
      expect(await outcome, step).toMatch(/备份已取消/);
      expect(fingerprint(defaultFolder()), step).toEqual(before);
      expect(sha256(earlier), step).toBe(hash);
      expect(host.writing, step).toBe(false);
    }
  });

  it('(b) a disk that fills up mid-write: the clerk is told in Chinese, the temporary file is removed', async () => {
    let writes = 0;
    const host = makeHost({
      openTemp: async (file) => {
        const handle = await fs.open(file, 'wx');
        const write = handle.write.bind(handle);
        handle.write = ((...args: Parameters<typeof write>) => {
          writes += 1;
          if (writes > 3) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
          return write(...args);
        }) as typeof handle.write;
        return handle;
      },
    });
    const earlier = await writeEarlierBackup(makeHost());
    const hash = sha256(earlier);
    const before = fingerprint(defaultFolder());

    const begun = await host.begin('daily', ZONE);
    if (!begun.started) throw new Error('not started');
    const chunks = pieces(plainBackup);
    for (const chunk of chunks.slice(0, 3)) await host.chunk(begun.writeId, chunk);
    await expect(host.chunk(begun.writeId, chunks[3]!)).rejects.toThrow(/^备份失败：磁盘空间不足.*已有的备份不受影响/);

    expect(fingerprint(defaultFolder())).toEqual(before);
    expect(sha256(earlier)).toBe(hash);
    await expect(host.finish(begun.writeId)).rejects.toThrow(/已结束或不存在/);
    // The failed write no longer blocks the next backup.
    await expect(host.begin('daily', ZONE)).resolves.toMatchObject({ started: true });
  });

  it('(c) a crash mid-write leaves only a temporary file, which the next run cleans up once stale', async () => {
    const earlier = await writeEarlierBackup(makeHost());
    const hash = sha256(earlier);

    // The app "dies" after a few chunks: no abort, no finish; the OS closes the file.
    let crashed: FileHandle | undefined;
    const dying = makeHost({ openTemp: async (file) => (crashed = await fs.open(file, 'wx')) });
    closing = true;
    await sendBackup(dying, 'quit', pieces(plainBackup).slice(0, 3));
    await crashed?.close();
    const [temp] = tempsIn(defaultFolder());
    expect(temp).toBeDefined();
    expect(sha256(earlier)).toBe(hash);
    expect(readdirSync(defaultFolder()).sort()).toEqual([path.basename(earlier), temp].sort());

    // Next run: a temporary file younger than a day might still be in use and is kept …
    const nextRun = makeHost();
    await nextRun.cleanUp();
    expect(tempsIn(defaultFolder())).toEqual([temp]);
    // … one older than a day is removed; the backups stay as they were.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(path.join(defaultFolder(), temp!), twoDaysAgo, twoDaysAgo);
    await nextRun.cleanUp();
    expect(readdirSync(defaultFolder())).toEqual([path.basename(earlier)]);
    expect(sha256(earlier)).toBe(hash);
  });

  it.each([
    ['truncated', (bytes: Uint8Array) => bytes.slice(0, bytes.length - 20), /备份文件不完整/],
    ['cut after the first piece', (bytes: Uint8Array) => bytes.slice(0, 32 * 1024), /备份文件不完整/],
    [
      'one flipped bit',
      (bytes: Uint8Array) => {
        const copy = bytes.slice();
        copy[Math.floor(copy.length / 2)]! ^= 0x08;
        return copy;
      },
      /已损坏或被改动/,
    ],
    ['not a backup at all', () => new TextEncoder().encode('<html>台账</html>'), /不是本软件的备份文件/],
  ])('(d) bytes that fail verification (%s) are refused at finish and not kept', async (_label, damage, reason) => {
    const host = makeHost();
    const earlier = await writeEarlierBackup(host);
    const hash = sha256(earlier);
    const before = fingerprint(defaultFolder());

    const id = await sendBackup(host, 'daily', pieces(damage(plainBackup)));
    const error = await host.finish(id).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^备份未通过校验，未保存：/);
    expect(error?.message).toMatch(reason);

    expect(fingerprint(defaultFolder())).toEqual(before);
    expect(sha256(earlier)).toBe(hash);
    expect(tempsIn(defaultFolder())).toEqual([]);
  });

  it('(e) a write that receives nothing for too long is dropped with its temporary file', async () => {
    const host = makeHost({ idleMs: 40 });
    const earlier = await writeEarlierBackup(host);
    const before = fingerprint(defaultFolder());
    const id = await sendBackup(host, 'daily', pieces(plainBackup).slice(0, 1));
    await vi.waitFor(() => expect(tempsIn(defaultFolder())).toEqual([]), { timeout: 2_000, interval: 20 });
    expect(fingerprint(defaultFolder())).toEqual(before);
    expect(existsSync(earlier)).toBe(true);
    await expect(host.chunk(id, plainBackup.slice(0, 1))).rejects.toThrow(/已结束或不存在/);
    await expect(host.begin('daily', ZONE)).resolves.toMatchObject({ started: true });
  });
});

describe('encrypted backups', () => {
  let encrypted: Uint8Array;
  beforeEach(async () => {
    encrypted ??= await collectBytes(writeBackup(toInput(DATASET), { passphrase: PASS, segmentBytes: 16 * 1024 }));
  });

  it('are verified with the passphrase and kept', async () => {
    const host = makeHost();
    const id = await sendBackup(host, 'manual', pieces(encrypted));
    const result = await host.finish(id, PASS);
    expect(new Uint8Array(readFileSync(result.path))).toEqual(encrypted);
    const verdict = await verifyBackup(readFileSync(result.path), { passphrase: PASS });
    expect(verdict.ok && verdict.encrypted).toBe(true);
  });

  it.each([
    ['a wrong passphrase', 'wrong', /口令不正确/],
    ['no passphrase', undefined, /口令/],
  ])('are refused with %s, and nothing is kept', async (_label, passphrase, reason) => {
    const host = makeHost();
    const earlier = await writeGoodBackup(host, 'manual');
    const before = fingerprint(usb);
    const id = await sendBackup(host, 'manual', pieces(encrypted));
    await expect(host.finish(id, passphrase)).rejects.toThrow(reason);
    expect(fingerprint(usb)).toEqual(before);
    expect(readdirSync(usb)).toEqual([path.basename(earlier)]);
  });
});

describe('rotation', () => {
  const day = (i: number) => new Date(2026, 0, 1 + i, 8, 0, 0);
  const daily = Array.from({ length: 35 }, (_, i) => backupFileName('daily', day(i), ZONE));
  const quit = Array.from({ length: 12 }, (_, i) => backupFileName('quit', new Date(2026, 0, 1 + i, 18, 0, 0), ZONE));
  const manual = Array.from({ length: 5 }, (_, i) => backupFileName('manual', new Date(2025, 5, 1 + i, 10, 0, 0), ZONE));
  const unrelated = ['说明.txt', '台账备份-20250101-000000-daily.mlbackup.bak', '台账备份-20250101-000000-weekly.mlbackup', 'daily.mlbackup', '.media-ledger-backup-short.tmp'];
  const freshTemp = '.media-ledger-backup-0123456789abcdef.tmp';
  const staleTemp = '.media-ledger-backup-fedcba9876543210.tmp';
  const folderLikeBackup = '台账备份-20200101-000000-daily.mlbackup';

  /** The daily backup files in the backup folder (the folder named like one is not a file). */
  const dailyFiles = () => readdirSync(defaultFolder()).filter((name) => name.endsWith('-daily.mlbackup') && statSync(path.join(defaultFolder(), name)).isFile());

  function fill(folder: string): void {
    mkdirSync(folder, { recursive: true });
    for (const name of [...daily, ...quit, ...manual, ...unrelated, freshTemp, staleTemp]) writeFileSync(path.join(folder, name), name);
    // A folder with a backup's name is not a backup file and is never touched.
    mkdirSync(path.join(folder, folderLikeBackup));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(path.join(folder, staleTemp), twoDaysAgo, twoDaysAgo);
  }

  it(`after an automatic backup keeps the newest ${KEEP_DAILY} daily and ${KEEP_QUIT} on-quit backups, every manual one and every other file`, async () => {
    fill(defaultFolder());
    const host = makeHost();
    const id = await sendBackup(host, 'daily', pieces(plainBackup));
    const result = await host.finish(id);
    const written = path.basename(result.path);
    expect(written).toBe('台账备份-20260314-093015-daily.mlbackup');

    // 35 old + the new one = 36 daily: the 6 oldest go; 12 on-quit: the 2 oldest go.
    const expectedRemoved = [...daily.slice(0, 6), ...quit.slice(0, 2)];
    expect([...result.removed].sort()).toEqual([...expectedRemoved].sort());
    const expectedLeft = [...daily.slice(6), written, ...quit.slice(2), ...manual, ...unrelated, freshTemp, folderLikeBackup];
    expect(readdirSync(defaultFolder()).sort()).toEqual(expectedLeft.sort());
    for (const name of [...manual, ...unrelated]) expect(readFileSync(path.join(defaultFolder(), name), 'utf8')).toBe(name);

    const status = await host.status();
    expect(status.files.map((file) => file.name)).toEqual([written, ...[...daily.slice(6), ...quit.slice(2), ...manual].sort().reverse()]);
    expect(status.files.filter((file) => file.kind === 'daily')).toHaveLength(KEEP_DAILY);
    expect(status.files.filter((file) => file.kind === 'quit')).toHaveLength(KEEP_QUIT);
    expect(status.files.filter((file) => file.kind === 'manual')).toHaveLength(5);
  });

  it('never removes the backup just written, even when a wrong clock makes it the oldest', async () => {
    fill(defaultFolder());
    clock = new Date(2019, 0, 1, 0, 0, 0);
    const host = makeHost();
    const result = await host.finish(await sendBackup(host, 'daily', pieces(plainBackup)));
    expect(existsSync(result.path)).toBe(true);
    expect(result.removed).toHaveLength(5 + 2);
    expect(result.removed).not.toContain(path.basename(result.path));
    expect(dailyFiles()).toHaveLength(KEEP_DAILY + 1);
  });

  it('does not rotate after a manual backup, even into the backup folder', async () => {
    fill(defaultFolder());
    picked = defaultFolder();
    const before = readdirSync(defaultFolder()).length;
    const host = makeHost();
    const result = await host.finish(await sendBackup(host, 'manual', pieces(plainBackup)));
    expect(result.removed).toEqual([]);
    // Plus the new backup, minus the stale temporary file cleaned up when the write began.
    expect(readdirSync(defaultFolder())).toHaveLength(before + 1 - 1);
    expect(dailyFiles()).toHaveLength(35);
  });
});

describe('the host decides when an automatic backup happens', () => {
  const day = (i: number, hour = 8) => new Date(2026, 1, 1 + i, hour, 0, 0);
  /** Genuine backups of earlier days, as the host's schedule wrote them. */
  function genuine(daily: number, quit: number): string[] {
    mkdirSync(defaultFolder(), { recursive: true });
    const names = [
      ...Array.from({ length: daily }, (_, i) => backupFileName('daily', day(i), ZONE)),
      ...Array.from({ length: quit }, (_, i) => backupFileName('quit', day(i, 18), ZONE)),
    ];
    for (const name of names) writeFileSync(path.join(defaultFolder(), name), name);
    return names;
  }

  /** The probe of issue 13: begin('daily' | 'quit') in a loop, each finished with a valid empty backup. */
  async function probe(host: BackupHost, rounds: number): Promise<{ written: string[]; refused: number; skipped: number }> {
    const empty = await collectBytes(writeBackup(toInput(makeDataset(7, 0, []))));
    const outcome = { written: [] as string[], refused: 0, skipped: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const kind: BackupKind = round % 2 === 0 ? 'daily' : 'quit';
      const begun = await host.begin(kind, ZONE).catch(() => undefined);
      if (!begun) outcome.refused += 1;
      else if (!begun.started) outcome.skipped += 1;
      else {
        await host.chunk(begun.writeId, empty);
        outcome.written.push(path.basename((await host.finish(begun.writeId)).path));
      }
    }
    return outcome;
  }

  it('40 begin/finish rounds from the page leave all 25 genuine backups (one daily backup a day, no on-quit backup while the app runs)', async () => {
    const before = genuine(15, 10);
    const { written, refused, skipped } = await probe(makeHost(), 40);
    expect(written).toEqual(['台账备份-20260314-093015-daily.mlbackup']);
    expect(refused).toBe(20);
    expect(skipped).toBe(19);
    expect(readdirSync(defaultFolder()).sort()).toEqual([...before, ...written].sort());
    for (const name of before) expect(readFileSync(path.join(defaultFolder(), name), 'utf8')).toBe(name);
  });

  it('with a full folder, the rotation still leaves the newest 30 daily and 10 on-quit backups of the schedule', async () => {
    const before = genuine(KEEP_DAILY, KEEP_QUIT);
    const host = makeHost();
    const { written } = await probe(host, 40);
    const left = readdirSync(defaultFolder());
    // Today's daily backup is the one the schedule allows; it takes the place of the oldest.
    expect(written).toHaveLength(1);
    expect(left.filter((name) => name.includes('-daily'))).toHaveLength(KEEP_DAILY);
    expect(left.filter((name) => name.includes('-quit')).sort()).toEqual(before.filter((name) => name.includes('-quit')).sort());
    expect(left).not.toContain(before[0]);
    expect(left).toEqual(expect.arrayContaining([...before.slice(1, KEEP_DAILY), ...written]));
  });

  it('refuses an on-quit backup in Chinese unless the app is closing, and accepts one per closing', async () => {
    const host = makeHost();
    await expect(host.begin('quit', ZONE)).rejects.toThrow(/^退出时的自动备份只在关闭程序时进行/);
    expect(existsSync(defaultFolder())).toBe(false);
    closing = true;
    await expect(writeGoodBackup(host, 'quit')).resolves.toMatch(/-quit\.mlbackup$/);
    await expect(host.begin('quit', ZONE)).rejects.toThrow(/^退出时的自动备份只在关闭程序时进行/);
    expect(readdirSync(defaultFolder())).toHaveLength(1);
    // Without the quit flow's state (no closing option) an on-quit backup is never accepted.
    await expect(makeHost({ closing: undefined }).begin('quit', ZONE)).rejects.toThrow(/只在关闭程序时进行/);
  });

  it('makes a daily backup once per calendar day, also across a restart of the app', async () => {
    const host = makeHost();
    await writeGoodBackup(host, 'daily');
    clock = new Date(2026, 2, 14, 23, 59, 59);
    await expect(host.begin('daily', ZONE)).resolves.toEqual({ started: false });
    // A restart finds today's backup in the folder.
    await expect(makeHost().begin('daily', ZONE)).resolves.toEqual({ started: false });
    // Removed from the folder, the same run of the app still remembers it.
    rmSync(path.join(defaultFolder(), '台账备份-20260314-093015-daily.mlbackup'));
    await expect(host.begin('daily', ZONE)).resolves.toEqual({ started: false });
    clock = new Date(2026, 2, 15, 0, 0, 1);
    await expect(writeGoodBackup(host, 'daily')).resolves.toMatch(/20260315-000001-daily\.mlbackup$/);
    // A manual backup is the clerk's own choice (a folder dialog) and is never limited.
    await expect(writeGoodBackup(host, 'manual')).resolves.toMatch(/manual\.mlbackup$/);
    await expect(writeGoodBackup(host, 'manual')).resolves.toMatch(/manual-2\.mlbackup$/);
  });

  it('names a backup, and counts the daily one, on the institution’s clock that begin gives, whatever the machine’s', async () => {
    const host = makeHost();
    // 20:00 in Beijing on 14 March is 12:00 UTC: the name says 20:00 and the 14th.
    clock = new Date('2026-03-14T12:00:00Z');
    const begun = await host.begin('daily', 'Asia/Shanghai');
    if (!begun.started) throw new Error('not started');
    for (const chunk of pieces(plainBackup)) await host.chunk(begun.writeId, chunk);
    expect(path.basename((await host.finish(begun.writeId)).path)).toBe('台账备份-20260314-200000-daily.mlbackup');
    // 07:30 in Beijing on the 15th is still the 14th in UTC: on the institution's clock the day's backup is due, on UTC's it is done.
    clock = new Date('2026-03-14T23:30:00Z');
    await expect(makeHost().begin('daily', 'UTC')).resolves.toEqual({ started: false });
    await expect(host.begin('daily', 'UTC')).resolves.toEqual({ started: false });
    const next = await host.begin('daily', 'Asia/Shanghai');
    expect(next.started).toBe(true);
    if (next.started) await host.abort(next.writeId);
    // A zone the host does not know is read as China time.
    clock = new Date('2026-03-15T01:00:00Z');
    const unknown = await host.begin('manual', 'Mars/Olympus');
    if (!unknown.started) throw new Error('not started');
    for (const chunk of pieces(plainBackup)) await host.chunk(unknown.writeId, chunk);
    expect(path.basename((await host.finish(unknown.writeId)).path)).toBe('台账备份-20260315-090000-manual.mlbackup');
  });
});

describe('free space', () => {
  const MiB = 1024 * 1024;

  it('refuses to begin on a nearly full disk, in Chinese with the figures, and writes nothing', async () => {
    const host = makeHost({ freeBytes: async () => 100 * MiB });
    await expect(host.begin('daily', ZONE)).rejects.toThrow(/^备份失败：磁盘空间不足（剩余 100 MB，写入后至少要留出 128 MB）/);
    expect(readdirSync(defaultFolder())).toEqual([]);
    expect(host.writing).toBe(false);
  });

  it('refuses a chunk that would leave the disk nearly full, drops the temporary file and keeps earlier backups', async () => {
    const earlier = await writeEarlierBackup(makeHost());
    const before = fingerprint(defaultFolder());
    let free = 129 * MiB;
    const host = makeHost({ freeBytes: async () => free });
    const begun = await host.begin('daily', ZONE);
    if (!begun.started) throw new Error('not started');
    const [first, second] = pieces(plainBackup);
    await host.chunk(begun.writeId, first!);
    free = 128 * MiB + second!.length - 1;
    await expect(host.chunk(begun.writeId, second!)).rejects.toThrow(/^备份失败：磁盘空间不足.*已有的备份不受影响/);
    expect(fingerprint(defaultFolder())).toEqual(before);
    expect(existsSync(earlier)).toBe(true);
    await expect(host.finish(begun.writeId)).rejects.toThrow(/已结束或不存在/);
  });

  it('goes ahead when the free space cannot be read', async () => {
    await expect(writeGoodBackup(makeHost({ freeBytes: async () => undefined }))).resolves.toMatch(/daily\.mlbackup$/);
  });
});

describe('refusals', () => {
  it('refuses an unknown write id for chunk and finish; abort of one is harmless', async () => {
    const host = makeHost();
    const unknown = 'ab'.repeat(16);
    await expect(host.chunk(unknown, plainBackup.slice(0, 10))).rejects.toThrow(/已结束或不存在/);
    await expect(host.finish(unknown)).rejects.toThrow(/已结束或不存在/);
    await expect(host.abort(unknown)).resolves.toBeUndefined();
  });

  it('refuses a second backup while one is open or still choosing its folder', async () => {
    const host = makeHost();
    const first = await host.begin('daily', ZONE);
    await expect(host.begin('quit', ZONE)).rejects.toThrow(/^另一个备份正在进行中/);
    await expect(host.begin('manual', ZONE)).rejects.toThrow(/^另一个备份正在进行中/);
    expect(pickFolder).not.toHaveBeenCalled();
    if (!first.started) throw new Error('not started');
    for (const chunk of pieces(plainBackup)) await host.chunk(first.writeId, chunk);
    await expect(host.finish(first.writeId)).resolves.toMatchObject({ bytes: plainBackup.length });

    // A manual backup whose dialog is still open holds the slot too.
    let answer: (folder: string | undefined) => void = () => undefined;
    const slowPick = vi.fn(() => new Promise<string | undefined>((resolve) => (answer = resolve)));
    const slowHost = makeHost({ pickFolder: slowPick });
    const pending = slowHost.begin('manual', ZONE);
    await vi.waitFor(() => expect(slowPick).toHaveBeenCalledOnce());
    await expect(slowHost.begin('daily', ZONE)).rejects.toThrow(/^另一个备份正在进行中/);
    answer(undefined);
    await expect(pending).resolves.toEqual({ started: false });
    // The next day (today's daily backup is written): the slot is free again.
    clock = new Date(2026, 2, 15, 9, 0, 0);
    await expect(slowHost.begin('daily', ZONE)).resolves.toMatchObject({ started: true });
  });

  it('refuses overlapping chunks of one write (their bytes would interleave)', async () => {
    const host = makeHost();
    const begun = await host.begin('daily', ZONE);
    if (!begun.started) throw new Error('not started');
    const [a, b] = pieces(plainBackup);
    const first = host.chunk(begun.writeId, a!);
    await expect(host.chunk(begun.writeId, b!)).rejects.toThrow(/还在写入/);
    await first;
  });

  it('explains a backup folder that cannot be created, and frees the slot', async () => {
    writeFileSync(path.join(sandbox, 'a-file'), 'x');
    writeFileSync(path.join(userData, BACKUP_SETTINGS_FILE), JSON.stringify({ folder: path.join(sandbox, 'a-file', 'backups') }));
    const host = makeHost();
    await expect(host.begin('daily', ZONE)).rejects.toThrow(/^无法使用备份文件夹：.*重新选择备份文件夹/);
    picked = usb;
    await expect(host.begin('manual', ZONE)).resolves.toMatchObject({ started: true, folder: usb });
  });
});

describe('the backup folder setting', () => {
  it('stores the folder the clerk chooses; automatic backups then go there', async () => {
    const host = makeHost();
    await expect(host.chooseFolder()).resolves.toBe(usb);
    expect(pickFolder.mock.calls[0]?.[0]).toMatchObject({ defaultPath: defaultFolder() });
    expect(JSON.parse(readFileSync(path.join(userData, BACKUP_SETTINGS_FILE), 'utf8'))).toEqual({ folder: usb });
    // The probe file is gone again.
    expect(readdirSync(usb)).toEqual([]);
    const target = await writeGoodBackup(makeHost(), 'daily');
    expect(path.dirname(target)).toBe(usb);
    expect((await makeHost().status()).folder).toBe(usb);
  });

  it('keeps the setting when the dialog is cancelled', async () => {
    const host = makeHost();
    await host.chooseFolder();
    picked = undefined;
    await expect(host.chooseFolder()).resolves.toBeUndefined();
    expect(await host.folder()).toBe(usb);
  });

  it.each([
    ['a folder that does not exist', () => path.join(sandbox, 'gone'), /文件夹不存在/],
    ['a file instead of a folder', () => path.join(sandbox, 'plain-file'), /无法写入/],
  ])('refuses %s in Chinese and keeps the setting', async (_label, target, reason) => {
    writeFileSync(path.join(sandbox, 'plain-file'), 'x');
    picked = target();
    const host = makeHost();
    await expect(host.chooseFolder()).rejects.toThrow(reason);
    await expect(host.chooseFolder()).rejects.toThrow(/^所选文件夹无法写入/);
    expect(existsSync(path.join(userData, BACKUP_SETTINGS_FILE))).toBe(false);
    expect(await host.folder()).toBe(defaultFolder());
  });

  it('falls back to the default folder when the setting file is damaged', async () => {
    for (const content of ['{not json', JSON.stringify({ folder: 'relative/path' }), JSON.stringify({ folder: 42 }), '']) {
      writeFileSync(path.join(userData, BACKUP_SETTINGS_FILE), content);
      expect(await makeHost().folder()).toBe(defaultFolder());
    }
  });

  it('lists only the app\'s own backup files in the status, newest first', async () => {
    mkdirSync(defaultFolder());
    const names = [backupFileName('manual', new Date(2026, 0, 2), ZONE), backupFileName('daily', new Date(2026, 0, 3), ZONE), backupFileName('quit', new Date(2026, 0, 1), ZONE)];
    for (const name of [...names, 'other.mlbackup', 'notes.txt']) writeFileSync(path.join(defaultFolder(), name), 'x'.repeat(3));
    const status = await makeHost().status();
    expect(status.files.map((file) => [file.name, file.kind, file.bytes])).toEqual([
      [names[1], 'daily', 3],
      [names[0], 'manual', 3],
      [names[2], 'quit', 3],
    ]);
  });

  it('reports an empty list for a backup folder that does not exist yet (and does not create it)', async () => {
    await expect(makeHost().status()).resolves.toEqual({ automatic: true, folder: defaultFolder(), files: [], removable: false });
    expect(existsSync(defaultFolder())).toBe(false);
  });
});
