// How a record's fields read to the clerk, in one place: their Chinese labels, table by table, and
// their values as text (names instead of ids, dates and lists as the clerk writes them, nested
// entries spelled out, never raw JSON). The audit log (its page and its export) and the
// side-by-side view of an exchange import both read fields through here, so a field is named and
// shown the same wherever it appears.
import { checklistItem } from './content-checklist';
import { isGroupKind, isWebsiteKind, isWechatKind, type PlatformKind } from './platform';
import { tableLabel, type RecordTable } from './tables';
import { DEFAULT_TIME_ZONE, dayOf, instantText } from './time-zone';

/** The tables whose fields are labelled: every record table and the settings row. */
export type LabelledTable = RecordTable | 'settings' | 'database';

/** A field without a label: never a raw key on screen. */
export const UNLABELLED = '其他栏目';

const TRASH = { deletedAt: '回收站' };

/** Each table's fields in the order a record shows them (an import's side-by-side view keeps it). */
const FIELD_LABELS: Record<LabelledTable, Record<string, string>> = {
  units: {
    name: '单位名称',
    kind: '单位类别',
    parentId: '上级单位',
    firstResponsibleId: '第一责任人',
    firstResponsibleRank: '第一责任人职级',
    partySecretaryId: '党组织书记',
    contactId: '联络人',
    phone: '联系电话',
    note: '备注',
    ...TRASH,
  },
  people: {
    name: '姓名',
    unitId: '所在单位',
    title: '职务/岗位',
    rank: '职级',
    phone: '电话',
    isTeacher: '是否教师',
    status: '在岗状态',
    statusDate: '状态变动日期',
    note: '备注',
    ...TRASH,
  },
  platforms: {
    kind: '平台类型',
    name: '平台名称',
    accountId: '账号 / 微信号 / 网址',
    url: '网址',
    hostUnitId: '主办单位',
    sponsorUnitId: '挂靠单位',
    guidingTeacherId: '指导教师',
    purpose: '宗旨 / 功能定位',
    contentScope: '信息发布范围',
    openedOn: '开通时间',
    existedBeforeLedger: '建立本台账前已开通',
    certification: '实名认证',
    followers: '粉丝数记录',
    server: '服务器',
    responsibleId: '责任人',
    businessLeadId: '业务负责人',
    technicalLeadId: '技术负责人',
    chiefAdminId: '总管理员',
    sectionAdminIds: '分管理员',
    measures: '管理措施',
    columns: '栏目分工',
    lastUpdateOn: '最近更新（经核查）',
    status: '运行状态',
    statusHistory: '状态记录',
    group: '工作群信息',
    note: '备注',
    ...TRASH,
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
    ...TRASH,
  },
  reviews: {
    platformId: '发布平台',
    column: '栏目',
    title: '信息标题',
    content: '内容摘要',
    plannedAt: '拟发布时间',
    copywriterId: '文案',
    editorId: '编辑',
    imageSource: '图片来源',
    submittingUnitId: '报送部门',
    major: '重大事项',
    checklist: '内容核对',
    steps: '审核记录',
    returnedRounds: '退回记录',
    publishedAt: '发布时间',
    publishedUrl: '发布链接',
    publishedById: '发布人',
    corrections: '纠错记录',
    originalReviewId: '重发的原审核',
    ...TRASH,
  },
  envelopes: {
    platformId: '平台',
    number: '信封编号',
    items: '封存内容',
    sealedOn: '封存日期',
    sealedById: '封存人',
    witnessId: '监封人',
    custodianId: '保管人',
    location: '存放位置',
    passwordChangedOn: '密码修改日期',
    nextChangeDue: '下次应修改日期',
    openings: '启封记录',
    replacedById: '替换信封',
    ...TRASH,
  },
  handovers: {
    platformId: '平台',
    date: '交接日期',
    outgoingId: '移交人',
    incomingId: '接收人',
    supervisorId: '监交人',
    checklist: '交接清单',
    passwordChangedOn: '交接后更换密码日期',
    passwordChangeConfirmedById: '更换密码确认人',
    ...TRASH,
  },
  inspections: {
    year: '年度',
    platformId: '平台',
    checks: '检查项目',
    selfAssessment: '自查情况',
    result: '检查结论',
    approvedById: '审批人',
    approvedOn: '审批日期',
    ...TRASH,
  },
  incidents: {
    kind: '类别',
    date: '日期',
    platformId: '平台或工作群',
    found: '发现的问题',
    complainant: '举报人',
    complainantContact: '举报人联系方式',
    actions: '处置措施',
    reportedTo: '上报对象',
    feedback: '反馈（处理结果）',
    closedOn: '办结日期',
    ...TRASH,
  },
  trainings: {
    date: '日期',
    topic: '培训主题',
    speaker: '主讲人',
    location: '地点',
    team: '培训对象',
    attendeeIds: '签到人员',
    ...TRASH,
  },
  printouts: {
    formId: '表格',
    formNumber: '表格编号',
    formVersion: '表格版本',
    recordTable: '记录类别',
    recordId: '记录',
    printedAt: '打印时间',
    paperStatus: '纸质状态',
    archiveLocation: '存放位置',
    scanAttachmentId: '扫描件',
    ...TRASH,
  },
  attachments: {
    name: '文件名',
    mimeType: '文件类型',
    size: '大小（字节）',
    sha256: 'SHA-256',
    ownerTable: '所属记录类别',
    ownerId: '所属记录',
    ...TRASH,
  },
  settings: {
    institutionName: '学校名称',
    operatorName: '操作员',
    profileId: '规则方案',
    profile: '规则方案内容',
    holidayOverrides: '节假日安排',
    sensitiveWords: '敏感词表',
    backupFolder: '备份文件夹',
    setupCompletedAt: '完成设置时间',
  },
  // An entry about the whole database (a restore).
  database: {
    restoredFrom: '恢复自',
    backupCreatedAt: '备份时间',
  },
};

const isLabelled = (table: string): table is LabelledTable => Object.hasOwn(FIELD_LABELS, table);

/** The Chinese label of a table's field (其他栏目 for a field it does not know). */
export function fieldLabel(table: string, field: string): string {
  return isLabelled(table) && Object.hasOwn(FIELD_LABELS[table], field) ? FIELD_LABELS[table][field]! : UNLABELLED;
}

/** A table's fields in their labels' order, then any field the labels do not know. */
export function orderedFields(table: string, fields: Iterable<string>): string[] {
  const known = isLabelled(table) ? Object.keys(FIELD_LABELS[table]) : [];
  const present = new Set(fields);
  return [...known.filter((f) => present.has(f)), ...[...present].filter((f) => !known.includes(f)).sort()];
}

/**
 * What a platform's accountId is called where its kind is known (its form, its page, validation's
 * messages): 网址, 群号, 微信号/原始ID or 账号; the field's general label while no kind is chosen.
 */
export function accountIdLabel(kind: PlatformKind | undefined): string {
  if (kind === undefined) return FIELD_LABELS.platforms.accountId!;
  if (isWebsiteKind(kind)) return '网址';
  if (isGroupKind(kind)) return '群号';
  if (isWechatKind(kind)) return '微信号/原始ID';
  return '账号';
}

/** Fields holding one id, and the table it points into. */
const ID_FIELDS: Record<string, RecordTable> = {
  parentId: 'units',
  unitId: 'units',
  hostUnitId: 'units',
  sponsorUnitId: 'units',
  submittingUnitId: 'units',
  platformId: 'platforms',
  originalReviewId: 'reviews',
  replacedById: 'envelopes',
  scanAttachmentId: 'attachments',
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
  copywriterId: 'people',
  editorId: 'people',
  publishedById: 'people',
  sealedById: 'people',
  witnessId: 'people',
  custodianId: 'people',
  outgoingId: 'people',
  incomingId: 'people',
  passwordChangeConfirmedById: 'people',
  approvedById: 'people',
  byId: 'people',
};

/** Where a table's id field points elsewhere than the same key in other tables. */
const TABLE_ID_FIELDS: Partial<Record<string, Record<string, RecordTable>>> = {
  attachments: { ownerId: 'printouts' },
};

function idTarget(table: string, field: string): RecordTable | undefined {
  const own = TABLE_ID_FIELDS[table];
  if (own && Object.hasOwn(own, field)) return own[field];
  return Object.hasOwn(ID_FIELDS, field) ? ID_FIELDS[field] : undefined;
}

/** Fields holding an instant (shown as the date and time on the clerk's clock). */
const INSTANT_FIELDS = new Set(['plannedAt', 'publishedAt', 'printedAt', 'setupCompletedAt', 'backupCreatedAt', 'at']);

/** Fields holding a table's name. */
const TABLE_NAME_FIELDS = new Set(['recordTable', 'ownerTable']);

/** Fields holding a list of people's ids. */
const PEOPLE_LIST_FIELDS = new Set(['sectionAdminIds', 'attendeeIds', 'reviewerIds']);

/**
 * The name of the record an id points to, as the caller knows it (it decides what an unknown id
 * reads as); the table is undefined where the record names its table in another field (a printout's 记录).
 */
export type NameText = (table: RecordTable | undefined, id: string) => string;

/** An instant as the date and time on the clerk's clock ('2026-06-15 10:00'); the text as it is when it is no instant. */
const momentText = (value: unknown, timeZone: string): string => instantText(str(value), timeZone);

/** An instant's date on the clerk's calendar. */
const dateText = (value: unknown, timeZone: string): string => dayOf(str(value), timeZone);

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function datedList(v: unknown): string {
  return list(v)
    .map((d) => (isObject(d) ? `${str(d.date)} ${str(d.value)}${d.note ? `（${str(d.note)}）` : ''}` : str(d)))
    .join('；');
}

function reviewSteps(v: unknown, names: NameText): string {
  return list(v)
    .map((s) => {
      if (!isObject(s)) return str(s);
      const who = list(s.reviewerIds).map((id) => names('people', str(id))).join('、');
      const parts = [who, str(s.decision), s.opinion ? `意见：${str(s.opinion)}` : '', str(s.date)].filter(Boolean);
      return `第${Number(s.stepIndex) + 1}级 ${str(s.roleLabel)}${parts.length ? `（${parts.join('，')}）` : ''}`;
    })
    .join('；');
}

/**
 * A field's value as text; '' when the field is empty. `names` turns ids into names; instants read
 * on the clock of `timeZone` (the profile's, China's by default).
 */
export function fieldValueText(table: string, field: string, value: unknown, names: NameText, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value) && value.length === 0) return '';
  if (field === 'deletedAt') return `已移入回收站（${dateText(value, timeZone)}）`;
  const target = idTarget(table, field);
  if (target && typeof value === 'string') return names(target, value);
  if (field === 'recordId' && typeof value === 'string') return names(undefined, value);
  if (INSTANT_FIELDS.has(field)) return momentText(value, timeZone);
  if (TABLE_NAME_FIELDS.has(field)) return tableLabel(str(value));
  if (PEOPLE_LIST_FIELDS.has(field)) return list(value).map((id) => names('people', str(id))).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  switch (field) {
    case 'followers':
    case 'statusHistory':
      return datedList(value);
    case 'server':
      return isObject(value) ? (value.involvesData ? `涉及数据服务，服务器设置在${str(value.location)}` : '不涉及数据服务') : str(value);
    case 'columns':
      return list(value)
        .map((c) => (isObject(c) ? `${str(c.level1)}${c.level2 ? `／${str(c.level2)}` : ''}：${str(c.department)}${c.note ? `（${str(c.note)}）` : ''}` : str(c)))
        .join('；');
    case 'changes':
      return list(value)
        .map((c) => (isObject(c) ? `${str(c.field)}：${str(c.before) || '（空）'} → ${str(c.after) || '（空）'}` : str(c)))
        .join('；');
    case 'group': {
      if (!isObject(value)) return str(value);
      const parts: string[] = [];
      if (value.ownerId) parts.push(`群主 ${names('people', str(value.ownerId))}`);
      if (value.memberCount !== undefined) parts.push(`成员 ${str(value.memberCount)} 人`);
      if (list(value.members).length) parts.push(`名单 ${list(value.members).map((m) => (isObject(m) ? memberText(m, names) : str(m))).join('、')}`);
      if (list(value.realNameCheckDates).length) parts.push(`实名核查 ${list(value.realNameCheckDates).map(str).join('、')}`);
      if (value.supervisorId) parts.push(`监督人 ${names('people', str(value.supervisorId))}`);
      if (value.disbandedOn) parts.push(`${str(value.disbandedOn)} 解散`);
      return parts.join('，');
    }
    case 'steps':
      return reviewSteps(value, names);
    case 'returnedRounds':
      return list(value)
        .map((round, i) => `第${i + 1}轮：${reviewSteps(round, names)}`)
        .join('；');
    case 'corrections':
      return list(value)
        .map((c) => (isObject(c) ? `${momentText(c.at, timeZone)} ${str(c.action)}（${str(c.reason)}）` : str(c)))
        .join('；');
    case 'openings':
      return list(value)
        .map((o) =>
          isObject(o)
            ? `${momentText(o.at, timeZone)} ${o.byId ? names('people', str(o.byId)) : ''}启封（${str(o.reason)}${o.approvedById ? `，${names('people', str(o.approvedById))}批准` : ''}）`
            : str(o),
        )
        .join('；');
    case 'checklist':
      // 交接清单 ticks items; a review's 内容核对 holds the ids of the items its reviewer checked,
      // read as the clauses they come from (003 第十一条 1); an id no longer on the list as it is.
      return table === 'handovers'
        ? list(value)
            .map((c) => (isObject(c) ? `${str(c.item)}${c.done ? '（已完成）' : '（未完成）'}` : str(c)))
            .join('；')
        : `已核对 ${list(value).length} 项：${list(value)
            .map((id) => checklistItem(str(id))?.source ?? str(id))
            .join('、')}`;
    case 'checks':
      return list(value)
        .map((c) => (isObject(c) ? `${str(c.item)}：${c.ok ? '符合' : '不符合'}${c.note ? `（${str(c.note)}）` : ''}` : str(c)))
        .join('；');
    case 'holidayOverrides':
      return list(value)
        .map((h) => (isObject(h) ? `${str(h.date)} ${h.kind === 'holiday' ? '放假' : '上班'}${h.name ? `（${str(h.name)}）` : ''}` : str(h)))
        .join('；');
    case 'profile':
      return isObject(value) ? str(value.name) : str(value);
  }
  if (Array.isArray(value)) return value.map((v) => (isObject(v) ? objectText(table, v, names, timeZone) : str(v))).join('、');
  if (isObject(value)) return objectText(table, value, names, timeZone);
  return str(value);
}

/** A roster entry: the person of the registry, or the department and name written for someone who is not. */
function memberText(m: Loose, names: NameText): string {
  if (m.personId) return names('people', str(m.personId));
  return [str(m.department), str(m.name)].filter(Boolean).join(' ');
}

/** Any other entry: its fields as 名称：值, each through the labels and values above. */
function objectText(table: string, value: Loose, names: NameText, timeZone: string): string {
  return Object.entries(value)
    .map(([field, v]) => [fieldLabel(table, field), fieldValueText(table, field, v, names, timeZone)] as const)
    .filter(([, text]) => text !== '')
    .map(([label, text]) => `${label}：${text}`)
    .join('，');
}
