// F12 账号密码密封存档登记表 (seed 003 第十七条, 002 第九条): the custody sheet of one sealed
// envelope — what is inside, who sealed and witnessed it, who keeps it where, when the password
// was changed and is due again, and every opening. The app never knows a credential: the sheet
// has an empty bordered box in which the administrator writes the account and password by hand
// before the envelope is sealed (SPEC §Passwords). The envelope's cover is F12C.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ENVELOPE_ITEMS, type Envelope, type EnvelopeOpening } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatZonedDate } from './zoned-format';
import { cellText, checkbox, formatDate } from './format';
import { CELL_PADDING_X, CELL_PADDING_Y, formDocument, gridTable, label, rich, value } from './kit';
import { mm } from './layout';
import { organiserName, personCell, serialCell, signatureCell } from './record-cells';

export const F12_META = {
  id: 'F12',
  title: '账号密码密封存档登记表',
  version: '2026.1',
  source: '003 第十七条, 002 第九条',
  numberPrefix: 'MF',
} as const;

/** The only text ever printed inside the handwriting box. */
export const F12_SECRET_BOX_LABEL = '账号及密码（由管理员手写，填后密封）';
/** Height of the handwriting box: account, password, bound phone and mail, recovery codes. */
export const F12_SECRET_BOX_HEIGHT = mm(50);
/** Rows the opening log has at least; one more is always left empty for the next opening. */
const MIN_OPENING_ROWS = 3;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(34), '*', mm(30), '*'] as const;
/** 序号 | 启封时间 | 启封人 | 原因 | 批准人. */
const OPENING_WIDTHS = [mm(12), mm(34), mm(24), '*', mm(24)] as const;

/** '■登录账号 ■密码 □绑定手机…': the standard items, then any other the record lists. */
export function envelopeItemsLine(items: readonly string[] | undefined): string {
  const inside = new Set((items ?? []).map((i) => cellText(i)).filter((i) => i !== ''));
  const standard: readonly string[] = ENVELOPE_ITEMS;
  const parts = standard.map((item) => `${checkbox(inside.has(item))}${item}`);
  const others = [...inside].filter((i) => !standard.includes(i));
  parts.push(...others.map((i) => `${checkbox(true)}${i}`));
  if (others.length === 0) parts.push(`${checkbox(false)}其他________`);
  return parts.join('　');
}

export function buildF12(envelope: Envelope | null, ctx: FormContext): TDocumentDefinitions {
  const e = envelope ?? undefined;
  const p = e ? ctx.lookups.platform(e.platformId) : undefined;

  const custody: TableCell[][] = [
    [label('信封编号'), value(rich(e?.number)), label('存放位置'), value(rich(e?.location))],
    [label('平台/账号名称'), value(rich(p?.name)), label('平台类型'), value(rich(p?.kind))],
    [label('主办单位'), value(rich(organiserName(ctx, p)), 3), {}, {}],
    [label('封存内容'), value({ text: envelopeItemsLine(e?.items) }, 3), {}, {}],
    [label('封存日期'), value(formatDate(e?.sealedOn)), label('保管人'), value(personCell(ctx, e?.custodianId))],
    [label('封存人'), value(personCell(ctx, e?.sealedById)), label('签名'), signatureCell()],
    [label('监封人'), value(personCell(ctx, e?.witnessId)), label('签名'), signatureCell()],
    [label('密码最近修改日期'), value(formatDate(e?.passwordChangedOn)), label('下次应修改日期'), value(formatDate(e?.nextChangeDue))],
  ];

  return formDocument(F12_META, ctx, e?.id, [
    gridTable(custody, WIDTHS, { dontBreakRows: true }),
    secretBox(),
    openingLog(e?.openings ?? [], ctx),
  ]);
}

/**
 * The box the administrator writes in by hand. It is built from constants only — no record
 * field reaches it — so no credential can ever be printed there.
 */
function secretBox(): ContentTable {
  return {
    margin: [0, mm(3), 0, mm(3)],
    unbreakable: true,
    table: {
      widths: ['*'],
      heights: [F12_SECRET_BOX_HEIGHT - 2 * CELL_PADDING_Y],
      body: [[{ text: F12_SECRET_BOX_LABEL, bold: true, fontSize: 12 }]],
    },
    layout: {
      hLineWidth: () => 2,
      vLineWidth: () => 2,
      paddingLeft: () => CELL_PADDING_X,
      paddingRight: () => CELL_PADDING_X,
      paddingTop: () => CELL_PADDING_Y,
      paddingBottom: () => CELL_PADDING_Y,
    },
  };
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
