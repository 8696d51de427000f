// The print center's pick list: which records a form can be printed from. Each form declares that
// itself (FormDefinition.samples picks from the ledger's records). Built in the print center's
// worker (picks-worker.ts), so the window never holds a whole table: it asks for one page of
// labels at a time, and for the records the clerk chose when a preview or a batch starts.
import type { Table } from 'dexie';
import { compareZh } from '@shared/domain/collate';
import type { LedgerRecords } from '@shared/domain/ledger-records';
import { recordPlatformId } from '@shared/forms/file-name';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { matchesSearch } from '@shared/search/search-match';
import { eachLive, readByIds } from '../../db/chunked-reads';
import type { LedgerDb } from '../../db/schema';

const LEDGER_TABLES = ['units', 'people', 'platforms', 'approvals', 'reviews', 'envelopes', 'handovers', 'inspections', 'incidents', 'trainings'] as const satisfies readonly (keyof LedgerRecords)[];
type LedgerTable = (typeof LEDGER_TABLES)[number];
type AnyRecord = FormRecordMap[FormId];

export interface PickRow {
  key: string;
  label: string;
}

export interface PickPage {
  rows: PickRow[];
  /** How many records match the query (all of them without one). */
  total: number;
}

interface Pick extends PickRow {
  /** The search key of the label, built at the first query. */
  search?: string;
  /** The record itself, for a form printed from a record no table holds (F11S's year, F15's log). */
  record?: AnyRecord;
}

/**
 * What `pick` returns from the database, reading only the tables it looks at (F04 picks from the
 * platforms; it need not read a hundred thousand reviews). The tables it touches are learnt by
 * running it: a table not yet read looks empty and is noted; when the run noted one, that table is
 * read (in chunks) and `pick` runs again. The run that notes nothing new saw every table it read in full.
 */
export async function pickFromLedger<R>(db: LedgerDb, pick: (records: LedgerRecords) => R[]): Promise<{ picked: R[]; tables: LedgerTable[] }> {
  const read = new Map<LedgerTable, LedgerRecords[LedgerTable]>();
  for (;;) {
    const wanted = new Set<LedgerTable>();
    const view = Object.fromEntries(
      LEDGER_TABLES.map((table) => [
        table,
        {
          enumerable: true,
          get: () => {
            if (!read.has(table)) wanted.add(table);
            return read.get(table) ?? [];
          },
        },
      ]),
    );
    const picked = pick(Object.defineProperties({}, view) as LedgerRecords);
    if (wanted.size === 0) return { picked, tables: [...read.keys()] };
    for (const table of wanted) {
      const rows: { id: string; deletedAt?: string }[] = [];
      await eachLive(db.table(table) as Table<{ id: string; deletedAt?: string }, string, unknown>, (batch) => void rows.push(...batch));
      read.set(table, rows as LedgerRecords[LedgerTable]);
    }
  }
}

/** The names of the platforms the records are about, read by id. */
async function platformNames(db: LedgerDb, records: readonly unknown[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.map(recordPlatformId).filter((id): id is string => id !== undefined))];
  return new Map((await readByIds(db.platforms, ids)).map((p) => [p.id, p.name]));
}

/** The records of one form the clerk can pick, in label order, searchable by pinyin. */
export class FormPicks {
  private keyed = false;

  private constructor(
    private readonly db: LedgerDb,
    readonly formId: FormId,
    private readonly picks: Pick[],
    /** The tables the list was built from: a change to one of them makes it stale. */
    readonly tables: ReadonlySet<string>,
    private readonly keyOf?: (text: string) => string,
  ) {}

  /** Reads what `formId` picks from and keeps its labels (and the record only where no table holds it). */
  static async build(db: LedgerDb, formId: FormId, keyOf?: (text: string) => string): Promise<FormPicks> {
    const def = getForm(formId);
    const { picked, tables } = await pickFromLedger(db, (data) => def.samples(data) as AnyRecord[]);
    const names = await platformNames(db, picked);
    const picks: Pick[] = picked.map((record, i) => {
      // A record about a platform (an inspection's 2025年度, an envelope's number) is listed, sorted
      // and found under that platform's name too: the clerk looks for the account.
      const platformId = recordPlatformId(record);
      const name = platformId ? names.get(platformId) : undefined;
      const own = def.describe(record as never);
      const label = name && name !== own ? `${name} · ${own}` : own;
      const id = def.recordId(record as never);
      return id !== undefined && def.recordTable ? { key: id, label } : { key: id ?? `${formId}-${i}-${label}`, label, record };
    });
    picks.sort((a, b) => compareZh(a.label, b.label));
    // The labels also name platforms.
    return new FormPicks(db, formId, picks, new Set([...tables, 'platforms']), keyOf);
  }

  get size(): number {
    return this.picks.length;
  }

  private matching(query: string): Pick[] {
    const q = query.trim();
    if (!q) return this.picks;
    if (!this.keyed) {
      for (const p of this.picks) p.search = buildSearchKey([p.label], this.keyOf);
      this.keyed = true;
    }
    return this.picks.filter((p) => matchesSearch(p.search!, q));
  }

  page(query: string, offset: number, limit: number): PickPage {
    const found = this.matching(query);
    return { rows: found.slice(offset, offset + limit).map(({ key, label }) => ({ key, label })), total: found.length };
  }

  /** The keys of every record matching `query`: what 全选 selects. */
  keys(query: string): string[] {
    return this.matching(query).map((p) => p.key);
  }

  /**
   * The records with these keys, in the order given, as they are now: a record trashed since the
   * list was built is left out.
   */
  async records(keys: readonly string[]): Promise<AnyRecord[]> {
    const def = getForm(this.formId);
    const byKey = new Map(this.picks.map((p) => [p.key, p]));
    const wanted = keys.map((k) => byKey.get(k)).filter((p): p is Pick => p !== undefined);
    if (!def.recordTable || wanted.some((p) => p.record)) return wanted.flatMap((p) => (p.record ? [p.record] : []));
    const rows = await readByIds(this.db.table(def.recordTable) as Table<AnyRecord & { id: string; deletedAt?: string }, string, unknown>, wanted.map((p) => p.key));
    return rows.filter((r) => !r.deletedAt);
  }
}

/**
 * The lists of the last `limit` forms asked for, each kept until a table it was built from
 * changes. A list still being built when a change comes is dropped if the change touches its tables.
 */
export class KeptPickLists {
  private readonly kept = new Map<FormId, Promise<FormPicks>>();

  constructor(
    private readonly build: (formId: FormId) => Promise<FormPicks>,
    private readonly limit: number,
  ) {}

  /** The form's list: kept, or built (and kept, the least recently asked one dropped). */
  get(formId: FormId): Promise<FormPicks> {
    let picks = this.kept.get(formId);
    this.kept.delete(formId);
    if (!picks) {
      picks = this.build(formId);
      picks.catch(() => this.kept.get(formId) === picks && this.kept.delete(formId));
    }
    this.kept.set(formId, picks);
    for (const old of this.kept.keys()) if (this.kept.size > this.limit) this.kept.delete(old);
    return picks;
  }

  changed(tables: readonly string[]): void {
    for (const [formId, picks] of this.kept) {
      this.kept.delete(formId);
      // Put back once built, if the change is not about its tables and nothing replaced it meanwhile.
      void picks.then(
        (built) => {
          if (!tables.some((t) => built.tables.has(t)) && !this.kept.has(formId) && this.kept.size < this.limit) this.kept.set(formId, picks);
        },
        () => undefined,
      );
    }
  }
}
