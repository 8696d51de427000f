// The registry (台账): every online position the institution runs — websites, official
// accounts, apps and work groups — with who is responsible for it and its lifecycle.
import type { BaseRecord, Dated, Id, IsoDate } from './common';

export const PLATFORM_KINDS = [
  '官方网站',
  '微信公众号',
  '微信服务号',
  '微博',
  '抖音',
  '视频号',
  'APP',
  '小程序',
  '学习通等',
  'QQ群',
  '微信群',
  '钉钉群',
  '校园论坛',
  '其他',
] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

/** Work groups (工作群) carry an owner, member count and real-name checks (seed 003 第五章). */
export const GROUP_KINDS = ['QQ群', '微信群', '钉钉群'] as const satisfies readonly PlatformKind[];
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Whether back-filing may be owed: absent (records older than the field) counts as yes. */
export function existedBeforeLedger(p: Pick<Platform, 'existedBeforeLedger'>): boolean {
  return p.existedBeforeLedger !== false;
}

export function isGroupKind(kind: PlatformKind): kind is GroupKind {
  return (GROUP_KINDS as readonly string[]).includes(kind);
}

/** Kinds whose account id is a web address (网址). */
export function isWebsiteKind(kind: PlatformKind): boolean {
  return kind === '官方网站' || kind === '校园论坛';
}

/** Kinds whose account id is a WeChat id (微信号) rather than a URL. */
export function isWechatKind(kind: PlatformKind): boolean {
  return kind === '微信公众号' || kind === '微信服务号' || kind === '视频号' || kind === '小程序';
}

export const LIFECYCLE_STATUSES = ['申请中', '已批准', '运行中', '整改中', '已停用', '已注销'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** Stopped or closed: the account is no longer in use and carries no more obligations (a closure filing ends them, 001 第六条). */
export const CLOSED_STATUSES = ['已停用', '已注销'] as const satisfies readonly LifecycleStatus[];

export function isClosed(p: Pick<Platform, 'status'>): boolean {
  return (CLOSED_STATUSES as readonly LifecycleStatus[]).includes(p.status);
}

/** Accounts that are live on the internet: the ones to update, inspect and check. */
export function isRunning(p: Pick<Platform, 'status'>): boolean {
  return p.status === '运行中' || p.status === '整改中';
}

export const CERTIFICATION_STATUSES = ['已认证', '未认证', '认证中', '不适用'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** Server: 不涉及数据服务 / 涉及数据服务，服务器设置在 … (seed 001 附件1). */
export interface ServerInfo {
  involvesData: boolean;
  location?: string;
}

/** A column (栏目) of a website or account and the department responsible for it (seed 000 附表2/附件3). */
export interface PlatformColumn {
  level1: string;
  level2?: string;
  department: string;
  note?: string;
}

/**
 * One entry of a work group's roster (003 第二十条: members are this school's staff under their
 * real names, 部门+姓名): a person of the registry, or the department and name of someone who is not.
 */
export interface GroupMember {
  personId?: Id;
  department?: string;
  name?: string;
}

export interface WorkGroupInfo {
  /** The roster the owner checks against (003 第二十条, 000 第五条); absent until one is kept. */
  members?: GroupMember[];
  /** 群主 */
  ownerId?: Id;
  memberCount?: number;
  /** Dates on which members were checked against the real-name rule (部门+姓名). */
  realNameCheckDates: IsoDate[];
  /** 监督人 (seed 003 第十九条: 纪委书记监督制). */
  supervisorId?: Id;
  disbandedOn?: IsoDate;
}

export interface Platform extends BaseRecord {
  kind: PlatformKind;
  name: string;
  /** 账号 / 微信号 / 网址. */
  accountId: string;
  url?: string;
  /** 主办/主管单位. */
  hostUnitId?: Id;
  /** For student organisations: the sponsoring unit and guiding teacher (seed 003 第六条, 004 第三条). */
  sponsorUnitId?: Id;
  guidingTeacherId?: Id;
  /** 宗旨/功能定位. */
  purpose: string;
  /** 信息发布范围. */
  contentScope: string;
  openedOn?: IsoDate;
  /**
   * Opened before this ledger was kept, so its approval or filing may be owed after the fact
   * (003 第二十五条 补办审批手续, 004 第七条 补充填写备案表). Absent on records saved before the
   * field existed: read as true (see existedBeforeLedger()), since those were entered from the old
   * ledgers and hiding an owed filing is worse than one reminder the clerk can switch off.
   */
  existedBeforeLedger?: boolean;
  certification: CertificationStatus;
  followers: Dated<number>[];
  server: ServerInfo;
  /** 责任人 (seed 001: 党委（总支）书记或职能部门正职). */
  responsibleId?: Id;
  businessLeadId?: Id;
  technicalLeadId?: Id;
  /** 总管理员 / 分管理员 (seed 000 第四条). */
  chiefAdminId?: Id;
  sectionAdminIds: Id[];
  /** 管理措施. */
  measures: string;
  columns: PlatformColumn[];
  /** Last content update as checked by the clerk. */
  lastUpdateOn?: IsoDate;
  status: LifecycleStatus;
  statusHistory: Dated<LifecycleStatus>[];
  group?: WorkGroupInfo;
  note?: string;
}

/**
 * Key of the registry's duplicate rule: one live platform per kind and account id. Full-width
 * forms, case, surrounding spaces, http(s):// and trailing slashes do not make another account.
 * Undefined without an account id (e.g. 其他 before it has one).
 */
export function platformKey(kind: string, accountId: string): string | undefined {
  const account = accountId
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  return account ? `${kind}\u0000${account}` : undefined;
}

/** The newest follower count, or undefined when none was recorded. */
export function currentFollowers(p: Pick<Platform, 'followers'>): number | undefined {
  let best: Dated<number> | undefined;
  for (const f of p.followers) if (!best || f.date >= best.date) best = f;
  return best?.value;
}

