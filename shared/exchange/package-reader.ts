// Reads and verifies an exchange package (layout: ./format.ts). Checks run from the cheapest to
// the most thorough: size, UTF-8 JSON (prototype-polluting keys dropped), format id, format
// version, shape bounds (depth, list lengths, string lengths), the checksum, the strict schemas of
// every record, no time later than now, and the package's own consistency, including that it holds
// only the exporting unit's own records. Nothing is handed back unless all agree. The checksum has
// no key, so anyone can make one: the checks after it are what keep a forged package out.
// Never throws: every failure is { ok: false, reason (Chinese, for the clerk), detail (English, for the log) }.
import { HOSTILE_KEYS, parseJsonSafely } from '../backup/rows';
import { utf8Decode } from '../backup/web-platform';
import {
  EXCHANGE_TABLES,
  EXCHANGE_TABLE_LABELS,
  PACKAGE_FORMAT_ID,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_LIMITS,
  packageChecksum,
  type ExchangeFailure,
  type ExchangePackage,
  type ExchangeRecords,
} from './format';
import { accountText, firstLivePair } from './accounts';
import { fieldLabel } from '../domain/field-text';
import { recordNormaliser, type Row } from './records';
import { recordOutsideUnit, type RecordOutside } from './references';
import { packageShapeSchema } from './schemas';
import { canonicalJson } from '../domain/canonical-json';

export type PackageReadResult = { ok: true; package: ExchangePackage } | ExchangeFailure;

const NOT_A_PACKAGE = '所选文件不是本软件的数据交换包（扩展名 .mlpkg），未导入。请选择对方导出的数据包文件。';
const DAMAGED = '数据包已损坏或在导出后被改动过（校验和不符），不能导入，本机数据未做任何更改。请让对方重新导出并发送数据包。';
const INVALID = '数据包的内容不符合格式要求，不能导入，本机数据未做任何更改。请让对方用本软件重新导出数据包。';
const TOO_LARGE = `数据包文件过大（超过 ${PACKAGE_LIMITS.fileBytes / 1024 / 1024} MB），不是本软件导出的数据包，未导入。`;
const EMPTY = '所选文件是空的，不是数据交换包，未导入。请选择对方导出的 .mlpkg 文件。';

class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const HOSTILE = '数据包中含有不允许的字段名（如 __proto__、constructor），可能被恶意改动过，不能导入，本机数据未做任何更改。请让对方重新导出数据包。';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks the parsed JSON without recursion and refuses what no real package holds: nesting deeper
 * than the format has, longer lists than its limits, over-long strings, objects with many keys.
 */
function checkBounds(root: unknown): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > 20_000) throw new Refusal(INVALID, `string of ${value.length} characters at ${path}`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= PACKAGE_LIMITS.depth) throw new Refusal(INVALID, `nesting deeper than ${PACKAGE_LIMITS.depth} at ${path}`);
    if (Array.isArray(value)) {
      // The record lists (records.units …) have their own, larger limits, checked by the schema.
      const limit = depth === 2 && path.startsWith('.records.') ? Number.MAX_SAFE_INTEGER : PACKAGE_LIMITS.listItems;
      if (value.length > limit) throw new Refusal(INVALID, `list of ${value.length} items at ${path}`);
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
    } else {
      const keys = Object.keys(value);
      if (keys.length > 100) throw new Refusal(INVALID, `object with ${keys.length} keys at ${path}`);
      for (const key of keys) stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: `${path}.${key}` });
    }
  }
}

/**
 * Whether the JSON text names a prototype-polluting key anywhere. parseJsonSafely drops such keys
 * (so nothing downstream can meet them); a package that holds one is refused outright rather than
 * read without it. The plain parse below only creates own data properties and is walked, never merged.
 */
function hostileKeyPath(bytes: Uint8Array): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: JSON.parse(utf8Decode(bytes)) as unknown, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      if (HOSTILE_KEYS.has(key)) return `${path}.${key}`;
      stack.push({ value: (value as Record<string, unknown>)[key], path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}` });
    }
  }
  return undefined;
}

/** The day after the export's UTC date: the sender's local "today" is at most that. */
function exportToday(exportedAt: string): string {
  return new Date(Date.parse(exportedAt) + 86_400_000).toISOString().slice(0, 10);
}

function readRecords(shape: { records: Record<string, unknown[]>; exportedAt: string }): ExchangeRecords {
  const normalise = recordNormaliser({ today: exportToday(shape.exportedAt) });
  const records = {} as Record<string, Row[]>;
  for (const table of EXCHANGE_TABLES) {
    const seen = new Set<string>();
    records[table] = shape.records[table]!.map((raw, index) => {
      const checked = normalise(table, raw);
      const place = `数据包中第 ${index + 1} 条${EXCHANGE_TABLE_LABELS[table]}记录`;
      if (!checked.ok) {
        const label = fieldLabel(table, checked.field.split('.')[0] ?? '');
        throw new Refusal(`${place}的“${label}”不符合要求（${checked.message}），不能导入，本机数据未做任何更改。请让对方改正后重新导出。`, `${table}[${index}].${checked.field}: ${checked.message}`);
      }
      // Only the normalised form is accepted, so what is merged is exactly what the checksum covered.
      if (canonicalJson(checked.record) !== canonicalJson(raw)) throw new Refusal(INVALID, `${table}[${index}] is not in normalised form`);
      if (seen.has(checked.record.id)) throw new Refusal(INVALID, `${table}[${index}]: duplicate id ${checked.record.id}`);
      seen.add(checked.record.id);
      return checked.record;
    });
  }
  return records as unknown as ExchangeRecords;
}

/**
 * How far ahead of this computer's clock a time may be: the two offices' clocks may disagree a
 * little, and a package read the day it is written must never be refused for it.
 */
export const CLOCK_SKEW_MS = 86_400_000;

const STAMP_LABELS = { createdAt: '创建时间', updatedAt: '修改时间', deletedAt: '移入回收站的时间' } as const;

const LATER_THAN_NOW =
  '晚于本机当前时间，可能是对方电脑的日期和时间设置不正确，或数据包被改动过，不能导入，本机数据未做任何更改。请核对双方电脑的日期和时间，再让对方重新导出数据包。';

/**
 * Refuses a time later than `now` (plus the skew). A record stamped in the future would look newer
 * than every genuine version sent after it, which the plan would then call an old package resent.
 */
function checkNotLater(iso: string, now: Date, what: string, detail: string): void {
  if (Date.parse(iso) > now.getTime() + CLOCK_SKEW_MS) throw new Refusal(`${what}（${iso}）${LATER_THAN_NOW}`, `${detail} ${iso} is later than ${now.toISOString()}`);
}

function checkRecordTimes(records: ExchangeRecords, now: Date): void {
  for (const table of EXCHANGE_TABLES) {
    (records[table] as unknown as Row[]).forEach((r, index) => {
      const name = typeof r.name === 'string' ? `“${r.name}”` : '';
      for (const field of ['createdAt', 'updatedAt', 'deletedAt'] as const) {
        const value = r[field];
        if (value !== undefined) checkNotLater(value, now, `数据包中第 ${index + 1} 条${EXCHANGE_TABLE_LABELS[table]}记录${name}的${STAMP_LABELS[field]}`, `${table}/${r.id}.${field}`);
      }
    });
  }
}

const OUTSIDE_TAIL = '数据包只能包含导出单位及其下级单位的记录，此数据包可能被改动过，不能导入，本机数据未做任何更改。请让对方重新导出数据包。';

/** The refusal of a record that is not the exporting unit's own, naming it and why. */
function outsideRefusal(pkg: ExchangePackage, outside: RecordOutside): Refusal {
  const { table, index, record } = outside;
  const name = (record as { name?: unknown }).name;
  const unit = `“${pkg.unit.name}”`;
  const detail = `${table}/${record.id} is outside exporting unit ${pkg.unit.id}`;
  switch (table) {
    case 'units':
      return new Refusal(`数据包含不属于导出单位的单位：“${String(name)}”（不是导出单位${unit}或其下级单位）。${OUTSIDE_TAIL}`, `${detail}: not the unit or below it`);
    case 'platforms':
      return new Refusal(`数据包含不属于导出单位的平台：“${String(name)}”（主办单位不是导出单位${unit}或其下级单位）。${OUTSIDE_TAIL}`, `${detail}: host unit not in the package`);
    case 'approvals':
      return new Refusal(`数据包含不属于导出单位的开通与备案记录：第 ${index + 1} 条（所属平台不在数据包中）。${OUTSIDE_TAIL}`, `${detail}: platform not in the package`);
    case 'people':
      return new Refusal(
        `数据包含不属于导出单位的人员：“${String(name)}”（不在导出单位${unit}或其下级单位，数据包中的单位和平台也没有登记此人）。${OUTSIDE_TAIL}`,
        `${detail}: neither of its units nor named by its records`,
      );
  }
}

/**
 * The package must be what a writer makes: its unit inside, and nothing but that unit's own
 * records, chosen by the writer's own rule (references.ts), so it cannot overwrite another unit's.
 * That rule can only follow the package's own parentIds; whether a record the package holds
 * belongs to the exporting unit by this computer's stored tree is the plan's check (ownership.ts).
 */
function checkConsistency(pkg: ExchangePackage): void {
  if (!pkg.records.units.some((u) => u.id === pkg.unit.id)) throw new Refusal(INVALID, `exporting unit ${pkg.unit.id} is not among the units`);
  const outside = recordOutsideUnit(pkg.records, pkg.unit.id);
  if (outside) throw outsideRefusal(pkg, outside);
  // The registry holds one live platform per kind + account id; a package holding two would double it.
  const pair = firstLivePair(pkg.records.platforms as unknown as Row[]);
  if (pair) {
    const [a, b] = pair;
    throw new Refusal(
      `数据包中有两个同类账号（${accountText(a)}）：“${a.name}”和“${b.name}”。同一账号在台账中只能登记一次，此数据包不能导入，本机数据未做任何更改。请让对方在“平台台账”中删除或改正其中重复的一条，再重新导出数据包。`,
      `platforms ${a.id} and ${b.id}: same kind and account id`,
    );
  }
}

/** Reads `bytes` as a package; `now` is the import time, which no time in the package may be (much) later than. */
export function readPackage(bytes: Uint8Array, now: Date = new Date()): PackageReadResult {
  try {
    if (bytes.length === 0) throw new Refusal(EMPTY, 'empty file');
    if (bytes.length > PACKAGE_LIMITS.fileBytes) throw new Refusal(TOO_LARGE, `${bytes.length} bytes`);
    let json: unknown;
    try {
      json = parseJsonSafely(bytes);
    } catch (error) {
      throw new Refusal(NOT_A_PACKAGE, `not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const hostile = hostileKeyPath(bytes);
    if (hostile !== undefined) throw new Refusal(HOSTILE, `prototype-polluting key at ${hostile}`);
    if (!isObject(json) || json.format !== PACKAGE_FORMAT_ID) throw new Refusal(NOT_A_PACKAGE, 'no "format": "media-ledger-exchange" at the top');
    const version = json.formatVersion;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw new Refusal(INVALID, `format version ${String(version)}`);
    if (version > PACKAGE_FORMAT_VERSION) {
      throw new Refusal(
        `此数据包由更新版本的软件导出（数据包格式第 ${version} 版，当前软件只支持到第 ${PACKAGE_FORMAT_VERSION} 版），未导入。请先将本软件更新到最新版本，再导入此数据包。`,
        `format version ${version} is newer than supported ${PACKAGE_FORMAT_VERSION}`,
      );
    }
    checkBounds(json);
    const { sha256, ...body } = json;
    if (typeof sha256 !== 'string' || sha256 !== packageChecksum(body)) throw new Refusal(DAMAGED, 'SHA-256 of the canonical package differs from the stored one');
    const shape = packageShapeSchema.safeParse(json);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      throw new Refusal(INVALID, `package shape: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? ''}`);
    }
    const { sha256: _sum, records: rawRecords, ...header } = shape.data;
    // Before the records: their dates are judged "not in the future" against the export's day.
    checkNotLater(header.exportedAt, now, '数据包的导出时间', 'exportedAt');
    const records = readRecords({ records: rawRecords, exportedAt: header.exportedAt });
    checkRecordTimes(records, now);
    const pkg: ExchangePackage = { ...header, records };
    checkConsistency(pkg);
    return { ok: true, package: pkg };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.detail };
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, reason: '读取数据包时出错，未导入，本机数据未做任何更改。请确认文件完整，或让对方重新导出。', detail };
  }
}
