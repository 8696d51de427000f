// Password custody on the compliance calendar: when each platform's password was last changed and
// is due again (000 第六条 1, 002 第九条（二）2: 定期修改), the change owed after a handover
// (000 第六条 2), and envelopes opened but not yet re-sealed (003 第十七条). Pure: the start page
// passes the live records, the profile's policy and today's date.
import type { Id, IsoDate } from '../domain/common';
import { isClosed, isGroupKind, type Platform } from '../domain/platform';
import type { Envelope, Handover } from '../domain/records';
import type { PasswordPolicy, RuleProfile } from '../profiles/types';
import { clauseFor } from '../profiles/clauses';
import { addCalendarDays, daysBetween } from '../domain/calendar-days';
import { dayOf, profileZone } from '../domain/time-zone';
import { envelopeState, nextChangeDue } from './envelope-state';
import { handoverState } from './handover-state';
import { sortReminders, type Reminder } from './reminder';

/**
 * Seeds say 及时 (promptly) for the change after a handover or an opening without a period; three
 * calendar days keeps it on top of the calendar without flagging the day itself as overdue.
 */
export const PROMPT_CHANGE_DAYS = 3;
/** A rotation shows up this many days before it falls due. */
export const ROTATION_LEAD_DAYS = 30;

type PlatformRef = Pick<Platform, 'id' | 'name' | 'kind' | 'status' | 'deletedAt'>;
type EnvelopeRef = Pick<Envelope, 'id' | 'platformId' | 'number' | 'sealedOn' | 'passwordChangedOn' | 'openings' | 'replacedById' | 'deletedAt'>;
type HandoverRef = Pick<Handover, 'id' | 'platformId' | 'date' | 'passwordChangedOn' | 'passwordChangeConfirmedById' | 'deletedAt'>;

export interface PasswordStatus {
  /** The newest recorded change: a sealed envelope's change date or a confirmed post-handover change. */
  lastChangedOn?: IsoDate;
  /** lastChangedOn + the profile's rotation interval; undefined without a fixed interval or any record. */
  nextDueOn?: IsoDate;
}

export function passwordStatus(
  platformId: Id,
  envelopes: readonly EnvelopeRef[],
  handovers: readonly HandoverRef[],
  policy: Pick<PasswordPolicy, 'rotationDays'>,
): PasswordStatus {
  return statusSince(lastPasswordChanges(envelopes, handovers, platformId).get(platformId), policy);
}

/**
 * passwordStatus of every platform at once, for lists and reminders over the whole ledger: one pass
 * over the envelopes and handovers instead of one per platform.
 */
export function passwordStatuses(
  envelopes: readonly EnvelopeRef[],
  handovers: readonly HandoverRef[],
  policy: Pick<PasswordPolicy, 'rotationDays'>,
): (platformId: Id) => PasswordStatus {
  const last = lastPasswordChanges(envelopes, handovers);
  return (platformId) => statusSince(last.get(platformId), policy);
}

/** Each platform's newest recorded change (only `onlyFor`'s when given): sealed envelopes and post-handover changes. */
function lastPasswordChanges(envelopes: readonly EnvelopeRef[], handovers: readonly HandoverRef[], onlyFor?: Id): Map<Id, IsoDate> {
  const last = new Map<Id, IsoDate>();
  const seen = (platformId: Id, d: IsoDate | undefined) => {
    if (!d || (onlyFor !== undefined && platformId !== onlyFor)) return;
    const before = last.get(platformId);
    if (!before || d > before) last.set(platformId, d);
  };
  for (const e of envelopes) if (!e.deletedAt) seen(e.platformId, e.passwordChangedOn ?? e.sealedOn);
  for (const h of handovers) if (!h.deletedAt) seen(h.platformId, h.passwordChangedOn);
  return last;
}

function statusSince(last: IsoDate | undefined, policy: Pick<PasswordPolicy, 'rotationDays'>): PasswordStatus {
  if (!last) return {};
  const nextDueOn = nextChangeDue(last, policy.rotationDays);
  return nextDueOn ? { lastChangedOn: last, nextDueOn } : { lastChangedOn: last };
}

export interface CredentialInput {
  platforms: readonly PlatformRef[];
  envelopes: readonly EnvelopeRef[];
  handovers: readonly HandoverRef[];
  policy: PasswordPolicy;
  /** The profile in force: each reminder cites its clause (or 本单位规定); its clock dates an opening. */
  profile: Pick<RuleProfile, 'id' | 'clauses' | 'timeZone'>;
  /** 'YYYY-MM-DD'. */
  today: IsoDate;
}

function reminder(r: Omit<Reminder, 'daysLeft'>, today: IsoDate): Reminder {
  return { ...r, daysLeft: daysBetween(today, r.dueDate) };
}

function livePlatforms(platforms: readonly PlatformRef[]): Map<Id, PlatformRef> {
  return new Map(platforms.filter((p) => !p.deletedAt && !isClosed(p)).map((p) => [p.id, p]));
}

/** Password rotation due within ROTATION_LEAD_DAYS or overdue (000 第六条 1, 002 第九条（二）2). */
export function passwordRotationReminders({ platforms, envelopes, handovers, policy, profile, today }: CredentialInput): Reminder[] {
  if (policy.rotationDays <= 0) return [];
  const statusOf = passwordStatuses(envelopes, handovers, policy);
  const out: Reminder[] = [];
  for (const p of livePlatforms(platforms).values()) {
    // Work groups have an owner, not a shared account password (as on the rotation table).
    if (isGroupKind(p.kind)) continue;
    const { nextDueOn } = statusOf(p.id);
    if (!nextDueOn || daysBetween(today, nextDueOn) > ROTATION_LEAD_DAYS) continue;
    out.push(
      reminder(
        {
          kind: 'password-rotation',
          title: `${p.name}：密码每 ${policy.rotationDays} 天须修改一次，请修改并重新封存`,
          dueDate: nextDueOn,
          source: clauseFor(profile, 'passwordRotation'),
          table: 'platforms',
          recordId: p.id,
        },
        today,
      ),
    );
  }
  return sortReminders(out);
}

/** Handovers whose password change is not yet recorded (000 第六条 2: 交接后要及时更换密码、口令). */
export function handoverPasswordReminders({ platforms, handovers, policy, profile, today }: Omit<CredentialInput, 'envelopes'>): Reminder[] {
  if (!policy.changeAfterHandover) return [];
  const live = livePlatforms(platforms);
  const out: Reminder[] = [];
  for (const h of handovers) {
    const p = live.get(h.platformId);
    if (!p || h.deletedAt || handoverState(h) === '已完成') continue;
    out.push(
      reminder(
        {
          kind: 'password-after-handover',
          title: `${p.name}：${h.date} 管理员交接后须更换密码并确认`,
          dueDate: addCalendarDays(h.date, PROMPT_CHANGE_DAYS),
          source: clauseFor(profile, 'passwordAfterHandover'),
          table: 'handovers',
          recordId: h.id,
        },
        today,
      ),
    );
  }
  return sortReminders(out);
}

/** Envelopes opened and not yet replaced by a new one (003 第十七条). */
export function openEnvelopeReminders({ platforms, envelopes, profile, today }: Omit<CredentialInput, 'handovers' | 'policy'>): Reminder[] {
  const live = livePlatforms(platforms);
  const out: Reminder[] = [];
  for (const e of envelopes) {
    const p = live.get(e.platformId);
    if (!p || e.deletedAt || envelopeState(e) !== '已启封') continue;
    const openedOn = dayOf(e.openings[0]!.at, profileZone(profile));
    out.push(
      reminder(
        {
          kind: 'envelope-open',
          title: `${p.name}：信封 ${e.number} 已于 ${openedOn} 启封，请更换密码并封存新信封`,
          dueDate: addCalendarDays(openedOn, PROMPT_CHANGE_DAYS),
          source: clauseFor(profile, 'envelope'),
          table: 'envelopes',
          recordId: e.id,
        },
        today,
      ),
    );
  }
  return sortReminders(out);
}

/** All three, overdue first: what the start page shows for password custody. */
export function credentialReminders(input: CredentialInput): Reminder[] {
  return sortReminders([...passwordRotationReminders(input), ...handoverPasswordReminders(input), ...openEnvelopeReminders(input)]);
}
