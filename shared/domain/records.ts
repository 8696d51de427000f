// The record types beside unit, person and platform (approvals, reviews, envelopes,
// handovers, inspections, incidents, trainings, printouts, attachments). Their screens come in later issues; the
// shapes are declared now so the database holds every table from the first version.
import type { BaseRecord, Id, IsoDate, IsoDateTime } from './common';

export const APPROVAL_KINDS = ['开通审批', '备案', '变更备案', '注销备案'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface Approval extends BaseRecord {
  platformId: Id;
  kind: ApprovalKind;
  changes: FieldChange[];
  changeDate?: IsoDate;
  dueDate?: IsoDate;
  signedBy?: string;
  signedOn?: IsoDate;
  filedOn?: IsoDate;
  note?: string;
}

export const REVIEW_DECISIONS = ['通过', '退回修改'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewStepRecord {
  stepIndex: number;
  roleLabel: string;
  reviewerIds: Id[];
  opinion?: string;
  decision?: ReviewDecision;
  date?: IsoDate;
}

export interface Correction {
  action: '删除' | '屏蔽' | '更正';
  at: IsoDateTime;
  reason: string;
}

export interface Review extends BaseRecord {
  platformId: Id;
  column?: string;
  plannedAt?: IsoDateTime;
  title: string;
  content?: string;
  copywriterId?: Id;
  editorId?: Id;
  imageSource?: string;
  submittingUnitId?: Id;
  major: boolean;
  steps: ReviewStepRecord[];
  publishedAt?: IsoDateTime;
  publishedUrl?: string;
  publishedById?: Id;
  corrections: Correction[];
  /** 重发重审: the review this one re-publishes. */
  originalReviewId?: Id;
  /** Ids of the prohibited-content checklist items the clerk ticked as checked (003 第十一条, 000 第七条). */
  checklist?: string[];
  /** Earlier rounds that ended in 退回修改, oldest first: kept so every signature stays on record. */
  returnedRounds?: ReviewStepRecord[][];
}

export const ENVELOPE_ITEMS = ['登录账号', '密码', '绑定手机', '绑定邮箱', '管理员微信', '恢复码'] as const;

export interface EnvelopeOpening {
  at: IsoDateTime;
  byId?: Id;
  reason: string;
  approvedById?: Id;
}

/** Custody of a sealed paper envelope. Never holds a credential value. */
export interface Envelope extends BaseRecord {
  platformId: Id;
  number: string;
  items: string[];
  sealedOn: IsoDate;
  sealedById?: Id;
  witnessId?: Id;
  custodianId?: Id;
  location: string;
  passwordChangedOn?: IsoDate;
  nextChangeDue?: IsoDate;
  openings: EnvelopeOpening[];
  replacedById?: Id;
}

export interface Handover extends BaseRecord {
  platformId: Id;
  outgoingId?: Id;
  incomingId?: Id;
  supervisorId?: Id;
  date: IsoDate;
  checklist: { item: string; done: boolean }[];
  passwordChangedOn?: IsoDate;
  passwordChangeConfirmedById?: Id;
}

export const INSPECTION_RESULTS = ['合格', '限期整改', '关停注销'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export interface Inspection extends BaseRecord {
  year: number;
  platformId: Id;
  checks: { item: string; ok: boolean; note?: string }[];
  selfAssessment?: string;
  result?: InspectionResult;
  approvedById?: Id;
  approvedOn?: IsoDate;
}

export const INCIDENT_KINDS = ['问题登记', '举报投诉', '舆情'] as const;
export const INCIDENT_ACTIONS = ['劝阻', '禁言', '移出', '删除', '屏蔽', '上报'] as const;

export interface Incident extends BaseRecord {
  kind: (typeof INCIDENT_KINDS)[number];
  date: IsoDate;
  platformId?: Id;
  found: string;
  /** Who complained (举报投诉), so the result can be fed back (002 第十条(二)); absent when anonymous. */
  complainant?: string;
  /** How to reach the complainant: phone, e-mail or address. */
  complainantContact?: string;
  actions: (typeof INCIDENT_ACTIONS)[number][];
  reportedTo?: string;
  feedback?: string;
  closedOn?: IsoDate;
}

export const TRAINING_TEAMS = ['宣传部网络骨干', '二级单位宣传委员', '学生网络骨干'] as const;

export interface Training extends BaseRecord {
  date: IsoDate;
  topic: string;
  speaker?: string;
  /** Where it is held, printed on the sign-in sheet (F16 地点). */
  location?: string;
  team?: (typeof TRAINING_TEAMS)[number];
  attendeeIds: Id[];
}

export const PAPER_STATUSES = ['待签回', '已签回', '已归档'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export interface Printout extends BaseRecord {
  formId: string;
  formVersion: string;
  /** The form's printed number, e.g. BA-2026-0007. */
  formNumber: string;
  recordTable?: string;
  recordId?: Id;
  printedAt: IsoDateTime;
  paperStatus: PaperStatus;
  archiveLocation?: string;
  scanAttachmentId?: Id;
}

export interface Attachment extends BaseRecord {
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The bytes live beside this metadata in the renderer's database (a Blob there). */
  ownerTable?: string;
  ownerId?: Id;
}
