// F08 新媒体账号登记备案表 (seed 004 附件1 第五条) rendered to a real PDF and read back: 建立单位、
// 责任人、发布平台、账号名称、创建时间、发布内容、后台管理队伍信息, the guiding teacher of a student
// body (第三条), and the unit head's signature with the unit seal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF08, F08_FORM } from '../../../shared/forms/f08-account-registration';
import { mm } from '../../../shared/forms/layout';
import { badFonts, pageText, qpdfOk, renderAndRead, sealAreaUnder, squash, words, type ReadPdf } from './pdf-read';
import { recordsContext, studentAccount, wechat, workGroup } from './records-fixture';

const LABELS = [
  '西北工业大学新媒体账号登记备案表',
  '建立单位',
  '发布平台',
  '账号名称',
  '账号',
  '创建时间',
  '责任人',
  '发布内容',
  '后台管理队伍信息',
  '姓名',
  '职务',
  '电话',
  '总管理员',
  '分管理员',
  '业务负责人',
  '技术负责人',
  '所属单位（学生组织填写）',
  '指导教师',
  '单位主要负责人意见',
  '签名（公章）：',
  '备注',
];

const VALUES = [
  '信息化建设与管理处',
  '微信公众号',
  '翱翔信息化𠮷',
  'nwpu_xxh',
  '2025年9月1日',
  '吉𠮷龘',
  '信息化建设动态、网络服务通知、网络安全提醒。',
  '赵总管',
  '13700003333',
  '孙分管',
  '李文博',
  '办公室主任',
  '王工程',
  '高级工程师',
  '13900002222',
  '年审已通过',
];

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F08-filled', buildF08(wechat, createFormContext(recordsContext())));
  blank = await renderAndRead('F08-blank', buildF08(null, createFormContext(recordsContext(''))));
});

describe('F08 新媒体账号登记备案表 (004 附件1 第五条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('prints the account, its creation date as 2025年9月1日, the responsible person (𠮷) and the team', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('姓名：吉𠮷龘职务：处长电话：029-88491234');
  });

  it('names the unit and guiding teacher of a student body (004 第三条)', async () => {
    const pdf = await renderAndRead('F08-student', buildF08(studentAccount, createFormContext(recordsContext())));
    expect(pdf.text).toContain('学生会之声');
    expect(pdf.text).toContain('所属单位（学生组织填写）校团委');
    expect(pdf.text).toContain('指导教师郑指导');
  });

  it('leaves a seal area of at least 50 mm for the unit head', () => {
    // The label sits to the left of the area: measure from the row above it.
    expect(sealAreaUnder(words(filled.file), '指导教师')).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('prints a clean blank form: the labels, none of the record', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.pages).toBe(1);
    expect(badFonts(blank.file)).toEqual([]);
  });

  it('continues long content on a second page with the team and seal block whole', async () => {
    const long = { ...wechat, contentScope: '信息化建设动态、网络服务通知、网络安全提醒。'.repeat(40) };
    const pdf = await renderAndRead('F08-long', buildF08(long, createFormContext(recordsContext())));
    expect(pdf.pages).toBe(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    const page2 = pageText(pdf.file, 2);
    expect(page2).toContain('后台管理队伍信息');
    expect(page2).toContain('签名（公章）：');
    expect(page2).toContain('第2页共2页');
  });

  it('files every account but websites and work groups (004 第二条; groups are F14)', () => {
    expect(F08_FORM.appliesTo(wechat)).toBe(true);
    expect(F08_FORM.appliesTo(workGroup)).toBe(false);
    expect(F08_FORM.appliesTo({ ...wechat, kind: '官方网站' })).toBe(false);
  });
});
