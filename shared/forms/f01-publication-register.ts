// F01 网络平台（网站/微信公众服务号）信息发布登记表 (seed 000 附表1): the register sheet a
// department fills in for each item it asks the website or the WeChat service account to publish,
// signed by its head, then by the leaders, and handed to the administrator. Rows, labels and the
// note under the table follow the appendix word for word; its brackets "新闻(" print as boxes.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { isWechatKind, type Platform } from '../domain/platform';
import type { Review, ReviewStepRecord } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatZonedDate, formatZonedDateTime } from './zoned-format';
import { cellText, checkbox, formatDate, joinNonEmpty } from './format';
import { belowTable, breakLabel, formDocument, gridTable, inline, label, rich, value } from './kit';
import { mm, SIGNATURE_CELL_HEIGHT } from './layout';
import { breakTitle } from './title-lines';
import { articleContent, demoReviews, platformKinds, opinionContent, peopleNames, REVIEW_FORM_BASE, reviewPlatform, stepAt } from './review-cells';

export const F01_META = {
  id: 'F01',
  title: '网络平台（网站/微信公众服务号）信息发布登记表',
  version: '2026.1',
  source: '000 附表1',
  numberPrefix: 'FB',
} as const;

/** Texts printed exactly as in seed 000 附表1. */
export const F01_TEXTS = {
  media: '媒体\n栏目',
  website: '网站',
  websiteColumns: ['新闻', '通知', '资源动态'],
  wechat: '微信',
  wechatColumns: ['推送消息', '馆藏分布', '常见问题', '服务动态'],
  other: '其它：',
  department: '部门',
  headSignature: '负责人签字',
  date: '日期',
  content: '信息（栏目修改）内容',
  leaderOpinion: '分管领导审核意见',
  secretaryOpinion: '党总支书记或馆长审核意见',
  adminHandling: '管理员处理情况',
  note: '备注',
  explanation: '说明：照片可与电子登记表压缩打包，纸版登记表提交网站/微信公众服务号管理员。',
} as const;

/** label | 网站/微信 or 部门 value | 负责人签字 (on one line) | signature | 日期 | date (≈ 39 mm: a date on one line): the 156 mm type area. */
const WIDTHS = [mm(22), mm(24), mm(22), mm(22), mm(10), '*'] as const;
const OPINION_HEIGHT = mm(28);

type Media = 'website' | 'wechat';

function mediaOf(platform: Platform | undefined): Media | undefined {
  if (!platform) return undefined;
  if (platform.kind === '官方网站') return 'website';
  return isWechatKind(platform.kind) ? 'wechat' : undefined;
}

/** Registered items go to a website or a WeChat account (附表1 has boxes for those two only). */
export function f01AppliesTo(kind: Platform['kind'] | undefined): boolean {
  return kind === '官方网站' || (kind !== undefined && isWechatKind(kind));
}

export function buildF01(review: Review | null, ctx: FormContext): TDocumentDefinitions {
  const r = review;
  const platform = reviewPlatform(r, ctx);
  const media = mediaOf(platform);
  const column = cellText(r?.column);
  const unitName = r ? ctx.lookups.unit(r.submittingUnitId)?.name : undefined;
  // 000 第七条 3: the head of the department (部（室）主任、党支部书记) checks first, then the leaders.
  const head = stepAt(r, 0);
  const article = articleContent(r);

  const main: TableCell[][] = [
    [
      label(F01_TEXTS.media, { rowSpan: 2 }),
      value(`${F01_TEXTS.website}${checkbox(media === 'website')}`),
      value(columnChoices(F01_TEXTS.websiteColumns, media === 'website' ? column : undefined), 4),
      {},
      {},
      {},
    ],
    [
      {},
      value(`${F01_TEXTS.wechat}${checkbox(media === 'wechat')}`),
      value(columnChoices(F01_TEXTS.wechatColumns, media === 'wechat' ? column : undefined), 4),
      {},
      {},
      {},
    ],
    [
      label(F01_TEXTS.department, { minHeight: SIGNATURE_CELL_HEIGHT }),
      value(rich(unitName)),
      label(F01_TEXTS.headSignature),
      // Signed by hand: the head's name is never printed in place of the signature.
      value(''),
      label(F01_TEXTS.date),
      value(head?.date ? formatDate(head.date) : ''),
    ],
    // Room to write even under a printed article (corrections by hand are common).
    [label(F01_TEXTS.content), value(article, 5, article.length ? mm(35) : mm(50)), {}, {}, {}, {}],
  ];

  const closing: TableCell[][] = [
    opinionRow(breakLabel(F01_TEXTS.leaderOpinion, ['分管领导']), findStep(r, (l) => l.includes('分管领导'))),
    opinionRow(breakLabel(F01_TEXTS.secretaryOpinion, ['党总支书记', '或馆长']), findStep(r, (l) => l.includes('党总支') || l.includes('馆长'))),
    longRow(breakLabel(F01_TEXTS.adminHandling, ['管理员']), r ? handling(r, ctx) : [], mm(20)),
    longRow(F01_TEXTS.note, r ? remarks(r, ctx) : [], mm(15)),
  ];

  const doc = formDocument(F01_META, ctx, r?.id, [
    gridTable(main, WIDTHS),
    {
      // The leaders' rows, the administrator's row and the note stay together on one page.
      unbreakable: true,
      stack: [gridTable(closing, WIDTHS, { dontBreakRows: true }), belowTable(F01_TEXTS.explanation)],
    },
  ]);
  const inst = ctx.institutionName;
  return breakTitle(doc, [inst, `${inst}网络平台`, `${inst}网络平台（网站/微信公众服务号）`]);
}

/** 新闻□  通知□  资源动态□  其它：… with the review's column ticked, or written after 其它：. */
function columnChoices(options: readonly string[], column: string | undefined): Content {
  const known = column !== undefined && options.includes(column);
  const other = column && !known ? column : '';
  return {
    text: [
      options.map((o) => `${o}${checkbox(column === o)}`).join('  '),
      `  ${F01_TEXTS.other}`,
      other ? { text: inline(other), decoration: 'underline' } : '',
    ],
  };
}

/** The step whose role matches the row (the chain of seed 000 names 分管领导 and 党总支书记或馆长). */
function findStep(review: Review | null, matches: (roleLabel: string) => boolean): ReviewStepRecord | undefined {
  return review?.steps.find((s) => matches(s.roleLabel));
}

function opinionRow(title: string, step: ReviewStepRecord | undefined): TableCell[] {
  // Always tall enough to write and sign by hand, even when an opinion is printed.
  return [label(title, { minHeight: OPINION_HEIGHT }), value(opinionContent(step), 5), {}, {}, {}, {}];
}

function longRow(title: string, content: Content[], blankHeight: number): TableCell[] {
  return [label(title), value(content, 5, content.length ? undefined : blankHeight), {}, {}, {}, {}];
}

/** What the administrator did: when and where the item went out, and who published it. */
function handling(r: Review, ctx: FormContext): Content[] {
  if (!r.publishedAt) return [];
  const line = joinNonEmpty([`已于${formatZonedDateTime(r.publishedAt, ctx)}发布`, r.publishedUrl], '　');
  const by = peopleNames(ctx, [r.publishedById]);
  return by ? [line, { text: [{ text: '发布人：' }, { text: inline(by) }] }] : [line];
}

function remarks(r: Review, ctx: FormContext): Content[] {
  const out: Content[] = [];
  if (r.originalReviewId) out.push('重发重审');
  for (const c of r.corrections) out.push(rich(`${formatZonedDate(c.at, ctx)}${c.action}：${c.reason}`));
  return out;
}

export const F01_FORM: FormDefinition<Review> = {
  ...F01_META,
  ...REVIEW_FORM_BASE,
  // The platform kind is not on the review; the form prints for any (only 网站/微信 get a box).
  appliesTo: () => true,
  build: buildF01,
  samples: (demo) => {
    const kinds = platformKinds(demo);
    return demoReviews(demo).filter((r) => f01AppliesTo(kinds.get(r.platformId)));
  },
};
