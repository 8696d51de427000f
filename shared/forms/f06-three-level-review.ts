// F06 信息发布三级审核单 (seed 002 第六条): the slip that carries one item through the review chain of
// the profile in force before it is published — under 002 管理员, 部门负责人, 党委宣传部负责人, and
// 分管领导 for major items; under 003 or 004 their own chain (信息发布审核单). 002 has no appendix, so the slip is built from the clause: what is published, a row per
// level to sign, the review points of 第六条 (二) as a checklist, and the clause's rules as notes.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Review, ReviewStepRecord } from '../domain/records';
import type { ReviewStepRule } from '../profiles/types';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatZonedDateTime } from './zoned-format';
import { BLANK_DATE, cellText, checkbox, checked, formatDate } from './format';
import { formDocument, gridTable, inline, label, rich, value, type KitCell } from './kit';
import { mm } from './layout';
import { breakTitle } from './title-lines';
import { decisionBoxes, demoReviews,  peopleNames, REVIEW_FORM_BASE, reviewPlatform, stepAt, topAligned } from './review-cells';

export const F06_META = {
  id: 'F06',
  title: '信息发布三级审核单',
  version: '2026.1',
  source: '002 第六条',
  numberPrefix: 'SJ',
} as const;

export const F06_TEXTS = {
  platform: '发布平台',
  column: '栏目',
  title: '信息标题',
  unit: '报送部门',
  plannedAt: '拟发布时间',
  major: '重大事项',
  majorHint: '（涉及学院重大决策、重要活动、重要事件等信息，需报分管领导审批）',
  content: '信息内容',
  contentHint: '（审核内容包括信息的标题、正文、图片、视频等）',
  points: '审核要点',
  /** 002 第六条 (二): 重点审核信息的政治导向、内容真实性、语言规范性、是否涉密等. */
  pointList: ['政治导向', '内容真实性', '语言规范性', '是否涉密'],
  level: '审核级别',
  reviewer: '审核人\n（签名）',
  opinion: '审核意见',
  conclusion: '结论',
  date: '日期',
  majorLevel: '重大事项',
  notes: [
    '注：1、实行“三级审核，先审后发，授权发布”制度，未经审核的信息不得发布。',
    '2、涉及学院重大决策、重要活动、重要事件等信息，需报分管领导审批。',
    '3、对存在问题的信息，审核人应提出修改意见，退回信息发布人进行修改完善。',
  ],
} as const;

const LEVELS = ['第一级', '第二级', '第三级', '第四级', '第五级'];

const INFO_WIDTHS = [mm(24), '*', mm(24), mm(46)] as const;
/** 审核级别 | 审核人（签名） | 审核意见 | 结论 | 日期. */
const STEP_WIDTHS = [mm(30), mm(22), '*', mm(22), mm(33)] as const;
const STEP_ROW_HEIGHT = mm(18);
/** Each of several signers of one level gets a place of its own, a little lower. */
const SIGNER_ROW_HEIGHT = mm(15);

export interface StepRow {
  level: string;
  role: string;
  /** Signature places of this level: the rule's minSigners, or more when more reviewers are recorded. */
  signers: number;
  step?: ReviewStepRecord;
}

/**
 * One row per level of the review chain of the profile in force: the review's own steps where
 * recorded (their role labels), the profile's rules for the rest. A major-only level appears for
 * major items and on a blank slip. Never another profile's chain.
 */
export function f06StepRows(review: Review | null, chain: readonly ReviewStepRule[]): StepRow[] {
  const applies = chain.filter((rule) => !review || review.major || !rule.onlyForMajor);
  const recorded = Math.max(-1, ...(review?.steps ?? []).map((s) => s.stepIndex)) + 1;
  const rows: StepRow[] = [];
  for (let i = 0; i < Math.max(applies.length, recorded); i++) {
    const step = stepAt(review, i);
    const rule = applies[i];
    const level = rule?.onlyForMajor ? F06_TEXTS.majorLevel : (LEVELS[i] ?? `第${i + 1}级`);
    const signers = Math.max(1, rule?.minSigners ?? 1, step?.reviewerIds.length ?? 0);
    rows.push({ level, role: cellText(step?.roleLabel) || (rule?.roleLabel ?? ''), signers, step });
  }
  return rows;
}

/** '三级' for 002's chain of three ordinary levels; the slip's title and first note follow the chain. */
function ordinaryLevels(chain: readonly ReviewStepRule[]): number {
  return chain.filter((rule) => !rule.onlyForMajor).length;
}

/** The notes under the levels: 002 第六条's words for its three-level chain, the same rules said plainly otherwise. */
export function f06Notes(chain: readonly ReviewStepRule[]): string[] {
  const major = chain.find((rule) => rule.onlyForMajor);
  const first = ordinaryLevels(chain) === 3 ? F06_TEXTS.notes[0] : '注：1、实行“先审后发”制度，未经审核的信息不得发布。';
  const notes: string[] = [first];
  if (major) notes.push(ordinaryLevels(chain) === 3 && major.roleLabel === '分管领导' ? F06_TEXTS.notes[1] : `2、重大事项需报${major.roleLabel}审批。`);
  notes.push(`${notes.length + 1}${F06_TEXTS.notes[2].slice(1)}`);
  return notes;
}

/** The slip's title: 002's 信息发布三级审核单 for a three-level chain, 信息发布审核单 for any other. */
export function f06Title(chain: readonly ReviewStepRule[]): string {
  return ordinaryLevels(chain) === 3 ? F06_META.title : '信息发布审核单';
}

export function buildF06(review: Review | null, ctx: FormContext): TDocumentDefinitions {
  const r = review;
  const chain = ctx.profile.reviewChain;
  const major = chain.find((rule) => rule.onlyForMajor);
  const platform = reviewPlatform(r, ctx);
  const unitName = r ? ctx.lookups.unit(r.submittingUnitId)?.name : undefined;

  const info: TableCell[][] = [
    [label(F06_TEXTS.platform), value(rich(platform?.name)), label(F06_TEXTS.column), value(rich(r?.column))],
    [label(F06_TEXTS.title), value(rich(r?.title), 3), {}, {}],
    [label(F06_TEXTS.unit), value(rich(unitName)), label(F06_TEXTS.plannedAt), value(r?.plannedAt ? formatZonedDateTime(r.plannedAt, ctx) : '')],
    [
      label(F06_TEXTS.major),
      value([[checked('是', r?.major === true), checked('否', r?.major === false)].join('　'), ...(major ? [{ text: majorHint(chain, major), style: 'note' }] : [])], 3),
      {},
      {},
    ],
    [
      label(F06_TEXTS.content),
      topAligned(value([{ text: F06_TEXTS.contentHint, style: 'note' }, ...(cellText(r?.content) ? [rich(r?.content)] : [])], 3, mm(cellText(r?.content) ? 20 : 32))),
      {},
      {},
    ],
    [label(F06_TEXTS.points), value(F06_TEXTS.pointList.map((p) => `${checkbox(false)}${p}`).join('　'), 3), {}, {}],
  ];

  const steps: TableCell[][] = [
    [label(F06_TEXTS.level), label(F06_TEXTS.reviewer), label(F06_TEXTS.opinion), label(F06_TEXTS.conclusion), label(F06_TEXTS.date)],
    ...f06StepRows(r, chain).flatMap((row) => stepRows(row, ctx)),
  ];

  const title = f06Title(chain);
  const doc = formDocument({ ...F06_META, title }, ctx, r?.id, [
    gridTable(info, INFO_WIDTHS),
    { text: '', margin: [0, mm(3), 0, 0] },
    {
      // The levels are signed on the same sheet as the notes that govern them.
      unbreakable: true,
      stack: [
        gridTable(steps, STEP_WIDTHS, { headerRows: 1, dontBreakRows: true }),
        { style: 'belowTable', stack: f06Notes(chain).map((n, i) => (i === 0 ? n : { text: n, margin: [24, 0, 0, 0] })) },
      ],
    },
  ]);
  return breakTitle(doc, [ctx.institutionName, `${ctx.institutionName}信息发布`]);
}

/** 002 第六条's hint for its 分管领导; the major-only level's own role under any other chain. */
function majorHint(chain: readonly ReviewStepRule[], major: ReviewStepRule): string {
  return ordinaryLevels(chain) === 3 && major.roleLabel === '分管领导' ? F06_TEXTS.majorHint : `（重大事项需报${major.roleLabel}审批）`;
}

/**
 * The rows of one level: one signature place per required signer (004 通知 二: 至少三人审核 gives
 * three), the level, opinion and decision spanning them. The assigned reviewers' names are printed
 * small at the top of their places; each signs by hand and dates it.
 */
function stepRows(row: StepRow, ctx: FormContext): TableCell[][] {
  const { step, signers } = row;
  const height = signers > 1 ? SIGNER_ROW_HEIGHT : STEP_ROW_HEIGHT;
  // pdfmake misplaces a vertically centred cell that spans rows: spanned cells sit at the top.
  const span = signers > 1 ? { rowSpan: signers, verticalAlignment: 'top' as const } : {};
  const level: KitCell = {
    stack: [{ text: row.level, bold: true }, { text: row.role, style: 'note' }],
    alignment: 'center',
    verticalAlignment: 'middle',
    ...span,
  };
  const ids = step?.reviewerIds ?? [];
  const rows: TableCell[][] = [];
  for (let i = 0; i < signers; i++) {
    const name = ids[i] ? peopleNames(ctx, [ids[i]]) : '';
    const signature: KitCell = { stack: name ? [{ text: inline(name), style: 'note' }] : [], verticalAlignment: 'top', minHeight: height };
    const date = value(step?.date ? formatDate(step.date) : BLANK_DATE);
    rows.push(
      i === 0
        ? [level, signature, Object.assign(value(rich(step?.opinion)), span), Object.assign(value(decisionBoxes(step, '\n')), span), date]
        : [{}, signature, {}, {}, date],
    );
  }
  return rows;
}

export const F06_FORM: FormDefinition<Review> = {
  ...F06_META,
  ...REVIEW_FORM_BASE,
  appliesTo: () => true,
  build: buildF06,
  samples: (demo) => demoReviews(demo),
};
