// F04 微信、微博账号备案信息表 (seed 001 附件1): the filing sheet of one WeChat or Weibo account,
// filled from a platform record (or blank for handwriting), signed by the responsible person and
// sealed by the unit. Rows, labels and notes follow the appendix word for word.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import { isWechatKind, type Platform } from '../domain/platform';
import type { FormContext } from './context';
import { buildFooter } from './footer';
import { RARE_FAMILY } from './fonts';
import { cellText, checkbox, formatDate, richText } from './format';
import { basePage, mm, SEAL_AREA_HEIGHT } from './layout';

export const F04_META = {
  id: 'F04',
  title: '微信、微博账号备案信息表',
  version: '2026.1',
  source: '001 附件1',
  numberPrefix: 'BA',
} as const;

/** Texts printed exactly as in seed 001 附件1. */
export const F04_TEXTS = {
  responsibleNote: '（根据学校要求，责任人应为党委（总支）书记或职能部门正职）',
  measuresNote: '（简明罗列主要管理措施，详细管理制度另附）',
  commitment:
    '我单位知晓国家互联网有关法规和学校制度，承诺加强管理，切实保障该微信/微博平台的网络安全和信息安全。',
  signature: '签名（公章）：',
  /** Room after 签名（公章）： for the handwritten signature. */
  signatureSpace: '　'.repeat(8),
  signatureDate: '年　　月　　日',
  serverBlank: '_____________',
} as const;

/**
 * Columns: section label | sub-label | 姓名 | 职务 | 电话 (the finest grid of the appendix).
 * pdfmake widths exclude cell padding; the five columns fill the 156 mm type area.
 */
const WIDTHS = [mm(17.5), mm(22), mm(24), mm(38), '*'] as const;
const ROW_MIN = mm(8);
const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3;
/** Height of the signature and date lines at the foot of 部门意见 (two 12 pt lines of 0.9 × Noto's 1.448 em, see opinionCell). */
const SIGNATURE_BLOCK_HEIGHT = 2 * 12 * 1.448 * 0.9 + mm(3);

/** Which kinds this form files: WeChat accounts of every sort and Weibo. */
export function f04AppliesTo(platform: Pick<Platform, 'kind'>): boolean {
  return platform.kind === '微博' || isWechatKind(platform.kind);
}

export function buildF04(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const p = platform;
  const title = `${ctx.institutionName}${F04_META.title}`;
  const person = (id: string | undefined): Person | undefined => (p ? ctx.lookups.person(id) : undefined);
  const responsible = person(p?.responsibleId);
  const businessLead = person(p?.businessLeadId);
  const technicalLead = person(p?.technicalLeadId);
  const unitName = p ? ctx.lookups.unit(p.hostUnitId)?.name : undefined;

  const main: TableCell[][] = [
    [
      label('账号名称'),
      value(rich(p?.name), 2),
      {},
      label('主管单位'),
      value(rich(unitName)),
    ],
    [
      label('账号性质'),
      value(`${checkbox(p?.kind === '微博')}微博   ${checkbox(!!p && isWechatKind(p.kind))}微信`, 2),
      {},
      label('微博网址/微信号'),
      value(rich(p ? accountAddress(p) : '')),
    ],
    [
      label('开通时间'),
      value(formatDate(p?.openedOn), 2),
      {},
      label('当前粉丝数'),
      value(followersCell(p)),
    ],
    [label('服务器'), value(serverLine(p), 4), {}, {}, {}],
    [label('功能定位'), value(rich(p?.purpose), 4, writingRoom(p?.purpose, mm(13))), {}, {}, {}],
    [
      label('责任体系', { rowSpan: 4 }),
      label('责任人'),
      value(responsibleCell(responsible), 3, mm(12)),
      {},
      {},
    ],
    [{}, label('——'), label('姓名'), label('职务'), label('电话')],
    personRow('业务负责人', businessLead),
    personRow('技术负责人', technicalLead),
    [
      label('管理措施'),
      value(
        [{ text: F04_TEXTS.measuresNote }, ...(cellText(p?.measures) ? [{ text: inline(p?.measures) }] : [])],
        4,
        writingRoom(p?.measures, mm(17)),
      ),
      {},
      {},
      {},
    ],
  ];

  // 部门意见 and 备注 sit in a second table drawn flush under the first: its rows never break,
  // so the commitment, the seal area and the signature line stay together on one page.
  const closing: TableCell[][] = [
    [label('部门意见'), value(opinionCell(), 4), {}, {}, {}],
    [label('备注'), value(rich(p?.note), 4, writingRoom(p?.note, mm(10))), {}, {}, {}],
  ];

  return {
    ...basePage(),
    info: {
      title,
      subject: `${F04_META.id} ${F04_META.title}（${F04_META.source}）`,
      creator: '新媒体阵地台账',
      producer: '新媒体阵地台账',
      creationDate: new Date(ctx.printedAt),
    },
    footer: buildFooter({
      formNumber: ctx.formNumber,
      recordId: p?.id,
      template: `${F04_META.id} · ${F04_META.version}`,
    }),
    content: [
      { text: title, style: 'title' },
      gridTable(main, false),
      {
        // 制表 belongs under the table: never leave it alone on a page.
        unbreakable: true,
        stack: [gridTable(closing, true), { text: `制表：${cellText(ctx.texts.tabulatingOffice)}`, style: 'belowTable' }],
      },
    ],
  };
}

function gridTable(body: TableCell[][], dontBreakRows: boolean): ContentTable {
  return {
    style: 'cell',
    table: {
      widths: [...WIDTHS],
      body,
      dontBreakRows,
      heights: (row) => minHeight(body[row]),
    },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      paddingLeft: () => CELL_PADDING_X,
      paddingRight: () => CELL_PADDING_X,
      paddingTop: () => CELL_PADDING_Y,
      paddingBottom: () => CELL_PADDING_Y,
    },
  };
}

/**
 * A row is at least ROW_MIN tall, or taller where a cell asks for more room to write in.
 * pdfmake's row heights exclude the cell padding, so it is taken off here.
 */
function minHeight(row: TableCell[] | undefined): number {
  let h = ROW_MIN;
  for (const cell of row ?? []) {
    // minHeight is this module's own key on cells built by label() and value().
    const wanted = (cell as { minHeight?: number }).minHeight;
    if (typeof wanted === 'number' && wanted > h) h = wanted;
  }
  return h - 2 * CELL_PADDING_Y;
}

function label(text: string, options: { minHeight?: number; rowSpan?: number } = {}): TableCell {
  const cell: TableCell & { minHeight?: number } = {
    text,
    bold: true,
    alignment: 'center',
    verticalAlignment: 'middle',
  };
  if (options.rowSpan) cell.rowSpan = options.rowSpan;
  if (options.minHeight) cell.minHeight = options.minHeight;
  return cell;
}

/**
 * A value cell spanning `colSpan` grid columns; `minHeight` reserves room for handwriting on a
 * blank form. (minHeight is read back by {@link minHeight}; pdfmake ignores unknown keys.)
 */
function value(content: Content, colSpan = 1, minHeightPt?: number): TableCell {
  const cell: TableCell & { minHeight?: number } = {
    stack: Array.isArray(content) ? content : [content],
    verticalAlignment: 'middle',
  };
  if (colSpan > 1) cell.colSpan = colSpan;
  if (minHeightPt) cell.minHeight = minHeightPt;
  return cell;
}

function personRow(role: string, person: Person | undefined): TableCell[] {
  return [
    {},
    label(role),
    value(rich(person?.name)),
    value(rich(person?.title)),
    value(rich(person?.phone)),
  ];
}

function accountAddress(p: Platform): string {
  // Weibo is filed by its web address, WeChat by its 微信号.
  if (p.kind === '微博') return cellText(p.url) || cellText(p.accountId);
  return cellText(p.accountId) || cellText(p.url);
}

/** The newest count, with the day it was counted under it (the count is only true that day). */
function followersCell(p: Platform | null): Content {
  let newest: Platform['followers'][number] | undefined;
  for (const f of p?.followers ?? []) if (!newest || f.date >= newest.date) newest = f;
  if (!newest) return '';
  return [{ text: String(newest.value) }, { text: `截至${formatDate(newest.date)}`, style: 'note' }];
}

function serverLine(p: Platform | null): Content {
  const involves = p?.server.involvesData === true;
  const location = involves ? cellText(p?.server.location) : '';
  return {
    text: [
      `${checkbox(!!p && !involves)} 不涉及数据服务   ${checkbox(involves)} 涉及数据服务，服务器设置在`,
      location ? { text: inline(location), decoration: 'underline' } : F04_TEXTS.serverBlank,
    ],
  };
}

/** The appendix prints only the note here; a filled form adds who the responsible person is. */
function responsibleCell(responsible: Person | undefined): Content {
  const note: Content = { text: F04_TEXTS.responsibleNote, style: 'note' };
  if (!responsible) return [note];
  const parts: Content[] = [{ text: '姓名：' }, { text: inline(responsible.name) }];
  if (cellText(responsible.title)) parts.push({ text: '　职务：' }, { text: inline(responsible.title) });
  if (cellText(responsible.phone)) parts.push({ text: '　电话：' }, { text: inline(responsible.phone) });
  return [{ text: parts }, note];
}

/** Room to write by hand where the record has nothing to print (always on a blank form). */
function writingRoom(v: string | null | undefined, height: number): number {
  return cellText(v) ? ROW_MIN : height;
}

/** User text with rare (non-BMP) characters routed to the font that has them. */
/** Inline runs for use inside a larger paragraph. */
function inline(v: string | null | undefined): string | { text: string; font?: string }[] {
  return richText(v, RARE_FAMILY);
}

/** One paragraph; rare characters go in runs of their own font within the same line. */
function rich(v: string | null | undefined): Content {
  const runs = inline(v);
  return typeof runs === 'string' ? runs : { text: runs };
}

function opinionCell(): Content {
  return [
    { text: F04_TEXTS.commitment, leadingIndent: 24 },
    // Free area for the round seal. The seal is stamped over the signature and the date (GB/T
    // 9704 §7.3.5.1: 印章…下压…成文日期), so those two lines sit at the foot of the 50 mm area.
    { text: '', margin: [0, 0, 0, SEAL_AREA_HEIGHT - SIGNATURE_BLOCK_HEIGHT] },
    // As in the appendix: the signature line, then the date line under it, both to the right.
    { text: `${F04_TEXTS.signature}${F04_TEXTS.signatureSpace}`, alignment: 'right', margin: [0, 0, mm(4), 0] },
    { text: F04_TEXTS.signatureDate, alignment: 'right', margin: [0, mm(3), mm(4), 0] },
  ];
}
