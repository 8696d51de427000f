// Opening approvals and filings: recording a change (with the registry updated in the same
// transaction), closing an account (注销备案 + status 已注销 together), and marking a filing as
// handed in. Every write goes through the audited repository.
import type { Approval } from '@shared/domain/records';
import type { Platform } from '@shared/domain/platform';
import type { FieldChange } from '@shared/domain/records';
import type { LedgerDb } from './schema';
import { createRecord, LedgerError, updateRecord } from './repository';

export interface ChangeFilingInput {
  platformId: string;
  changes: FieldChange[];
  changeDate: string;
  /** Undefined when the year's holiday schedule is missing: the due date is then computed later. */
  dueDate?: string;
  note?: string;
  /** Registry fields the change updates (new name, new administrator…); empty to leave the registry as it is. */
  platformPatch: Partial<Platform>;
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/** A 变更备案 and, in the same transaction, the registry brought up to date. */
export async function recordChangeFiling(ledger: LedgerDb, input: ChangeFilingInput): Promise<Approval> {
  let saved: Approval | undefined;
  await ledger.transaction('rw', [ledger.approvals, ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    const platform = await ledger.platforms.get(input.platformId);
    if (!platform || platform.deletedAt) throw new LedgerError('该平台已不存在或已移入回收站，未登记变更。');
    if (platform.status === '已注销') throw new LedgerError('该账号已注销，不能再登记变更。');
    saved = await createRecord<Approval>(ledger, 'approvals', {
      platformId: input.platformId,
      kind: '变更备案',
      changes: input.changes,
      changeDate: input.changeDate,
      ...defined({ dueDate: input.dueDate, note: input.note?.trim() }),
    });
    if (Object.keys(input.platformPatch).length > 0) await updateRecord<Platform>(ledger, 'platforms', input.platformId, input.platformPatch);
  });
  return saved!;
}

export interface ClosureFilingInput {
  platformId: string;
  changeDate: string;
  dueDate?: string;
  /** 注销原因 (printed on F10). */
  note: string;
}

/**
 * 注销备案: the filing and the account's status 已注销 (with its history entry) in one transaction,
 * so the registry never shows a closed account as running or the other way round.
 */
export async function recordClosureFiling(ledger: LedgerDb, input: ClosureFilingInput): Promise<Approval> {
  let saved: Approval | undefined;
  await ledger.transaction('rw', [ledger.approvals, ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    const platform = await ledger.platforms.get(input.platformId);
    if (!platform || platform.deletedAt) throw new LedgerError('该平台已不存在或已移入回收站，未登记注销。');
    if (platform.status === '已注销') throw new LedgerError('该账号已经是“已注销”状态。');
    saved = await createRecord<Approval>(ledger, 'approvals', {
      platformId: input.platformId,
      kind: '注销备案',
      changes: [{ field: '运行状态', before: platform.status, after: '已注销' }],
      changeDate: input.changeDate,
      ...defined({ dueDate: input.dueDate, note: input.note.trim() }),
    });
    await updateRecord<Platform>(ledger, 'platforms', input.platformId, {
      status: '已注销',
      statusHistory: [...platform.statusHistory, { date: input.changeDate, value: '已注销', note: '注销备案' }],
    });
  });
  return saved!;
}

export interface FiledInput {
  filedOn: string;
  /** Who signed the paper filing (unit head). */
  signedBy?: string;
  signedOn?: string;
}

/** Marks a filing as handed in to the filing office (已报备). */
export async function markFiled(ledger: LedgerDb, approvalId: string, input: FiledInput): Promise<Approval> {
  const patch: Partial<Approval> = { filedOn: input.filedOn, ...defined({ signedBy: input.signedBy?.trim(), signedOn: input.signedOn }) };
  return updateRecord<Approval>(ledger, 'approvals', approvalId, patch);
}
