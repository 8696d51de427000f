// F12 账号密码密封存档登记表 (seed 003 第十七条, 002 第九条) rendered to a real PDF and read back: the
// custody of a sealed envelope, what is inside as check boxes and the opening log. It holds no
// credential box (the handwritten credentials go on the inner sheet F12I), so it may be scanned.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/domain/records';
import { createFormContext } from '../../../shared/forms/context';
import { buildF12, envelopeItemsLine, F12_CREDENTIALS_NOTE } from '../../../shared/forms/f12-envelope';
import { mm } from '../../../shared/forms/layout';
import { findWord, pageText, qpdfOk, renderAndRead, squash, words, type ReadPdf } from './pdf-read';
import { envelope, recordsContext } from './records-fixture';

const LABELS = [
  '西北工业大学账号密码密封存档登记表',
  '信封编号',
  '存放位置',
  '平台/账号名称',
  '平台类型',
  '主办单位',
  '封存内容',
  '封存日期',
  '保管人',
  '封存人',
  '监封人',
  '签名',
  '密码最近修改日期',
  '下次应修改日期',
  F12_CREDENTIALS_NOTE,
  '启封记录',
  '序号',
  '启封时间',
  '启封人',
  '原因',
  '批准人',
];

const VALUES = ['MF-2026-003', '综合办公室保密柜2号', '翱翔信息化𠮷', '信息化建设与管理处', '2026年11月18日', '周保管', '赵总管', '吉𠮷龘', '2026年11月17日', '2027年2月15日'];

/** Something a careless caller might hand over with the record; it must never reach the paper. */
const SMUGGLED = 'S3cr3t!Pw_2026';
const withSecret = { ...envelope, password: SMUGGLED, note: SMUGGLED } as Envelope;

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F12-filled', buildF12(withSecret, createFormContext(recordsContext('MF-2026-0003'))));
  blank = await renderAndRead('F12-blank', buildF12(null, createFormContext(recordsContext(''))));
});

describe('F12 账号密码密封存档登记表 (003 第十七条, 002 第九条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('prints the custody: number, place, people (𠮷), dates as 2026年11月18日', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('封存日期2026年11月18日保管人周保管');
    expect(filled.text).toContain('密码最近修改日期2026年11月17日下次应修改日期2027年2月15日');
  });

  it('ticks what is inside the envelope, never what it says', () => {
    expect(filled.text).toContain('封存内容■登录账号■密码■绑定手机□绑定邮箱□管理员微信■恢复码□其他________');
    expect(envelopeItemsLine(['密码', 'U盾'])).toBe('□登录账号　■密码　□绑定手机　□绑定邮箱　□管理员微信　□恢复码　■U盾');
  });

  it('lists the openings, then empty rows', () => {
    expect(filled.text).toContain('启封记录序号启封时间启封人原因批准人12026年6月3日周保管管理员休假期间紧急发布通知吉𠮷龘');
  });

  it('has no credential box and no credential: the register may be scanned (credentials go on F12I)', () => {
    expect(filled.text).not.toContain(SMUGGLED);
    for (const pdf of [filled, blank]) {
      expect(pdf.text).not.toContain('由管理员手写，填后密封');
      expect(pdf.text).not.toContain('账号及密码（');
      expect(pdf.text).toContain(squash('注：账号、密码等由管理员手写在《账号密码封存内页》上，装入信封密封保存；本表不含密码，可扫描存档。'));
    }
  });

  it('gives the sealer and the witness a signature cell of at least 15 mm', () => {
    const all = words(filled.file);
    const sealer = findWord(all, '封存人');
    const witness = findWord(all, '监封人');
    expect(sealer && witness).toBeTruthy();
    if (!sealer || !witness) return;
    // Labels sit in the middle of equal rows: their distance is the height of a row.
    expect(witness.yMin - sealer.yMin).toBeGreaterThanOrEqual(mm(15));
  });

  it('prints a clean blank form: the labels, empty boxes, none of the record', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.text).toContain('封存内容□登录账号□密码□绑定手机□绑定邮箱□管理员微信□恢复码□其他________');
    expect(blank.pages).toBe(1);
  });

  it('continues a long opening log on the next page with its head repeated', async () => {
    const openings = Array.from({ length: 40 }, (_, i) => ({ at: '2026-06-03T09:00:00+08:00', byId: envelope.custodianId, reason: `第${i + 1}次启封`, approvedById: envelope.witnessId }));
    const pdf = await renderAndRead('F12-long', buildF12({ ...envelope, openings }, createFormContext(recordsContext())));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    expect(pageText(pdf.file, 2).startsWith('启封记录序号启封时间启封人原因批准人')).toBe(true);
    expect(pageText(pdf.file, pdf.pages)).toContain('402026年6月3日周保管第40次启封吉𠮷龘');
  });
});
