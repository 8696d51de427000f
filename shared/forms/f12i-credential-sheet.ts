// F12I 账号密码封存内页 (seed 003 第十七条 用户名、密码密封存档; 002 第九条): the sheet on which the
// administrator writes the account and password by hand and which goes into the envelope with it.
// It is split from the register (F12) so the register can be scanned and kept like any signed
// form while this sheet never is: it says so on the paper, and the print center offers no scan
// upload for it (neverScan). The app never knows a credential; nothing of the record but the
// envelope number, the account's name and the names of the sealed items is printed here.
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ENVELOPE_ITEMS, type Envelope } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText } from './format';
import { CELL_PADDING_X, CELL_PADDING_Y, formDocument, gridTable, label, rich, value } from './kit';
import { mm } from './layout';

export const F12I_META = {
  id: 'F12I',
  title: '账号密码封存内页',
  version: '2026.1',
  source: '003 第十七条, 002 第九条',
  numberPrefix: 'MFN',
} as const;

/** Printed at the head and the foot of the sheet: where it belongs and that it is never scanned. */
export const F12I_WARNING = '本页手写后装入信封密封，不得扫描、拍照、复印或上传';
/** The only text printed inside the handwriting box, above one line per sealed item. */
export const F12I_BOX_LABEL = '账号及密码（由管理员手写，填后密封）';
/** Height of each item's handwriting line. */
export const F12I_LINE_HEIGHT = mm(16);

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(30), '*', mm(30), '*'] as const;

/** The sealed items in standard order, then any other; every standard item on a blank sheet. */
export function f12iItems(items: readonly string[] | undefined): string[] {
  const inside = [...new Set((items ?? []).map((i) => cellText(i)).filter((i) => i !== ''))];
  if (inside.length === 0) return [...ENVELOPE_ITEMS];
  const standard: readonly string[] = ENVELOPE_ITEMS;
  return [...standard.filter((i) => inside.includes(i)), ...inside.filter((i) => !standard.includes(i))];
}

export function buildF12I(envelope: Envelope | null, ctx: FormContext): TDocumentDefinitions {
  const e = envelope ?? undefined;
  const p = e ? ctx.lookups.platform(e.platformId) : undefined;
  const warning: Content = { text: `【${F12I_WARNING}】`, bold: true, alignment: 'center', margin: [0, mm(1), 0, mm(3)] };
  return formDocument(F12I_META, ctx, e?.id, [
    warning,
    gridTable([[label('信封编号'), value(rich(e?.number)), label('平台/账号名称'), value(rich(p?.name))]], WIDTHS),
    credentialBox(f12iItems(e?.items)),
    {
      table: {
        widths: ['*', '*'],
        body: [[`封存人签名：`, `监封人签名：`]],
        heights: [mm(14)],
      },
      layout: 'noBorders',
      margin: [0, mm(2), 0, 0],
    },
    { ...warning, margin: [0, mm(4), 0, 0] },
  ]);
}

/** One item's line: its name at the foot of the row, room to write after it. */
function itemRow(item: string): TableCell[] {
  const atFoot: [number, number, number, number] = [0, F12I_LINE_HEIGHT - mm(8), 0, 0];
  return [{ text: `${item}：`, margin: atFoot }, ''];
}

/**
 * The box the administrator writes in: its label, then a ruled line per sealed item named by the
 * item only. Built from constants and item names — no record value reaches it.
 */
function credentialBox(items: readonly string[]): ContentTable {
  return {
    margin: [0, mm(3), 0, mm(3)],
    unbreakable: true,
    table: {
      widths: [mm(30), '*'],
      body: [
        [{ text: F12I_BOX_LABEL, bold: true, fontSize: 12, colSpan: 2 }, {}],
        ...items.map(itemRow),
      ],
      heights: [mm(8), ...items.map(() => F12I_LINE_HEIGHT - 2 * CELL_PADDING_Y)],
    },
    layout: {
      // A heavy frame; inside, a thin line under each item to write on.
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 2 : i === 1 ? 0 : 0.5),
      vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 2 : 0),
      paddingLeft: () => CELL_PADDING_X,
      paddingRight: () => CELL_PADDING_X,
      paddingTop: () => CELL_PADDING_Y,
      paddingBottom: () => CELL_PADDING_Y,
    },
  };
}

export const F12I_FORM: FormDefinition<Envelope> = {
  ...F12I_META,
  recordTable: 'envelopes',
  recordId: (e) => e.id,
  describe: (e) => e.number,
  appliesTo: () => true,
  build: buildF12I,
  samples: (demo) => (demo.envelopes ?? []).filter((e) => !e.deletedAt),
  neverScan: true,
};
