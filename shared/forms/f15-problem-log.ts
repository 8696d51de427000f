// F15 网络平台及工作群检查与问题登记表 (seed 003 第二十三条: 群主（管理员）每天都要查看群内动态，
// 对于发现的问题要做好登记，及时上报; 002 第十条): the daily log sheet of one group or platform. The
// problems already in the register are printed; empty rows follow for the days to come, and the
// head (platform, owner, column labels) repeats on every page of a long log.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Id, IsoDate } from '../domain/common';
import type { LedgerRecords } from '../domain/ledger-records';
import { isGroupKind, type Platform } from '../domain/platform';
import type { Incident } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { BLANK_DATE, cellText, checkbox, formatDate } from './format';
import { closeWith, formDocument, gridTable, inline, label, rich, value, type KitCell } from './kit';
import { mm, SIGNATURE_CELL_HEIGHT } from './layout';
import { breakTitle } from './title-lines';

export const F15_META = {
  id: 'F15',
  title: '网络平台及工作群检查与问题登记表',
  version: '2026.1',
  source: '003 第二十三条, 002 第十条',
  numberPrefix: 'WT',
} as const;

/** The problems of one platform or work group over a period: what the log sheet is printed from. */
export interface ProblemLog {
  platformId: Id;
  /** The 问题登记 entries of the platform; other kinds are left out when printed. */
  incidents: Incident[];
  from?: IsoDate;
  to?: IsoDate;
  /** For lists and file names only; the form prints the platform as the registry has it. */
  platformName?: string;
}

export const F15_TEXTS = {
  // Broken between the words: the narrow column would otherwise split 禁/言, 删/除, 上/报.
  actionsNote: '（劝阻/\n禁言/移出/\n删除/屏蔽/\n上报）',
  signature: '群主（管理员）签字',
  note: '注：群主（管理员）每天都要查看群内动态，对于发现的问题要做好登记，及时上报。',
  /** 002 第十条(一): 检查内容包括网络阵地的建设情况、信息发布情况、安全管理情况、互动交流情况. */
  checkPoints: ['建设情况', '信息发布情况', '安全管理情况', '互动交流情况'],
  checkPointsLabel: '检查内容',
} as const;

/** Rows a sheet has at least, filled or not, so a printed log lasts a while (one sheet with 002 第十条's check points). */
export const F15_MIN_ROWS = 11;
/** Empty rows after the registered problems, for the days to come. */
export const F15_SPARE_ROWS = 4;
/** Height of an empty row: room for a line or two of handwriting. */
const ROW_HEIGHT = mm(10);

/** 日期 | 发现的问题 | 处置措施 | 上报对象 | 处理人 | 办结日期 (widths exclude cell padding). */
const WIDTHS = [mm(21), '*', mm(20), mm(20), mm(14), mm(21)] as const;

export function buildF15(log: ProblemLog | null, ctx: FormContext): TDocumentDefinitions {
  const p = log ? ctx.lookups.platform(log.platformId) : undefined;
  const owner = p ? ctx.lookups.person(p.group?.ownerId ?? p.chiefAdminId) : undefined;
  const problems = (log?.incidents ?? [])
    .filter((i) => i.kind === '问题登记' && !i.deletedAt)
    .sort((a, b) => a.date.localeCompare(b.date));

  // The sheet's head is two full-width lines, so the labels never squeeze into the log's columns.
  const head: TableCell[][] = [
    headLine([['平台（群）名称', p?.name], ['群号/账号', p?.accountId]]),
    headLine([['群主（管理员）', owner?.name], ['登记期间', log ? period(log) : undefined]]),
    [
      label('日期'),
      label('发现的问题'),
      {
        stack: [{ text: '处置措施', bold: true }, { text: F15_TEXTS.actionsNote, style: 'note' }],
        alignment: 'center',
        verticalAlignment: 'middle',
      },
      label('上报对象'),
      label('处理人'),
      label('办结日期'),
    ],
  ];

  const rows: TableCell[][] = problems.map((i) => [
    dateCell(i.date),
    value(rich(i.found)),
    value(i.actions.join('、')),
    value(rich(i.reportedTo)),
    value(''),
    dateCell(i.closedOn),
  ]);
  // A registered problem takes about two empty rows' height (three or four lines of text).
  const blanks = Math.max(F15_SPARE_ROWS, F15_MIN_ROWS - 2 * rows.length);
  for (let n = 0; n < blanks; n++) rows.push(WIDTHS.map((): KitCell => value('', 1, ROW_HEIGHT)));

  const closing: TableCell[][] = [
    [label(F15_TEXTS.signature, { colSpan: 2 }), {}, value('', 2, SIGNATURE_CELL_HEIGHT), {}, label('日期'), value('')],
  ];

  // 002 第十条(一)'s check points, ticked by hand for what a check covered.
  const points: TableCell[][] = [
    [
      {
        text: [{ text: `${F15_TEXTS.checkPointsLabel}：`, bold: true }, F15_TEXTS.checkPoints.map((c) => `${checkbox(false)}${c}`).join('　')],
        colSpan: WIDTHS.length,
        verticalAlignment: 'middle',
      },
      ...WIDTHS.slice(1).map(() => ({})),
    ],
  ];

  // The signature never stands on a page without entries: the last problem and the empty rows
  // go with it.
  const logTable = gridTable([...head, ...rows], WIDTHS, { headerRows: head.length, dontBreakRows: true });
  const closingBlock = [gridTable(closing, WIDTHS, { dontBreakRows: true }), { text: F15_TEXTS.note, style: 'belowTable' }];
  const doc = formDocument(F15_META, ctx, p?.id, [gridTable(points, WIDTHS), ...closeWith(logTable, closingBlock, blanks + (problems.length > 0 ? 1 : 0))]);
  return breakTitle(doc, [ctx.institutionName, `${ctx.institutionName}网络平台及工作群`]);
}

/** A date over two lines (年 / 月日) so it fits the narrow column; empty when not yet known. */
function dateCell(date: IsoDate | undefined): KitCell {
  const text = cellText(date) ? formatDate(date).replace('年', '年\n') : '';
  return { text, alignment: 'center', verticalAlignment: 'middle', minHeight: ROW_HEIGHT };
}

function period(log: ProblemLog): string {
  const from = log.from ? formatDate(log.from) : BLANK_DATE;
  const to = log.to ? formatDate(log.to) : BLANK_DATE;
  return `${from}至${to}`;
}

/** One full-width head line: 名称：… 群号：…, with room to write where a value is missing. */
function headLine(pairs: [string, string | undefined][]): TableCell[] {
  const runs: Content[] = [];
  pairs.forEach(([name, text], i) => {
    if (i > 0) runs.push({ text: '　　' });
    runs.push({ text: `${name}：`, bold: true });
    runs.push(cellText(text) ? { text: inline(text) } : { text: '　'.repeat(12) });
  });
  const cell: KitCell = { text: runs, colSpan: WIDTHS.length, verticalAlignment: 'middle' };
  return [cell, ...WIDTHS.slice(1).map(() => ({}))];
}

/** One log per platform that has problems in the register, the period spanning them. */
export function problemLogsOf(demo: Pick<LedgerRecords, 'incidents' | 'platforms'>): ProblemLog[] {
  const byPlatform = new Map<Id, Incident[]>();
  for (const i of demo.incidents) {
    if (i.kind !== '问题登记' || !i.platformId || i.deletedAt) continue;
    // Appended in place: a copy of the platform's list per incident was quadratic.
    const list = byPlatform.get(i.platformId);
    if (list) list.push(i);
    else byPlatform.set(i.platformId, [i]);
  }
  const logs: ProblemLog[] = [];
  // Registry order, work groups first: the groups are what 003 第二十三条 is about.
  const platforms = [...demo.platforms].sort((a, b) => Number(isGroupKind(b.kind)) - Number(isGroupKind(a.kind)));
  for (const p of platforms) {
    const incidents = byPlatform.get(p.id);
    if (!incidents) continue;
    const dates = incidents.map((i) => i.date).sort();
    logs.push({ platformId: p.id, incidents, from: dates[0], to: dates.at(-1), platformName: p.name });
  }
  return logs;
}

export const F15_FORM: FormDefinition<ProblemLog> = {
  ...F15_META,
  recordId: (log) => log.platformId,
  describe: (log) => log.platformName ?? log.platformId,
  appliesTo: (log) => log.incidents.some((i) => i.kind === '问题登记'),
  build: buildF15,
  samples: problemLogsOf,
};

/** The platform a log is about, for callers that hold the registry (e.g. a picker). */
export function problemLogFor(platform: Platform, incidents: readonly Incident[], from?: IsoDate, to?: IsoDate): ProblemLog {
  const own = incidents.filter((i) => i.platformId === platform.id && i.kind === '问题登记' && (!from || i.date >= from) && (!to || i.date <= to));
  return { platformId: platform.id, incidents: own, platformName: platform.name, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
