// F01 网络平台（网站/微信公众服务号）信息发布登记表 rendered to a real PDF and read back: the rows
// of seed 000 附表1 word for word (institution substituted), its brackets as boxes ticked for the
// platform and column, the review's values, embedded fonts, A4, and room to write on a blank form.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { createFormContext } from '../../../shared/forms/context';
import { buildF01, F01_FORM } from '../../../shared/forms/f01-publication-register';
import { expectRareFontEmbedded, expectSoundA4Pdf, pageCount, pdfText, renderTo, squash, tempDir } from './pdf-read';
import { libraryReview, reviewContext, wechatReview } from './review-fixture';

/** Every row, label and note of seed 000 附表1, as printed there. */
const APPENDIX_TEXTS = [
  '西北工业大学网络平台（网站/微信公众服务号）信息发布登记表',
  '媒体',
  '栏目',
  '网站',
  '新闻',
  '通知',
  '资源动态',
  '其它：',
  '微信',
  '推送消息',
  '馆藏分布',
  '常见问题',
  '服务动态',
  '部门',
  '负责人签字',
  '日期',
  '信息（栏目修改）内容',
  '分管领导审核意见',
  '党总支书记或馆长审核意见',
  '管理员处理情况',
  '备注',
  '说明：照片可与电子登记表压缩打包，纸版登记表提交网站/微信公众服务号管理员。',
];

const RECORD_VALUES = [
  '信息化建设与管理处',
  '“阅读龘动”读书分享会通知',
  '图书馆将于11月25日举办“阅读龘动”读书分享会，欢迎师生参加。',
  '同意发布，注意图片版权。',
  '2026年11月22日',
  '2026年11月23日',
  '2026年11月24日',
  '已于2026年11月25日',
  'lib.example.edu.cn/news/1125',
  '王工程',
];

const dir = tempDir('f01-');
let filled = '';
let blank = '';
let wechat = '';

beforeAll(async () => {
  const ctx = createFormContext(reviewContext());
  filled = await renderTo(dir, 'F01-filled', buildF01(libraryReview, ctx));
  wechat = await renderTo(dir, 'F01-wechat', buildF01(wechatReview, ctx));
  blank = await renderTo(dir, 'F01-blank', buildF01(null, createFormContext(reviewContext(''))));
});

describe('F01 网络平台（网站/微信公众服务号）信息发布登记表 (000 附表1)', () => {
  it('prints every row, label and the note of the appendix word for word', () => {
    const text = squash(pdfText(filled));
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
  });

  it('prints the review: unit, article, leaders’ opinions, the administrator’s handling, dates as 2026年11月22日', () => {
    const text = squash(pdfText(filled));
    for (const value of RECORD_VALUES) expect(text, value).toContain(squash(value));
    expect(text).toContain('主讲人：吉𠮷龘');
    expect(text).toContain('发布人：王工程');
    expect(text).toContain('编号：FB-2026-0012');
    expectRareFontEmbedded(filled);
  });

  it('ticks the website box and the column 资源动态, and nothing on the WeChat row', () => {
    const text = squash(pdfText(filled));
    expect(text).toContain('网站■');
    expect(text).toContain('新闻□通知□资源动态■');
    expect(text).toContain('微信□');
    expect(text).toContain('推送消息□馆藏分布□常见问题□服务动态□');
  });

  it('ticks 微信 for a WeChat account and writes a column without a box after 其它：', () => {
    const text = squash(pdfText(wechat));
    expect(text).toContain('网站□');
    expect(text).toContain('微信■');
    expect(text).toContain('新闻□通知□资源动态□');
    expect(text).toContain('其它：读者活动');
  });

  it('prints a clean blank form: the labels, empty boxes, none of the record', () => {
    const text = squash(pdfText(blank));
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
    for (const value of RECORD_VALUES) expect(text, value).not.toContain(squash(value));
    expect(text).not.toContain('■');
    expect(text).toContain('网站□新闻□通知□资源动态□其它：');
  });

  it('runs a long article on to a second page, keeping the leaders’ rows and the note together', async () => {
    const long = { ...libraryReview, content: '图书馆将于11月25日举办读书分享会，欢迎全校师生踊跃参加。'.repeat(40) };
    const file = await renderTo(dir, 'F01-long', buildF01(long, createFormContext(reviewContext())));
    expectSoundA4Pdf(file);
    expect(pageCount(file)).toBe(2);
    expect(squash(pdfText(file, 1))).toContain('标题：“阅读龘动”读书分享会通知');
    const page2 = squash(pdfText(file, 2));
    expect(page2).toContain('欢迎全校师生踊跃参加。');
    for (const label of ['分管领导审核意见', '党总支书记或馆长审核意见', '管理员处理情况', '说明：照片可与电子登记表压缩打包']) expect(page2).toContain(label);
    expect(page2).toContain('第2页共2页');
  });

  it('prints its samples from the demo reviews of websites and WeChat accounts', () => {
    const demo = createDemoDataset();
    const samples = F01_FORM.samples(demo);
    const kinds = new Set(samples.map((r) => demo.platforms.find((p) => p.id === r.platformId)?.kind));
    for (const kind of kinds) expect(['官方网站', '微信公众号', '微信服务号', '视频号', '小程序']).toContain(kind);
    expect(F01_FORM.describe(libraryReview, 'Asia/Shanghai')).toBe(libraryReview.title);
    expect(F01_FORM.recordId(libraryReview)).toBe(libraryReview.id);
  });
});
