// F11 新媒体账号年度检查表 (seed 001 第六条, 004 附件1 第十一条) rendered to a real PDF and read back:
// the account, its people, each check with □是/□否, the self-assessment, the conclusion boxes,
// and the first responsible person's approval with signature and seal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { DEFAULT_INSPECTION_CHECKS } from '../../../shared/domain/inspection-checks';
import { buildF11 } from '../../../shared/forms/f11-annual-inspection';
import { mm } from '../../../shared/forms/layout';
import { pageText, qpdfOk, renderAndRead, sealAreaUnder, squash, words, type ReadPdf } from './pdf-read';
import { inspection, recordsContext } from './records-fixture';

const LABELS = [
  '西北工业大学新媒体账号年度检查表',
  '年度',
  '账号名称',
  '平台类型',
  '账号',
  '主办单位',
  '责任人',
  '管理员',
  '第一责任人',
  '序号',
  '检查项目',
  '是否符合',
  '说明',
  '自查情况',
  '检查结论',
  '单位第一责任人审批',
  '党委宣传部意见',
  '签名（公章）：',
];

const VALUES = [
  '2026年度',
  '翱翔信息化𠮷',
  'nwpu_xxh',
  '信息化建设与管理处',
  '吉𠮷龘',
  '赵总管、孙分管',
  '全年推送86篇，均经三级审核；10月因人员调整停更三周，已整改。',
];

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F11-filled', buildF11(inspection, createFormContext(recordsContext('NJ-2026-0003'))));
  blank = await renderAndRead('F11-blank', buildF11(null, createFormContext(recordsContext(''))));
});

describe('F11 新媒体账号年度检查表 (001 第六条, 004 第十一条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('prints the inspection: account, people (𠮷), each check with ■ on its answer, the self-assessment', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('1已备案且备案信息准确■是□否');
    expect(filled.text).toContain('2持续更新，无“僵尸号”情况□是■否10月停更三周');
  });

  it('marks the conclusion with ■ (限期整改)', () => {
    expect(filled.text).toContain('检查结论□合格■限期整改□关停注销');
  });

  it('leaves a seal area of at least 50 mm under both approvals', () => {
    const all = words(filled.file);
    expect(sealAreaUnder(all, '单位第一责任人审批')).toBeGreaterThanOrEqual(mm(50) - 1);
    expect(sealAreaUnder(all, '党委宣传部意见')).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('has a signature and a date for the administrator who fills it in (001 第六条)', () => {
    for (const pdf of [filled, blank]) {
      expect(pdf.text).toContain('填报管理员（签字）');
      expect(pdf.text).toContain('填报日期');
    }
  });

  it('prints a clean blank form with the standard checks, every box empty', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    DEFAULT_INSPECTION_CHECKS.forEach((item, i) => expect(blank.text, item).toContain(`${i + 1}${squash(item)}□是□否`));
    expect(blank.text).toContain('检查结论□合格□限期整改□关停注销');
    expect(blank.text).not.toContain('■');
    expect(blank.pages).toBe(1);
  });

  it('continues a long list of checks on the next page with the head repeated', async () => {
    const many = { ...inspection, checks: Array.from({ length: 30 }, (_, i) => ({ item: `检查项目第${i + 1}项`, ok: true })) };
    const pdf = await renderAndRead('F11-long', buildF11(many, createFormContext(recordsContext())));
    expect(pdf.pages).toBe(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    const page2 = pageText(pdf.file, 2);
    expect(page2.startsWith('序号检查项目是否符合说明')).toBe(true);
    expect(page2).toContain('30检查项目第30项■是□否');
    expect(page2).toContain('签名（公章）：');
  });
});
