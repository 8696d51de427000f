// The demo institution (东湖示范大学) as written down: its units, people, unit roles, platform columns and
// platforms, each with the key by which createDemoDataset (demo-dataset.ts) builds the records and
// createDemoRecords (demo-records.ts) refers to them. Dates are days before `today`; ids come later.
import type { CertificationStatus, LifecycleStatus, PlatformColumn, PlatformKind } from '../domain/platform';
import type { Rank, UnitKind } from '../domain/unit';

// ---------------------------------------------------------------------------------------------
// Units

export interface UnitSpec {
  key: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  phone?: string;
  note?: string;
}

export const UNIT_SPECS = [
  { key: 'xcb', name: '党委宣传部', kind: '职能部门', phone: '027-87650101', note: '网络阵地归口管理部门，下设网宣室、新闻中心' },
  { key: 'dzb', name: '党委办公室（校长办公室）', kind: '职能部门', phone: '027-87650001' },
  { key: 'xxh', name: '信息化建设与管理处', kind: '职能部门', phone: '027-87650210' },
  { key: 'tw', name: '校团委', kind: '职能部门', phone: '027-87650331' },
  { key: 'jw', name: '纪委办公室（监察处）', kind: '党组织', phone: '027-87650055', note: '工作群纪委书记监督制（003 第十九条）' },
  { key: 'lib', name: '图书馆', kind: '直属单位', phone: '027-87650400' },
  { key: 'libdzz', name: '图书馆党总支', kind: '党组织', parent: 'lib' },
  { key: 'jsj', name: '计算机与人工智能学院', kind: '二级学院', phone: '027-87651200' },
  { key: 'jsjdw', name: '计算机与人工智能学院党委', kind: '党组织', parent: 'jsj' },
  { key: 'mks', name: '马克思主义学院', kind: '二级学院', phone: '027-87651500' },
  { key: 'wgy', name: '外国语学院', kind: '二级学院', phone: '027-87651600转8012' },
  { key: 'xsh', name: '东湖示范大学学生会', kind: '学生组织', parent: 'tw' },
  { key: 'sy', name: '东湖摄影协会', kind: '社团', parent: 'tw', note: '校团委归口管理的学生社团' },
  { key: 'acm', name: 'ACM程序设计协会', kind: '社团', parent: 'jsj', note: '挂靠计算机与人工智能学院（003 第六条）' },
  { key: 'gh', name: '校工会', kind: '其他', phone: '027-87650620' },
] as const satisfies readonly UnitSpec[];
export type DemoUnitKey = (typeof UNIT_SPECS)[number]['key'];
type UnitKey = DemoUnitKey;

// ---------------------------------------------------------------------------------------------
// People. Staff count as teachers (本单位教师, 004 通知); students and contractors do not.

export interface PersonSpec {
  key: string;
  name: string;
  unit: UnitKey;
  title: string;
  /** 职级, where a review step asks for it (001 第七条: 处级领导). */
  rank?: Rank;
  phone?: string;
  isTeacher: boolean;
  /** Days before today on which the person left (离岗). */
  leftDaysAgo?: number;
  note?: string;
}

export const PERSON_SPECS = [
  { key: 'xcbBz', name: '周立新', unit: 'xcb', title: '党委宣传部部长', rank: '处级', phone: '027-87650100', isTeacher: true },
  { key: 'xcbFbz', name: '陈𠮷安', unit: 'xcb', title: '党委宣传部副部长', rank: '副处级', phone: '13971002318', isTeacher: true },
  { key: 'xcbWxs', name: '王喆', unit: 'xcb', title: '网宣室主任', rank: '科级', phone: '027-87650102', isTeacher: true },
  { key: 'xcbKy', name: '欧阳䶮', unit: 'xcb', title: '网宣室科员', rank: '其他', phone: '13871005562', isTeacher: true },
  { key: 'xcbBj', name: '单雪', unit: 'xcb', title: '新闻中心编辑', phone: '13507124479', isTeacher: true },
  { key: 'dzbZr', name: '曾凡宇', unit: 'dzb', title: '党委办公室主任', phone: '027-87650002', isTeacher: true },
  { key: 'dzbKz', name: '何静怡', unit: 'dzb', title: '秘书科科长', phone: '13986217735', isTeacher: true },
  { key: 'xxhCz', name: '杨建国', unit: 'xxh', title: '处长', rank: '处级', phone: '027-87650211', isTeacher: true },
  { key: 'xxhFcz', name: '郑堃', unit: 'xxh', title: '副处长（分管宣传）', rank: '副处级', phone: '13607180924', isTeacher: true },
  { key: 'xxhKz', name: '黄晓峰', unit: 'xxh', title: '网络运维科科长', rank: '科级', phone: '027-87650215-806', isTeacher: true },
  { key: 'xxhGcs', name: '覃海涛', unit: 'xxh', title: '工程师', rank: '其他', phone: '15827340618', isTeacher: true },
  { key: 'xxhWb', name: '马骏', unit: 'xxh', title: '驻场运维工程师（外包）', phone: '17786521093', isTeacher: false, note: '服务外包人员，非在编教职工' },
  { key: 'jwFsj', name: '韩振华', unit: 'jw', title: '纪委副书记、纪委办公室主任', phone: '027-87650056', isTeacher: true },
  { key: 'twSj', name: '胡亚楠', unit: 'tw', title: '校团委书记', phone: '027-87650330', isTeacher: true },
  { key: 'twFsj', name: '罗龘', unit: 'tw', title: '校团委副书记', phone: '13720395146', isTeacher: true },
  { key: 'twGs', name: '宋雨桐', unit: 'tw', title: '校团委干事', phone: '18971456320', isTeacher: true },
  { key: 'libSj', name: '杜卫东', unit: 'lib', title: '图书馆党总支书记', phone: '027-87650401', isTeacher: true },
  { key: 'libGz', name: '钱文博', unit: 'lib', title: '馆长', phone: '027-87650402', isTeacher: true },
  { key: 'libFgz', name: '孙丽华', unit: 'lib', title: '副馆长（分管意识形态与宣传工作）', phone: '13908652271', isTeacher: true },
  { key: 'libJs', name: '李赟', unit: 'lib', title: '技术保障部主任', phone: '027-87650418', isTeacher: true },
  { key: 'libBgs', name: '吴芳', unit: 'lib', title: '党政综合办公室主任', phone: '027-87650405', isTeacher: true },
  { key: 'libCb', name: '冯志强', unit: 'lib', title: '采编部主任', phone: '027-87650421', isTeacher: true },
  { key: 'libXx', name: '蒋梦琪', unit: 'lib', title: '信息部主任', phone: '027-87650426', isTeacher: true },
  { key: 'libLt', name: '沈国平', unit: 'lib', title: '流通部主任', phone: '0710-3521866', isTeacher: true, note: '常驻南湖校区分馆' },
  { key: 'libGy1', name: '刘思远', unit: 'lib', title: '馆员（网站分管理员）', phone: '15972031847', isTeacher: true },
  { key: 'libGy2', name: '朱晓婷', unit: 'lib', title: '馆员（微信服务号分管理员）', phone: '13476019258', isTeacher: true },
  { key: 'libOld', name: '许志明', unit: 'lib', title: '原技术保障部副主任', phone: '13307162245', isTeacher: true, leftDaysAgo: 145, note: '已退休，移动图书馆管理权限待移交' },
  { key: 'jsjSj', name: '陈立群', unit: 'jsj', title: '学院党委书记', phone: '027-87651201', isTeacher: true },
  { key: 'jsjYz', name: '高鹏', unit: 'jsj', title: '院长', phone: '027-87651202', isTeacher: true },
  { key: 'jsjFsj', name: '唐慧敏', unit: 'jsj', title: '学院党委副书记', phone: '13871296604', isTeacher: true },
  { key: 'jsjBgs', name: '梁晨', unit: 'jsj', title: '学院办公室主任', phone: '027-87651206', isTeacher: true },
  { key: 'jsjFdy', name: '赵一鸣', unit: 'jsj', title: '辅导员', phone: '18627093315', isTeacher: true },
  { key: 'jsjOld', name: '曹宁', unit: 'jsj', title: '原辅导员', phone: '15071338840', isTeacher: true, leftDaysAgo: 83, note: '调往外单位工作' },
  { key: 'mksSj', name: '邓红梅', unit: 'mks', title: '学院党总支书记', phone: '027-87651501', isTeacher: true },
  { key: 'mksMs', name: '彭博', unit: 'mks', title: '学院办公室秘书', phone: '13554120786', isTeacher: true },
  { key: 'wgySj', name: '萧然', unit: 'wgy', title: '学院党委书记', phone: '027-87651601', isTeacher: true },
  { key: 'wgyMs', name: '区嘉欣', unit: 'wgy', title: '教学秘书', phone: '13297015583', isTeacher: true },
  { key: 'wgyWj', name: '安娜·柯林斯', unit: 'wgy', title: '外籍教师', isTeacher: true },
  { key: 'ghZx', name: '叶国强', unit: 'gh', title: '工会常务副主席', phone: '027-87650621', isTeacher: true },
  { key: 'ghGs', name: '邹敏', unit: 'gh', title: '工会干事', phone: '13659871420', isTeacher: true },
  { key: 'stXshZx', name: '田雨萱', unit: 'xsh', title: '学生会主席（2024级本科生）', phone: '19971308462', isTeacher: false },
  { key: 'stXshXc', name: '袁浩然', unit: 'xsh', title: '学生会宣传部部长（2024级本科生）', phone: '19807125573', isTeacher: false },
  { key: 'stSy', name: '潘一帆', unit: 'sy', title: '摄影协会会长（2023级本科生）', phone: '15623908817', isTeacher: false },
  { key: 'stAcm', name: '程子轩', unit: 'acm', title: 'ACM程序设计协会会长（2023级本科生）', phone: '18162719034', isTeacher: false },
] as const satisfies readonly PersonSpec[];
export type DemoPersonKey = (typeof PERSON_SPECS)[number]['key'];
type PersonKey = DemoPersonKey;

/** 第一责任人 (004 第三条: 处级党政干部), 党组织书记 and contact of each unit. */
export const UNIT_ROLES: Partial<Record<UnitKey, { first?: PersonKey; rank?: Rank; secretary?: PersonKey; contact?: PersonKey }>> = {
  xcb: { first: 'xcbBz', rank: '处级', contact: 'xcbWxs' },
  dzb: { first: 'dzbZr', rank: '处级', contact: 'dzbKz' },
  xxh: { first: 'xxhCz', rank: '处级', contact: 'xxhKz' },
  tw: { first: 'twSj', rank: '处级', contact: 'twGs' },
  jw: { first: 'jwFsj', rank: '处级' },
  lib: { first: 'libSj', rank: '处级', secretary: 'libSj', contact: 'libBgs' },
  libdzz: { first: 'libSj', rank: '处级', secretary: 'libSj', contact: 'libBgs' },
  jsj: { first: 'jsjSj', rank: '处级', secretary: 'jsjSj', contact: 'jsjBgs' },
  jsjdw: { first: 'jsjSj', rank: '处级', secretary: 'jsjSj' },
  mks: { first: 'mksSj', rank: '处级', secretary: 'mksSj', contact: 'mksMs' },
  wgy: { first: 'wgySj', rank: '处级', secretary: 'wgySj', contact: 'wgyMs' },
  // Student bodies: the sponsoring unit names a 处级 cadre as first responsible (004 第三条).
  xsh: { first: 'twSj', rank: '处级', contact: 'stXshZx' },
  sy: { first: 'twSj', rank: '处级', contact: 'stSy' },
  acm: { first: 'jsjFsj', rank: '副处级', contact: 'stAcm' },
  gh: { first: 'ghZx', rank: '副处级', contact: 'ghGs' },
};

// ---------------------------------------------------------------------------------------------
// Columns (栏目分工) after seed 000 附表2 and 附件3, with the specialist branches renamed.

const LIBRARY_WEBSITE_COLUMNS: PlatformColumn[] = [
  { level1: '资源', level2: '订购数据库、使用数据库列表、自建数据库、网络免费资源、学术期刊、图书、专利报纸、馆外目录链接、特色资源', department: '采编部' },
  { level1: '资源', level2: '期刊导航、数据库导航、综合服务平台', department: '采编部、技术部' },
  { level1: '服务', level2: '中文核心期刊目录、CALIS服务导航', department: '采编部' },
  { level1: '服务', level2: '读者培训、科技查新、文献传递、信息素质教育、学科服务', department: '信息部' },
  { level1: '服务', level2: '电子阅览、馆际互借', department: '流通部' },
  { level1: '服务', level2: '自助服务、移动图书馆', department: '技术部' },
  { level1: '概况', level2: '本馆黄页、馆舍风貌、历史沿革、组织结构、规章制度、联系我们、本馆简介、领导关怀现任馆领导、党群工作、本校名人、图书馆人、图书馆大事记', department: '办公室' },
  { level1: '概况', level2: '专业分馆', department: '工学分馆、南湖校区分馆' },
  { level1: '指南', level2: '开放时间、借阅规则、资源分布、馆藏布局、入馆须知、常见问题、离校手续', department: '办公室' },
  { level1: '指南', level2: '中图分类法查询、UDC分类法查询', department: '采编部' },
  { level1: '党建之窗', level2: '党建动态、制度建设、学习与交流', department: '办公室' },
  { level1: '馆员之家', level2: '通知公告、馆发文件、会议纪要、学习与交流', department: '办公室' },
  { level1: '新闻公告动态', level2: '综合新闻', department: '各部（室）' },
  { level1: '新闻公告动态', level2: '通知公告', department: '办公室' },
  { level1: '新闻公告动态', level2: '资源动态', department: '采编部' },
  { level1: '电子资源', level2: '新增、停购、链接更新、介绍更新', department: '采编部' },
  { level1: '师生服务', level2: '入馆教育', department: '信息部' },
  { level1: '师生服务', level2: '阅创空间', department: '技术部' },
  { level1: '互动交流', level2: '读者调查、读者之声、毕业寄语、图书捐赠', department: '办公室' },
  { level1: '互动交流', level2: '书刊荐购、新书通报', department: '采编部' },
  { level1: '互动交流', level2: '读者排行榜、校外访问', department: '技术部' },
  { level1: '互动交流', level2: '阅读推广', department: '信息部' },
  { level1: '学科数字图书馆', level2: '工学分馆', department: '工学分馆' },
  { level1: '学科数字图书馆', level2: '南湖校区分馆', department: '南湖校区分馆' },
  { level1: '服务系统图片链接', level2: '移动图书馆、中国科技信息所、学科信息服务平台、NSTL服务站、事实数据库、图书馆借还大数据、图书馆微信', department: '技术部' },
];

const LIBRARY_WECHAT_COLUMNS: PlatformColumn[] = [
  { level1: '我的图书馆', level2: '馆藏查询', department: '技术部' },
  { level1: '我的图书馆', level2: '已借续借', department: '技术部' },
  { level1: '我的图书馆', level2: '馆藏布局', department: '南北馆流通部' },
  { level1: '我的图书馆', level2: '常见问题', department: '各部（室）' },
  { level1: '我的图书馆', level2: '解绑一卡通', department: '技术部' },
  { level1: '资源搜索', level2: '学术资源（超星发现、CALIS外文期刊网、E读搜索、Summon）', department: '技术部' },
  { level1: '资源搜索', level2: '数据库总览', department: '采编部' },
  { level1: '资源搜索', level2: '公开课', department: '技术部' },
  { level1: '资源搜索', level2: '移动图书馆', department: '技术部' },
  { level1: '资源搜索', level2: '在线书城', department: '技术部' },
  { level1: '服务动态', level2: '本馆公告', department: '办公室' },
  { level1: '服务动态', level2: '图书馆概况（简介、开馆时间、馆藏布局、入馆须知、借阅规则）', department: '办公室' },
  { level1: '服务动态', level2: '排行榜', department: '技术部' },
  { level1: '服务动态', level2: '阅创空间', department: '技术部' },
  { level1: '服务动态', level2: '联系我们', department: '各部（室）' },
];

const UNIVERSITY_HOMEPAGE_COLUMNS: PlatformColumn[] = [
  { level1: '学校概况', level2: '学校简介、历史沿革、现任领导、机构设置、校园风光', department: '党委宣传部' },
  { level1: '新闻网', level2: '东湖要闻、综合新闻、媒体东湖、学术动态', department: '党委宣传部' },
  { level1: '通知公告', department: '党委办公室（校长办公室）' },
  { level1: '信息公开', level2: '信息公开目录、年度报告、依申请公开', department: '党委办公室（校长办公室）' },
  { level1: '网上办事', level2: '统一身份认证、网上办事大厅', department: '信息化建设与管理处' },
];

const IT_WECHAT_COLUMNS: PlatformColumn[] = [
  { level1: '办事指南', level2: '校园网、VPN、邮箱、正版软件', department: '网络运维科' },
  { level1: '网络安全', level2: '安全提醒、漏洞通报', department: '网络运维科' },
  { level1: '信息化动态', department: '综合办公室' },
];

// ---------------------------------------------------------------------------------------------
// Platforms

export interface PlatformSpec {
  /** How the demo records (demo-records.ts) refer to the platform. */
  key: string;
  kind: PlatformKind;
  name: string;
  accountId: string;
  url?: string;
  host: UnitKey;
  sponsor?: UnitKey;
  guidingTeacher?: PersonKey;
  purpose: string;
  contentScope: string;
  /** Days before today; absent while the account is still being applied for. */
  openedDaysAgo?: number;
  certification: CertificationStatus;
  /** [days ago, count] pairs. */
  followers?: readonly (readonly [number, number])[];
  serverLocation?: string;
  responsible?: PersonKey;
  businessLead?: PersonKey;
  technicalLead?: PersonKey;
  chiefAdmin?: PersonKey;
  sectionAdmins?: readonly PersonKey[];
  measures: string;
  columns?: PlatformColumn[];
  lastUpdateDaysAgo?: number;
  /** [status, days ago, note?]; the last entry is the current status. */
  history: readonly (readonly [LifecycleStatus, number, string?])[];
  group?: { owner: PersonKey; members: number; checkedDaysAgo: readonly number[]; supervisor: PersonKey; disbandedDaysAgo?: number };
  note?: string;
}

const WEBSITE_MEASURES = '先审后发、重发重审、谁审签谁负责；栏目分发授权，分管理员只维护授权栏目；每周检查更新情况；系统漏洞按信息化处通报及时修复。';
const ACCOUNT_MEASURES = '推送内容经三级审核后发布；管理员专人负责，账号密码密封存档；管理员变更后及时修改密码并报宣传部备案。';
const GROUP_MEASURES = '谁建群谁管理、谁管理谁负责；成员实名（部门+姓名）入群，离岗人员及时移出；群主每天查看群内动态并登记问题。';
const STUDENT_MEASURES = '学生编辑初审，指导教师审核，挂靠单位分管领导审签；重大活动报道报校团委把关。';

export const PLATFORM_SPECS = [
  // --- 图书馆 (seed 000's world) ---
  {
    key: 'libSite', kind: '官方网站', name: '东湖示范大学图书馆网站', accountId: 'lib.dhsf.edu.cn', url: 'lib.dhsf.edu.cn', host: 'lib',
    purpose: '学校二级网站，图书馆文献信息资源与服务利用的网络窗口，属非营利性网络平台。',
    contentScope: '通知公告、资源动态、读者服务、馆情概况、党建工作等图书馆业务信息。',
    openedDaysAgo: 3010, certification: '不适用', serverLocation: '学校数据中心机房（信息化建设与管理处托管）',
    responsible: 'libSj', businessLead: 'libFgz', technicalLead: 'libOld', chiefAdmin: 'libJs', sectionAdmins: ['libGy1', 'libBgs'],
    measures: WEBSITE_MEASURES, columns: LIBRARY_WEBSITE_COLUMNS, lastUpdateDaysAgo: 2,
    history: [['已批准', 3030], ['运行中', 3010], ['整改中', 420, '等保测评发现弱口令，限期整改'], ['运行中', 395, '整改完成']],
  },
  {
    key: 'libWx', kind: '微信服务号', name: '东湖示范大学图书馆', accountId: 'dhsf_lib', host: 'lib',
    purpose: '为全校师生提供文献资源检索、借阅查询和读者服务的微信公众服务号。',
    contentScope: '本馆公告、服务动态、资源推荐、阅读推广活动。',
    openedDaysAgo: 2480, certification: '已认证',
    followers: [[1090, 15420], [720, 18230], [365, 23560], [180, 26110], [30, 27894]],
    serverLocation: '图书馆服务器机房（绑定一卡通借阅数据）',
    responsible: 'libSj', businessLead: 'libFgz', technicalLead: 'libJs', chiefAdmin: 'libJs', sectionAdmins: ['libGy2'],
    measures: '每月推送消息4次；各部（室）每周三前提交推送内容，经分管领导审核；推送前经分管宣传的副组长审核；管理员交接后及时更换密码。',
    columns: LIBRARY_WECHAT_COLUMNS, lastUpdateDaysAgo: 3,
    history: [['申请中', 2500], ['已批准', 2490], ['运行中', 2480]],
  },
  {
    key: 'libApp', kind: 'APP', name: '东湖示范大学移动图书馆', accountId: '移动图书馆（超星）单位号 DHSFLIB', host: 'lib',
    purpose: '移动端馆藏检索、电子资源阅读与借阅服务。', contentScope: '电子书刊、馆藏检索、借阅提醒。',
    openedDaysAgo: 2200, certification: '不适用', serverLocation: '服务商云平台（合同托管，含读者借阅数据）',
    responsible: 'libSj', businessLead: 'libFgz', technicalLead: 'libOld', chiefAdmin: 'libOld',
    measures: '服务商按合同维护；管理后台账号由技术保障部专人保管，离岗交接后更换口令。', lastUpdateDaysAgo: 40,
    history: [['已批准', 2210], ['运行中', 2200]],
    note: '原总管理员已离岗，待办理交接。',
  },
  {
    key: 'libXxt', kind: '学习通等', name: '图书馆学习通读者服务', accountId: '学习通·东湖示范大学图书馆', host: 'lib',
    purpose: '依托学习通开展读者培训、信息素质教育课程。', contentScope: '入馆教育、信息素质教育课程资料。',
    openedDaysAgo: 1460, certification: '不适用',
    responsible: 'libSj', businessLead: 'libXx', technicalLead: 'libJs', chiefAdmin: 'libJs', sectionAdmins: ['libGy1'],
    measures: '课程资料由信息部审核后上传；学期初清理过期课程。', lastUpdateDaysAgo: 75,
    history: [['运行中', 1460]],
  },
  {
    key: 'libWeibo', kind: '微博', name: '东湖示范大学图书馆微博', accountId: 'weibo.com/dhsflib', url: 'weibo.com/dhsflib', host: 'lib',
    purpose: '发布图书馆服务动态。', contentScope: '服务动态、活动预告。',
    openedDaysAgo: 3300, certification: '已认证', followers: [[1500, 4120], [800, 4385], [420, 4390]],
    responsible: 'libSj', chiefAdmin: 'libJs', measures: '已停止更新，保留账号防止冒用。', lastUpdateDaysAgo: 430,
    history: [['运行中', 3300], ['已停用', 400, '内容并入微信服务号，馆务会决定停用']],
  },
  {
    key: 'libQq', kind: 'QQ群', name: '图书馆全体职工群', accountId: '613728405', host: 'lib',
    purpose: '图书馆内部工作通知。', contentScope: '工作通知、会议安排，仅限日常工作。',
    openedDaysAgo: 2900, certification: '不适用', responsible: 'libSj', chiefAdmin: 'libBgs',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 1,
    history: [['运行中', 2900]],
    group: { owner: 'libBgs', members: 96, checkedDaysAgo: [300, 120, 20], supervisor: 'jwFsj' },
  },
  {
    key: 'libJsWx', kind: '微信群', name: '图书馆技术保障部工作群', accountId: '微信群·技术保障部', host: 'lib',
    purpose: '技术保障部日常运维协调。', contentScope: '系统巡检、故障处置，仅限日常工作。',
    openedDaysAgo: 1300, certification: '不适用', responsible: 'libJs', chiefAdmin: 'libJs',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 5,
    history: [['运行中', 1300]],
    group: { owner: 'libJs', members: 14, checkedDaysAgo: [210], supervisor: 'jwFsj' },
    note: '离岗人员许志明尚未移出群聊。',
  },
  // --- 党委宣传部: the institution's main positions ---
  {
    key: 'home', kind: '官方网站', name: '东湖示范大学主页', accountId: 'www.dhsf.edu.cn', url: 'www.dhsf.edu.cn', host: 'xcb',
    purpose: '学校官方门户网站，展示学校形象，发布权威信息。',
    contentScope: '学校重大新闻、重要通知、政策文件、教学科研成果、校园文化活动等全局性信息。',
    openedDaysAgo: 7300, certification: '不适用', serverLocation: '学校数据中心机房',
    responsible: 'xcbBz', businessLead: 'xcbFbz', technicalLead: 'xxhKz', chiefAdmin: 'xcbWxs', sectionAdmins: ['xcbBj', 'dzbKz'],
    measures: WEBSITE_MEASURES, columns: UNIVERSITY_HOMEPAGE_COLUMNS, lastUpdateDaysAgo: 0,
    history: [['运行中', 7300]],
  },
  {
    key: 'news', kind: '官方网站', name: '东湖示范大学新闻网', accountId: 'news.dhsf.edu.cn', url: 'news.dhsf.edu.cn', host: 'xcb',
    purpose: '学校新闻发布主渠道。', contentScope: '东湖要闻、综合新闻、媒体东湖、人物专访。',
    openedDaysAgo: 5100, certification: '不适用', serverLocation: '学校数据中心机房',
    responsible: 'xcbBz', businessLead: 'xcbFbz', technicalLead: 'xxhKz', chiefAdmin: 'xcbBj',
    measures: WEBSITE_MEASURES, lastUpdateDaysAgo: 1,
    history: [['运行中', 5100]],
  },
  {
    key: 'dhsfWx', kind: '微信公众号', name: '东湖示范大学', accountId: 'dhsf1952', host: 'xcb',
    purpose: '学校官方微信，服务师生校友，宣传学校发展成就。',
    contentScope: '学校新闻资讯、校园文化活动、师生风采、生活服务信息。',
    openedDaysAgo: 3950, certification: '已认证',
    followers: [[1460, 186000], [1095, 214500], [730, 248300], [365, 279120], [60, 301455]],
    responsible: 'xcbBz', businessLead: 'xcbFbz', technicalLead: 'xxhGcs', chiefAdmin: 'xcbWxs', sectionAdmins: ['xcbKy', 'xcbBj'],
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 0,
    history: [['运行中', 3950]],
  },
  {
    key: 'dhsfWeibo', kind: '微博', name: '东湖示范大学官方微博', accountId: 'weibo.com/dhsfdx', url: 'weibo.com/dhsfdx', host: 'xcb',
    purpose: '学校官方微博，发布权威信息，回应社会关切。', contentScope: '学校新闻、通知公告、舆情回应。',
    openedDaysAgo: 4700, certification: '已认证',
    followers: [[730, 412000], [365, 436800], [90, 451230]],
    responsible: 'xcbBz', businessLead: 'xcbFbz', chiefAdmin: 'xcbKy',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 1,
    history: [['运行中', 4700]],
  },
  {
    key: 'dhsfDy', kind: '抖音', name: '东湖示范大学', accountId: 'dhsf1952', host: 'xcb',
    purpose: '以短视频展示校园生活和学校风貌。', contentScope: '校园短视频、重大活动直播。',
    openedDaysAgo: 1700, certification: '已认证',
    followers: [[700, 88400], [365, 126700], [45, 152380]],
    responsible: 'xcbBz', businessLead: 'xcbFbz', chiefAdmin: 'xcbBj',
    measures: ACCOUNT_MEASURES + '直播须提前报宣传部审批。', lastUpdateDaysAgo: 2,
    history: [['申请中', 1720], ['已批准', 1710], ['运行中', 1700]],
  },
  {
    key: 'dhsfSph', kind: '视频号', name: '东湖示范大学', accountId: 'sphA7dHsF1952', host: 'xcb',
    purpose: '微信生态内的学校视频发布渠道。', contentScope: '校园短视频、典礼直播。',
    openedDaysAgo: 1100, certification: '已认证', followers: [[365, 35600], [30, 51210]],
    responsible: 'xcbBz', businessLead: 'xcbFbz', chiefAdmin: 'xcbBj',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 6,
    history: [['运行中', 1100]],
  },
  {
    key: 'dhsfBili', kind: '其他', name: '东湖示范大学（哔哩哔哩）', accountId: 'B站UID 3546791283', url: 'space.bilibili.com/3546791283', host: 'xcb',
    purpose: '面向青年群体的视频传播平台。', contentScope: '校园文化视频、公开课片段。',
    openedDaysAgo: 900, certification: '已认证', followers: [[365, 9820], [20, 16430]],
    responsible: 'xcbBz', chiefAdmin: 'xcbKy', measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 12,
    history: [['运行中', 900]],
  },
  {
    key: 'dhsfXhs', kind: '其他', name: '东湖示范大学小红书账号（筹建）', accountId: '', host: 'xcb',
    purpose: '拟开设，面向考生和家长介绍校园生活。', contentScope: '招生宣传、校园生活分享。',
    certification: '未认证', responsible: 'xcbBz', businessLead: 'xcbFbz',
    measures: '开通审批通过后再注册账号。',
    history: [['申请中', 12, '已提交开通审批表，待宣传部审批']],
  },
  {
    key: 'xcwyDd', kind: '钉钉群', name: '全校宣传委员工作群', accountId: '钉钉群号 31486027', host: 'xcb',
    purpose: '二级单位宣传委员队伍工作联络。', contentScope: '宣传工作通知、舆情提示，仅限日常工作。',
    openedDaysAgo: 1000, certification: '不适用', responsible: 'xcbFbz', chiefAdmin: 'xcbWxs',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 0,
    history: [['运行中', 1000]],
    group: { owner: 'xcbWxs', members: 68, checkedDaysAgo: [180, 90, 10], supervisor: 'jwFsj' },
  },
  {
    key: 'wpyWx', kind: '微信群', name: '网络评论员工作群', accountId: '微信群·网评员', host: 'xcb',
    purpose: '网络评论员队伍联络。', contentScope: '网评任务通知，仅限日常工作。',
    openedDaysAgo: 700, certification: '不适用', responsible: 'xcbFbz', chiefAdmin: 'xcbKy',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 3,
    history: [['运行中', 700]],
    group: { owner: 'xcbKy', members: 45, checkedDaysAgo: [150, 40], supervisor: 'jwFsj' },
  },
  // --- 信息化建设与管理处 (seed 001's world) ---
  {
    key: 'nicSite', kind: '官方网站', name: '信息化建设与管理处网站', accountId: 'nic.dhsf.edu.cn', url: 'nic.dhsf.edu.cn', host: 'xxh',
    purpose: '部门网站，发布信息化建设动态和办事指南。', contentScope: '工作动态、通知公告、办事指南、网络安全通报。',
    openedDaysAgo: 4300, certification: '不适用', serverLocation: '学校数据中心机房',
    responsible: 'xxhCz', businessLead: 'xxhFcz', technicalLead: 'xxhKz', chiefAdmin: 'xxhGcs',
    measures: WEBSITE_MEASURES, lastUpdateDaysAgo: 25,
    history: [['运行中', 4300]],
  },
  {
    key: 'nicWx', kind: '微信公众号', name: '东湖示范大学信息化', accountId: 'dhsf_nic', host: 'xxh',
    purpose: '发布信息化服务指南和网络安全提醒，服务师生。', contentScope: '办事指南、系统通知、网络安全宣传。',
    openedDaysAgo: 2300, certification: '已认证',
    followers: [[730, 21800], [365, 30150], [120, 33720], [15, 34906]],
    responsible: 'xxhCz', businessLead: 'xxhFcz', technicalLead: 'xxhKz', chiefAdmin: 'xxhGcs', sectionAdmins: ['xxhWb'],
    measures: '推文填写新媒体文章发布审核表，由负责宣传的处级领导审查通过后发布；审核表由综合办公室保管；分管领导或管理员变更后5个工作日内重新备案。',
    columns: IT_WECHAT_COLUMNS, lastUpdateDaysAgo: 4,
    history: [['运行中', 2300]],
  },
  {
    key: 'campusApp', kind: 'APP', name: '掌上东湖', accountId: 'com.dhsf.campus', host: 'xxh',
    purpose: '校园一站式移动服务。', contentScope: '校园通知、办事服务、课表成绩查询。',
    openedDaysAgo: 1800, certification: '不适用', serverLocation: '学校数据中心机房（统一身份认证、数据中台）',
    responsible: 'xxhCz', businessLead: 'xxhFcz', technicalLead: 'xxhWb', chiefAdmin: 'xxhKz',
    measures: '版本发布前做安全检测；个人信息按最小必要原则收集。', lastUpdateDaysAgo: 18,
    history: [['运行中', 1800]],
  },
  {
    key: 'campusMini', kind: '小程序', name: '东湖校园服务', accountId: 'wx3f8a2c91d07e5b64', host: 'xxh',
    purpose: '访客预约、场馆预约等轻应用。', contentScope: '预约服务、服务通知。',
    openedDaysAgo: 1200, certification: '已认证', serverLocation: '学校数据中心机房',
    responsible: 'xxhCz', businessLead: 'xxhFcz', technicalLead: 'xxhGcs', chiefAdmin: 'xxhGcs',
    measures: '接口访问记录留存六个月；预约数据定期清理。', lastUpdateDaysAgo: 33,
    history: [['运行中', 1200]],
  },
  {
    key: 'bbs', kind: '校园论坛', name: '东湖BBS', accountId: 'bbs.dhsf.edu.cn', url: 'bbs.dhsf.edu.cn', host: 'xxh',
    purpose: '师生交流互动平台。', contentScope: '学习、生活、工作相关的话题讨论和意见建议。',
    openedDaysAgo: 6200, certification: '不适用', serverLocation: '学校数据中心机房',
    responsible: 'xxhCz', businessLead: 'xxhFcz', technicalLead: 'xxhKz', chiefAdmin: 'xxhGcs',
    measures: '注册实名认证；版主每日巡查；违规帖子及时屏蔽并登记。', lastUpdateDaysAgo: 0,
    history: [['运行中', 6200], ['整改中', 30, '年检发现部分账号未实名，限期整改']],
  },
  {
    key: 'nicDd', kind: '钉钉群', name: '信息化处运维值班群', accountId: '钉钉群号 27730915', host: 'xxh',
    purpose: '网络与系统运维值班联络。', contentScope: '故障报修、值班交接，仅限日常工作。',
    openedDaysAgo: 1500, certification: '不适用', responsible: 'xxhFcz', chiefAdmin: 'xxhKz',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 0,
    history: [['运行中', 1500]],
    group: { owner: 'xxhKz', members: 23, checkedDaysAgo: [100, 8], supervisor: 'jwFsj' },
  },
  // --- 校团委 and student bodies (seed 003 第六条, 004 第三条) ---
  {
    key: 'youthWx', kind: '微信公众号', name: '东湖青年', accountId: 'dhsf_youth', host: 'tw',
    purpose: '共青团思想引领和青年服务平台。', contentScope: '团学动态、青年榜样、志愿服务、第二课堂。',
    openedDaysAgo: 3600, certification: '已认证',
    followers: [[730, 52300], [365, 61780], [40, 68015]],
    responsible: 'twSj', businessLead: 'twFsj', chiefAdmin: 'twGs',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 1,
    history: [['运行中', 3600]],
  },
  {
    key: 'suWx', kind: '微信公众号', name: '东湖示范大学学生会', accountId: 'dhsf_su', host: 'xsh', sponsor: 'tw', guidingTeacher: 'twGs',
    purpose: '学生会服务同学、反映诉求的平台。', contentScope: '学生会活动、权益服务、校园文化。',
    openedDaysAgo: 2100, certification: '已认证',
    followers: [[365, 20410], [100, 22960]],
    responsible: 'twSj', businessLead: 'twGs', chiefAdmin: 'stXshXc', sectionAdmins: ['stXshZx'],
    measures: STUDENT_MEASURES, lastUpdateDaysAgo: 6,
    history: [['运行中', 2100]],
  },
  {
    key: 'syDy', kind: '抖音', name: '东湖摄影协会', accountId: 'dhsy_photo', host: 'sy', sponsor: 'tw', guidingTeacher: 'twFsj',
    purpose: '展示学生摄影作品，记录校园影像。', contentScope: '摄影作品、校园风光短视频、社团活动。',
    openedDaysAgo: 600, certification: '未认证', followers: [[300, 1890], [30, 3415]],
    responsible: 'twFsj', chiefAdmin: 'stSy',
    measures: STUDENT_MEASURES, lastUpdateDaysAgo: 9,
    history: [['申请中', 615], ['已批准', 605], ['运行中', 600]],
  },
  {
    key: 'acmWx', kind: '微信公众号', name: 'DHSF ACM程序设计协会', accountId: 'dhsf_acm', host: 'acm', sponsor: 'jsj', guidingTeacher: 'jsjOld',
    purpose: '程序设计竞赛训练与交流。', contentScope: '竞赛通知、训练题解、获奖喜报。',
    openedDaysAgo: 1300, certification: '认证中', followers: [[600, 2210], [240, 2480]],
    responsible: 'jsjFsj', chiefAdmin: 'stAcm',
    measures: STUDENT_MEASURES, lastUpdateDaysAgo: 262,
    history: [['运行中', 1300]],
    note: '指导教师已调离，需重新指定。',
  },
  // --- 二级学院 ---
  {
    key: 'csSite', kind: '官方网站', name: '计算机与人工智能学院网站', accountId: 'cs.dhsf.edu.cn', url: 'cs.dhsf.edu.cn', host: 'jsj',
    purpose: '学院网站，发布学院工作动态和教学科研信息。', contentScope: '学院新闻、通知公告、教学科研、学生工作、党建工作。',
    openedDaysAgo: 5400, certification: '不适用', serverLocation: '学校站群系统（信息化处托管）',
    responsible: 'jsjSj', businessLead: 'jsjFsj', technicalLead: 'xxhGcs', chiefAdmin: 'jsjBgs',
    measures: WEBSITE_MEASURES, lastUpdateDaysAgo: 4,
    history: [['运行中', 5400]],
  },
  {
    key: 'csWx', kind: '微信公众号', name: '东湖计算机与人工智能', accountId: 'dhsf_cs', host: 'jsj',
    purpose: '学院官方微信。', contentScope: '学院新闻、学生活动、招生就业信息。',
    openedDaysAgo: 2600, certification: '已认证', followers: [[730, 8120], [365, 10240], [60, 11987]],
    responsible: 'jsjSj', businessLead: 'jsjFsj', chiefAdmin: 'jsjFdy',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 5,
    history: [['运行中', 2600]],
  },
  {
    key: 'csQq', kind: 'QQ群', name: '计算机与人工智能学院教职工群', accountId: '782034561', host: 'jsj',
    purpose: '学院教职工工作通知。', contentScope: '教学安排、会议通知，仅限日常工作。',
    openedDaysAgo: 3100, certification: '不适用', responsible: 'jsjSj', chiefAdmin: 'jsjBgs',
    measures: GROUP_MEASURES, lastUpdateDaysAgo: 2,
    history: [['运行中', 3100]],
    group: { owner: 'jsjBgs', members: 128, checkedDaysAgo: [370, 190], supervisor: 'jwFsj' },
    note: '已离岗辅导员曹宁仍在群内，待清理。',
  },
  {
    key: 'marxSite', kind: '官方网站', name: '马克思主义学院网站', accountId: 'marx.dhsf.edu.cn', url: 'marx.dhsf.edu.cn', host: 'mks',
    purpose: '学院网站。', contentScope: '学院新闻、理论学习、思政课教学、科研动态。',
    openedDaysAgo: 3000, certification: '不适用', serverLocation: '学校站群系统（信息化处托管）',
    responsible: 'mksSj', chiefAdmin: 'mksMs',
    measures: WEBSITE_MEASURES, lastUpdateDaysAgo: 47,
    history: [['运行中', 3000]],
  },
  {
    key: 'marxWx', kind: '微信公众号', name: '东湖马院', accountId: 'dhsf_marx', host: 'mks',
    purpose: '马克思主义理论学习宣传平台。', contentScope: '理论学习、思政课堂、学院动态。',
    openedDaysAgo: 2000, certification: '已认证', followers: [[700, 3020], [400, 3150], [210, 3148]],
    responsible: 'mksSj', chiefAdmin: 'mksMs',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 214,
    history: [['运行中', 2000], ['整改中', 50, '长期未更新，宣传部通报限期整改']],
  },
  {
    key: 'wgyWeibo', kind: '微博', name: '东湖示范大学外国语学院', accountId: 'weibo.com/dhsfwgy', url: 'weibo.com/dhsfwgy', host: 'wgy',
    purpose: '学院微博。', contentScope: '学院动态、外语学习资讯。',
    openedDaysAgo: 3900, certification: '未认证', followers: [[1200, 2630], [900, 2644]],
    responsible: 'wgySj', chiefAdmin: 'wgyMs',
    measures: '已注销。', lastUpdateDaysAgo: 820,
    history: [['运行中', 3900], ['已停用', 760, '长期不更新，整合至学院微信公众号'], ['已注销', 700, '年检结论：关停注销']],
  },
  {
    key: 'wgySph', kind: '视频号', name: '东湖外语', accountId: 'sphWgy2026', host: 'wgy',
    purpose: '展示外语学习成果和国际交流活动。', contentScope: '外语演讲、国际交流、课程展示短视频。',
    certification: '认证中',
    responsible: 'wgySj', businessLead: 'wgyMs', chiefAdmin: 'wgyMs', sectionAdmins: ['wgyWj'],
    measures: ACCOUNT_MEASURES,
    history: [['申请中', 40], ['已批准', 20, '宣传部审批通过']],
  },
  // --- 校工会 ---
  {
    key: 'ghWx', kind: '微信公众号', name: '东湖教工之家', accountId: 'dhsf_jgzj', host: 'gh',
    purpose: '服务教职工的工会平台。', contentScope: '工会活动、教职工福利、文体活动通知。',
    openedDaysAgo: 1900, certification: '已认证', followers: [[500, 3410], [120, 3702]],
    responsible: 'ghZx', chiefAdmin: 'ghGs',
    measures: ACCOUNT_MEASURES, lastUpdateDaysAgo: 15,
    history: [['运行中', 1900]],
  },
  {
    key: 'ghMini', kind: '小程序', name: '教工之家服务', accountId: 'wx91c4e07b2d5a8f13', host: 'gh',
    purpose: '工会活动报名和福利领取。', contentScope: '活动报名、福利发放通知。',
    openedDaysAgo: 500, certification: '已认证', serverLocation: '服务商云服务器（华中地区，含教职工姓名工号）',
    responsible: 'ghZx', technicalLead: 'xxhWb', chiefAdmin: 'ghGs',
    measures: '仅收集活动报名所需信息；活动结束后三十日内删除报名数据。', lastUpdateDaysAgo: 60,
    history: [['运行中', 500]],
  },
] as const satisfies readonly PlatformSpec[];
export type DemoPlatformKey = (typeof PLATFORM_SPECS)[number]['key'];
