// Test data for the backup format: a seeded random database (rows across every table, with
// attachments of chosen sizes) and a raw frame builder for hand-made hostile files.
import { createHash } from 'node:crypto';
import { BACKUP_TABLES, type BackupTable } from '@shared/backup/format';
import type { AttachmentSource, BackupInput } from '@shared/backup/backup-writer';

/** Deterministic PRNG (mulberry32) so a failing case can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytesSeeded(length: number, random: () => number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Every record carries its bookkeeping fields, as the app's records do (a restore needs them). */
const STAMP = '2025-03-01T08:00:00.000Z';

const WORDS = ['学院', '官方微信', '网站', '宣传部', '审核', 'account', '“引号”', 'emoji 🎓', '', 'a\nb', '\u0000'];

export interface Dataset {
  tables: Record<BackupTable, Record<string, unknown>[]>;
  attachments: Map<string, Uint8Array>;
}

/** About `rowsPerTable` rows in every table; one attachment per entry of `attachmentSizes`. */
export function makeDataset(seed: number, rowsPerTable: number, attachmentSizes: readonly number[]): Dataset {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const text = () => `${pick(WORDS)}${pick(WORDS)}${Math.floor(random() * 1e6)}`;
  const tables = {} as Record<BackupTable, Record<string, unknown>[]>;
  for (const table of BACKUP_TABLES) {
    const n = table === 'settings' ? 1 : table === 'attachments' ? 0 : Math.floor(rowsPerTable * (0.5 + random()));
    tables[table] = Array.from({ length: n }, (_, i) =>
      table === 'auditLog'
        ? { seq: i + 1, at: '2025-03-01T08:00:00.000Z', operator: text(), table: 'units', recordId: `u${i}`, action: 'update', changes: { name: [text(), text()] }, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) }
        : table === 'settings'
          ? { id: 'main', institutionName: text(), profileId: 'default', profile: { nested: { list: [1, 2.5, null, true] } }, operatorName: text(), updatedAt: '2025-03-01T08:00:00.000Z' }
          : { id: `${table}-${i}-${Math.floor(random() * 1e9)}`, createdAt: STAMP, updatedAt: STAMP, name: text(), count: Math.floor(random() * 1000), ratio: random(), flag: random() < 0.5, tags: [text(), text()], deletedAt: random() < 0.1 ? '2025-01-01T00:00:00.000Z' : null },
    );
  }
  const attachments = new Map<string, Uint8Array>();
  attachmentSizes.forEach((size, i) => {
    const id = `att-${i}-${Math.floor(random() * 1e9)}`;
    attachments.set(id, randomBytesSeeded(size, random));
    tables.attachments.push({ id, createdAt: STAMP, updatedAt: STAMP, name: `${text()}.pdf`, mimeType: 'application/pdf', size, sha256: sha256Hex(attachments.get(id) as Uint8Array), ownerTable: 'platforms', ownerId: 'p1' });
  });
  return { tables, attachments };
}

export function toInput(data: Dataset, createdAt = '2025-03-01T08:00:00.000Z'): BackupInput {
  return {
    appVersion: '0.1.0',
    dbVersion: 2,
    createdAt,
    tables: data.tables,
    attachments: [...data.attachments].map(([id, bytes]): AttachmentSource => ({ id, data: bytes })),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface RawFrame {
  type: 'T' | 'A' | 'M';
  name: string;
  payload: Uint8Array;
}

/** A plain backup file framed by hand (correct framing and closing hash, any content). */
export function buildPlainFile(frames: readonly RawFrame[], version = 1): Uint8Array {
  const parts: Buffer[] = [Buffer.from('MLBK'), Buffer.from([version >> 8, version & 0xff])];
  for (const frame of frames) {
    const name = Buffer.from(frame.name, 'utf8');
    parts.push(Buffer.from([frame.type.charCodeAt(0), name.length >> 8, name.length & 0xff]), name);
    if (frame.payload.length > 0) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(frame.payload.length);
      parts.push(len, Buffer.from(frame.payload));
    }
    parts.push(Buffer.alloc(4));
  }
  parts.push(Buffer.from('Z'));
  const body = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

export function splitInto(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}
