// F09 校务微博（微信）公众平台登记表 (seed 004, the 宣传部's survey notice): a unit lists every
// account opened in its name or by the student bodies under it, and sends the list on paper with
// its seal and electronically. Landscape; the head row repeats on every page.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { currentFollowers, isGroupKind, type Platform } from '../domain/platform';
import type { Unit } from '../domain/unit';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { BLANK_DATE, cellText, formatDate, joinNonEmpty } from './format';
import { closeWith, formDocument, rich, sealBlock, value } from './kit';
import { mm } from './layout';
import { accountOf, adminsOf, labelled, LIST_SPARE_ROWS, listTable, peopleCell, personOf, serialCell } from './record-cells';

export const F09_META = {
  id: 'F09',
  title: '校务微博（微信）公众平台登记表',
  version: '2026.1',
  source: '004 通知',
  numberPrefix: 'DJB',
} as const;

export const F09_HEAD = ['序号', '平台名称', '平台类型', '账号/微信号', '开通时间', '责任人', '管理员', '粉丝数', '是否已备案', '备注'] as const;
/** Empty rows on a blank list: what fits one landscape page above the seal area. */
export const F09_BLANK_ROWS = 5;
/** Widths exclude padding; together they fill the 243 mm of a landscape type area. */
const WIDTHS = [mm(10), mm(32), mm(18), mm(28), mm(25), mm(18), mm(26), mm(15), mm(22), '*'] as const;

/** The unit's accounts as the notice counts them: every kind but work groups (those are F14). */
export function f09Platforms(unit: Unit | null | undefined, ctx: FormContext): Platform[] {
  if (!unit) return [];
  return ctx.lookups.platformsOfUnit(unit.id).filter((p) => !isGroupKind(p.kind));
}

/** Filed with the 宣传部 once it is past 申请中 (the notice asks units to back-file the rest). */
export function isFiled(p: Platform): boolean {
  return p.status !== '申请中';
}

export function buildF09(unit: Unit | null, ctx: FormContext): TDocumentDefinitions {
  const u = unit ?? undefined;
  const rows: TableCell[][] = f09Platforms(u, ctx).map((p, i) => [
    serialCell(i + 1),
    value(rich(p.name)),
    value(rich(p.kind)),
    value(rich(accountOf(p))),
    value(p.openedOn ? formatDate(p.openedOn) : ''),
    value(rich(personOf(ctx, p.responsibleId)?.name)),
    value(peopleCell(adminsOf(ctx, p).map(([, who]) => who))),
    value(cellText(currentFollowers(p))),
    { text: isFiled(p) ? '是' : '否', alignment: 'center', verticalAlignment: 'middle' },
    value(rich(remark(p))),
  ]);
  const contact = u ? personOf(ctx, u.contactId) : undefined;

  return formDocument(
    F09_META,
    ctx,
    u?.id,
    [
      {
        columns: [labelled('填报单位：', u?.name), { width: 'auto', text: `填报日期：${BLANK_DATE}` }],
        style: 'belowTable',
        margin: [0, 0, 0, mm(1.5)],
      },
      // The list goes to the 宣传部 on paper with the unit's seal: keep the contact line and a
      // free seal area (≥ 50 mm) together at its foot, with the list's last account.
      ...closeWith(listTable(F09_HEAD, rows, WIDTHS, F09_BLANK_ROWS), [
        {
          columns: [
            { width: '*', stack: [labelled('填表人：', contact?.name), labelled('联系电话：', contact?.phone || u?.phone)] },
            { width: mm(110), stack: sealBlock([], '填报单位（盖章）：') },
          ],
          style: 'belowTable',
        },
      ], rows.length ? LIST_SPARE_ROWS + 1 : F09_BLANK_ROWS),
    ],
    { landscape: true },
  );
}

/** Why an account needs a second look: its status when not in normal operation, then the note. */
function remark(p: Platform): string {
  const status = p.status === '运行中' || p.status === '已批准' ? '' : p.status;
  return joinNonEmpty([status, p.note], '；');
}

export const F09_FORM: FormDefinition<Unit> = {
  ...F09_META,
  recordTable: 'units',
  recordId: (u) => u.id,
  describe: (u) => u.name,
  appliesTo: () => true,
  build: buildF09,
  samples: (demo) => {
    const hosting = new Set(demo.platforms.filter((p) => !p.deletedAt && !isGroupKind(p.kind)).flatMap((p) => [p.hostUnitId, p.sponsorUnitId]));
    return demo.units.filter((u) => !u.deletedAt && hosting.has(u.id));
  },
};
