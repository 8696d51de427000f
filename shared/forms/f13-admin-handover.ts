// F13 网络平台管理员交接记录表 (seed 000 第六条): when an administrator's job changes, the accounts
// are handed over to the successor before a supervisor, item by item, and the passwords and
// management codes are changed right after. Outgoing, incoming and supervisor sign by hand.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Handover } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatDate } from './format';
import { belowTable, formDocument, gridTable, label, rich, value } from './kit';
import { mm } from './layout';
import { accountOf, organiserName, personCell, serialCell, signatureCell, yesNo } from './record-cells';

export const F13_META = {
  id: 'F13',
  title: '网络平台管理员交接记录表',
  version: '2026.1',
  source: '000 第六条',
  numberPrefix: 'JJ',
} as const;

/** Seed 000 第六条 word for word, printed under the table. */
export const F13_NOTE = '注：管理员工作调整时，要与接任人员做好交接，交接后要及时更换密码、口令。';

/** What a blank form lists to hand over (000 第六条: 账户、密码及管理口令; the envelope of 003 第十七条). */
export const F13_DEFAULT_CHECKLIST = [
  '账户、密码及管理口令',
  '绑定手机、邮箱及管理员微信',
  '后台管理权限及操作说明',
  '待审核、待发布稿件及发布记录',
  '栏目分工及工作资料',
  '密码密封存档信封',
] as const;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(40), '*', mm(22), '*'] as const;
/** 序号 | 项目 | 是否完成. */
const CHECK_WIDTHS = [mm(12), '*', mm(40)] as const;

export function buildF13(handover: Handover | null, ctx: FormContext): TDocumentDefinitions {
  const h = handover ?? undefined;
  const p = h ? ctx.lookups.platform(h.platformId) : undefined;

  const head: TableCell[][] = [
    [label('平台名称'), value(rich(p?.name)), label('平台类型'), value(rich(p?.kind))],
    [label('主办单位'), value(rich(organiserName(ctx, p))), label('账号'), value(rich(accountOf(p)))],
    [label('交接日期'), value(formatDate(h?.date), 3), {}, {}],
    [label('移交人'), value(personCell(ctx, h?.outgoingId)), label('签名'), signatureCell()],
    [label('接收人'), value(personCell(ctx, h?.incomingId)), label('签名'), signatureCell()],
    [label('监交人'), value(personCell(ctx, h?.supervisorId)), label('签名'), signatureCell()],
  ];

  const items = h ? h.checklist : F13_DEFAULT_CHECKLIST.map((item) => ({ item, done: undefined }));
  const checklist: TableCell[][] = [
    [label('交接清单', { colSpan: 3 }), {}, {}],
    [label('序号'), label('项目'), label('是否完成')],
    ...items.map((c, i) => [serialCell(i + 1), value(rich(c.item)), value(yesNo(c.done))]),
  ];

  const after: TableCell[][] = [
    [label('交接后密码更换日期'), value(formatDate(h?.passwordChangedOn), 3), {}, {}],
    [label('确认人'), value(personCell(ctx, h?.passwordChangeConfirmedById)), label('签名'), signatureCell()],
  ];

  return formDocument(F13_META, ctx, h?.id, [
    gridTable(head, WIDTHS, { dontBreakRows: true }),
    gridTable(checklist, CHECK_WIDTHS, { headerRows: 2, dontBreakRows: true }),
    {
      // The password change and the note close the record together.
      unbreakable: true,
      stack: [gridTable(after, WIDTHS, { dontBreakRows: true }), belowTable(F13_NOTE)],
    },
  ]);
}

export const F13_FORM: FormDefinition<Handover> = {
  ...F13_META,
  recordTable: 'handovers',
  recordId: (h) => h.id,
  describe: (h) => formatDate(h.date),
  appliesTo: () => true,
  build: buildF13,
  samples: (demo) => (demo.handovers ?? []).filter((h) => !h.deletedAt),
};
