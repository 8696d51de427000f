// F14 工作群登记备案表 (seed 000 第五条, 003 第十九、二十、二十一条): the filing sheet of one QQ,
// WeChat or DingTalk work group — who owns it (群主负责制), who supervises it (纪委书记监督制),
// who may join (本校人员，实名：部门+姓名) and when membership was checked — with the unit's
// commitment to the group rules, signed by the unit head and sealed.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import { GROUP_KINDS, isGroupKind, type Platform } from '../domain/platform';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { BLANK_DATE, cellText, checked, formatDate } from './format';
import { formDocument, gridTable, inline, label, rich, sealBlock, value, writingRoom } from './kit';
import { mm } from './layout';
import { breakTitle } from './title-lines';

export const F14_META = {
  id: 'F14',
  title: '工作群登记备案表',
  version: '2026.1',
  source: '000 第五条, 003 第十九、二十条',
  numberPrefix: 'QZ',
} as const;

/** Fixed texts: the membership rule and the unit's commitment, after seed 003 第十九—二十一条. */
export const F14_TEXTS = {
  memberScope: '本校人员，实名（部门+姓名）准入',
  supervisorNote: '（纪委书记监督制）',
  ownerNote: '（群主负责制：谁建群谁管理、谁管理谁负责）',
  commitmentLead: '本单位承诺：',
  commitments: [
    '一、群成员均为本校人员，且为实名（部门+姓名）；对非实名的群成员及时提醒，不修改实名的及时清理，已离职人员及时移出群。',
    '二、群主（管理员）定期对群内人员予以认定，对不符合规定的群成员及时清理、删除，严禁与工作无关人员进群。',
    '三、群内发布和转载信息严格遵守国家有关法律、法规规定，所发布和讨论的信息原则上按内部资料管理，仅限日常工作；严禁在群内发布、传播违法信息、涉密信息和敏感信息。',
  ],
  signature: '单位负责人签字（公章）：',
} as const;

/** label | value | label | value over the 156 mm type area (pdfmake widths exclude padding). */
const WIDTHS = [mm(31), '*', mm(19), mm(38)] as const;

export function f14AppliesTo(platform: Pick<Platform, 'kind'>): boolean {
  return isGroupKind(platform.kind);
}

export function buildF14(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const p = platform ?? undefined;
  const g = p?.group;
  const owner = p ? ctx.lookups.person(g?.ownerId ?? p.chiefAdminId) : undefined;
  const supervisor = p ? ctx.lookups.person(g?.supervisorId) : undefined;
  const unitName = p ? ctx.lookups.unit(p.hostUnitId)?.name : undefined;
  const members = g?.memberCount !== undefined ? `${g.memberCount}人` : '';
  const checks = (g?.realNameCheckDates ?? []).slice().sort().map(formatDate).join('；');

  const main: TableCell[][] = [
    [label('群名称'), value(rich(p?.name), 3), {}, {}],
    [
      label('群类型'),
      value(GROUP_KINDS.map((k) => checked(k, p?.kind === k)).join('  ')),
      label('群号'),
      value(rich(p?.accountId)),
    ],
    [label('建群单位'), value(rich(unitName)), label('成员人数'), value(members)],
    [label('建群日期'), value(formatDate(p?.openedOn)), label('登记日期'), value(BLANK_DATE)],
    [label('群主（管理员）'), value(personWithNote(owner, F14_TEXTS.ownerNote), 3, mm(12)), {}, {}],
    [label('监督人'), value(personWithNote(supervisor, F14_TEXTS.supervisorNote), 3), {}, {}],
    [label('建群用途'), value(purposeCell(p), 3, writingRoom(p?.purpose, mm(15))), {}, {}],
    [label('成员范围'), value(F14_TEXTS.memberScope, 3), {}, {}],
    [label('实名核查记录'), value(checks ? `核查日期：${checks}` : '', 3, checks ? undefined : mm(10)), {}, {}],
    [label('备注'), value(rich(p?.note), 3, writingRoom(p?.note, mm(8))), {}, {}],
  ];

  // The commitment and the seal area stay together on one page.
  const closing: TableCell[][] = [[label('单位意见'), value(commitmentCell(), 3), {}, {}]];

  const doc = formDocument(F14_META, ctx, p?.id, [
    // The first row names the group on every page the table runs to.
    gridTable(main, WIDTHS, { headerRows: 1 }),
    gridTable(closing, WIDTHS, { dontBreakRows: true }),
  ]);
  return breakTitle(doc, [ctx.institutionName]);
}

/** 建群用途, and what the group is for day to day (信息范围, 003 第二十一条: 仅限日常工作). */
function purposeCell(p: Platform | undefined): Content {
  const scope = cellText(p?.contentScope);
  return [rich(p?.purpose), ...(scope ? [{ text: ['信息范围：', { text: inline(scope) }] }] : [])];
}

/** 姓名 职务 电话 on one line and the rule under it; only the rule on a blank form. */
function personWithNote(person: Person | undefined, note: string): Content {
  const rule: Content = { text: note, style: 'note' };
  if (!person) return [rule];
  const parts: Content[] = [{ text: inline(person.name) }];
  if (cellText(person.title)) parts.push({ text: '　' }, { text: inline(person.title) });
  if (cellText(person.phone)) parts.push({ text: '　电话：' }, { text: inline(person.phone) });
  return [{ text: parts }, rule];
}

function commitmentCell(): Content {
  return sealBlock(
    [{ text: F14_TEXTS.commitmentLead }, ...F14_TEXTS.commitments.map((c) => ({ text: c, leadingIndent: 24 }))],
    F14_TEXTS.signature,
  );
}

export const F14_FORM: FormDefinition<Platform> = {
  ...F14_META,
  recordTable: 'platforms',
  recordId: (p) => p.id,
  describe: (p) => p.name,
  appliesTo: f14AppliesTo,
  build: buildF14,
  samples: (demo) => demo.platforms.filter((p) => !p.deletedAt && f14AppliesTo(p)),
};
