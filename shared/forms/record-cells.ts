// Pieces the record forms F07–F13 share on top of the kit: who a record points to (people, unit,
// administrators, first responsible person), check-box lines, signature cells, ruled lists whose
// head repeats on every page, and blocks kept whole on one page.
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import type { Id } from '../domain/common';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import type { FormContext } from './context';
import { cellText, checkbox } from './format';
import { gridTable, inline, label, rich, value, type KitCell } from './kit';
import { SIGNATURE_CELL_HEIGHT } from './layout';

/** The ideographic space (U+3000) that spaces Chinese forms. */
export const SP = '\u3000';
/** Empty rows a blank list prints for handwriting (as many as fit one landscape page). */
export const LIST_BLANK_ROWS = 11;
/** Empty rows after a filled list, for an account the clerk adds by hand. */
export const LIST_SPARE_ROWS = 2;

export function personOf(ctx: FormContext, id: Id | undefined): Person | undefined {
  return ctx.lookups.person(id);
}

/** A person's name as a paragraph (rare characters in their own font); '' when unknown. */
export function personCell(ctx: FormContext, id: Id | undefined): Content {
  return rich(personOf(ctx, id)?.name);
}

/** Several people's names, joined with 、 as Chinese lists are. */
export function peopleCell(people: readonly (Person | undefined)[]): Content {
  return rich(people.map((p) => cellText(p?.name)).filter((n) => n !== '').join('、'));
}

export function unitName(ctx: FormContext, id: Id | undefined): string {
  return cellText(ctx.lookups.unit(id)?.name);
}

/** 主办单位: the sponsoring unit for student bodies (003 第六条), else the host unit. */
export function organiserName(ctx: FormContext, p: Platform | undefined): string {
  return p ? unitName(ctx, p.sponsorUnitId ?? p.hostUnitId) : '';
}

/** 账号 / 微信号 / 网址, whichever the registry has. */
export function accountOf(p: Platform | undefined): string {
  return cellText(p?.accountId) || cellText(p?.url);
}

/** 总管理员 then 分管理员, each once, as [role, person]. */
export function adminsOf(ctx: FormContext, p: Platform | undefined): [string, Person | undefined][] {
  if (!p) return [];
  const rows: [string, Person | undefined][] = [];
  const seen = new Set<string>();
  const add = (role: string, id: Id | undefined): void => {
    if (!id || seen.has(id)) return;
    seen.add(id);
    rows.push([role, personOf(ctx, id)]);
  };
  add('总管理员', p.chiefAdminId);
  for (const id of p.sectionAdminIds) add('分管理员', id);
  return rows;
}

/** 第一责任人: the account's responsible person, else the unit's (004 第三条, 003 第十三条). */
export function firstResponsibleOf(ctx: FormContext, p: Platform | undefined): Person | undefined {
  if (!p) return undefined;
  return personOf(ctx, p.responsibleId) ?? personOf(ctx, ctx.lookups.unit(p.sponsorUnitId ?? p.hostUnitId)?.firstResponsibleId);
}

/** A row of a person table: role | 姓名 | 职务 | 电话 (after `lead` cells, e.g. a rowSpan placeholder). */
export function personRow(role: string, person: Person | undefined, lead: TableCell[] = []): TableCell[] {
  return [...lead, label(role), value(rich(person?.name)), value(rich(person?.title)), value(rich(person?.phone))];
}

/** 姓名：… 职务：… 电话：… on one line; the labels alone on a blank form. */
export function personLine(person: Person | undefined): Content {
  const gap = person ? '' : SP.repeat(5);
  return {
    text: [
      '姓名：',
      { text: inline(person?.name) },
      `${gap}${SP}职务：`,
      { text: inline(person?.title) },
      `${gap}${SP}电话：`,
      { text: inline(person?.phone) },
    ],
  };
}

/** '■合格 □限期整改 □关停注销': every option with its box. */
export function choices(options: readonly string[], isSelected: (option: string) => boolean): string {
  return options.map((o) => `${checkbox(isSelected(o))}${o}`).join(SP);
}

/** '■是 □否' / '□是 ■否'; both boxes empty when unknown. */
export function yesNo(ok: boolean | undefined): string {
  return choices(['是', '否'], (o) => (o === '是' ? ok === true : ok === false));
}

/** A cell tall enough to sign in by hand (≥ 15 mm). */
export function signatureCell(colSpan = 1): KitCell {
  return value('', colSpan, SIGNATURE_CELL_HEIGHT);
}

/** A label followed by user text in one line, e.g. 填报单位（盖章）：图书馆. */
export function labelled(name: string, text: string | undefined, blank = SP.repeat(8)): Content {
  const v = cellText(text);
  return { text: [{ text: name, bold: true }, v ? { text: inline(v) } : blank] };
}

/**
 * A ruled list: a head row of labels repeated on every page, the rows, then empty rows to write
 * on — `blankRows` on a blank list (as many as fit the page), {@link LIST_SPARE_ROWS} after a
 * filled one.
 */
export function listTable(
  head: readonly string[],
  rows: TableCell[][],
  widths: readonly (number | string)[],
  blankRows: number = LIST_BLANK_ROWS,
): ContentTable {
  const body: TableCell[][] = [head.map((h) => label(h)), ...rows];
  const spare = rows.length === 0 ? blankRows : LIST_SPARE_ROWS;
  for (let i = 0; i < spare; i += 1) body.push(head.map(() => value('')));
  return gridTable(body, widths, { headerRows: 1, dontBreakRows: true });
}

/**
 * Content that must not be split across pages: a block with a rowSpan (pdfmake 0.3 loses the
 * rest of the document when a spanned row breaks) or an opinion heading with its seal area.
 */
export function keepTogether(...content: Content[]): Content {
  return { unbreakable: true, stack: content };
}

/** A numbered cell of a list (序号). */
export function serialCell(n: number): KitCell {
  return { text: String(n), alignment: 'center', verticalAlignment: 'middle' };
}
