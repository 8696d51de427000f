// Writes a unit's exchange package (layout: ./format.ts). Every record is checked with the same
// schemas the reader applies and written in their normalised form, so the app never writes a
// package it would refuse; a record that fails is named in the refusal so the clerk can fix it.
import { zonedMoment } from '../domain/time-zone';
import { utf8Encode } from '../backup/web-platform';
import { canonicalJson } from '../domain/canonical-json';
import {
  EXCHANGE_TABLES,
  EXCHANGE_TABLE_LABELS,
  PACKAGE_EXTENSION,
  PACKAGE_FORMAT_ID,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_LIMITS,
  packageChecksum,
  type ExchangeFailure,
  type ExchangePackage,
  type ExchangeRecords,
  type ExchangeTable,
} from './format';
import { accountText, firstLivePair } from './accounts';
import { fieldLabel } from '../domain/field-text';
import { recordNormaliser, type Row } from './records';
import { readPackage } from './package-reader';
import { selectUnitRecords } from './references';

export interface PackageInput {
  appVersion: string;
  /** ISO date-time of the export. */
  exportedAt: string;
  /** Today's local date ('YYYY-MM-DD'), for the "not in the future" checks. */
  today: string;
  /** The institution's clock (the profile's zone): the file name's date and time read on it. */
  timeZone: string;
  institution: string;
  unitId: string;
  /** What the package is picked from: every unit, and at least the people, platforms and filings
   * selectUnitRecords picks from the four tables (records in the trash included). */
  all: ExchangeRecords;
}

export type WrittenPackage = {
  ok: true;
  package: ExchangePackage;
  bytes: Uint8Array;
  /** A suggested file name (no path), e.g. 数据交换包-图书馆-20261122-1230.mlpkg. */
  fileName: string;
  counts: Record<ExchangeTable, number>;
};

function fail(reason: string, detail: string): ExchangeFailure {
  return { ok: false, reason, detail };
}

/** Characters a file name may not hold on Windows or Linux become '_'. */
function safeFilePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim().slice(0, 60) || '单位';
}

/** YYYYMMDD-HHmm of the export on the clerk's wall clock (the machine's time zone). */
/** YYYYMMDD-HHmm of the export on the institution's clock. */
function stamp(iso: string, timeZone: string): string {
  const m = zonedMoment(iso, timeZone);
  return m ? `${m.date.replaceAll('-', '')}-${m.time.replace(':', '')}` : 'unknown';
}

export function writePackage(input: PackageInput): WrittenPackage | ExchangeFailure {
  const selected = selectUnitRecords(input.all, input.unitId);
  if (!selected) return fail('所选单位不存在，可能已被删除。请重新选择单位。', `unit ${input.unitId} not found`);
  const unit = selected.units.find((u) => u.id === input.unitId)!;
  // The reader refuses a package holding one account twice; say so to the sender, who can fix it.
  const pair = firstLivePair(selected.platforms as unknown as Row[]);
  if (pair) {
    const [a, b] = pair;
    return fail(
      `平台台账中有两个同类账号（${accountText(a)}）：“${a.name}”和“${b.name}”，同一账号只能登记一次，未导出。请先在“平台台账”中删除或改正其中重复的一条，再导出数据包。`,
      `platforms ${a.id} and ${b.id}: same kind and account id`,
    );
  }
  const normalise = recordNormaliser({ today: input.today });
  const records = { units: [], people: [], platforms: [], approvals: [] } as unknown as ExchangeRecords;
  for (const table of EXCHANGE_TABLES) {
    const rows = selected[table] as readonly object[];
    if (rows.length > PACKAGE_LIMITS.records[table]) {
      return fail(`${EXCHANGE_TABLE_LABELS[table]}记录超过 ${PACKAGE_LIMITS.records[table]} 条，无法放入一个数据包。请选择下级单位分别导出。`, `${table}: ${rows.length} rows`);
    }
    for (const raw of rows) {
      const checked = normalise(table, raw);
      const name = (raw as { name?: unknown }).name;
      if (!checked.ok) {
        const field = checked.field.split('.')[0] ?? '';
        return fail(
          `${EXCHANGE_TABLE_LABELS[table]}${typeof name === 'string' ? `“${name}”` : ''}的“${fieldLabel(table, field)}”有误（${checked.message}），未导出。请先在本机改正此记录，再导出数据包。`,
          `${table}/${(raw as { id?: unknown }).id as string}: ${checked.field}: ${checked.message}`,
        );
      }
      (records[table] as unknown as object[]).push(checked.record);
    }
  }
  const body: ExchangePackage = {
    format: PACKAGE_FORMAT_ID,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: input.appVersion,
    exportedAt: input.exportedAt,
    institution: input.institution,
    unit: { id: unit.id, name: unit.name },
    records,
  };
  const text = canonicalJson({ ...body, sha256: packageChecksum(body) });
  const bytes = utf8Encode(text);
  if (bytes.length > PACKAGE_LIMITS.fileBytes) {
    return fail('此单位的数据超出一个数据包的大小上限，未导出。请选择下级单位分别导出。', `${bytes.length} bytes`);
  }
  // Never hand over a file this app would refuse (a header field too long, a list over its limit …).
  const check = readPackage(bytes);
  if (!check.ok) return fail(`导出的数据包未通过校验，未保存：${check.reason}`, check.detail);
  const counts = Object.fromEntries(EXCHANGE_TABLES.map((t) => [t, records[t].length])) as Record<ExchangeTable, number>;
  return { ok: true, package: body, bytes, fileName: `数据交换包-${safeFilePart(unit.name)}-${stamp(input.exportedAt, input.timeZone)}.${PACKAGE_EXTENSION}`, counts };
}
