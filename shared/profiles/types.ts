// A rule profile: the rules of one institution, as data. Five presets (one per source
// regulation) plus "custom"; nothing about a particular institution is hard-wired in code.
import type { PlatformKind } from '../domain/platform';

export interface ReviewStepRule {
  /** Who signs this step, as printed on the form, e.g. '部门负责人'. */
  roleLabel: string;
  minSigners: number;
  /** Seed 004: 信息发布内容审核负责人必须为本单位教师. */
  mustBeTeacher?: boolean;
  /** Only for major items (重大事项/重要新闻) — the escalation step. */
  onlyForMajor?: boolean;
  /** Lowest 职级 a signer of this step holds (001 第七条: 负责宣传的处级领导); 副处级 counts as 处级. */
  minRank?: '处级' | '科级';
  /** The clause that sets this step's constraints, cited when one is not met, e.g. '001 第七条'. */
  source?: string;
}

export interface UpdateFrequencyRule {
  kinds: PlatformKind[];
  /** e.g. 'week' with minCount 1 = at least weekly; 'month' with 4 = 4 pushes a month. */
  per: 'week' | 'month';
  minCount: number;
  /** Clause that sets it, e.g. '002 第八条'. */
  source: string;
}

export interface PasswordPolicy {
  minLength: number;
  requireLetters: boolean;
  requireDigits: boolean;
  requireSymbols: boolean;
  /** Rotation interval in days (0 = no fixed interval, change "regularly"). */
  rotationDays: number;
  /** Must the password change after a handover / after someone else was trusted with it? */
  changeAfterHandover: boolean;
}

export interface FormTexts {
  /** The office that issues the forms, printed as 制表：… (seed 001 附件1). */
  tabulatingOffice: string;
  /** The office that receives filings, e.g. 党委宣传部. */
  filingOffice: string;
  /** The office that keeps review forms (seed 001 第七条: 综合办公室). */
  keepingOffice: string;
}

/** Obligations the app reminds of whose clause differs between institutions. */
export type ClauseKey =
  | 'changeFiling'
  | 'backFiling'
  | 'zombie'
  | 'realNameCheck'
  | 'training'
  | 'passwordRotation'
  | 'passwordAfterHandover'
  | 'envelope'
  /** Closing accounts not filed or refused (001 第六条: 未报备或审批未通过的新媒体，须及时关闭或注销). */
  | 'closeUnfiled';

export interface RuleProfile {
  id: string;
  /** Named after the institution type, e.g. '高校图书馆（二级单位）'. */
  name: string;
  /** The regulation it is built from, e.g. seed file id and title. */
  source: string;
  reviewChain: ReviewStepRule[];
  minReviewers: number;
  /** Working days after a change within which it must be filed (001 第五条, 004 第六条: 5). */
  changeFilingWorkingDays: number;
  /** Days for back-filing accounts opened before the rules (003 第二十五条: 10). */
  backFilingDays: number;
  /** Annual inspection window: months 1–12 and days of month. */
  annualInspection: { month: number; fromDay: number; toDay: number; source: string };
  passwordPolicy: PasswordPolicy;
  updateFrequency: UpdateFrequencyRule[];
  /** Months without an update after which an account counts as a 僵尸号. */
  zombieMonths: number;
  /** Trainings per semester (003 第十五条: at least one). */
  trainingsPerSemester: number;
  /** Form ids (F01…F17) this institution uses. */
  forms: string[];
  texts: FormTexts;
  /**
   * The clause of the profile's seed for each reminder, e.g. zombie: '004 通知 三'; a missing key
   * means the seed has none and the reminder cites 本单位规定 (see clauses.ts).
   */
  clauses?: Partial<Record<ClauseKey, string>>;
  /**
   * IANA time zone the institution's dates and times are shown, entered and printed in
   * (e.g. 'Asia/Shanghai'). Optional: profiles stored before it existed mean China time.
   */
  timeZone?: string;
}
