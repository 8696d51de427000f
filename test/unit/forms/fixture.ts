// A small dataset for form tests: one WeChat account with its unit and people, including names
// with rare characters (𠮷 is outside the BMP, 龘 is a rare BMP character).
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Unit } from '../../../shared/domain/unit';
import { formContextData, type FormContextData } from '../../../shared/forms/context';
import { presetProfile } from '../../../shared/profiles/presets';
import type { RuleProfile } from '../../../shared/profiles/types';

const stamp = { createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-05T08:00:00.000Z' };

export const fixtureUnits: Unit[] = [{ ...stamp, id: '01JUNIT0000000000000000001', name: '信息化建设与管理处', kind: '职能部门' }];

const person = (id: string, name: string, title: string, phone: string): Person => ({
  ...stamp,
  id,
  name,
  title,
  phone,
  unitId: fixtureUnits[0]?.id,
  isTeacher: true,
  status: '在岗',
});

export const fixturePeople: Person[] = [
  person('01JPERS0000000000000000001', '吉𠮷龘', '党委书记', '029-88491234'),
  person('01JPERS0000000000000000002', '李文博', '办公室主任', '13800001111'),
  person('01JPERS0000000000000000003', '王工程', '高级工程师', '13900002222'),
];

export const fixturePlatform: Platform = {
  ...stamp,
  id: '01JPLAT0000000000000000007',
  kind: '微信公众号',
  name: '翱翔信息化𠮷',
  accountId: 'nwpu_xxh',
  hostUnitId: '01JUNIT0000000000000000001',
  purpose: '发布信息化建设动态，提供校园网络与信息服务指南。',
  contentScope: '信息化建设',
  openedOn: '2026-11-22',
  certification: '已认证',
  followers: [
    { date: '2026-03-01', value: 9000 },
    { date: '2026-10-01', value: 12345 },
  ],
  server: { involvesData: true, location: '学校数据中心机房' },
  responsibleId: '01JPERS0000000000000000001',
  businessLeadId: '01JPERS0000000000000000002',
  technicalLeadId: '01JPERS0000000000000000003',
  sectionAdminIds: [],
  measures: '严格执行先审后发制度；账号密码密封存档，专人保管；每月开展内容自查。',
  columns: [],
  status: '运行中',
  statusHistory: [],
  note: '年审已通过',
};

/** The fixtures' institution runs under seed 001's profile (西北工业大学信息化建设与管理处). */
export const FIXTURE_PROFILE_ID = 'functional-department';

export function fixtureContext(formNumber = 'BA-2026-0007', profile: RuleProfile = presetProfile(FIXTURE_PROFILE_ID)): FormContextData {
  return formContextData({
    institutionName: '西北工业大学',
    profile,
    formNumber,
    printedAt: '2026-11-22T09:30:00+08:00',
    people: fixturePeople,
    units: fixtureUnits,
  });
}
