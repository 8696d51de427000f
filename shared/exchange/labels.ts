// Chinese labels of the fields a package carries and how their values read in the side-by-side
// view of an import (names instead of ids, dates and lists as the clerk writes them).
import type { ExchangeTable } from './format';

const COMMON: Record<string, string> = { deletedAt: '回收站' };

export const FIELD_LABELS: Record<ExchangeTable, Record<string, string>> = {
  units: {
    name: '单位名称',
    kind: '单位类别',
    parentId: '上级单位',
    firstResponsibleId: '第一责任人',
    firstResponsibleRank: '第一责任人职级',
    partySecretaryId: '党组织书记',
    contactId: '联系人',
    phone: '联系电话',
    note: '备注',
    ...COMMON,
  },
  people: {
    name: '姓名',
    unitId: '所在单位',
    title: '职务/岗位',
    phone: '电话',
    isTeacher: '是否教师',
    status: '在岗状态',
    statusDate: '状态变动日期',
    note: '备注',
    ...COMMON,
  },
  platforms: {
    kind: '平台类型',
    name: '平台名称',
    accountId: '账号/微信号/网址',
    url: '网址',
    hostUnitId: '主办单位',
    sponsorUnitId: '挂靠单位',
    guidingTeacherId: '指导教师',
    purpose: '宗旨/功能定位',
    contentScope: '信息发布范围',
    openedOn: '开通日期',
    certification: '认证状态',
    followers: '粉丝数记录',
    server: '服务器',
    responsibleId: '责任人',
    businessLeadId: '业务负责人',
    technicalLeadId: '技术负责人',
    chiefAdminId: '总管理员',
    sectionAdminIds: '分管理员',
    measures: '管理措施',
    columns: '栏目分工',
    lastUpdateOn: '最近更新日期',
    status: '运行状态',
    statusHistory: '状态记录',
    group: '工作群信息',
    note: '备注',
    ...COMMON,
  },
  approvals: {
    platformId: '平台',
    kind: '类别',
    changes: '变更内容',
    changeDate: '变更日期',
    dueDate: '报备期限',
    signedBy: '签字人',
    signedOn: '签字日期',
    filedOn: '报备日期',
    note: '备注',
    ...COMMON,
  },
};

/** Fields holding one id, and the table it points into. */
const ID_FIELDS: Record<string, ExchangeTable> = {
  parentId: 'units',
  unitId: 'units',
  hostUnitId: 'units',
  sponsorUnitId: 'units',
  platformId: 'platforms',
  firstResponsibleId: 'people',
  partySecretaryId: 'people',
  contactId: 'people',
  guidingTeacherId: 'people',
  responsibleId: 'people',
  businessLeadId: 'people',
  technicalLeadId: 'people',
  chiefAdminId: 'people',
  ownerId: 'people',
  supervisorId: 'people',
};

export function fieldLabel(table: ExchangeTable, field: string): string {
  return FIELD_LABELS[table][field] ?? field;
}

/** The label order of a table's fields, then any field the labels do not know. */
export function orderedFields(table: ExchangeTable, fields: Iterable<string>): string[] {
  const known = Object.keys(FIELD_LABELS[table]);
  const present = new Set(fields);
  return [...known.filter((f) => present.has(f)), ...[...present].filter((f) => !known.includes(f)).sort()];
}

/** Looks a record's display name up (package first, then this computer); undefined when unknown. */
export type NameOf = (table: ExchangeTable, id: string) => string | undefined;

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function nameText(table: ExchangeTable, id: unknown, nameOf: NameOf): string {
  if (typeof id !== 'string' || !id) return '';
  return nameOf(table, id) ?? `（本机和数据包中都没有此记录：${id}）`;
}

function datedList(v: unknown): string {
  if (!Array.isArray(v)) return str(v);
  return v.map((d) => (isObject(d) ? `${str(d.date)} ${str(d.value)}${d.note ? `（${str(d.note)}）` : ''}` : str(d))).join('；');
}

/** A field's value as text for the side-by-side view; '' when the field is empty. */
export function formatValue(table: ExchangeTable, field: string, value: unknown, nameOf: NameOf): string {
  if (value === undefined || value === null || value === '') return '';
  if (field === 'deletedAt') return `已移入回收站（${str(value).slice(0, 10)}）`;
  const target = ID_FIELDS[field];
  if (target) return nameText(target, value, nameOf);
  if (typeof value === 'boolean') return value ? '是' : '否';
  switch (field) {
    case 'sectionAdminIds':
      return Array.isArray(value) ? value.map((id) => nameText('people', id, nameOf)).join('、') : str(value);
    case 'followers':
    case 'statusHistory':
      return datedList(value);
    case 'server':
      return isObject(value) ? (value.involvesData ? `涉及数据服务，服务器设置在${str(value.location)}` : '不涉及数据服务') : str(value);
    case 'columns':
      return Array.isArray(value)
        ? value.map((c) => (isObject(c) ? `${str(c.level1)}${c.level2 ? `／${str(c.level2)}` : ''}：${str(c.department)}` : str(c))).join('；')
        : str(value);
    case 'changes':
      return Array.isArray(value) ? value.map((c) => (isObject(c) ? `${str(c.field)}：${str(c.before) || '（空）'} → ${str(c.after) || '（空）'}` : str(c))).join('；') : str(value);
    case 'group': {
      if (!isObject(value)) return str(value);
      const parts: string[] = [];
      if (value.ownerId) parts.push(`群主 ${nameText('people', value.ownerId, nameOf)}`);
      if (value.memberCount !== undefined) parts.push(`成员 ${str(value.memberCount)} 人`);
      if (Array.isArray(value.realNameCheckDates) && value.realNameCheckDates.length) parts.push(`实名核查 ${value.realNameCheckDates.map(str).join('、')}`);
      if (value.supervisorId) parts.push(`监督人 ${nameText('people', value.supervisorId, nameOf)}`);
      if (value.disbandedOn) parts.push(`${str(value.disbandedOn)} 解散`);
      return parts.join('，');
    }
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return str(value);
}
