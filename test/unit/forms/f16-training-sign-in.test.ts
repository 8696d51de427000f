// F16 新媒体管理培训签到表 rendered to a real PDF and read back: the head (003 第十五条: the three
// teams), the invited attendees with unit and post, rows tall enough to sign, at least 20 rows, and
// the head repeated on every page.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import type { Person } from '../../../shared/domain/person';
import { createFormContext, formContextData } from '../../../shared/forms/context';
import { presetProfile } from '../../../shared/profiles/presets';
import { buildF16, F16_FORM, F16_MIN_ROWS } from '../../../shared/forms/f16-training-sign-in';
import { mm, PAGE_MARGINS } from '../../../shared/forms/layout';
import { expectRareName, GROUP_PROFILE_ID, groupContext, groupPeople, groupUnits, pagesOf, renderToFile, squash, textOf, training, wordsOf } from './group-fixture';

const LABELS = [
  '东湖示范大学新媒体管理培训签到表',
  '培训主题', '时间', '地点', '主讲人', '参训队伍',
  '宣传部网络骨干', '二级单位宣传委员', '学生网络骨干',
  '序号', '姓名', '单位', '职务', '签到（签名）',
];
const VALUES = [
  '新媒体账号备案、变更与年度检查工作培训', '2026年10月23日', '王喆（党委宣传部网宣室主任）',
  '吉𠮷龘', '党政综合办公室主任', '李赟', '技术保障部主任', '朱晓婷', '馆员',
];

let filled = '';
let blank = '';

/** The serial numbers (序号) printed in the first column of a page, with their boxes. */
function serialsOn(file: string, page: number) {
  const columnEnd = PAGE_MARGINS[0] + mm(15);
  return wordsOf(file, page).filter((w) => /^\d+$/.test(w.word) && w.xMax < columnEnd);
}

beforeAll(async () => {
  filled = await renderToFile('F16', buildF16(training, groupContext()));
  blank = await renderToFile('F16-blank', buildF16(null, groupContext('')));
});

describe('F16 新媒体管理培训签到表 (003 第十五条)', () => {
  it('prints every label and the three teams word for word, the team of the training ticked', () => {
    const text = textOf(filled);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
    expect(text).toContain('□宣传部网络骨干■二级单位宣传委员□学生网络骨干');
  });

  it('prints the training and each attendee with unit and post (𠮷 included)', () => {
    const text = textOf(filled);
    for (const v of VALUES) expect(text, v).toContain(squash(v));
    expect(text).toContain('1吉𠮷龘图书馆党政综合办公室主任');
    expectRareName(filled);
  });

  it('prints the place of the training in 地点, and a blank sheet fits one A4 page', async () => {
    const file = await renderToFile('F16-location', buildF16({ ...training, location: '图书馆三楼报告厅' }, groupContext()));
    expect(textOf(file)).toContain('地点图书馆三楼报告厅');
    expect(pagesOf(blank)).toBe(1);
    expect(pagesOf(file)).toBe(1);
    expect(F16_MIN_ROWS).toBeGreaterThanOrEqual(12);
  });

  it('has at least F16_MIN_ROWS numbered rows, each at least 12 mm tall for a signature', () => {
    const serials = [1, 2].flatMap((page) => (page <= pagesOf(filled) ? serialsOn(filled, page).map((w) => Number(w.word)) : []));
    expect(Math.max(...serials)).toBe(F16_MIN_ROWS);
    const page1 = serialsOn(filled, 1);
    for (let n = 1; n < page1.length; n++) expect(page1[n]!.yMin - page1[n - 1]!.yMin).toBeGreaterThanOrEqual(mm(12) - 0.5);
  });

  it('repeats the head on every page', () => {
    for (const file of [filled, blank]) {
      for (let page = 1; page <= pagesOf(file); page++) {
        const text = textOf(file, page);
        expect(text, `page ${page}`).toContain('培训主题');
        expect(text, `page ${page}`).toContain('序号姓名单位职务签到（签名）');
      }
    }
  });

  it('prints a clean blank sheet: the labels, none of the record, no box ticked', () => {
    const text = textOf(blank);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
    for (const v of VALUES) expect(text, v).not.toContain(squash(v));
    expect(text).not.toContain('■');
  });

  it('lists 30 attendees over several pages with the topic at the head of each', async () => {
    const many: Person[] = Array.from({ length: 30 }, (_, n) => ({
      ...groupPeople[2]!,
      id: `01JPERS0000000000000002${String(n).padStart(3, '0')}`,
      name: n === 29 ? '最后𠮷' : `参训人${n + 1}`,
    }));
    const ctx = createFormContext(
      formContextData({
        institutionName: '东湖示范大学', profile: presetProfile(GROUP_PROFILE_ID), formNumber: 'PX-2026-0002',
        printedAt: '2026-11-22T09:30:00+08:00', people: many, units: groupUnits,
      }),
    );
    const file = await renderToFile('F16-many', buildF16({ ...training, attendeeIds: many.map((p) => p.id) }, ctx));
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(textOf(file, page)).toContain(squash(`培训主题${training.topic}`));
    expect(textOf(file, pages)).toContain('30最后𠮷');
    // More attendees than the minimum: no empty rows are added after them.
    const serials = Array.from({ length: pages }, (_, i) => serialsOn(file, i + 1).map((w) => Number(w.word))).flat();
    expect(Math.max(...serials)).toBe(30);
  });

  it('has the demo trainings as samples', () => {
    const samples = F16_FORM.samples(createDemoDataset());
    expect(new Set(samples.map((t) => t.team)).size).toBe(3);
  });
});
