// Validation of the editable drafts of units, people and platforms (zod 4), with a Chinese
// message for each field so a form can show the error next to the input that caused it.
// Used by the edit dialogs, the Excel import (per-row errors) and the demo-data tests.
import { z } from 'zod';
import { unprintableMessage } from '../forms/printable';
import type { Draft, IsoDate } from './common';
import { isId } from './ids';
import { localToday } from './today';
import { PERSON_STATUSES } from './person';
import type { Person } from './person';
import { CERTIFICATION_STATUSES, LIFECYCLE_STATUSES, PLATFORM_KINDS, isWebsiteKind } from './platform';
import { accountIdLabel } from './field-text';
import type { Platform, PlatformKind } from './platform';
import { RANKS, UNIT_KINDS } from './unit';
import type { Unit } from './unit';
import { isIsoMonth, monthNotAfter } from './month-date';

export interface ValidationOptions {
  /** 'YYYY-MM-DD' used for "not in the future" checks; defaults to the local date. Tests pin it. */
  today?: IsoDate;
}

/** Field path ('name', 'followers.0.value', 'group.memberCount') → Chinese message. */
export type FieldErrors = Record<string, string>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Key for an error that belongs to no single field (e.g. the input was not an object at all). */
export const FORM_ERROR_KEY = '_form';

// ---------------------------------------------------------------------------------------------
// Plain checks, exported for the Excel import and for inputs that validate as the clerk types.

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' naming a real calendar day: 2026-02-30 and 2025-13-01 are refused. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2999) return false;
  // Date.UTC rolls 2026-02-30 over to March 2; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Mainland mobile: 11 digits starting 13–19, optionally prefixed +86. */
const MOBILE_RE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
/**
 * Landline with area code: 3-digit codes (010, 02x) take 8 digits, 4-digit codes 7 or 8, written
 * 029-87092255 or (029)87092255; an extension may follow as 转123, -123 or #123.
 */
const LANDLINE_RE = /^(?:(?:\(0(?:10|2\d)\)|0(?:10|2\d)-?)\d{8}|(?:\(0[3-9]\d{2}\)|0[3-9]\d{2}-?)\d{7,8})(?:(?:转|-|#)\d{1,6})?$/;

/** Full-width digits and brackets from a Chinese IME become ASCII; spaces inside are dropped. */
function normalizePhone(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export function isValidPhone(value: string): boolean {
  const phone = normalizePhone(value);
  return MOBILE_RE.test(phone) || LANDLINE_RE.test(phone);
}

const HOST = String.raw`(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|(?:\d{1,3}\.){3}\d{1,3}|localhost)`;
/** http(s)://host[:port][/path] or a bare host such as lib.example.edu.cn[/path]; intranet IPs allowed. */
const WEB_ADDRESS_RE = new RegExp(String.raw`^(?:https?://)?${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, 'i');

/** A web address as the clerk writes it: with http(s):// or a bare domain; other schemes refused. */
export function isValidWebAddress(value: string): boolean {
  const address = value.normalize('NFKC');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address) && !/^https?:\/\//i.test(address)) return false;
  return WEB_ADDRESS_RE.test(address);
}

/** Length in characters as a person counts them: 𠮷 is one character, not two UTF-16 units. */
function charCount(value: string): number {
  return [...value].length;
}

// ---------------------------------------------------------------------------------------------
// Schema building blocks. Empty strings and null from cleared inputs mean "not given".

function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/**
 * Every text of these records goes on paper (forms F01–F17): a character the form fonts cannot
 * print (e.g. an emoji, 王🙂) would come out as an empty box on a sealed form, so it is refused
 * here, naming the character. Rare characters the fonts have (𠮷 堃 赟 喆 龘) pass.
 */
function printable<T extends z.ZodType<string>>(schema: T) {
  return schema.superRefine((s, ctx) => {
    const message = unprintableMessage(s);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

/** Trimmed, non-empty text; never normalised, so rare characters (𠮷, 龘) are kept as typed. */
function requiredText(message: string, maxChars: number) {
  return printable(z.string({ error: message }).trim().min(1, { error: message })).refine(
    (s) => charCount(s) <= maxChars,
    { error: `不能超过 ${maxChars} 个字` },
  );
}

function text(maxChars: number) {
  return printable(z.string({ error: '应填写文字' }).trim()).refine((s) => charCount(s) <= maxChars, {
    error: `不能超过 ${maxChars} 个字`,
  });
}

/** Free text that the record always carries (may be empty). */
function textOrEmpty(maxChars: number) {
  return z.preprocess((v) => (v === null || v === undefined ? '' : v), text(maxChars));
}

/** Ids are ULIDs (ids.ts) or UUIDs: records imported from other tools may carry UUIDs. */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idRef(what: string) {
  return z
    .string({ error: `请选择${what}` })
    .refine((id) => isId(id) || UUID_RE.test(id), { error: `所选${what}无效，请重新选择` });
}

function isoDate(label: string, today: IsoDate, notFuture: boolean) {
  const base = z
    .string({ error: `${label}应为日期` })
    .trim()
    .regex(ISO_DATE_RE, { error: `${label}格式应为“年-月-日”，例如 2026-11-22`, abort: true })
    .refine(isRealDate, { error: `${label}不是有效的日期，请核对年月日`, abort: true });
  return notFuture ? base.refine((d) => d <= today, { error: `${label}不能晚于今天（${today}）` }) : base;
}

/**
 * A date that may be known only to its month ('2019-06', see month-date): 开通日期 of old ledgers.
 * Never in the future; a month counts from its first day.
 */
function pastDayOrMonth(label: string, today: IsoDate) {
  return z
    .string({ error: `${label}应为日期` })
    .trim()
    .refine((v) => ISO_DATE_RE.test(v) || isIsoMonth(v), { error: `${label}格式应为“年-月-日”，例如 2026-11-22；只知道月份的写作“年-月”，例如 2019-06`, abort: true })
    .refine((v) => isIsoMonth(v) || isRealDate(v), { error: `${label}不是有效的日期，请核对年月日`, abort: true })
    .refine((v) => (isIsoMonth(v) ? monthNotAfter(v, today) : v <= today), { error: `${label}不能晚于今天（${today}）` });
}

const PHONE_MESSAGE = '电话格式不正确：手机号为 11 位（如 13812345678），固定电话需带区号（如 029-87092255，分机写作“转123”）';
const phone = z
  .string({ error: PHONE_MESSAGE })
  .transform(normalizePhone)
  .refine((s) => MOBILE_RE.test(s) || LANDLINE_RE.test(s), { error: PHONE_MESSAGE });

const WEB_ADDRESS_MESSAGE = '网址格式不正确：应以 http:// 或 https:// 开头，或直接填写域名（如 lib.example.edu.cn）';
const webAddress = z
  .string({ error: WEB_ADDRESS_MESSAGE })
  .trim()
  .refine(isValidWebAddress, { error: WEB_ADDRESS_MESSAGE });

/** Counts typed as '1,234' or ' 56 ' (e.g. from Excel) become numbers before the integer check. */
function count(label: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.replace(/[\s,，]/g, '');
      return /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : v;
    },
    z
      .number({ error: `${label}应为数字` })
      .int({ error: `${label}应为整数` })
      .min(0, { error: `${label}不能为负数` }),
  );
}

function enumOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

// ---------------------------------------------------------------------------------------------
// Schemas. Factories, because "not in the future" depends on the date the check runs.

export function unitDraftSchema(_options: ValidationOptions = {}) {
  return z.object(
    {
      name: requiredText('请填写单位名称', 60),
      kind: enumOf(UNIT_KINDS, '请选择单位类别'),
      parentId: optional(idRef('上级单位')),
      firstResponsibleId: optional(idRef('第一责任人')),
      firstResponsibleRank: optional(enumOf(RANKS, '请选择第一责任人的职级')),
      partySecretaryId: optional(idRef('党组织书记')),
      contactId: optional(idRef('联系人')),
      phone: optional(phone),
      note: optional(text(1000)),
    },
    { error: '单位数据格式不正确' },
  );
}

export function personDraftSchema(options: ValidationOptions = {}) {
  const today = options.today ?? localToday();
  return z.object(
    {
      name: requiredText('请填写姓名', 30),
      unitId: optional(idRef('所在单位')),
      title: optional(text(60)),
      rank: optional(enumOf(RANKS, '请选择职级')),
      phone: optional(phone),
      isTeacher: z.boolean({ error: '请选择是否为教师' }),
      status: enumOf(PERSON_STATUSES, '请选择在岗状态'),
      // The day someone left cannot lie ahead: a planned departure is recorded when it happens.
      statusDate: optional(isoDate('状态变动日期', today, true)),
      note: optional(text(1000)),
    },
    { error: '人员数据格式不正确' },
  );
}

export function platformDraftSchema(options: ValidationOptions = {}) {
  const today = options.today ?? localToday();
  const pastDate = (label: string) => isoDate(label, today, true);
  const dated = <T extends z.ZodType>(value: T, label: string) =>
    z.object({ date: pastDate(label), value, note: optional(text(200)) }, { error: `${label}记录格式不正确` });

  return z.object(
    {
      kind: enumOf(PLATFORM_KINDS, '请选择平台类型'),
      name: requiredText('请填写平台名称', 60),
      // Whether it may be empty depends on the kind: checked in crossCheckPlatform.
      accountId: textOrEmpty(200),
      url: optional(webAddress),
      hostUnitId: z.preprocess(blankToUndefined, idRef('主办单位')),
      sponsorUnitId: optional(idRef('挂靠单位')),
      guidingTeacherId: optional(idRef('指导教师')),
      purpose: textOrEmpty(1000),
      contentScope: textOrEmpty(1000),
      openedOn: optional(pastDayOrMonth('开通日期', today)),
      existedBeforeLedger: optional(z.boolean({ error: '请选择是否在建立本台账前已开通' })),
      certification: enumOf(CERTIFICATION_STATUSES, '请选择认证状态'),
      followers: z.array(dated(count('粉丝数'), '粉丝数统计日期'), { error: '粉丝数记录格式不正确' }).default([]),
      server: z
        .object(
          {
            involvesData: z.boolean({ error: '请选择是否涉及数据服务' }),
            location: optional(text(200)),
          },
          { error: '请选择服务器情况' },
        )
        .default({ involvesData: false }),
      responsibleId: optional(idRef('责任人')),
      businessLeadId: optional(idRef('业务负责人')),
      technicalLeadId: optional(idRef('技术负责人')),
      chiefAdminId: optional(idRef('总管理员')),
      sectionAdminIds: z.array(idRef('分管理员'), { error: '分管理员格式不正确' }).default([]),
      measures: textOrEmpty(2000),
      columns: z
        .array(
          z.object(
            {
              level1: requiredText('请填写一级栏目', 60),
              level2: optional(text(500)),
              department: requiredText('请填写负责部门', 100),
              note: optional(text(200)),
            },
            { error: '栏目格式不正确' },
          ),
          { error: '栏目分工格式不正确' },
        )
        .default([]),
      lastUpdateOn: optional(pastDate('最近更新日期')),
      status: enumOf(LIFECYCLE_STATUSES, '请选择运行状态'),
      statusHistory: z
        .array(dated(enumOf(LIFECYCLE_STATUSES, '请选择状态'), '状态变更日期'), { error: '状态记录格式不正确' })
        .default([]),
      group: optional(
        z.object(
          {
            ownerId: optional(idRef('群主')),
            memberCount: optional(count('群成员数')),
            members: optional(
              z.array(
                z
                  .object({ personId: optional(idRef('成员')), department: optional(text(60)), name: optional(text(30)) }, { error: '群成员格式不正确' })
                  .refine((m) => m.personId || (m.department && m.name), { error: '不在人员名单中的成员须填写部门和姓名（003 第二十条：部门+姓名实名）' }),
                { error: '群成员名单格式不正确' },
              ),
            ),
            realNameCheckDates: z.array(pastDate('实名核查日期'), { error: '实名核查日期格式不正确' }).default([]),
            supervisorId: optional(idRef('监督人')),
            disbandedOn: optional(pastDate('解散日期')),
          },
          { error: '工作群信息格式不正确' },
        ),
      ),
      note: optional(text(1000)),
    },
    { error: '平台数据格式不正确' },
  );
}

// ---------------------------------------------------------------------------------------------
// Rules that span fields. They read the raw input so they report even when other fields fail.

function field(raw: unknown, key: string): unknown {
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function crossCheckPlatform(raw: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const kind = field(raw, 'kind');
  if (typeof kind === 'string' && (PLATFORM_KINDS as readonly string[]).includes(kind)) {
    const k = kind as PlatformKind;
    const accountId = field(raw, 'accountId');
    // 其他 covers accounts still being set up (e.g. 申请中) that have no id yet.
    if (k !== '其他' && isBlank(accountId)) errors.accountId = `请填写${accountIdLabel(k)}`;
    if (isWebsiteKind(k) && typeof accountId === 'string' && !isBlank(accountId)) {
      if (!isValidWebAddress(accountId.trim())) errors.accountId = WEB_ADDRESS_MESSAGE;
    }
  }
  const server = field(raw, 'server');
  // 001 附件1: 涉及数据服务，服务器设置在____ — the location is the point of the question.
  if (field(server, 'involvesData') === true && isBlank(field(server, 'location'))) {
    errors['server.location'] = '涉及数据服务时请填写服务器所在位置';
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Running a schema and turning zod issues into per-field Chinese messages.

/** Fallback for issues a schema did not word itself (zod's own messages are English). */
function chineseFallback(issue: { code?: string; input?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '此项必填' : '填写内容的类型不正确';
    case 'invalid_value':
      return '请从列表中选择';
    case 'too_big':
      return '内容过长';
    case 'too_small':
      return '内容过短';
    case 'invalid_format':
      return '格式不正确';
    default:
      return '填写内容不正确';
  }
}

function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || FORM_ERROR_KEY;
    // The first problem of a field is the one to fix first; later ones often follow from it.
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

function run<S extends z.ZodType>(
  schema: S,
  draft: unknown,
  crossCheck?: (raw: unknown) => FieldErrors,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(draft, { error: (issue) => chineseFallback(issue) });
  const errors = result.success ? {} : toFieldErrors(result.error.issues);
  for (const [path, message] of Object.entries(crossCheck?.(draft) ?? {})) {
    if (!(path in errors)) errors[path] = message;
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, value: result.data };
  return { ok: false, errors };
}

/**
 * The schema of `today`, built once per day and kind: building a zod schema and compiling it on
 * its first parse costs milliseconds, which an import paid again for every row of a 10,000-row
 * sheet (issue 15). Schemas are immutable, so one serves every call of the same day.
 */
function cachedSchema<S>(build: (options: ValidationOptions) => S): (options: ValidationOptions) => S {
  let last: { today: IsoDate; schema: S } | undefined;
  return (options) => {
    const today = options.today ?? localToday();
    if (last?.today !== today) last = { today, schema: build({ ...options, today }) };
    return last.schema;
  };
}

const unitSchemaOf = cachedSchema(unitDraftSchema);
const personSchemaOf = cachedSchema(personDraftSchema);
const platformSchemaOf = cachedSchema(platformDraftSchema);

/** Checks a unit draft; on success the value is trimmed, with blank optional fields removed. */
export function validateUnit(draft: unknown, options: ValidationOptions = {}): ValidationResult<Draft<Unit>> {
  return run(unitSchemaOf(options), draft);
}

/** Checks a person draft; names are trimmed but otherwise kept exactly as typed. */
export function validatePerson(draft: unknown, options: ValidationOptions = {}): ValidationResult<Draft<Person>> {
  return run(personSchemaOf(options), draft);
}

/** Checks a platform draft, including the rules that depend on its kind. */
export function validatePlatform(draft: unknown, options: ValidationOptions = {}): ValidationResult<Draft<Platform>> {
  return run(platformSchemaOf(options), draft, crossCheckPlatform);
}
