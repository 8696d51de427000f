// Records for the tests of F07–F13: a unit with its accounts, the people who hold their roles
// (𠮷 is outside the BMP, 龘 a rare BMP character), and one record of each kind the forms print.
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Approval, Envelope, Handover, Inspection } from '../../../shared/domain/records';
import type { Unit } from '../../../shared/domain/unit';
import { formContextData, type FormContextData } from '../../../shared/forms/context';
import { presetProfile } from '../../../shared/profiles/presets';
import type { RuleProfile } from '../../../shared/profiles/types';

/** When the fixtures' records were written. */
export const stamp = { createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-05T08:00:00.000Z' };

export const UNIT_ID = '01JUNIT0000000000000000001';
const TW_ID = '01JUNIT0000000000000000002';
const SU_ID = '01JUNIT0000000000000000003';

/** A teacher in post, as the forms print people: name, title and phone. */
export const staffMember = (id: string, name: string, title: string, phone: string, unitId: string): Person => ({
  ...stamp,
  id,
  name,
  title,
  phone,
  unitId,
  isTeacher: true,
  status: '在岗',
});
const person = (n: number, name: string, title: string, phone: string, unitId = UNIT_ID): Person =>
  staffMember(`01JPERS00000000000000000${String(n).padStart(2, '0')}`, name, title, phone, unitId);

export const people: Person[] = [
  person(1, '吉𠮷龘', '处长', '029-88491234'),
  person(2, '李文博', '办公室主任', '13800001111'),
  person(3, '王工程', '高级工程师', '13900002222'),
  person(4, '赵总管', '网络运维科科长', '13700003333'),
  person(5, '孙分管', '综合办公室科员', '13600004444'),
  person(6, '钱监交', '党总支副书记', '13500005555'),
  person(7, '周保管', '综合办公室主任', '13400006666'),
  person(8, '郑指导', '团委副书记', '13300007777', TW_ID),
];
export const pid = (n: number): string => people[n - 1]!.id;

export const units: Unit[] = [
  { ...stamp, id: UNIT_ID, name: '信息化建设与管理处', kind: '职能部门', firstResponsibleId: pid(1), contactId: pid(2), phone: '029-88490000' },
  { ...stamp, id: TW_ID, name: '校团委', kind: '职能部门' },
  { ...stamp, id: SU_ID, name: '学生会', kind: '学生组织', parentId: TW_ID },
];

export const wechat: Platform = {
  ...stamp,
  id: '01JPLAT0000000000000000007',
  kind: '微信公众号',
  name: '翱翔信息化𠮷',
  accountId: 'nwpu_xxh',
  hostUnitId: UNIT_ID,
  purpose: '发布信息化建设动态，提供校园网络与信息服务指南。',
  contentScope: '信息化建设动态、网络服务通知、网络安全提醒。',
  openedOn: '2025-09-01',
  certification: '已认证',
  followers: [{ date: '2026-10-01', value: 12345 }],
  server: { involvesData: false },
  responsibleId: pid(1),
  businessLeadId: pid(2),
  technicalLeadId: pid(3),
  chiefAdminId: pid(4),
  sectionAdminIds: [pid(5)],
  measures: '先审后发。',
  columns: [],
  status: '运行中',
  statusHistory: [],
  note: '年审已通过',
};

export const studentAccount: Platform = {
  ...wechat,
  id: '01JPLAT0000000000000000008',
  name: '学生会之声',
  accountId: 'su_voice',
  hostUnitId: SU_ID,
  sponsorUnitId: TW_ID,
  guidingTeacherId: pid(8),
  openedOn: undefined,
  status: '申请中',
  followers: [],
  note: undefined,
};

export const weibo: Platform = { ...wechat, id: '01JPLAT0000000000000000009', kind: '微博', name: '信息化处微博', accountId: 'weibo.com/xxh', status: '已停用', note: undefined };
export const workGroup: Platform = { ...wechat, id: '01JPLAT0000000000000000010', kind: '微信群', name: '信息化处工作群', accountId: '微信群·信息化处' };

export const opening: Approval = {
  ...stamp,
  id: '01JAPPR0000000000000000001',
  platformId: studentAccount.id,
  kind: '开通审批',
  changes: [],
  note: '开通后及时申请认证',
};

export const change: Approval = {
  ...stamp,
  id: '01JAPPR0000000000000000002',
  platformId: wechat.id,
  kind: '变更备案',
  changes: [
    { field: '总管理员', before: '赵总管', after: '吉𠮷龘' },
    { field: '账号名称', before: '信息化处', after: '翱翔信息化𠮷' },
  ],
  changeDate: '2026-11-16',
  dueDate: '2026-11-23',
  note: '管理员岗位调整',
};

export const closure: Approval = {
  ...stamp,
  id: '01JAPPR0000000000000000003',
  platformId: weibo.id,
  kind: '注销备案',
  changes: [],
  changeDate: '2026-03-02',
  dueDate: '2026-03-09',
  note: '内容并入微信公众号，长期不更新',
};

export const inspection: Inspection = {
  ...stamp,
  id: '01JINSP0000000000000000001',
  year: 2026,
  platformId: wechat.id,
  checks: [
    { item: '已备案且备案信息准确', ok: true },
    { item: '持续更新，无“僵尸号”情况', ok: false, note: '10月停更三周' },
  ],
  selfAssessment: '全年推送86篇，均经三级审核；10月因人员调整停更三周，已整改。',
  result: '限期整改',
  approvedById: pid(1),
  approvedOn: '2026-11-20',
};

export const envelope: Envelope = {
  ...stamp,
  id: '01JENVE0000000000000000001',
  platformId: wechat.id,
  number: 'MF-2026-003',
  items: ['登录账号', '密码', '绑定手机', '恢复码'],
  sealedOn: '2026-11-18',
  sealedById: pid(4),
  witnessId: pid(1),
  custodianId: pid(7),
  location: '综合办公室保密柜2号',
  passwordChangedOn: '2026-11-17',
  nextChangeDue: '2027-02-15',
  openings: [{ at: '2026-06-03T09:00:00+08:00', byId: pid(7), reason: '管理员休假期间紧急发布通知', approvedById: pid(1) }],
};

export const handover: Handover = {
  ...stamp,
  id: '01JHAND0000000000000000001',
  platformId: wechat.id,
  outgoingId: pid(5),
  incomingId: pid(1),
  supervisorId: pid(6),
  date: '2026-11-10',
  checklist: [
    { item: '账号、密码及管理口令', done: true },
    { item: '待审核稿件及发布记录', done: false },
  ],
  passwordChangedOn: '2026-11-11',
  passwordChangeConfirmedById: pid(6),
};

export const platforms: Platform[] = [wechat, studentAccount, weibo, workGroup];

/** An inspection campaign for F11S: the fixture's inspection, one passed and one closed down. */
export const passedInspection: Inspection = { ...inspection, id: '01JINSP0000000000000000002', platformId: studentAccount.id, result: '合格', checks: [] };
export const closedDownInspection: Inspection = { ...inspection, id: '01JINSP0000000000000000003', platformId: weibo.id, result: '关停注销', checks: [] };
export const inspectionCampaign = { year: 2026, inspections: [inspection, passedInspection, closedDownInspection] };

export function recordsContext(
  formNumber = 'BA-2026-0007',
  extraPlatforms: Platform[] = [],
  profile: RuleProfile = presetProfile('functional-department'),
): FormContextData {
  return formContextData({
    institutionName: '西北工业大学',
    profile,
    formNumber,
    printedAt: '2026-11-22T09:30:00+08:00',
    people,
    units,
    platforms: [...platforms, ...extraPlatforms],
  });
}
