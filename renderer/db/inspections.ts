// The annual inspection campaign in the database: opening a year (one Inspection per covered
// account, all in one transaction, so a campaign is either opened for every account or not at
// all), and recording an account's checks, self-assessment and result. A 关停注销 result can close
// the account in the same transaction, so the registry and the inspection never disagree.
import type { IsoDate } from '@shared/domain/common';
import type { Platform } from '@shared/domain/platform';
import type { Approval, Inspection } from '@shared/domain/records';
import { CAMPAIGN_LEAVES_OUT, checkInspectionInput, newInspectionDraft, withoutInspection, type InspectionInput } from '@shared/rules/inspection-campaign';
import type { LedgerDb } from './schema';
import { createRecord, LedgerError, RuleError, updateRecord } from './repository';

/** A recorded inspection the rules refused: the message of each field, for the form. */
export class InspectionRuleError extends RuleError {}

/**
 * Opens the year's campaign: one inspection (F11's default checks, no result) for each covered
 * account that has none for the year. Read inside the transaction, so opening twice — or from two
 * windows — creates nothing new. Returns the inspections created.
 */
export async function openCampaign(ledger: LedgerDb, year: number): Promise<Inspection[]> {
  const created: Inspection[] = [];
  await ledger.transaction('rw', [ledger.inspections, ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    // The covered accounts by index keys alone (campaignAccounts' rule: every platform but those in
    // the trash, of a group kind or in a status not covered), in primary-key order; no platform is read.
    const { platforms } = ledger;
    const [ids, trashed, groups, notCovered, inspections] = await Promise.all([
      platforms.toCollection().primaryKeys(),
      platforms.where('deletedAt').above('').primaryKeys(),
      platforms.where('kind').anyOf([...CAMPAIGN_LEAVES_OUT.kinds]).primaryKeys(),
      platforms.where('status').anyOf([...CAMPAIGN_LEAVES_OUT.statuses]).primaryKeys(),
      ledger.inspections.where('year').equals(year).toArray(),
    ]);
    const out = new Set([...trashed, ...groups, ...notCovered]);
    const covered = ids.filter((id) => !out.has(id)).map((id) => ({ id }));
    for (const p of withoutInspection(covered, inspections, year)) {
      created.push(await createRecord<Inspection>(ledger, 'inspections', newInspectionDraft(p.id, year)));
    }
  });
  return created;
}

export interface RecordInspectionInput extends InspectionInput {
  /** With a 关停注销 result: also set the account to 已注销 (with its history entry). */
  closeAccount?: boolean;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** Saves an account's checks, self-assessment and result; may close the account (关停注销). */
export async function recordInspection(ledger: LedgerDb, inspectionId: string, input: RecordInspectionInput, today: IsoDate): Promise<Inspection> {
  let saved: Inspection | undefined;
  await ledger.transaction('rw', [ledger.inspections, ledger.platforms, ledger.approvals, ledger.auditLog, ledger.settings], async () => {
    const before = await ledger.inspections.get(inspectionId);
    if (!before || before.deletedAt) throw new LedgerError('该检查记录已不存在或已移入回收站。');
    const errors = checkInspectionInput(input, before.year, today);
    if (Object.keys(errors).length > 0) throw new InspectionRuleError(errors);
    // Cleared fields are stored as undefined, so removing a result is audited like any change.
    const patch: Partial<Inspection> = {
      checks: input.checks.map((c) => ({ item: c.item, ok: c.ok, ...(trimmed(c.note) ? { note: trimmed(c.note) } : {}) })),
      selfAssessment: trimmed(input.selfAssessment),
      result: input.result,
      approvedById: input.result ? input.approvedById : undefined,
      approvedOn: input.result ? input.approvedOn : undefined,
    };
    saved = await updateRecord<Inspection>(ledger, 'inspections', inspectionId, patch);
    if (input.result === '关停注销' && input.closeAccount) {
      const platform = await ledger.platforms.get(before.platformId);
      if (!platform || platform.deletedAt) throw new LedgerError('该账号已不存在或已移入回收站，未能设为已注销。');
      if (platform.status !== '已注销') {
        const date = input.approvedOn ?? today;
        const note = `${before.year}年度检查结论：关停注销`;
        // Closing is a filing too (001 第五条, 004 第六条): the 注销备案 is created with it, so it
        // is reminded and F10 can be printed; its due date follows from the profile's working days.
        await createRecord<Approval>(ledger, 'approvals', {
          platformId: platform.id,
          kind: '注销备案',
          changes: [{ field: '运行状态', before: platform.status, after: '已注销' }],
          changeDate: date,
          note,
        });
        await updateRecord<Platform>(ledger, 'platforms', platform.id, {
          status: '已注销',
          statusHistory: [...platform.statusHistory, { date, value: '已注销', note }],
        });
      }
    }
  });
  return saved!;
}
