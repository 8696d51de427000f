// F07 开通官方微博、微信及相关公众号等新媒体审批表 (seed 003 第五条) rendered to a real PDF and read
// back: 名称、宗旨、信息发布范围、管理人员 with the unit head's and the 宣传部's signature and seal.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF07, F07_FORM } from '../../../shared/forms/f07-opening-approval';
import { mm } from '../../../shared/forms/layout';
import { badFonts, pageText, renderAndRead, sealAreaUnder, squash, words, type ReadPdf } from './pdf-read';
import { opening, recordsContext, studentAccount, wechat } from './records-fixture';

const LABELS = [
  '西北工业大学开通官方微博、微信及相关公众号等新媒体审批表',
  '申请单位',
  '平台类型',
  '名称',
  '宗旨',
  '信息发布范围',
  '管理人员',
  '姓名',
  '职务',
  '电话',
  '总管理员',
  '分管理员',
  '第一责任人',
  '单位党政主要负责人意见',
  '党委宣传部审批意见',
  '签名（公章）：',
  '备注',
];

const VALUES = [
  '校团委', // 003 第六条: a student body applies through its sponsoring unit
  '学生会之声',
  '微信公众号',
  '学生会',
  '郑指导',
  '发布信息化建设动态，提供校园网络与信息服务指南。',
  '信息化建设动态、网络服务通知、网络安全提醒。',
  '赵总管',
  '网络运维科科长',
  '13700003333',
  '孙分管',
  '13600004444',
  '吉𠮷龘',
  '029-88491234',
  '开通后及时申请认证',
];

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F07-filled', buildF07(opening, createFormContext(recordsContext())));
  blank = await renderAndRead('F07-blank', buildF07(null, createFormContext(recordsContext(''))));
});

describe('F07 开通审批表 (003 第五条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('prints the application: unit, account, purpose, scope, administrators and first responsible person (𠮷)', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('姓名：吉𠮷龘职务：处长电话：029-88491234');
    expect(filled.text).toContain('编号：BA-2026-0007');
  });

  it('leaves a seal area of at least 50 mm under both opinions', () => {
    const all = words(filled.file);
    expect(sealAreaUnder(all, '单位党政主要负责人意见')).toBeGreaterThanOrEqual(mm(50) - 1);
    expect(sealAreaUnder(all, '党委宣传部审批意见')).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('prints a clean blank form: the labels, none of the record', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.pages).toBe(1);
    expect(badFonts(blank.file)).toEqual([]);
  });

  it('continues long text on a second page and keeps the opinions whole', async () => {
    const long = { ...studentAccount, purpose: '服务师生学习、工作、生活和发展，宣传学院的发展成就，展示学院形象。'.repeat(25) };
    const ctx = createFormContext({ ...recordsContext(), platforms: [long, wechat] });
    const pdf = await renderAndRead('F07-long', buildF07(opening, ctx));
    expect(pdf.pages).toBe(2);
    const page2 = pageText(pdf.file, 2);
    expect(page2).toContain('单位党政主要负责人意见');
    expect(page2).toContain('签名（公章）：');
    expect(page2).toContain('第2页共2页');
  });

  it('is the form of opening applications only', () => {
    expect(F07_FORM.appliesTo(opening)).toBe(true);
    expect(F07_FORM.appliesTo({ ...opening, kind: '变更备案' })).toBe(false);
    expect(F07_FORM.recordId(opening)).toBe(opening.id);
  });
});
