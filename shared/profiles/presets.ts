// The preset rule profiles: one per source regulation (seeds 000–004), named after the kind of
// institution it suits, plus "custom" as a neutral starting point. Every value cites the clause
// it comes from; where a seed is silent the value is marked "not in seed; default".
import { DEFAULT_TIME_ZONE } from '../domain/time-zone';
import type { PasswordPolicy, RuleProfile } from './types';

export const CUSTOM_PROFILE_ID = 'custom';

/** Shared defaults for what the seeds leave open, so every "default" below means the same thing. */
const DEFAULT_TABULATING_OFFICE = '党委宣传部网宣室'; // 001 附件1: 制表：党委宣传部网宣室
const DEFAULT_CHANGE_FILING_WORKING_DAYS = 5; // 001 第五条 and 004 第六条 both say 5 个工作日
const DEFAULT_BACK_FILING_DAYS = 10; // 003 第二十五条: 10 日内补办
const DEFAULT_ZOMBIE_MONTHS = 6; // no seed gives a period for 长期不更新; half a year is a common reading
/** Seeds say 定期修改 without a period; 180 days keeps a reminder on the calendar without nagging. */
const DEFAULT_ROTATION_DAYS = 180;

/** Used where a seed says nothing about password strength: a moderate policy the clerk can edit. */
const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8, // not in seed; default (002 第九条 uses 8)
  requireLetters: true, // not in seed; default
  requireDigits: true, // not in seed; default
  requireSymbols: false, // not in seed; default (only 002 asks for symbols)
  rotationDays: DEFAULT_ROTATION_DAYS, // not in seed; default
  changeAfterHandover: true, // not in seed; default (000 第六条 2 requires it after 交接)
};

/** Seed 000 — a secondary unit (the library) of a university with its own site, service account and groups. */
const LIBRARY_SECONDARY_UNIT: RuleProfile = {
  id: 'secondary-unit-library',
  name: '高校二级单位（图书馆）',
  source: '000 西北农林科技大学图书馆网络平台管理实施细则（图书〔2019〕12号）',
  reviewChain: [
    // 000 第七条 3: 各部（室）主任、党支部书记初审
    { roleLabel: '部（室）主任或党支部书记', minSigners: 1, source: '000 第七条' },
    // 000 第七条 3: 按分工报分管领导审签后发布 (附表1 row 分管领导审核意见)
    { roleLabel: '分管领导', minSigners: 1, source: '000 第七条' },
    // 000 第七条 3: 重要新闻报导、重大制度规范等经党总支书记或馆长审签后发布
    { roleLabel: '党总支书记或馆长', minSigners: 1, onlyForMajor: true, source: '000 第七条' },
  ],
  minReviewers: 2, // 000 第七条 3: 初审 + 审签 for ordinary items
  changeFilingWorkingDays: DEFAULT_CHANGE_FILING_WORKING_DAYS, // not in seed; default
  backFilingDays: DEFAULT_BACK_FILING_DAYS, // not in seed; default
  // 000 第十二条: 管理领导小组年终…进行检查、考核 — year end taken as December
  annualInspection: { month: 12, fromDay: 1, toDay: 31, source: '000 第十二条（年终检查考核）' },
  passwordPolicy: {
    ...DEFAULT_PASSWORD_POLICY,
    // 000 第六条 1: 账户、密码及管理口令…定期修改 (no period given; default)
    rotationDays: DEFAULT_ROTATION_DAYS,
    // 000 第六条 2: 交接后要及时更换密码、口令
    changeAfterHandover: true,
  },
  updateFrequency: [
    // 000 第九条 2: 微信公众服务号每月推送消息4次
    { kinds: ['微信服务号', '微信公众号'], per: 'month', minCount: 4, source: '000 第九条' },
    // Website: 第十二条 only asks for 更新时效 at the year-end review; no frequency rule in seed.
  ],
  zombieMonths: DEFAULT_ZOMBIE_MONTHS, // not in seed; default
  trainingsPerSemester: 0, // not in seed; default (000 asks for no training)
  forms: [
    'F01', // 000 附表1 信息发布登记表
    'F02', // 000 附表2 网站主页栏目设置及分工表
    'F03', // 000 附件3 微信公众服务号栏目设置及分工表
    'F11', // 000 第十二条 年终检查考核
    'F13', // 000 第六条 2 管理员交接
    'F14', // 000 第五条 1 工作群在党政综合办公室登记备案
  ],
  texts: {
    tabulatingOffice: DEFAULT_TABULATING_OFFICE, // not in seed; default
    filingOffice: '党政综合办公室', // 000 第五条 1: 在党政综合办公室进行登记备案
    keepingOffice: '网站/微信公众服务号管理员', // 000 附表1 说明: 纸版登记表提交网站/微信公众服务号管理员
  },
  clauses: {
    realNameCheck: '000 第五条', // 000 第五条 2: 工作群实行实名准入制度
    passwordRotation: '000 第六条 1', // 账户、密码及管理口令…定期修改
    passwordAfterHandover: '000 第六条 2', // 交接后要及时更换密码、口令
  },
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** Seed 001 — a university functional department (信息化处) running a few accounts. */
const FUNCTIONAL_DEPARTMENT: RuleProfile = {
  id: 'functional-department',
  name: '高校职能部门（信息化处）',
  source: '001 西北工业大学信息化建设与管理处新媒体管理办法（2020）',
  reviewChain: [
    // 001 第七条: 由负责宣传的处级领导审查通过后才能发布 (附件2: one 审核人)
    { roleLabel: '负责宣传的处级领导', minSigners: 1, minRank: '处级', source: '001 第七条' },
    // 第八条 only asks major items to follow the school's unified release; no extra signer in seed.
  ],
  minReviewers: 1, // 001 第七条: one 处级 reviewer
  changeFilingWorkingDays: 5, // 001 第五条: 在5个工作日内向党委宣传部报备
  backFilingDays: DEFAULT_BACK_FILING_DAYS, // not in seed; default
  // 001 第六条: 每年11月份…填报年审材料
  annualInspection: { month: 11, fromDay: 1, toDay: 30, source: '001 第六条' },
  passwordPolicy: { ...DEFAULT_PASSWORD_POLICY }, // not in seed; default (第十二条 only 加强账号管理)
  updateFrequency: [], // not in seed; default (no frequency rule)
  zombieMonths: DEFAULT_ZOMBIE_MONTHS, // not in seed; default
  trainingsPerSemester: 0, // not in seed; default
  forms: [
    'F04', // 001 附件1 微信、微博账号备案信息表
    'F05', // 001 附件2 新媒体文章发布审核表
    'F10', // 001 第五条 变更后重新备案
    'F11', // 001 第六条 年度检查
  ],
  texts: {
    tabulatingOffice: '党委宣传部网宣室', // 001 附件1: 制表：党委宣传部网宣室
    filingOffice: '党委宣传部', // 001 第五条: 向党委宣传部报备
    keepingOffice: '信息化建设与管理处综合办公室', // 001 附件2 注2: 该表审批后由信息化建设与管理处综合办公室保管
  },
  clauses: {
    changeFiling: '001 第五条', // 在5个工作日内向党委宣传部报备
    closeUnfiled: '001 第六条', // 未报备或审批未通过的新媒体，须及时关闭或注销账号
  },
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** Seed 002 — a vocational college with three-level review and a strict password policy. */
const VOCATIONAL_THREE_LEVEL: RuleProfile = {
  id: 'vocational-three-level-review',
  name: '高职院校（三级审核）',
  source: '002 西双版纳职业技术学院网络阵地管理办法',
  reviewChain: [
    // 002 第六条 (一): 各网络阵地管理员为第一级审核人
    { roleLabel: '网络阵地管理员', minSigners: 1, source: '002 第六条' },
    // 002 第六条 (一): 各部门、二级学院（部、中心）负责人为第二级审核人
    { roleLabel: '部门负责人', minSigners: 1, source: '002 第六条' },
    // 002 第六条 (一): 党委宣传部负责人为第三级审核人
    { roleLabel: '党委宣传部负责人', minSigners: 1, source: '002 第六条' },
    // 002 第六条 (一): 涉及学院重大决策、重要活动、重要事件等信息，需报分管领导审批
    { roleLabel: '分管领导', minSigners: 1, onlyForMajor: true, source: '002 第六条' },
  ],
  minReviewers: 3, // 002 第六条 (一): 三级审核
  changeFilingWorkingDays: DEFAULT_CHANGE_FILING_WORKING_DAYS, // not in seed; default
  backFilingDays: DEFAULT_BACK_FILING_DAYS, // not in seed; default
  // 002 第十一条 (二): 学院每年…进行一次考核评价 — no month given; December is a default
  annualInspection: { month: 12, fromDay: 1, toDay: 31, source: '002 第十一条（检查月份为本单位规定）' },
  passwordPolicy: {
    minLength: 8, // 002 第九条 (二) 2: 长度不少于 8 位
    requireLetters: true, // 002 第九条 (二) 2: 包含字母、数字、特殊字符
    requireDigits: true, // 002 第九条 (二) 2
    requireSymbols: true, // 002 第九条 (二) 2
    rotationDays: DEFAULT_ROTATION_DAYS, // 002 第四条 (五) 3 / 第九条 (二) 2: 定期修改 (period not in seed; default)
    changeAfterHandover: true, // 002 第九条 (二) 2: 委托他人管理账号时，应在工作结束后及时修改密码
  },
  updateFrequency: [
    // 002 第八条: 二级单位网站应至少每周更新一次
    { kinds: ['官方网站'], per: 'week', minCount: 1, source: '002 第八条' },
  ],
  // 002 第八条: 长期不更新…通报批评 — no period; 3 months (not in seed; default) since sites update weekly
  zombieMonths: 3,
  // 002 第四条 (五) 5: 积极参加…业务培训 — cadence not in seed; default one per semester
  trainingsPerSemester: 1,
  forms: [
    'F06', // 002 第六条 信息发布三级审核单
    'F11', // 002 第十一条 年度考核
    'F12', // 002 第九条 (二) 账号密码管理
    'F15', // 002 第十条 (一) 检查
    'F17', // 002 第十条 (二) 举报投诉
  ],
  texts: {
    tabulatingOffice: DEFAULT_TABULATING_OFFICE, // not in seed; default
    filingOffice: '党委宣传部', // 002 第四条 (二): 党委宣传部是…归口管理部门
    keepingOffice: '党委宣传部', // not in seed; default (the third-level reviewer's office)
  },
  clauses: {
    zombie: '002 第八条', // 对长期不更新或更新不及时的网络阵地…通报批评
    training: '002 第四条（五）5', // 积极参加…业务培训
    passwordRotation: '002 第九条（二）2', // 定期修改账号密码
    passwordAfterHandover: '002 第九条（二）2', // 委托他人管理账号时，应在工作结束后及时修改密码
  },
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** Seed 003 — a vocational college with opening approval, sealed credentials and work-group rules. */
const VOCATIONAL_APPROVAL_SEALED: RuleProfile = {
  id: 'vocational-approval-sealed-archive',
  name: '高职院校（审批+密封存档）',
  source: '003 天府新区信息职业学院规范各级各类官方微博、微信及相关公众号等新媒体的管理办法',
  reviewChain: [
    // 003 第十四条: 经本单位主管领导签字并加盖公章
    { roleLabel: '本单位主管领导', minSigners: 1, source: '003 第十四条' },
    // 003 第十四条: 报党委宣传部审核通过后，管理员方可发布
    { roleLabel: '党委宣传部', minSigners: 1, source: '003 第十四条' },
    // 003 第十二条: 涉及学院重大事件、突发事件及社会敏感问题的信息…报学院相关机构批准后方可发布
    { roleLabel: '学院相关机构', minSigners: 1, onlyForMajor: true, source: '003 第十二条' },
  ],
  minReviewers: 2, // 003 第十四条: unit leader + 宣传部
  changeFilingWorkingDays: DEFAULT_CHANGE_FILING_WORKING_DAYS, // not in seed; default
  backFilingDays: 10, // 003 第二十五条: 在本办法发文之后10日内…补办审批手续
  annualInspection: { month: 12, fromDay: 1, toDay: 31, source: '本单位规定' }, // not in seed; default (December)
  passwordPolicy: {
    ...DEFAULT_PASSWORD_POLICY, // strength not in seed; default
    // 003 第十七条 asks for 用户名、密码密封存档; change after handover is a default that keeps the envelope valid
    changeAfterHandover: true,
  },
  updateFrequency: [], // not in seed; default
  zombieMonths: DEFAULT_ZOMBIE_MONTHS, // not in seed; default
  trainingsPerSemester: 1, // 003 第十五条: 每学期至少举行一次相关主题教育培训
  forms: [
    'F06', // 003 第十四条 书面申请: 本单位主管领导签字, 报党委宣传部审核 (the chain's slip; no appendix in seed)
    'F07', // 003 第五条 开通审批表
    'F12', // 003 第十七条 用户名、密码密封存档
    'F14', // 003 第十九、二十条 工作群群主负责制、实名
    'F15', // 003 第二十三条 群主每天查看、问题登记
    'F16', // 003 第十五条 每学期培训
  ],
  texts: {
    tabulatingOffice: DEFAULT_TABULATING_OFFICE, // not in seed; default
    filingOffice: '党委宣传部', // 003 第五条: 报学院党委宣传部审批
    keepingOffice: '党委宣传部', // not in seed; default (003 第十四条 sends 书面申请 to 宣传部)
  },
  clauses: {
    backFiling: '003 第二十五条', // 本办法发文之后10日内…补办审批手续
    realNameCheck: '003 第二十条', // 群主要定期对群内人员予以认定
    training: '003 第十五条', // 每学期至少举行一次相关主题教育培训
    envelope: '003 第十七条', // 用户名、密码密封存档
  },
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** Seed 004 — an undergraduate university: filing before opening, ≥3 teacher reviewers, December inspection. */
const UNDERGRADUATE_FILING: RuleProfile = {
  id: 'undergraduate-filing-three-reviewers',
  name: '本科院校（备案+三人审核）',
  source: '004 泉州师范学院新媒体管理办法（试行）及关于报送校务微博（微信）公众平台情况的通知',
  reviewChain: [
    // 004 通知 二: 发布的信息内容须经过至少三人审核；信息发布内容审核负责人必须为本单位教师
    { roleLabel: '信息发布内容审核人（本单位教师）', minSigners: 3, mustBeTeacher: true, source: '004 通知 二' },
  ],
  minReviewers: 3, // 004 通知 二: 至少三人审核
  changeFilingWorkingDays: 5, // 004 附件1 第六条: 应在5个工作日内…报校党委宣传部备案
  // 004 第四条 files two weeks *before* opening and 第七条 back-files without a deadline: not in seed; default
  backFilingDays: DEFAULT_BACK_FILING_DAYS,
  // 004 附件1 第十一条: 每年12月中旬…进行年检 (中旬 = 11–20)
  annualInspection: { month: 12, fromDay: 11, toDay: 20, source: '004 第十一条' },
  passwordPolicy: { ...DEFAULT_PASSWORD_POLICY }, // not in seed; default
  updateFrequency: [], // not in seed; default
  // 004 通知 三: 长期不更新的“僵尸号”进行整合或者下线 — period not in seed; default
  zombieMonths: DEFAULT_ZOMBIE_MONTHS,
  // 004 第十条: 管理人员需参加…业务培训 — cadence not in seed; default one per semester
  trainingsPerSemester: 1,
  forms: [
    'F06', // 004 通知 二: 至少三人审核 (the chain's slip with three signature places; no appendix in seed)
    'F08', // 004 第五条 新媒体账号登记备案表
    'F09', // 004 通知 一 校务微博（微信）公众平台登记表
    'F10', // 004 第六条 变更备案
    'F11', // 004 第十一条 年检
  ],
  texts: {
    tabulatingOffice: DEFAULT_TABULATING_OFFICE, // not in seed; default
    filingOffice: '党委宣传部', // 004 第四条: 向校党委宣传部申报备案
    keepingOffice: '综合办公室', // not in seed; default
  },
  clauses: {
    changeFiling: '004 第六条', // 应在5个工作日内…报校党委宣传部备案
    backFiling: '004 第七条', // 本办法公布前已开设运营的账号…补充填写备案表
    zombie: '004 通知 三', // 长期不更新的“僵尸号”进行整合或者下线
    closeUnfiled: '004 第十二条', // 未经备案所开设的…新媒体…予以关闭
    training: '004 第十条', // 管理人员需参加…业务培训
  },
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** A neutral start for institutions whose rules match none of the presets. */
const CUSTOM: RuleProfile = {
  id: CUSTOM_PROFILE_ID,
  name: '自定义',
  source: '自定义（从常见做法出发，按本单位制度修改）',
  reviewChain: [
    { roleLabel: '管理员', minSigners: 1 }, // not in seed; default (cf. 002 第六条)
    { roleLabel: '部门负责人', minSigners: 1 }, // not in seed; default
    { roleLabel: '分管领导', minSigners: 1, onlyForMajor: true }, // not in seed; default
  ],
  minReviewers: 2, // not in seed; default
  changeFilingWorkingDays: DEFAULT_CHANGE_FILING_WORKING_DAYS,
  backFilingDays: DEFAULT_BACK_FILING_DAYS,
  annualInspection: { month: 12, fromDay: 1, toDay: 31, source: '本单位规定' }, // not in seed; default (December)
  passwordPolicy: { ...DEFAULT_PASSWORD_POLICY },
  updateFrequency: [],
  zombieMonths: DEFAULT_ZOMBIE_MONTHS,
  trainingsPerSemester: 1, // not in seed; default (cf. 003 第十五条)
  // Every form is available; the clerk switches off what the institution does not use.
  forms: Array.from({ length: 17 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`),
  texts: {
    tabulatingOffice: DEFAULT_TABULATING_OFFICE,
    filingOffice: '党委宣传部',
    keepingOffice: '综合办公室',
  },
  // Every reminder of a custom profile cites 本单位规定.
  clauses: {},
  timeZone: DEFAULT_TIME_ZONE, // not in seed; default (every seed is a Chinese institution)
};

/** Profiles are data shared by the whole app; freezing them stops an edit leaking into every user. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The five seed presets in seed order, then "custom" last so a picker can list them all.
 * These objects are frozen: use `getPreset` for a copy that may be edited and stored.
 */
export const PRESET_PROFILES: readonly RuleProfile[] = deepFreeze([
  LIBRARY_SECONDARY_UNIT,
  FUNCTIONAL_DEPARTMENT,
  VOCATIONAL_THREE_LEVEL,
  VOCATIONAL_APPROVAL_SEALED,
  UNDERGRADUATE_FILING,
  CUSTOM,
]);

/** An editable deep copy of the preset with this id, or undefined for an unknown id. */
export function getPreset(id: string): RuleProfile | undefined {
  const preset = PRESET_PROFILES.find((p) => p.id === id);
  // Plain JSON data: a JSON round trip is a complete deep copy (structuredClone is not in the ES lib).
  return preset ? (JSON.parse(JSON.stringify(preset)) as RuleProfile) : undefined;
}

/** Like getPreset, for a preset id known in code (samples, tests): a missing preset is a bug. */
export function presetProfile(id: string): RuleProfile {
  const profile = getPreset(id);
  if (!profile) throw new RangeError(`unknown preset profile: ${id}`);
  return profile;
}
