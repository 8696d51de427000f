// F04 微信、微博账号备案信息表 (seed 001 附件1): the filing sheet of one WeChat or Weibo account,
// filled from a platform record (or blank for handwriting), signed by the responsible person and
// sealed by the unit. Rows, labels and notes follow the appendix word for word.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import { isWechatKind, type Platform } from '../domain/platform';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText, checkbox, formatDate } from './format';
import { mm } from './layout';
import { DATE_BLANKS, SIGNATURE_SPACE, SIGNATURE_TEXT, belowTable, closeWith, formDocument, gridTable, inline, label, rich, sealBlock, value, writingRoom } from './kit';

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
  signature: SIGNATURE_TEXT,
  /** Room after 签名（公章）： for the handwritten signature. */
  signatureSpace: SIGNATURE_SPACE,
  signatureDate: DATE_BLANKS,
  serverBlank: '_____________',
} as const;

/**
 * Columns: section label | sub-label | 姓名 | 职务 | 电话 (the finest grid of the appendix).
 * pdfmake widths exclude cell padding; the five columns fill the 156 mm type area.
 */
const WIDTHS = [mm(17.5), mm(22), mm(24), mm(38), '*'] as const;

/** Which kinds this form files: WeChat accounts of every sort and Weibo. */
export function f04AppliesTo(platform: Pick<Platform, 'kind'>): boolean {
  return platform.kind === '微博' || isWechatKind(platform.kind);
}

export function buildF04(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const p = platform;
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
  ];

  // The 责任体系 block merges its label down four rows. pdfmake loses the rest of the document
  // when such a block breaks across pages, so it is a table of its own that never breaks.
  const responsibility: TableCell[][] = [
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
  ];

  const measures: TableCell[][] = [
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

  return formDocument(F04_META, ctx, p?.id, [
    gridTable(main, WIDTHS),
    { unbreakable: true, stack: [gridTable(responsibility, WIDTHS, { dontBreakRows: true })] },
    // 部门意见 stays on the page of 管理措施, and 制表 under the table: never alone on a page.
    ...closeWith(gridTable(measures, WIDTHS), [
      gridTable(closing, WIDTHS, { dontBreakRows: true }),
      belowTable(`制表：${cellText(ctx.texts.tabulatingOffice)}`),
    ]),
  ]);
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

function opinionCell(): Content {
  return sealBlock([{ text: F04_TEXTS.commitment, leadingIndent: 24 }]);
}

export const F04_FORM: FormDefinition<Platform> = {
  ...F04_META,
  recordTable: 'platforms',
  recordId: (p) => p.id,
  describe: (p) => p.name,
  appliesTo: f04AppliesTo,
  build: buildF04,
  samples: (demo) => demo.platforms.filter((p) => !p.deletedAt && f04AppliesTo(p)),
};
