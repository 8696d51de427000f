// Records for the tests of F01–F03, F05 and F06: a website and a WeChat service account with
// their columns, and publication reviews in the chains of seeds 000, 001 and 002. Names carry
// rare characters (𠮷 is outside the BMP, 龘 is a rare BMP character); see fixture.ts.
import type { Platform } from '../../../shared/domain/platform';
import type { Review } from '../../../shared/domain/records';
import type { FormContextData } from '../../../shared/forms/context';
import type { RuleProfile } from '../../../shared/profiles/types';
import { fixtureContext, fixturePeople, fixturePlatform, fixtureUnits } from './fixture';

const stamp = { createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z' };
const [rare, li, wang] = fixturePeople.map((p) => p.id) as [string, string, string];
const unitId = fixtureUnits[0]!.id;

export const websitePlatform: Platform = {
  ...fixturePlatform,
  id: '01JPLAT0000000000000000101',
  kind: '官方网站',
  name: '图书馆网站',
  accountId: 'lib.example.edu.cn',
  url: 'lib.example.edu.cn',
  columns: [
    { level1: '数字资源', level2: '订购数据库、使用数据库列表、自建数据库、网络免费资源', department: '采编部', note: '技术部' },
    { level1: '数字资源', level2: '期刊导航、数据库导航、综合服务平台', department: '采编部、技术部' },
    { level1: '服务', level2: '中文核心期刊目录、CALIS服务导航', department: '采编部' },
    { level1: '概况', level2: '本馆简介、馆舍风貌、历史沿革', department: '办公室', note: '吉𠮷龘审定' },
  ],
};

export const wechatPlatform: Platform = {
  ...fixturePlatform,
  id: '01JPLAT0000000000000000102',
  kind: '微信服务号',
  name: '图书馆服务号𠮷',
  accountId: 'lib_service',
  columns: [
    { level1: '我的图书馆', level2: '馆藏查询', department: '技术部' },
    { level1: '我的图书馆', level2: '已借续借', department: '技术部' },
    { level1: '我的图书馆', level2: '馆藏布局', department: '南北馆流通部' },
    { level1: '服务动态', level2: '本馆公告', department: '办公室' },
  ],
};

const plannedAt = '2026-11-25T10:30:00+08:00'; // 02:30 UTC: the same calendar day in any test TZ

/** Seed 000 第七条 3: 部（室）主任初审, 分管领导审签, 党总支书记或馆长 for important news. */
export const libraryReview: Review = {
  ...stamp,
  id: '01JREVW0000000000000000001',
  platformId: websitePlatform.id,
  column: '资源动态',
  plannedAt,
  title: '“阅读龘动”读书分享会通知',
  content: '图书馆将于11月25日举办“阅读龘动”读书分享会，欢迎师生参加。主讲人：吉𠮷龘。',
  copywriterId: li,
  editorId: wang,
  submittingUnitId: unitId,
  major: true,
  steps: [
    { stepIndex: 0, roleLabel: '部（室）主任或党支部书记', reviewerIds: [li], decision: '通过', date: '2026-11-22' },
    { stepIndex: 1, roleLabel: '分管领导', reviewerIds: [rare], opinion: '同意发布，注意图片版权。', decision: '通过', date: '2026-11-23' },
    { stepIndex: 2, roleLabel: '党总支书记或馆长', reviewerIds: [wang], opinion: '同意。', decision: '通过', date: '2026-11-24' },
  ],
  publishedAt: '2026-11-25T10:30:00+08:00',
  publishedUrl: 'lib.example.edu.cn/news/1125',
  publishedById: wang,
  corrections: [],
};

/** A WeChat item in a column the appendix has no box for: it goes after 其它：. */
export const wechatReview: Review = { ...libraryReview, id: '01JREVW0000000000000000002', platformId: wechatPlatform.id, column: '读者活动', steps: [], publishedAt: undefined };

/** Seed 001 第七条: one reviewer, 负责宣传的处级领导. */
export const departmentReview: Review = {
  ...libraryReview,
  id: '01JREVW0000000000000000003',
  platformId: fixturePlatform.id,
  column: '工作动态',
  title: '校园网升级改造完成',
  content: '信息化建设与管理处完成校园网核心设备升级改造，出口带宽提升至40G。',
  imageSource: '摄影：王工程；示意图来源网络',
  copywriterId: rare,
  editorId: li,
  major: false,
  steps: [{ stepIndex: 0, roleLabel: '负责宣传的处级领导', reviewerIds: [wang], opinion: '内容属实，同意发布。', decision: '通过', date: '2026-11-23' }],
};

/** Seed 002 第六条: three levels, and 分管领导 because the item is major; the third level still open. */
export const threeLevelReview: Review = {
  ...departmentReview,
  id: '01JREVW0000000000000000004',
  major: true,
  submittingUnitId: unitId,
  steps: [
    { stepIndex: 0, roleLabel: '网络阵地管理员', reviewerIds: [wang], opinion: '格式规范，同意提交。', decision: '通过', date: '2026-11-22' },
    { stepIndex: 1, roleLabel: '部门负责人', reviewerIds: [rare], opinion: '数据需核实后再报。', decision: '退回修改', date: '2026-11-23' },
  ],
};

/** Review forms under a profile (seed 001's by default; F06 tests pass 002's three-level chain). */
export function reviewContext(formNumber = 'FB-2026-0012', profile?: RuleProfile): FormContextData {
  return { ...fixtureContext(formNumber, profile), platforms: [fixturePlatform, websitePlatform, wechatPlatform] };
}
