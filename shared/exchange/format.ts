// The exchange package (数据交换包) of 新媒体阵地台账: how a unit's clerk sends its registry and
// filings to the 宣传部, whose copy of the app merges them. Constants, types and the checksum here;
// the writer is ./package-writer.ts, the never-throwing reader ./package-reader.ts, the import
// plan (new / duplicate / foreign / changed / conflict / same) ./plan.ts.
//
// File: extension .mlpkg, one UTF-8 JSON object (no BOM):
//   {
//     "format": "media-ledger-exchange",   fixed; anything else is "not a package"
//     "formatVersion": 1,                   readers refuse a newer version with a message
//     "appVersion": "0.1.0",                version of the app that wrote it (informative)
//     "exportedAt": "2026-11-22T04:00:00.000Z",
//     "institution": "东湖示范大学",          institution name from the exporter's settings
//     "unit": { "id": "01J…", "name": "计算机与人工智能学院" },   the exporting unit
//     "records": {
//       "units":     [...],   the unit and every unit below it (parentId, at any depth)
//       "people":    [...],   people of those units and every person their units and platforms name
//       "platforms": [...],   platforms hosted by those units, work groups included
//       "approvals": [...]    opening approvals and filings of those platforms
//     },
//     "sha256": "<64 hex>"   SHA-256 of canonicalJson (keys sorted at every level, see
//                            shared/domain/canonical-json.ts) of the whole object without "sha256"
//   }
// Records are stored as the app keeps them (id, createdAt, updatedAt, deletedAt when in the
// trash, and the record's fields), in the normalised form the app's validation produces; records
// in the trash travel too, so a deletion reaches the 宣传部. References that point outside the
// package (a parent unit above the exporting unit, a sponsoring unit elsewhere) are kept as ids.
// A reader refuses a file that is too large, is not this format, is of a newer version, fails the
// checksum, holds anything the strict schemas (./schemas.ts) do not accept exactly, a time more
// than a day after the import, or any record the writer would not have put in the exporting
// unit's package (./references.ts): the checksum has no key, so it proves no sender.
import { canonicalJson, sha256Hex } from '../domain/canonical-json';
import type { Approval } from '../domain/records';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import type { Unit } from '../domain/unit';
import { TABLE_LABELS } from '../domain/tables';

export const PACKAGE_FORMAT_ID = 'media-ledger-exchange';
/** Bump when the layout changes incompatibly; readers refuse newer versions. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = 'mlpkg';

/** The tables a package carries, in the order they are merged (referenced records first). */
export const EXCHANGE_TABLES = ['units', 'people', 'platforms', 'approvals'] as const;
export type ExchangeTable = (typeof EXCHANGE_TABLES)[number];

/**
 * What one record of each table is called in the review and its sentences (平台“X”, 第 2 条平台记录):
 * the table's name (shared/domain/tables.ts), except that a platform is one entry of the 平台台账.
 */
export const EXCHANGE_TABLE_LABELS: Record<ExchangeTable, string> = {
  units: TABLE_LABELS.units,
  people: TABLE_LABELS.people,
  platforms: '平台',
  approvals: TABLE_LABELS.approvals,
};

/** Bounds a hostile file cannot push past; a real unit's package is far inside them. */
export const PACKAGE_LIMITS = {
  fileBytes: 32 * 1024 * 1024,
  /** JSON nesting depth (a record is at most 6 levels below the top). */
  depth: 16,
  records: { units: 2_000, people: 20_000, platforms: 5_000, approvals: 50_000 } satisfies Record<ExchangeTable, number>,
  /** Entries of a list inside one record (follower history, columns, changes of a filing …). */
  listItems: 2_000,
} as const;

export interface ExchangeRecords {
  units: Unit[];
  people: Person[];
  platforms: Platform[];
  approvals: Approval[];
}

export interface ExchangePackage {
  format: typeof PACKAGE_FORMAT_ID;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  institution: string;
  unit: { id: string; name: string };
  records: ExchangeRecords;
}

/** A package refused or not written: `reason` for the clerk (Chinese, with what to do), `detail` for the log. */
export type ExchangeFailure = { ok: false; reason: string; detail: string };

/** The checksum stored in the file: covers every field but itself. */
export function packageChecksum(body: object): string {
  return sha256Hex(canonicalJson(body));
}

/** Key of a record across tables: 'platforms/01J…'. */
export function recordKey(table: ExchangeTable, id: string): string {
  return `${table}/${id}`;
}
