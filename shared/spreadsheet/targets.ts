// What can be imported from a spreadsheet: the registry (平台台账), people (人员) and units (单位).
// Each target lists its fields with the Chinese label the app uses, the header names people
// commonly give that column in their own ledgers, and how a cell becomes the field's value.
import { PERSON_STATUSES } from '../domain/person';
import { CERTIFICATION_STATUSES, LIFECYCLE_STATUSES, PLATFORM_KINDS } from '../domain/platform';
import { RANKS, UNIT_KINDS } from '../domain/unit';

export const IMPORT_TARGETS = ['platforms', 'people', 'units'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const TARGET_LABELS: Record<ImportTarget, string> = { platforms: '平台台账', people: '人员', units: '单位' };

export type FieldType =
  | 'text'
  | 'date'
  /** A date, or one known only to the month (2019.6 → 2019-06): see domain/month-date. */
  | 'dayOrMonth'
  | 'count'
  | 'enum'
  | 'bool'
  /** A unit named by its name, resolved to its id. */
  | 'unit'
  /** A person named by their name (or 姓名（单位）), resolved to their id. */
  | 'person'
  /** Several people separated by 、 , ； or spaces. */
  | 'people';

export interface ImportField {
  /** The draft property ('name', 'hostUnitId', 'group.memberCount'). */
  key: string;
  label: string;
  type: FieldType;
  /** The row cannot be imported without it. */
  required?: boolean;
  /** Header names that mean this field (compared after normalising, see mapping.ts). */
  synonyms: readonly string[];
  /** For enums: the allowed values. */
  values?: readonly string[];
  /** For enums and booleans: other words people write, mapped to a value ('公众号' → '微信公众号'). */
  aliases?: Readonly<Record<string, string>>;
}

const PLATFORM_KIND_ALIASES: Record<string, string> = {
  网站: '官方网站', 官网: '官方网站', 门户网站: '官方网站', 主页: '官方网站', 网页: '官方网站', 二级网站: '官方网站', 部门网站: '官方网站',
  公众号: '微信公众号', 订阅号: '微信公众号', 微信订阅号: '微信公众号', 微信公众平台: '微信公众号', 微信: '微信公众号',
  服务号: '微信服务号', 微信服务号: '微信服务号',
  新浪微博: '微博', 微博号: '微博', 官方微博: '微博',
  抖音号: '抖音', 微信视频号: '视频号',
  app: 'APP', 客户端: 'APP', 手机应用: 'APP', 移动应用: 'APP',
  微信小程序: '小程序', 学习通: '学习通等', 超星学习通: '学习通等',
  qq群: 'QQ群', 钉钉: '钉钉群', 钉钉工作群: '钉钉群', 微信工作群: '微信群',
  论坛: '校园论坛', bbs: '校园论坛', 其它: '其他',
};

const CERTIFICATION_ALIASES: Record<string, string> = {
  是: '已认证', 已: '已认证', 认证: '已认证', 已实名: '已认证', 已实名认证: '已认证',
  否: '未认证', 未: '未认证', 无: '未认证', 没有: '未认证', 未实名: '未认证',
  审核中: '认证中', 申请中: '认证中', 无需: '不适用', 无需认证: '不适用', '/': '不适用',
};

const LIFECYCLE_ALIASES: Record<string, string> = {
  正常: '运行中', 在用: '运行中', 使用中: '运行中', 运营中: '运行中', 运行: '运行中', 正常运行: '运行中', 开通: '运行中', 已开通: '运行中',
  停用: '已停用', 停更: '已停用', 暂停: '已停用', 暂停使用: '已停用', 停止更新: '已停用',
  注销: '已注销', 关停: '已注销', 已关停: '已注销',
  筹建: '申请中', 筹建中: '申请中', 申请: '申请中', 批准: '已批准', 整改: '整改中',
};

const UNIT_KIND_ALIASES: Record<string, string> = {
  学院: '二级学院', 院系: '二级学院', 系: '二级学院', 二级单位: '二级学院',
  部门: '职能部门', 处室: '职能部门', 机关部门: '职能部门', 职能处室: '职能部门', 机关: '职能部门',
  党委: '党组织', 党总支: '党组织', 党支部: '党组织', 党工委: '党组织',
  学生会: '学生组织', 研究生会: '学生组织', 团委: '学生组织',
  学生社团: '社团', 协会: '社团',
  直属: '直属单位', 教辅单位: '直属单位', 直属部门: '直属单位', 其它: '其他',
};

const RANK_ALIASES: Record<string, string> = { 正处: '处级', 正处级: '处级', 副处: '副处级', 正科: '科级', 副科: '科级', 副科级: '科级' };

const PERSON_STATUS_ALIASES: Record<string, string> = {
  在职: '在岗', 在编: '在岗', 是: '在岗', 正常: '在岗',
  离职: '离岗', 退休: '离岗', 调离: '离岗', 已调离: '离岗', 已退休: '离岗', 否: '离岗',
};

const TEACHER_ALIASES: Record<string, string> = {
  是: '是', 教师: '是', 老师: '是', 教职工: '是', 在编教师: '是', y: '是', yes: '是', true: '是', '1': '是', '√': '是',
  否: '否', 不是: '否', 学生: '否', 非教师: '否', 外包: '否', n: '否', no: '否', false: '否', '0': '否', '×': '否',
};

export const TARGET_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  platforms: [
    { key: 'kind', label: '平台类型', type: 'enum', required: true, values: PLATFORM_KINDS, aliases: PLATFORM_KIND_ALIASES, synonyms: ['平台类型', '类型', '平台类别', '类别', '账号类型', '媒体类型', '新媒体类型', '发布平台', '平台'] },
    { key: 'name', label: '平台名称', type: 'text', required: true, synonyms: ['平台名称', '账号名称', '名称', '账号/平台名称', '网站名称', '公众号名称', '微博名称', '群名称', '群名', '新媒体名称', '媒体名称'] },
    { key: 'accountId', label: '账号', type: 'text', synonyms: ['账号', '账号ID', '账号id', 'ID', '微信号', '公众号ID', '原始ID', '账号/微信号/网址', '账号 / 微信号 / 网址', '群号', '域名', 'UID', '抖音号'] },
    { key: 'url', label: '网址', type: 'text', synonyms: ['网址', '链接', 'URL', '主页地址', '网站地址', '访问地址'] },
    { key: 'hostUnitId', label: '主办单位', type: 'unit', required: true, synonyms: ['主办单位', '主管单位', '所属单位', '单位', '建立单位', '主办（主管）单位', '开办单位', '所属部门', '部门', '单位名称'] },
    { key: 'sponsorUnitId', label: '挂靠单位', type: 'unit', synonyms: ['挂靠单位', '指导单位', '业务指导单位'] },
    { key: 'guidingTeacherId', label: '指导教师', type: 'person', synonyms: ['指导教师', '指导老师'] },
    { key: 'purpose', label: '宗旨/功能定位', type: 'text', synonyms: ['宗旨', '功能定位', '宗旨/功能定位', '账号定位', '定位', '简介', '功能'] },
    { key: 'contentScope', label: '信息发布范围', type: 'text', synonyms: ['信息发布范围', '发布范围', '发布内容', '内容范围', '主要内容'] },
    { key: 'openedOn', label: '开通日期', type: 'dayOrMonth', synonyms: ['开通日期', '开通时间', '注册时间', '注册日期', '创建时间', '创建日期', '建立时间', '上线时间', '开设时间'] },
    { key: 'certification', label: '认证状态', type: 'enum', values: CERTIFICATION_STATUSES, aliases: CERTIFICATION_ALIASES, synonyms: ['认证状态', '认证情况', '是否认证', '实名认证', '是否实名认证', '认证'] },
    { key: 'followers', label: '粉丝数', type: 'count', synonyms: ['粉丝数', '粉丝量', '关注人数', '关注数', '粉丝', '订阅人数', '用户数'] },
    { key: 'responsibleId', label: '责任人', type: 'person', synonyms: ['责任人', '负责人', '第一责任人', '主要负责人'] },
    { key: 'businessLeadId', label: '业务负责人', type: 'person', synonyms: ['业务负责人'] },
    { key: 'technicalLeadId', label: '技术负责人', type: 'person', synonyms: ['技术负责人'] },
    { key: 'chiefAdminId', label: '总管理员', type: 'person', synonyms: ['总管理员', '管理员', '运营人员', '运维人员', '管理人员'] },
    { key: 'sectionAdminIds', label: '分管理员', type: 'people', synonyms: ['分管理员', '其他管理员', '编辑人员'] },
    { key: 'measures', label: '管理措施', type: 'text', synonyms: ['管理措施', '管理制度'] },
    { key: 'lastUpdateOn', label: '最近更新日期', type: 'date', synonyms: ['最近更新日期', '最近更新', '最后更新', '最后更新日期', '最近更新时间'] },
    { key: 'status', label: '运行状态', type: 'enum', values: LIFECYCLE_STATUSES, aliases: LIFECYCLE_ALIASES, synonyms: ['运行状态', '状态', '账号状态', '使用状态'] },
    { key: 'group.ownerId', label: '群主', type: 'person', synonyms: ['群主'] },
    { key: 'group.memberCount', label: '群成员数', type: 'count', synonyms: ['群成员数', '成员数', '群人数', '人数'] },
    { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明', '附注'] },
  ],
  people: [
    { key: 'name', label: '姓名', type: 'text', required: true, synonyms: ['姓名', '名字', '人员姓名', '人员'] },
    { key: 'unitId', label: '所在单位', type: 'unit', synonyms: ['所在单位', '单位', '所属单位', '部门', '所在部门', '工作单位'] },
    { key: 'title', label: '职务/岗位', type: 'text', synonyms: ['职务/岗位', '职务', '岗位', '职务职称', '职称', '职位'] },
    { key: 'phone', label: '电话', type: 'text', synonyms: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', '办公电话'] },
    { key: 'isTeacher', label: '是否教师', type: 'bool', aliases: TEACHER_ALIASES, synonyms: ['是否教师', '教师', '是否为教师', '身份', '人员类别'] },
    { key: 'status', label: '在岗状态', type: 'enum', values: PERSON_STATUSES, aliases: PERSON_STATUS_ALIASES, synonyms: ['在岗状态', '状态', '是否在岗', '在职状态'] },
    { key: 'statusDate', label: '状态变动日期', type: 'date', synonyms: ['状态变动日期', '离岗日期', '离岗时间', '变动日期'] },
    { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
  ],
  units: [
    { key: 'name', label: '单位名称', type: 'text', required: true, synonyms: ['单位名称', '名称', '单位', '部门名称', '部门', '组织名称'] },
    { key: 'kind', label: '单位类别', type: 'enum', values: UNIT_KINDS, aliases: UNIT_KIND_ALIASES, synonyms: ['单位类别', '类别', '单位类型', '类型', '性质'] },
    { key: 'parentId', label: '上级单位', type: 'unit', synonyms: ['上级单位', '上级部门', '归口单位', '挂靠单位', '主管单位'] },
    { key: 'firstResponsibleId', label: '第一责任人', type: 'person', synonyms: ['第一责任人', '负责人', '单位负责人'] },
    { key: 'firstResponsibleRank', label: '第一责任人职级', type: 'enum', values: RANKS, aliases: RANK_ALIASES, synonyms: ['第一责任人职级', '职级', '责任人职级'] },
    { key: 'partySecretaryId', label: '党组织书记', type: 'person', synonyms: ['党组织书记', '书记', '党委书记', '党总支书记'] },
    { key: 'contactId', label: '联络人', type: 'person', synonyms: ['联络人', '联系人', '宣传联络人', '宣传联系人', '工作联系人'] },
    { key: 'phone', label: '联系电话', type: 'text', synonyms: ['联系电话', '电话', '办公电话'] },
    { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
  ],
};

export function fieldOf(target: ImportTarget, key: string): ImportField | undefined {
  return TARGET_FIELDS[target].find((f) => f.key === key);
}
