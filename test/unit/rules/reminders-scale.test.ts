// Issue 15: at a university's scale (10,000 platforms, 20,000 approvals, 5,000 envelopes, 5,000
// handovers) the reminders are computed by grouping the records per platform once. Behaviour, not
// time: the reminders of the whole ledger, narrowed to a slice of its platforms, equal those
// computed on that slice alone, and the per-platform rules agree with a straightforward scan.
import { describe, expect, it } from 'vitest';
import type { Approval, Envelope, Handover } from '../../../shared/domain/records';
import { presetProfile } from '../../../shared/profiles/presets';
import { computeReminders } from '../../../shared/rules/reminders';
import { backFilingReminders } from '../../../shared/rules/filing-reminders';
import { credentialReminders, passwordStatus, passwordStatuses } from '../../../shared/rules/credentials';
import { currentEnvelopes, firstCurrentEnvelopes, nextChangeDue } from '../../../shared/rules/envelope-state';
import { isClosed } from '../../../shared/rules/compliance-reminder';
import { existedBeforeLedger } from '../../../shared/domain/platform';
import type { Reminder } from '../../../shared/rules/reminder';
import { ISSUE_15_SIZES, SCALE_TODAY, scaleLedger, type ScaleLedger } from '../../bench/scale-ledger';

const profile = presetProfile('vocational-approval-sealed-archive');
const ledger = scaleLedger();
const SLICE = 300;

function all(data: ScaleLedger): Reminder[] {
  return [...computeReminders(data, profile, SCALE_TODAY), ...credentialReminders({ ...data, policy: profile.passwordPolicy, profile, today: SCALE_TODAY })];
}

/** The ledger's first `n` platforms with their own records; trainings and printouts are the office's, kept whole. */
function slice(data: ScaleLedger, n: number): ScaleLedger {
  const ids = new Set(data.platforms.slice(0, n).map((p) => p.id));
  const own = <T extends { platformId: string }>(rows: readonly T[]) => rows.filter((r) => ids.has(r.platformId));
  return {
    ...data,
    platforms: data.platforms.filter((p) => ids.has(p.id)),
    approvals: own(data.approvals),
    inspections: own(data.inspections),
    envelopes: own(data.envelopes),
    handovers: own(data.handovers),
  };
}

/** The reminders of `data` that belong to `part`'s platforms (or to the office as a whole). */
function narrowedTo(reminders: readonly Reminder[], data: ScaleLedger, part: ScaleLedger): Reminder[] {
  const ids = new Set(part.platforms.map((p) => p.id));
  const platformOf = new Map<string, string>();
  for (const rows of [data.approvals, data.envelopes, data.handovers] as const) for (const r of rows) platformOf.set(r.id, r.platformId);
  return reminders.filter((r) => {
    if (r.table === 'platforms') return ids.has(r.recordId);
    if (r.table === 'approvals' || r.table === 'envelopes' || r.table === 'handovers') return ids.has(platformOf.get(r.recordId)!);
    return true;
  });
}

describe('reminders at the scale of issue 15', () => {
  it('builds the ledger of the issue', () => {
    expect(ledger.platforms).toHaveLength(ISSUE_15_SIZES.platforms);
    expect(ledger.approvals).toHaveLength(20_000);
    expect(ledger.envelopes).toHaveLength(5_000);
    expect(ledger.handovers).toHaveLength(5_000);
  });

  it('the whole ledger’s reminders, narrowed to a slice of platforms, are the slice’s own reminders', () => {
    const part = slice(ledger, SLICE);
    const whole = all(ledger);
    const own = all(part);
    // Every obligation that the slice owes shows up, so the comparison is not vacuous.
    expect(new Set(own.map((r) => r.kind))).toEqual(
      new Set(['change-filing', 'back-filing', 'annual-inspection', 'zombie-account', 'real-name-check', 'paper-unsigned', 'password-rotation', 'password-after-handover', 'envelope-open']),
    );
    expect(narrowedTo(whole, ledger, part)).toEqual(own);
    expect(whole.length).toBeGreaterThan(own.length * 10);
  });

  it('back-filing agrees with a straightforward scan of each platform’s approvals (003 第二十五条, 004 第七条)', () => {
    const part = slice(ledger, SLICE);
    const expected = new Map<string, string>();
    for (const p of part.platforms) {
      if (p.deletedAt || isClosed(p) || !existedBeforeLedger(p)) continue;
      const own: Approval[] = part.approvals.filter((a) => !a.deletedAt && a.platformId === p.id && (a.kind === '开通审批' || a.kind === '备案'));
      if (own.some((a) => a.filedOn)) continue;
      const pending = [...own].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
      expected.set(p.id, pending?.id ?? p.id);
    }
    const got = narrowedTo(backFilingReminders(ledger, profile, SCALE_TODAY), ledger, part);
    expect(new Map(got.map((r) => [r.table === 'platforms' ? r.recordId : part.approvals.find((a) => a.id === r.recordId)!.platformId, r.recordId]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(10);
  });

  it('password status and current envelope of every platform agree with a scan per platform (000 第六条, 003 第十七条)', () => {
    const policy = profile.passwordPolicy;
    const statusOf = passwordStatuses(ledger.envelopes, ledger.handovers, policy);
    const current = firstCurrentEnvelopes(ledger.envelopes);
    const part = slice(ledger, SLICE);
    let withStatus = 0;
    for (const p of part.platforms) {
      const dates = [
        ...ledger.envelopes.filter((e: Envelope) => e.platformId === p.id && !e.deletedAt).map((e) => e.passwordChangedOn ?? e.sealedOn),
        ...ledger.handovers.filter((h: Handover) => h.platformId === p.id && !h.deletedAt).flatMap((h) => (h.passwordChangedOn ? [h.passwordChangedOn] : [])),
      ].sort();
      const last = dates.at(-1);
      const expected = last ? { lastChangedOn: last, nextDueOn: nextChangeDue(last, policy.rotationDays) } : {};
      expect(statusOf(p.id)).toEqual(expected);
      expect(passwordStatus(p.id, ledger.envelopes, ledger.handovers, policy)).toEqual(expected);
      expect(current.get(p.id)).toBe(currentEnvelopes(p.id, ledger.envelopes)[0]);
      if (last) withStatus += 1;
    }
    expect(withStatus).toBeGreaterThan(50);
  });
});
