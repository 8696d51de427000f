// F05 新媒体文章发布审核表 (seed 001 附件2): the review sheet of one article before it is posted
// on a new-media account, signed by the reviewer (001 第七条: 负责宣传的处级领导) and kept by the
// office the profile names. Rows, labels and the two notes follow the appendix word for word.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Review } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatZonedDateTime } from './zoned-format';
import { BLANK_DATE, cellText, formatDate, joinNonEmpty } from './format';
import { formDocument, gridTable, inline, label, rich, value, writingRoom } from './kit';
import { mm } from './layout';
import { breakTitle } from './title-lines';
import { articleContent, demoReviews,  opinionContent, peopleNames, REVIEW_FORM_BASE, reviewPlatform, topAligned } from './review-cells';

export const F05_META = {
  id: 'F05',
  title: '新媒体文章发布审核表',
  version: '2026.1',
  source: '001 附件2',
  numberPrefix: 'SH',
} as const;

/** Texts printed exactly as in seed 001 附件2 (the keeping office comes from the profile). */
export const F05_TEXTS = {
  media: '拟发布媒体',
  plannedAt: '拟发布时间',
  copywriter: '文案人员',
  editor: '编辑人员',
  imageSource: '图片来源',
  content: '文章内容',
  contentHint: '文章内容可附件',
  opinion: '审核意见',
  reviewer: '审核人：',
  date: '日期：',
  note1: '注：1、图片来源说明摄影人、来源网络等信息。',
  note2: (keepingOffice: string) => `2、该表审批后由${keepingOffice}保管。`,
} as const;

/** label | value | label | value over the 156 mm type area. */
const WIDTHS = [mm(24), '*', mm(24), mm(46)] as const;

export function buildF05(review: Review | null, ctx: FormContext): TDocumentDefinitions {
  const r = review;
  const platform = reviewPlatform(r, ctx);
  const media = r ? joinNonEmpty([platform?.name, r.column ? `（${cellText(r.column)}）` : ''], '') : '';
  const article = articleContent(r);

  const main: TableCell[][] = [
    [label(F05_TEXTS.media), value(rich(media)), label(F05_TEXTS.plannedAt), value(r?.plannedAt ? formatZonedDateTime(r.plannedAt, ctx) : '')],
    [
      label(F05_TEXTS.copywriter),
      value(rich(r ? peopleNames(ctx, [r.copywriterId]) : '')),
      label(F05_TEXTS.editor),
      value(rich(r ? peopleNames(ctx, [r.editorId]) : '')),
    ],
    [label(F05_TEXTS.imageSource), value(rich(r?.imageSource), 3, writingRoom(r?.imageSource, mm(14))), {}, {}],
    [
      label(F05_TEXTS.content),
      topAligned(value([{ text: F05_TEXTS.contentHint, style: 'note' }, ...article], 3, article.length ? mm(40) : mm(85))),
      {},
      {},
    ],
  ];

  const closing: TableCell[][] = [[label(F05_TEXTS.opinion), value(opinionCell(r), 3), {}, {}]];
  // 001 附件2 注2: 该表审批后由信息化建设与管理处综合办公室保管 — the office is the profile's.
  const keepingOffice = cellText(ctx.texts.keepingOffice);

  const doc = formDocument(F05_META, ctx, r?.id, [
    gridTable(main, WIDTHS),
    {
      // The opinion, the reviewer's signature line and the notes stay together.
      unbreakable: true,
      stack: [
        gridTable(closing, WIDTHS, { dontBreakRows: true }),
        signatureLine(r, ctx),
        {
          style: 'belowTable',
          stack: [F05_TEXTS.note1, { text: F05_TEXTS.note2(keepingOffice), margin: [24, 0, 0, 0] }],
        },
      ],
    },
  ]);
  return breakTitle(doc, [ctx.institutionName, `${ctx.institutionName}新媒体`]);
}

/** The opinions (001 has one reviewer; a longer chain prints each with its role) and room to write. */
function opinionCell(r: Review | null): Content[] {
  const steps = [...(r?.steps ?? [])].sort((a, b) => a.stepIndex - b.stepIndex);
  const opinions = steps.flatMap((s) => opinionContent(s, { withDate: false, role: steps.length > 1 }));
  return [...opinions, { text: '', margin: [0, 0, 0, opinions.length ? mm(12) : mm(40)] }];
}

/**
 * 审核人：… 日期：… under the table, as in 001 附件2: the reviewers recorded on the review (001 第七条
 * asks every article to name its 审查人) and the day of the last decision; blank for handwriting.
 */
function signatureLine(r: Review | null, ctx: FormContext): Content {
  const steps = r?.steps ?? [];
  const reviewers = peopleNames(ctx, steps.flatMap((s) => s.reviewerIds));
  let reviewedOn: string | undefined;
  for (const s of steps) if (s.date && (!reviewedOn || s.date > reviewedOn)) reviewedOn = s.date;
  return {
    text: [F05_TEXTS.reviewer, { text: inline(reviewers) }, '　'.repeat(reviewers ? 3 : 7), F05_TEXTS.date, reviewedOn ? formatDate(reviewedOn) : BLANK_DATE],
    alignment: 'right',
    margin: [0, mm(2), mm(4), mm(1)],
  };
}

export const F05_FORM: FormDefinition<Review> = {
  ...F05_META,
  ...REVIEW_FORM_BASE,
  appliesTo: () => true,
  build: buildF05,
  samples: (demo) => demoReviews(demo),
};
