// F11S 新媒体账号年度检查汇总表 (seed 001 第六条, 004 附件1 第十一条) rendered to a real PDF and read
// back: the year's inspections on a landscape list whose head repeats on every page, with the
// count of each conclusion under it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/domain/records';
import { createFormContext } from '../../../shared/forms/context';
import { DEFAULT_INSPECTION_CHECKS } from '../../../shared/domain/inspection-checks';
import { buildF11S, F11S_FORM, F11S_HEAD, f11sRemark, inspectionYears } from '../../../shared/forms/f11s-inspection-summary';
import { pageText, qpdfOk, renderAndRead, squash, type ReadPdf } from './pdf-read';
import { inspection, inspectionCampaign, recordsContext } from './records-fixture';

const LABELS = ['西北工业大学新媒体账号年度检查汇总表', '检查年度：', '汇总部门：', '汇总日期：', ...F11S_HEAD, '单位第一责任人审批（签字）：'];

const campaign = inspectionCampaign;

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F11S-filled', buildF11S(campaign, createFormContext(recordsContext('NJHZ-2026-0001'))));
  blank = await renderAndRead('F11S-blank', buildF11S(null, createFormContext(recordsContext(''))));
});

describe('F11S 新媒体账号年度检查汇总表 (001 第六条, 004 第十一条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('lists each inspection: account, kind, unit, responsible person (𠮷), conclusion, failed checks', () => {
    expect(filled.text).toContain('检查年度：2026年');
    expect(filled.text).toContain('汇总部门：信息化建设与管理处综合办公室'); // 001 第六条: 由信息化建设与管理处综合办公室统一汇总
    expect(filled.text).toContain('1翱翔信息化𠮷微信公众号信息化建设与管理处吉𠮷龘限期整改长期未更新，存在“僵尸号”情况：10月停更三周');
    expect(filled.text).not.toContain('无“僵尸号”');
    expect(filled.text).toContain('2学生会之声微信公众号校团委吉𠮷龘合格');
    expect(filled.text).toContain('3信息化处微博微博信息化建设与管理处吉𠮷龘关停注销');
  });

  it('words each failed check in the negative: a closed zombie account never reads 持续更新，无“僵尸号”情况', () => {
    const zombie = { checks: DEFAULT_INSPECTION_CHECKS.map((item) => ({ item, ok: item !== '持续更新，无“僵尸号”情况' && item !== '管理人员参加业务培训' })) };
    expect(f11sRemark(zombie)).toBe('长期未更新，存在“僵尸号”情况；管理人员未参加业务培训');
    // The demo's own checks, and an item of the clerk's own.
    expect(f11sRemark({ checks: [{ item: '内容按要求更新，无长期不更新', ok: false, note: '停更8个月' }] })).toBe('内容未按要求更新，存在长期不更新：停更8个月');
    expect(f11sRemark({ checks: [{ item: '官网首页无死链', ok: false }] })).toBe('不符合：官网首页无死链');
    expect(f11sRemark({ checks: [{ item: '官网首页无死链', ok: true }] })).toBe('');
  });

  it('counts each conclusion under the table', () => {
    expect(filled.text).toContain('合格1个限期整改1个关停注销1个合计3个');
  });

  it('prints a clean blank form: labels, empty rows and empty counts on one landscape page', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    expect(blank.text).not.toContain('翱翔信息化');
    expect(blank.text).not.toContain('2026年');
    expect(blank.text).toContain('合格个限期整改个关停注销个合计个');
    expect(blank.pages).toBe(1);
    expect(blank.pageSize).toBe('landscape');
  });

  it('continues a long list on the next pages with the head repeated, counting the open ones', async () => {
    const many = Array.from({ length: 30 }, (_, i): Inspection => ({ ...inspection, id: `01JINSPLONG${String(i).padStart(15, '0')}`, result: undefined }));
    const pdf = await renderAndRead('F11S-long', buildF11S({ year: 2026, inspections: [inspection, ...many] }, createFormContext(recordsContext())));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    expect(pageText(pdf.file, 2).startsWith(squash(F11S_HEAD.join('')))).toBe(true);
    const last = pageText(pdf.file, pdf.pages);
    expect(last).toContain('31翱翔信息化𠮷');
    expect(last).toContain('合格0个限期整改1个关停注销0个未出结论30个合计31个');
  });

  it('groups inspections by year for the samples; a campaign has no record id', () => {
    const years = inspectionYears([inspection, { ...inspection, id: 'x', year: 2025 }, { ...inspection, id: 'y', deletedAt: '2026-01-01T00:00:00Z' }]);
    expect(years.map((y) => [y.year, y.inspections.length])).toEqual([
      [2025, 1],
      [2026, 1],
    ]);
    expect(F11S_FORM.recordId(campaign)).toBeUndefined();
    expect(F11S_FORM.describe(campaign, 'Asia/Shanghai')).toBe('2026年');
  });
});
