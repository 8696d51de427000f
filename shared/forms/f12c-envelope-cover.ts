// F12C 密码信封封面 (seed 003 第十七条, 002 第九条): the cover pasted on a sealed password envelope —
// its number in large type, the account, the sealing date and the signatures of the sealer and
// the witness, a dashed band across the flap where they sign and seal (骑缝), and the warning
// 非经批准不得启封. The custody sheet is F12.
import type { ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Envelope } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatDate } from './format';
import { CELL_PADDING_X, CELL_PADDING_Y, formDocument, gridTable, inline, label, rich, value } from './kit';
import { mm, SEAL_AREA_HEIGHT } from './layout';
import { organiserName, personCell, signatureCell } from './record-cells';

export const F12C_META = {
  id: 'F12C',
  title: '密码信封封面',
  version: '2026.1',
  source: '003 第十七条, 002 第九条',
  numberPrefix: 'MFC',
} as const;

export const F12C_TEXTS = {
  flap: '骑缝处签名（盖章）',
  flapNote: '封口后，封存人、监封人跨封口在此处签名，并加盖单位公章。',
  warning: '非经批准不得启封',
} as const;

const WIDTHS = [mm(30), '*', mm(22), '*'] as const;
const DASH = { dash: { length: 5, space: 3 } };

export function buildF12C(envelope: Envelope | null, ctx: FormContext): TDocumentDefinitions {
  const e = envelope ?? undefined;
  const p = e ? ctx.lookups.platform(e.platformId) : undefined;

  const facts: TableCell[][] = [
    [label('平台/账号名称'), value(rich(p?.name), 3), {}, {}],
    [label('主办单位'), value(rich(organiserName(ctx, p)), 3), {}, {}],
    [label('封存日期'), value(formatDate(e?.sealedOn), 3), {}, {}],
    [label('封存人'), value(personCell(ctx, e?.sealedById)), label('签名'), signatureCell()],
    [label('监封人'), value(personCell(ctx, e?.witnessId)), label('签名'), signatureCell()],
  ];

  return formDocument(F12C_META, ctx, e?.id, [
    {
      text: [{ text: '信封编号：', fontSize: 18, bold: true }, e ? { text: inline(e.number), fontSize: 36, bold: true } : { text: '＿＿＿＿＿＿', fontSize: 36 }],
      alignment: 'center',
      margin: [0, mm(4), 0, mm(6)],
    },
    gridTable(facts, WIDTHS, { dontBreakRows: true }),
    flapBand(),
    { text: F12C_TEXTS.warning, fontSize: 36, bold: true, alignment: 'center', margin: [0, mm(4), 0, 0] },
  ]);
}

/** The 骑缝 band: a dashed box tall enough for a round seal, signed and sealed across the flap. */
function flapBand(): ContentTable {
  return {
    margin: [0, mm(8), 0, mm(4)],
    unbreakable: true,
    table: {
      widths: ['*'],
      heights: [SEAL_AREA_HEIGHT - 2 * CELL_PADDING_Y],
      body: [[{ stack: [{ text: F12C_TEXTS.flap, bold: true }, { text: F12C_TEXTS.flapNote, style: 'note' }], alignment: 'center' }]],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineStyle: () => DASH,
      vLineStyle: () => DASH,
      paddingLeft: () => CELL_PADDING_X,
      paddingRight: () => CELL_PADDING_X,
      paddingTop: () => CELL_PADDING_Y,
      paddingBottom: () => CELL_PADDING_Y,
    },
  };
}

export const F12C_FORM: FormDefinition<Envelope> = {
  ...F12C_META,
  recordTable: 'envelopes',
  recordId: (e) => e.id,
  describe: (e) => e.number,
  appliesTo: () => true,
  build: buildF12C,
  samples: (demo) => (demo.envelopes ?? []).filter((e) => !e.deletedAt),
};
