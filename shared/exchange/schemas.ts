// Strict schemas of an exchange package's header and records. The record schemas are the edit
// dialogs' own (shared/domain/validation.ts) plus the bookkeeping fields, with unknown keys refused;
// filings, which no dialog validates as a whole, get theirs here.
import { z } from 'zod';
import { isId } from '../domain/ids';
import { APPROVAL_KINDS } from '../domain/records';
import { isRealDate, personDraftSchema, platformDraftSchema, unitDraftSchema, type ValidationOptions } from '../domain/validation';
import { PACKAGE_FORMAT_ID, PACKAGE_LIMITS, type ExchangeTable } from './format';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A record id as the app makes them (ULID) or as other tools may (UUID). */
export const recordId = z
  .string({ error: '记录编号应为文字' })
  .max(36, { error: '记录编号过长' })
  .refine((id) => isId(id) || UUID_RE.test(id), { error: '记录编号格式不正确' });

/** An ISO date-time; that it is not later than the import is the reader's check, which knows the time. */
export const dateTime = z
  .string({ error: '时间应为文字' })
  .max(40, { error: '时间过长' })
  .refine((s) => DATE_TIME_RE.test(s) && !Number.isNaN(Date.parse(s)), { error: '时间格式不正确' });

const date = z.string({ error: '日期应为文字' }).refine(isRealDate, { error: '日期格式不正确' });

const bookkeeping = {
  id: recordId,
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: dateTime.optional(),
};

const approvalRecordSchema = z.strictObject(
  {
    ...bookkeeping,
    platformId: recordId,
    kind: z.enum(APPROVAL_KINDS, { error: '备案类别不正确' }),
    changes: z
      .array(
        z.strictObject(
          {
            field: z.string({ error: '变更事项应为文字' }).max(60, { error: '变更事项过长' }),
            before: z.string({ error: '变更前内容应为文字' }).max(2000, { error: '变更前内容过长' }),
            after: z.string({ error: '变更后内容应为文字' }).max(2000, { error: '变更后内容过长' }),
          },
          { error: '变更内容格式不正确' },
        ),
        { error: '变更内容格式不正确' },
      )
      .max(PACKAGE_LIMITS.listItems, { error: '变更内容条数过多' }),
    changeDate: date.optional(),
    dueDate: date.optional(),
    signedBy: z.string({ error: '签字人应为文字' }).max(60, { error: '签字人过长' }).optional(),
    signedOn: date.optional(),
    filedOn: date.optional(),
    note: z.string({ error: '备注应为文字' }).max(1000, { error: '备注过长' }).optional(),
  },
  { error: '备案记录格式不正确' },
);

/** The schema of one stored record of `table`; "not in the future" is judged against `today`. */
export function recordSchema(table: ExchangeTable, options: ValidationOptions): z.ZodType {
  switch (table) {
    case 'units':
      return z.strictObject({ ...unitDraftSchema(options).shape, ...bookkeeping }, { error: '单位记录格式不正确' });
    case 'people':
      return z.strictObject({ ...personDraftSchema(options).shape, ...bookkeeping }, { error: '人员记录格式不正确' });
    case 'platforms':
      return z.strictObject({ ...platformDraftSchema(options).shape, ...bookkeeping }, { error: '平台记录格式不正确' });
    case 'approvals':
      return approvalRecordSchema;
  }
}

const recordList = (table: ExchangeTable) =>
  z.array(z.unknown(), { error: '记录列表格式不正确' }).max(PACKAGE_LIMITS.records[table], { error: '记录条数超出上限' });

/** Everything but the records' contents, which are checked one by one with recordSchema. */
export const packageShapeSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT_ID),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(100),
  exportedAt: dateTime,
  institution: z.string().max(200),
  unit: z.strictObject({ id: recordId, name: z.string().min(1).max(200) }),
  records: z.strictObject({
    units: recordList('units'),
    people: recordList('people'),
    platforms: recordList('platforms'),
    approvals: recordList('approvals'),
  }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
