// The local database (IndexedDB through Dexie): one typed table per record type of shared/domain
// (unit, person, platform, and the records of records.ts).
// Versions are append-only: never edit a released version, add a new one with its upgrade.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AuditEntry } from '@shared/domain/audit';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type {
  Approval,
  Attachment,
  Envelope,
  Handover,
  Incident,
  Inspection,
  Printout,
  Review,
  Training,
} from '@shared/domain/records';
import type { Settings } from '@shared/domain/settings';
import type { Unit } from '@shared/domain/unit';
import type { DbTable } from '@shared/domain/tables';
import { DB_SCHEMA_VERSION } from '@shared/domain/db-schema-version';
import { upgradeToV2 } from './upgrades';

export const DB_NAME = 'media-ledger';

/**
 * An attachment row as stored. Its bytes are in scanBytes under its sha256 (./scan-bytes.ts);
 * rows written before version 5 hold them here instead.
 */
export interface StoredAttachment extends Attachment {
  blob?: Blob;
}

/** A scan's bytes, under the SHA-256 (hex) of those bytes (version 5; ./scan-bytes.ts). */
export interface ScanBytes {
  sha256: string;
  size: number;
  blob: Blob;
}

/**
 * Index definitions of version 1 (the first release). Kept verbatim for upgrade tests. Every version
 * declares exactly the tables of shared/domain/tables.ts (DB_TABLES), which the backup also lists,
 * and from version 5 on the scans' bytes apart from them (STORAGE_STORES).
 */
export const STORES_V1 = {
  units: 'id, name, kind, parentId, deletedAt',
  people: 'id, name, unitId, status, deletedAt',
  platforms: 'id, kind, name, hostUnitId, status, deletedAt',
  approvals: 'id, platformId, kind, dueDate, deletedAt',
  reviews: 'id, platformId, originalReviewId, deletedAt',
  envelopes: 'id, platformId, number, deletedAt',
  handovers: 'id, platformId, date, deletedAt',
  inspections: 'id, year, platformId, deletedAt',
  incidents: 'id, date, platformId, deletedAt',
  trainings: 'id, date, deletedAt',
  printouts: 'id, formId, recordId, paperStatus, printedAt, deletedAt',
  attachments: 'id, ownerId, sha256, deletedAt',
  auditLog: '++seq, at, table, recordId',
  settings: 'id',
} as const satisfies Record<DbTable, string>;

/** Version 2: duplicate detection by (kind, account id) and one inspection per year and account. */
export const STORES_V2 = {
  ...STORES_V1,
  platforms: 'id, kind, name, hostUnitId, status, deletedAt, [kind+accountId]',
  inspections: 'id, year, platformId, [year+platformId], deletedAt',
} as const satisfies Record<DbTable, string>;

/**
 * Version 3: 发布审核 reads a page at a time newest first (reviews by createdAt), and a year's
 * figures by a createdAt range, instead of every review. An index only: no row changes.
 */
export const STORES_V3 = {
  ...STORES_V2,
  reviews: 'id, platformId, originalReviewId, createdAt, deletedAt',
} as const satisfies Record<DbTable, string>;

/**
 * Version 4: a printed form is found by its number (the scan box, a typed BA-2026-0007) and the
 * next number of a form and year is read from the numbers alone, instead of every printout. An
 * index only: no row changes.
 */
export const STORES_V4 = {
  ...STORES_V3,
  printouts: 'id, formId, recordId, paperStatus, printedAt, deletedAt, formNumber',
} as const satisfies Record<DbTable, string>;

/**
 * Version 5: the scans' bytes in a table of their own, by their SHA-256 (./scan-bytes.ts), so that
 * a restore's one transaction writes rows only. Not a ledger table (not in DB_TABLES, not in a
 * backup, which holds the bytes with their attachment rows). Rows stay as they are: those written
 * before keep their Blob.
 */
export const STORAGE_STORES = { scanBytes: 'sha256' } as const;

/** The ledger tables as the newest version declares them (version 5 keeps those of version 4). */
export const CURRENT_STORES = STORES_V4;

/** The newest version declared below (a unit test holds the two together). */
export const CURRENT_VERSION = DB_SCHEMA_VERSION;

export class LedgerDb extends Dexie {
  units!: EntityTable<Unit, 'id'>;
  people!: EntityTable<Person, 'id'>;
  platforms!: EntityTable<Platform, 'id'>;
  approvals!: EntityTable<Approval, 'id'>;
  reviews!: EntityTable<Review, 'id'>;
  envelopes!: EntityTable<Envelope, 'id'>;
  handovers!: EntityTable<Handover, 'id'>;
  inspections!: EntityTable<Inspection, 'id'>;
  incidents!: EntityTable<Incident, 'id'>;
  trainings!: EntityTable<Training, 'id'>;
  printouts!: EntityTable<Printout, 'id'>;
  attachments!: EntityTable<StoredAttachment, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  settings!: Table<Settings, 'main'>;
  scanBytes!: EntityTable<ScanBytes, 'sha256'>;

  constructor(name: string = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; cache?: 'cloned' | 'disabled' } = {}) {
    // 'strict' durability: a transaction reports success only once the data is on disk, so a
    // power cut right after "已保存" cannot lose the record (Chromium defaults to 'relaxed').
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
    this.version(3).stores(STORES_V3);
    this.version(4).stores(STORES_V4);
    this.version(5).stores({ ...CURRENT_STORES, ...STORAGE_STORES });
  }
}
