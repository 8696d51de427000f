// The paper never loses a word (issue 12): the long but real contents a clerk enters, each
// printed in full and inside the type area. Every case here lost content or ran off the sheet
// before the layout engine split blocks taller than a page and broke long tokens in their cell.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import { createFormContext } from '../../../shared/forms/context';
import { buildF01 } from '../../../shared/forms/f01-publication-register';
import { buildF04 } from '../../../shared/forms/f04-account-filing';
import { buildF06 } from '../../../shared/forms/f06-three-level-review';
import { buildF07 } from '../../../shared/forms/f07-opening-approval';
import { buildF08 } from '../../../shared/forms/f08-account-registration';
import { buildF09 } from '../../../shared/forms/f09-unit-platform-list';
import { buildF11 } from '../../../shared/forms/f11-annual-inspection';
import { buildF15 } from '../../../shared/forms/f15-problem-log';
import { buildF17 } from '../../../shared/forms/f17-complaint-handling';
import { fixtureContext, fixturePlatform } from './fixture';
import { complaint, groupContext, groupPlatform, groupProblems } from './group-fixture';
import { bodyWords, printed, renderPaper, wordsOutside, type Paper } from './paper-check';
import { inspection, opening, people, recordsContext, studentAccount, units, wechat } from './records-fixture';
import { libraryReview, reviewContext, threeLevelReview } from './review-fixture';
import { tempDir } from '../../fixtures/temp-dir';

const dir = tempDir('issue12-');

const POOL = '经审核内容属实表述准确同意按程序发布并请注意图片版权与数据核实，学校网络信息安全管理办法规定。';

/** `n` characters of Chinese prose that never repeats itself, different for every `seed`. */
function prose(n: number, seed: string): string {
  let x = [...seed].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0, 7);
  let out = seed;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += POOL[(x >>> 8) % POOL.length];
  }
  return out.slice(0, n);
}

/** Every value printed, every word inside the type area, no page empty or holding only the title. */
function expectWhole(paper: Paper, values: readonly string[]): void {
  expect(paper.errors, paper.file).toBe('');
  for (const v of values) expect(printed(paper, v), `${paper.file}: ${v.slice(0, 20)}…`).toBe(true);
  expect(wordsOutside(paper).map((w) => `${w.page}:${w.word}`)).toEqual([]);
  for (let page = 1; page <= paper.pages.length; page++) expect(bodyWords(paper, page).length, `page ${page} empty`).toBeGreaterThan(3);
}

const admins = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({ ...people[4]!, id: `01JPERSADMIN${String(i).padStart(14, '0')}`, name: `分管员${i + 1}号` }));

describe('issue 12: content taller than a page is printed in full', () => {
  it('F06: four reviewers with 60-character opinions keep the 审核级别 table and its notes', async () => {
    const opinions = [0, 1, 2, 3].map((i) => prose(60, `第${i + 1}级意见`));
    const review = {
      ...threeLevelReview,
      steps: opinions.map((opinion, i) => ({ stepIndex: i, roleLabel: `审核人${i + 1}`, reviewerIds: [], opinion, decision: '通过' as const, date: '2026-11-22' })),
    };
    const paper = await renderPaper(dir, 'f06-four', buildF06(review, createFormContext(reviewContext())));
    expectWhole(paper, [...opinions, '审核级别']);
  });

  it('F01: leader opinions of 450 characters keep both leader rows, 管理员处理情况, 备注 and 说明', async () => {
    const a = prose(450, '分管领导意见');
    const b = prose(450, '馆长意见');
    const review = {
      ...libraryReview,
      steps: libraryReview.steps.map((s, i) => (i === 1 ? { ...s, opinion: a } : i === 2 ? { ...s, opinion: b } : s)),
    };
    const paper = await renderPaper(dir, 'f01-450', buildF01(review, createFormContext(reviewContext())));
    expectWhole(paper, [a, b, '管理员处理情况', '说明']);
  });

  it('F04: a 1,000-character 备注 keeps 部门意见, the seal area and 制表', async () => {
    const note = prose(1000, '备注');
    const paper = await renderPaper(dir, 'f04-note', buildF04({ ...fixturePlatform, note }, createFormContext(fixtureContext())));
    expectWhole(paper, [note, '部门意见', '签名（公章）', '制表：']);
  });

  it('F09: a platform whose 备注 is 90 or more characters is listed and numbered', async () => {
    const note = prose(95, '备注');
    const ctx = recordsContext('BA-2026-0007');
    const paper = await renderPaper(dir, 'f09-note', buildF09(units[0]!, createFormContext({ ...ctx, platforms: ctx.platforms!.map((p) => (p.id === wechat.id ? { ...p, note } : p)) })));
    expectWhole(paper, [note, wechat.name]);
  });

  it('F15: a 600-character 发现的问题 is printed', async () => {
    const found = prose(600, '发现的问题');
    const log = { platformId: groupPlatform.id, incidents: [{ ...groupProblems[0]!, found }, ...groupProblems.slice(1), complaint], from: '2026-10-01', to: '2026-11-30' };
    const paper = await renderPaper(dir, 'f15-600', buildF15(log, groupContext()));
    expectWhole(paper, [found, '群主']);
  });

  it('F15: a 2,000-character 发现的问题 (over three pages in its column) and every entry after it are printed', async () => {
    const found = prose(2000, '群内转发');
    const after = groupProblems.slice(1).map((i, n) => ({ ...i, found: `之后的问题${n}` }));
    const log = { platformId: groupPlatform.id, incidents: [{ ...groupProblems[0]!, found }, ...after], from: '2026-10-01', to: '2026-11-30' };
    const paper = await renderPaper(dir, 'f15-2000', buildF15(log, groupContext()));
    expectWhole(paper, [found, ...after.map((i) => i.found), '群主（管理员）签字']);
  });

  it('F07 / F08: 40 分管理员 keep the 管理人员 and 后台管理队伍 tables', async () => {
    const many = admins(40);
    const ids = many.map((p) => p.id);
    const base = recordsContext();
    const ctx = createFormContext({
      ...base,
      people: [...people, ...many],
      platforms: base.platforms!.map((p) => (p.id === studentAccount.id || p.id === wechat.id ? { ...p, sectionAdminIds: ids } : p)),
    });
    const names = many.map((p) => p.name);
    const f07 = await renderPaper(dir, 'f07-40', buildF07(opening, ctx));
    expectWhole(f07, ['管理人员', ...names]);
    const f08 = await renderPaper(dir, 'f08-40', buildF08({ ...wechat, sectionAdminIds: ids }, ctx));
    expectWhole(f08, ['后台管理队伍信息', ...names]);
  });
});

describe('issue 12: long tokens break inside their cell', () => {
  const url = `https://mp.weixin.qq.com/s?__biz=MzA3NjE2NTQ5Nw==&mid=2651234567&idx=1&sn=${'a1b2c3d4e5'.repeat(6)}#rd`;
  const appId = 'wx1234567890abcdef';
  const number = '1'.repeat(300);

  it('F08: an 18-character AppID and a 300-digit number stay inside the margin', async () => {
    const paper = await renderPaper(dir, 'f08-appid', buildF08({ ...wechat, accountId: appId, note: number }, createFormContext(recordsContext())));
    expectWhole(paper, [appId, number]);
  });

  it('F01: an article link of mp.weixin.qq.com stays inside the margin', async () => {
    const paper = await renderPaper(dir, 'f01-url', buildF01({ ...libraryReview, publishedUrl: url }, createFormContext(reviewContext())));
    expectWhole(paper, [url]);
  });

  it('F04, F11, F17: long URLs stay on the page', async () => {
    const f04 = await renderPaper(dir, 'f04-url', buildF04({ ...fixturePlatform, url, accountId: url, purpose: url }, createFormContext(fixtureContext())));
    expectWhole(f04, [url]);
    const base = recordsContext();
    const ctx = createFormContext({ ...base, platforms: base.platforms!.map((p) => (p.id === wechat.id ? { ...p, accountId: url } : p)) });
    const f11 = await renderPaper(dir, 'f11-url', buildF11({ ...inspection, selfAssessment: url }, ctx));
    expectWhole(f11, [url]);
    const f17 = await renderPaper(dir, 'f17-url', buildF17({ ...complaint, found: url, feedback: url }, groupContext()));
    expectWhole(f17, [url]);
  });
});
