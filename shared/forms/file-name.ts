// The one rule for naming a saved PDF: 表名-账号名称-日期.pdf, e.g.
// 新媒体账号变更（注销）备案表-翱翔信息化-2026-11-22.pdf. The account is the platform the record is
// about (its own name for a platform record, else what the form says it is about); the date is the
// day it is saved, on the institution's clock. Characters Windows or a FAT stick refuse become _.
import type { IsoDateTime } from '../domain/common';
import { zonedMoment } from '../domain/time-zone';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';

/** Drops what Windows or a USB stick's FAT file system refuses; keeps CJK and rare characters. */
export function safeFileName(name: string): string {
  // Control characters are exactly what must go, hence the rule is off for this line.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
}

/** The platform a record is about (an inspection's, a review's…), if it names one. */
export function recordPlatformId(record: unknown): string | undefined {
  return record && typeof record === 'object' && 'platformId' in record && typeof record.platformId === 'string' ? record.platformId : undefined;
}

/** What the saved file is about: the record's platform by name, else the form's own description. */
export function fileSubject<R>(def: Pick<FormDefinition<R>, 'describe'>, record: R, ctx: Pick<FormContext, 'lookups' | 'timeZone'>): string {
  const platformId = recordPlatformId(record);
  const name = platformId ? ctx.lookups.platform(platformId)?.name : undefined;
  return name || def.describe(record, ctx.timeZone);
}

/** 表名-账号名称-日期.pdf for one form ('空白表' for a blank one); the date of `now` in the institution's zone. */
export function pdfFileName<R>(
  def: Pick<FormDefinition<R>, 'title' | 'describe'>,
  record: R | null,
  ctx: Pick<FormContext, 'lookups' | 'timeZone'>,
  now: IsoDateTime = new Date().toISOString(),
): string {
  const subject = record === null ? '空白表' : fileSubject(def, record, ctx);
  const day = zonedMoment(now, ctx.timeZone)?.date ?? now.slice(0, 10);
  return safeFileName(`${def.title}-${subject}-${day}.pdf`);
}

/** 表名-批量N份-日期.pdf for a batch of one form. */
export function batchFileName(def: Pick<FormDefinition<unknown>, 'title'>, count: number, ctx: Pick<FormContext, 'timeZone'>, now: IsoDateTime = new Date().toISOString()): string {
  const day = zonedMoment(now, ctx.timeZone)?.date ?? now.slice(0, 10);
  return safeFileName(`${def.title}-批量${count}份-${day}.pdf`);
}
