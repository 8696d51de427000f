// F12 账号密码密封存档登记表 (seed 003 第十七条, 002 第九条): the custody sheet of one sealed
// envelope — what is inside, who sealed and witnessed it, who keeps it where, when the password
// was changed and is due again, and every opening. It holds no credential and may be scanned and
// kept like any signed form: the account and password are written by hand on the separate inner
// sheet F12I, which goes into the envelope and is never scanned. The envelope's cover is F12C.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ENVELOPE_ITEMS, type Envelope, type EnvelopeOpening } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatZonedDate } from './zoned-format';
import { cellText, checkbox, formatDate } from './format';
import { F12I_META } from './f12i-credential-sheet';
import { CELL_PADDING_X, formDocument, gridTable, label, rich, value } from './kit';
import { textEms } from './fit';
import { mm, TYPE_SIZE } from './layout';
import { organiserName, personCell, serialCell, signatureCell } from './record-cells';

export const F12_META = {
  id: 'F12',
  title: '账号密码密封存档登记表',
  version: '2026.1',
  source: '003 第十七条, 002 第九条',
  numberPrefix: 'MF',
} as const;

/** Under the custody table: where the credentials are, and that this sheet holds none. */
export const F12_CREDENTIALS_NOTE = `注：账号、密码等由管理员手写在《${F12I_META.title}》上，装入信封密封保存；本表不含密码，可扫描存档。`;
/** Rows the opening log has at least; one more is always left empty for the next opening. */
const MIN_OPENING_ROWS = 3;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(34), '*', mm(30), '*'] as const;
/** 序号 | 启封时间 | 启封人 | 原因 | 批准人. */
const OPENING_WIDTHS = [mm(12), mm(34), mm(24), '*', mm(24)] as const;

/**
 * '■登录账号 ■密码 □绑定手机…': the standard items, then any other the record lists. Given the
 * line's width in ems, the items go on lines of whole items (□管理员微信 never splits as 微/信).
 */
export function envelopeItemsLine(items: readonly string[] | undefined, lineEms = Number.POSITIVE_INFINITY): string {
  const inside = new Set((items ?? []).map((i) => cellText(i)).filter((i) => i !== ''));
  const standard: readonly string[] = ENVELOPE_ITEMS;
  const parts = standard.map((item) => `${checkbox(inside.has(item))}${item}`);
  const others = [...inside].filter((i) => !standard.includes(i));
  parts.push(...others.map((i) => `${checkbox(true)}${i}`));
  if (others.length === 0) parts.push(`${checkbox(false)}其他________`);
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && textEms(`${last}\u3000${part}`) <= lineEms) lines[lines.length - 1] = `${last}\u3000${part}`;
    else lines.push(part);
  }
  return lines.join('\n');
}

/** Ems of 小四 text that fit the 封存内容 cell (three grid columns, less padding and some slack). */
const ITEMS_LINE_EMS = Math.floor((mm(156) - mm(34) - 2 * CELL_PADDING_X) / (TYPE_SIZE.xiaosi * 1.08));

export function buildF12(envelope: Envelope | null, ctx: FormContext): TDocumentDefinitions {
  const e = envelope ?? undefined;
  const p = e ? ctx.lookups.platform(e.platformId) : undefined;

  const custody: TableCell[][] = [
    [label('信封编号'), value(rich(e?.number)), label('存放位置'), value(rich(e?.location))],
    [label('平台/账号名称'), value(rich(p?.name)), label('平台类型'), value(rich(p?.kind))],
    [label('主办单位'), value(rich(organiserName(ctx, p)), 3), {}, {}],
    [label('封存内容'), value({ text: envelopeItemsLine(e?.items, ITEMS_LINE_EMS) }, 3), {}, {}],
    [label('封存日期'), value(formatDate(e?.sealedOn)), label('保管人'), value(personCell(ctx, e?.custodianId))],
    [label('封存人'), value(personCell(ctx, e?.sealedById)), label('签名'), signatureCell()],
    [label('监封人'), value(personCell(ctx, e?.witnessId)), label('签名'), signatureCell()],
    [label('密码最近修改日期'), value(formatDate(e?.passwordChangedOn)), label('下次应修改日期'), value(formatDate(e?.nextChangeDue))],
  ];

  return formDocument(F12_META, ctx, e?.id, [
    gridTable(custody, WIDTHS, { dontBreakRows: true }),
    { text: F12_CREDENTIALS_NOTE, style: 'belowTable', margin: [0, mm(1), 0, mm(3)] },
    openingLog(e?.openings ?? [], ctx),
  ]);
}

function openingLog(openings: readonly EnvelopeOpening[], ctx: FormContext): Content {
  const rows: TableCell[][] = openings.map((o, i) => [
    serialCell(i + 1),
    value(formatZonedDate(o.at, ctx)),
    value(personCell(ctx, o.byId)),
    value(rich(o.reason)),
    value(personCell(ctx, o.approvedById)),
  ]);
  const blanks = Math.max(1, MIN_OPENING_ROWS - rows.length);
  for (let i = 0; i < blanks; i += 1) rows.push([value(''), value(''), value(''), value(''), value('')]);
  const head: TableCell[][] = [
    [label('启封记录', { colSpan: 5 }), {}, {}, {}, {}],
    [label('序号'), label('启封时间'), label('启封人'), label('原因'), label('批准人')],
  ];
  return gridTable([...head, ...rows], OPENING_WIDTHS, { headerRows: 2, dontBreakRows: true });
}

export const F12_FORM: FormDefinition<Envelope> = {
  ...F12_META,
  recordTable: 'envelopes',
  recordId: (e) => e.id,
  describe: (e) => e.number,
  appliesTo: () => true,
  build: buildF12,
  samples: (demo) => (demo.envelopes ?? []).filter((e) => !e.deletedAt),
};
