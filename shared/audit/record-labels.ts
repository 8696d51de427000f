// What the audit log shows about a record: its display name, kept in the entry when it is written
// (so "who deleted the 宣传部 account" is answerable after the record is gone), and Chinese labels
// of the fields a change touched.

/** The record's name as the clerk knows it, from the record's own fields (no lookups needed). */
export function recordDisplayName(table: string, record: object | undefined): string | undefined {
  if (!record) return undefined;
  const r = record as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' && r[key] !== '' ? (r[key] as string) : undefined);
  switch (table) {
    case 'approvals':
      return [text('kind'), text('changeDate') ?? text('date')].filter(Boolean).join(' ') || undefined;
    case 'reviews':
      return text('title');
    case 'envelopes':
      return text('number') ? `信封 ${text('number')}` : undefined;
    case 'handovers':
      return text('date') ? `交接 ${text('date')}` : undefined;
    case 'inspections':
      return typeof r.year === 'number' ? `${r.year}年度检查` : undefined;
    case 'incidents':
      return [text('kind'), text('date')].filter(Boolean).join(' ') || undefined;
    case 'trainings':
      return text('topic');
    case 'printouts':
      return text('formNumber');
    case 'settings':
      return '设置';
    default:
      return text('name') ?? text('title');
  }
}

const FIELD_LABELS: Record<string, string> = {
  // 单位、人员、平台
  name: '名称',
  kind: '类别',
  parentId: '上级单位',
  firstResponsibleId: '第一责任人',
  firstResponsibleRank: '第一责任人职级',
  partySecretaryId: '党组织书记',
  contactId: '联系人',
  rank: '职级',
  phone: '电话',
  note: '备注',
  unitId: '单位',
  title: '标题',
  isTeacher: '是否教师',
  status: '状态',
  statusDate: '状态日期',
  accountId: '账号ID',
  url: '网址',
  certification: '认证状态',
  hostUnitId: '主办单位',
  sponsorUnitId: '主管单位',
  department: '负责部门',
  purpose: '宗旨',
  contentScope: '内容范围',
  openedOn: '开通日期',
  lastUpdateOn: '最近更新日期',
  responsibleId: '责任人',
  chiefAdminId: '总管理员',
  technicalLeadId: '技术负责人',
  businessLeadId: '业务负责人',
  supervisorId: '监管人',
  guidingTeacherId: '指导教师',
  ownerId: '群主',
  sectionAdminIds: '栏目管理员',
  columns: '栏目设置',
  followers: '粉丝数',
  server: '服务器',
  involvesData: '涉及数据',
  measures: '安全措施',
  location: '位置',
  memberCount: '成员数',
  group: '工作群信息',
  realNameCheckDates: '实名核查日期',
  disbandedOn: '解散日期',
  statusHistory: '状态记录',
  existedBeforeLedger: '建立本台账前已开通',
  deletedAt: '删除时间',
  // 备案、审核、信封、交接、检查、事件、培训、打印
  platformId: '平台',
  changes: '变更内容',
  changeDate: '变更日期',
  dueDate: '应报备日期',
  filedOn: '报备日期',
  signedBy: '签字人',
  signedOn: '签字日期',
  column: '栏目',
  content: '内容摘要',
  copywriterId: '文案',
  editorId: '编辑',
  imageSource: '图片来源',
  submittingUnitId: '报送部门',
  plannedAt: '拟发布时间',
  major: '重大事项',
  steps: '审核记录',
  returnedRounds: '退回记录',
  publishedAt: '发布时间',
  publishedUrl: '发布链接',
  publishedById: '发布人',
  originalReviewId: '重发的原审核',
  corrections: '纠错记录',
  number: '编号',
  items: '封存内容',
  sealedOn: '封存日期',
  passwordChangedOn: '密码修改日期',
  nextChangeDue: '下次应修改日期',
  sealedById: '封存人',
  witnessId: '监封人',
  custodianId: '保管人',
  openings: '启封记录',
  replacedById: '替换信封',
  outgoingId: '移交人',
  incomingId: '接收人',
  date: '日期',
  checklist: '交接清单',
  passwordChangeConfirmedById: '更换密码确认人',
  year: '年度',
  checks: '检查项目',
  selfAssessment: '自查情况',
  result: '检查结论',
  approvedById: '审批人',
  approvedOn: '审批日期',
  found: '发现的问题',
  actions: '处理措施',
  reportedTo: '报告对象',
  feedback: '反馈',
  closedOn: '办结日期',
  topic: '培训主题',
  speaker: '主讲人',
  team: '培训对象',
  attendeeIds: '签到人员',
  formId: '表单',
  formNumber: '表单编号',
  formVersion: '表单版本',
  printedAt: '打印时间',
  paperStatus: '纸质状态',
  archiveLocation: '存放位置',
  scanAttachmentId: '扫描件',
  recordTable: '记录类别',
  recordId: '记录',
  // 设置
  institution: '学校名称',
  operatorName: '操作员',
  profileId: '规则方案',
  holidayOverrides: '节假日安排',
  sensitiveWords: '敏感词表',
};

/** Where a table's field means something else than the same key in other tables. */
const TABLE_FIELD_LABELS: Partial<Record<string, Record<string, string>>> = {
  people: { name: '姓名', title: '职务/岗位' },
  envelopes: { location: '存放位置' },
  trainings: { location: '地点' },
};

/** The Chinese label of a field (of `table`, when given); a field without one is named as 其他栏目 (never a raw key on screen). */
export function fieldLabel(field: string, table?: string): string {
  return (table === undefined ? undefined : TABLE_FIELD_LABELS[table]?.[field]) ?? FIELD_LABELS[field] ?? '其他栏目';
}

/** A stored value as the clerk reads it; `name` turns a record id into its name where known. */
export function auditValueText(value: unknown, name: (id: string) => string | undefined = () => undefined): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return name(value) ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : auditValueText(v, name))).join('、');
  return JSON.stringify(value);
}

/** One changed field (of `table`, when given) as 名称：旧 → 新. */
export function describeChange(field: string, [before, after]: readonly [unknown, unknown], name?: (id: string) => string | undefined, table?: string): string {
  return `${fieldLabel(field, table)}：${auditValueText(before, name)} → ${auditValueText(after, name)}`;
}

/**
 * An entry's changes as the audit log page and its export list them, a line per field. A new
 * record's own id is left out: the entry names the record already (its 记录 and 记录编号).
 */
export function changeLines(entry: { table: string; changes: Record<string, readonly [unknown, unknown]> }, name?: (id: string) => string | undefined): { field: string; text: string }[] {
  return Object.entries(entry.changes)
    .filter(([field]) => field !== 'id')
    .map(([field, change]) => ({ field, text: describeChange(field, change, name, entry.table) }));
}
