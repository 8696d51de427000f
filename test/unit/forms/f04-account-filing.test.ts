// F04 微信、微博账号备案信息表 rendered to a real PDF in Node and read back with poppler and qpdf:
// the appendix's labels word for word (seed 001 附件1), the record's values, embedded fonts, A4.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../scripts/lib/pdf-node';
import { createFormContext } from '../../../shared/forms/context';
import { buildF04 } from '../../../shared/forms/f04-account-filing';
import { mm } from '../../../shared/forms/layout';
import { fixtureContext, fixturePlatform } from './fixture';
import { layoutLines, run, squash } from './pdf-read';
import { tempDir } from '../../fixtures/temp-dir';

/** Every row, label and note of seed 001 附件1, as printed there (institution name substituted). */
const APPENDIX_TEXTS = [
  '西北工业大学微信、微博账号备案信息表',
  '账号名称',
  '主管单位',
  '账号性质',
  '微博网址/微信号',
  '开通时间',
  '当前粉丝数',
  '服务器',
  '不涉及数据服务',
  '涉及数据服务，服务器设置在',
  '功能定位',
  '责任体系',
  '责任人',
  '（根据学校要求，责任人应为党委（总支）书记或职能部门正职）',
  '——',
  '姓名',
  '职务',
  '电话',
  '业务负责人',
  '技术负责人',
  '管理措施',
  '（简明罗列主要管理措施，详细管理制度另附）',
  '部门意见',
  '我单位知晓国家互联网有关法规和学校制度，承诺加强管理，切实保障该微信/微博平台的网络安全和信息安全。',
  '签名（公章）：',
  '备注',
  '制表：党委宣传部网宣室',
];

const RECORD_VALUES = [
  '翱翔信息化',
  'nwpu_xxh',
  '信息化建设与管理处',
  '2026年11月22日',
  '12345',
  '学校数据中心机房',
  '发布信息化建设动态，提供校园网络与信息服务指南。',
  '李文博',
  '办公室主任',
  '13800001111',
  '王工程',
  '高级工程师',
  '13900002222',
  '党委书记',
  '029-88491234',
  '严格执行先审后发制度；账号密码密封存档，专人保管；每月开展内容自查。',
  '年审已通过',
];

/** Lines of `pdftotext -layout`, spaces removed: rows of cells read left to right. */
/** Rows of the appendix that must read in this order across their cells. */
const APPENDIX_ROWS = ['——姓名职务电话', '年月日'];

const dir = tempDir('f04-');
const filled = join(dir, 'F04-filled.pdf');
const blank = join(dir, 'F04-blank.pdf');
let filledText = '';
let blankText = '';

beforeAll(async () => {
  const ctx = createFormContext(fixtureContext());
  writeFileSync(filled, await renderPdf(buildF04(fixturePlatform, ctx)));
  writeFileSync(blank, await renderPdf(buildF04(null, createFormContext(fixtureContext('')))));
  filledText = run('pdftotext', ['-enc', 'UTF-8', filled, '-']);
  blankText = run('pdftotext', ['-enc', 'UTF-8', blank, '-']);
});

describe('F04 微信、微博账号备案信息表 (001 附件1)', () => {
  it('prints every row, label and note of the appendix word for word', () => {
    const text = squash(filledText);
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
    const lines = layoutLines(filled);
    for (const row of APPENDIX_ROWS) expect(lines.some((l) => l.includes(row)), row).toBe(true);
  });

  it('prints the record: account, unit, people, measures and dates as 2026年11月22日', () => {
    const text = squash(filledText);
    for (const value of RECORD_VALUES) expect(text, value).toContain(squash(value));
    // A WeChat account with a data server: the boxes say so.
    expect(text).toContain('□微博■微信');
    expect(text).toContain('□不涉及数据服务■涉及数据服务');
    expect(text).toContain('编号：BA-2026-0007');
    expect(text).toContain('第1页共1页');
  });

  it('prints rare BMP characters (龘)', () => {
    expect(filledText).toContain('龘');
  });

  it('prints characters beyond the BMP (𠮷) with the rare-character font', () => {
    // The rare face has other metrics, so pdftotext may break the line at the font change.
    expect(squash(filledText)).toContain('吉𠮷龘');
    expect(squash(filledText)).toContain('翱翔信息化𠮷');
    expect(run('pdffonts', [filled])).toMatch(/\+NotoSerifJP-Regular\s.*\byes\s+yes\s+yes\b/);
  });

  it('leaves a free area of at least 50 mm for the seal above the signature date', () => {
    // Word boxes in PDF points, y growing downwards.
    const bbox = run('pdftotext', ['-bbox', filled, '-']);
    const words = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      yMin: Number(m[1]),
      yMax: Number(m[2]),
      word: m[3] ?? '',
    }));
    const commitmentEnd = words.find((w) => w.word.includes('信息安全。'));
    const signature = words.find((w) => w.word.includes('签名（公章）'));
    const dateLine = words.filter((w) => w.word === '日').at(-1);
    expect(commitmentEnd && signature && dateLine).toBeTruthy();
    if (!commitmentEnd || !signature || !dateLine) return;
    expect(signature.yMin - commitmentEnd.yMax).toBeGreaterThan(mm(35));
    expect(dateLine.yMax - commitmentEnd.yMax).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('prints a clean blank form: the labels, none of the record', () => {
    const text = squash(blankText);
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
    const lines = layoutLines(blank);
    for (const row of APPENDIX_ROWS) expect(lines.some((l) => l.includes(row)), row).toBe(true);
    for (const value of RECORD_VALUES) expect(text, value).not.toContain(squash(value));
    expect(text).toContain('□微博□微信');
    expect(text).toContain('□不涉及数据服务□涉及数据服务，服务器设置在___');
    expect(run('pdfinfo', [blank])).toMatch(/Pages:\s+1\b/);
  });

  it('continues on a second page when the text is long, keeping the seal block whole', async () => {
    const long = { ...fixturePlatform, measures: '严格执行先审后发制度，落实三级审核。'.repeat(60) };
    const pdf = await renderPdf(buildF04(long, createFormContext(fixtureContext())));
    const file = join(dir, 'F04-long.pdf');
    writeFileSync(file, pdf);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+2\b/);
    const page2 = squash(run('pdftotext', ['-f', '2', '-l', '2', file, '-']));
    expect(page2).toContain('签名（公章）：');
    expect(page2).toContain('我单位知晓国家互联网有关法规和学校制度');
    expect(page2).toContain('第2页共2页');
  });
});

describe('F04 with long content', () => {
  it('moves the 责任体系 block whole to the next page and keeps every footer (merged cells never split)', async () => {
    const long = '面向全校师生发布权威信息，回应社会关切，传播校园文化。'.repeat(30);
    const pdf = await renderPdf(buildF04({ ...fixturePlatform, purpose: long }, createFormContext(fixtureContext('BA-2026-0008'))));
    const file = join(dir, 'F04-long.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // poppler reports a broken content stream on stderr (qpdf does not notice it).
    expect(result.stderr).toBe('');
    const text = squash(result.stdout);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+2\b/);
    expect(text).toContain('第1页共2页');
    expect(text).toContain('第2页共2页');
    expect(text.match(/编号：BA-2026-0008/g)).toHaveLength(2);
    for (const label of ['责任体系', '业务负责人', '技术负责人', '管理措施', '部门意见', '制表：党委宣传部网宣室']) expect(text).toContain(label);
  });
});
