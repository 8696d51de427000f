// The print center's pick list: which records a form can be printed from. Each form declares that
// itself (FormDefinition.samples picks from the ledger's records). Built in the print center's
// worker (picks-worker.ts), so the window never holds a whole table: it asks for one page of
// labels at a time, and for the records the clerk chose when a preview or a batch starts.
//
// A list is kept between sessions too (kept-indexes.ts), with the ledger mark it was exact at: the
// next time it is asked for, it is caught up with the records written since (ledger-mark.ts)
// instead of built from a hundred thousand reviews again.
import type { Table } from 'dexie';
import { compareZh } from '@shared/domain/collate';
import type { LedgerRecords } from '@shared/domain/ledger-records';
import { recordPlatformId } from '@shared/forms/file-name';
import { getForm, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { matchesSearch } from '@shared/search/search-match';
import { upsertSorted } from '@shared/search/register-index';
import { eachLive, readByIds } from '../../db/chunked-reads';
import { keepValue, readKept, type KeptIndexDb } from '../../db/kept-indexes';
import { changesSince, ledgerMark, type ChangedIds, type LedgerMark } from '../../db/ledger-mark';
import { readTimeZone } from '../../db/repository';
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

interface KeptPick extends PickRow {
  /** The record itself, for a form printed from a record no table holds (F11S's year, F15's log). */
  record?: AnyRecord;
}

interface Pick extends KeptPick {
  /** The search key of the label, built at the first query. */
  search?: string;
}

/** A list as kept between sessions. */
interface KeptList {
  picks: KeptPick[];
  tables: string[];
}

/** More entries than this since a list was kept, and building it again is quicker. */
const MAX_CATCH_UP = 5_000;

/** Label order; records of the same label by key (a caught-up list puts them where a built one does). */
const byLabel = (a: PickRow, b: PickRow): number => compareZh(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * What `pick` returns from the database, reading only the tables it looks at (F04 picks from the
 * platforms; it need not read a hundred thousand reviews). The tables it touches are learnt by
 * running it: a table not yet read looks empty and is noted; when the run noted one, that table is
 * read (in chunks) and `pick` runs again. The run that notes nothing new saw every table it read in full.
 */
export async function pickFromLedger<R>(
  db: LedgerDb,
  pick: (records: LedgerRecords) => R[],
  /** Tables given instead of read (a few changed records standing for their table). */
  given: Partial<Record<LedgerTable, readonly object[]>> = {},
): Promise<{ picked: R[]; tables: LedgerTable[] }> {
  const read = new Map(Object.entries(given) as [LedgerTable, LedgerRecords[LedgerTable]][]);
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

/** The picks of these records, labelled (and holding the record only where no table holds it). */
async function labelled(db: LedgerDb, formId: FormId, picked: readonly AnyRecord[], timeZone: string): Promise<Pick[]> {
  const def = getForm(formId);
  const names = await platformNames(db, picked);
  return picked.map((record, i) => {
    // A record about a platform (an inspection's 2025年度, an envelope's number) is listed, sorted
    // and found under that platform's name too: the clerk looks for the account.
    const platformId = recordPlatformId(record);
    const name = platformId ? names.get(platformId) : undefined;
    const own = def.describe(record as never, timeZone);
    const label = name && name !== own ? `${name} · ${own}` : own;
    const id = def.recordId(record as never);
    return id !== undefined && def.recordTable ? { key: id, label } : { key: id ?? `${formId}-${i}-${label}`, label, record };
  });
}

/** The records of one form the clerk can pick, in label order, searchable by pinyin. */
export class FormPicks {
  private keyed = false;

  private constructor(
    private readonly db: LedgerDb,
    readonly formId: FormId,
    private picks: Pick[],
    /** The tables the list was built from: a change to one of them makes it stale. */
    readonly tables: ReadonlySet<string>,
    private readonly keyOf: ((text: string) => string) | undefined,
    /** Every record the audit log names up to this mark was read after it was written. */
    private mark: LedgerMark,
    /** The institution's clock the labels' dates read on (the profile's, in the settings). */
    readonly timeZone: string,
  ) {}

  /** Reads what `formId` picks from and keeps its labels (and the record only where no table holds it). */
  static async build(db: LedgerDb, formId: FormId, keyOf?: (text: string) => string): Promise<FormPicks> {
    // The mark is read before the records: a write in between is caught up again, never missed.
    const mark = await ledgerMark(db);
    const timeZone = await readTimeZone(db);
    const def = getForm(formId);
    const { picked, tables } = await pickFromLedger(db, (data) => def.samples(data) as AnyRecord[]);
    const picks = await labelled(db, formId, picked, timeZone);
    picks.sort(byLabel);
    // The labels also name platforms, and read dates on the settings' clock.
    return new FormPicks(db, formId, picks, new Set([...tables, 'platforms', 'settings']), keyOf, mark, timeZone);
  }

  /**
   * The form's list as an earlier session (or visit) kept it in `store`, caught up with the
   * ledger; else built. Either way kept again for the next time when it changed.
   */
  static async open(db: LedgerDb, store: KeptIndexDb, code: string, formId: FormId, keyOf?: (text: string) => string): Promise<FormPicks> {
    const id = `picks:${formId}`;
    // Kept under the clock its labels' dates read on: a list of another clock is not read.
    const keptAs = (timeZone: string) => `${code}|${timeZone}`;
    const timeZone = await readTimeZone(db);
    const kept = await readKept<KeptList>(store, id, keptAs(timeZone));
    if (kept) {
      const picks = new FormPicks(db, formId, kept.value.picks, new Set(kept.value.tables), keyOf, kept.mark, timeZone);
      const since = await changesSince(db, kept.mark, MAX_CATCH_UP);
      if (since && (await picks.catchUp(since.changes, since.mark))) {
        if (since.mark.seq !== kept.mark.seq) void picks.keep(store, id, keptAs(timeZone));
        return picks;
      }
    }
    const built = await FormPicks.build(db, formId, keyOf);
    void built.keep(store, id, keptAs(built.timeZone));
    return built;
  }

  private keep(store: KeptIndexDb, id: string, code: string): Promise<void> {
    const picks = this.picks.map(({ key, label, record }): KeptPick => (record ? { key, label, record } : { key, label }));
    return keepValue<KeptList>(store, id, code, { mark: this.mark, value: { picks, tables: [...this.tables] } });
  }

  /**
   * Brings the list up to date with records written since its mark (`changes`, up to `mark`):
   * nothing to do when none is in a table it was built from. A form printed from the records of
   * one table re-picks just its changed records, and those about a changed platform (a record is
   * picked by itself and its own platform, and labelled with that platform's name); false when
   * it must be built again (another table changed, or a whole table).
   */
  async catchUp(changes: ChangedIds, mark: LedgerMark): Promise<boolean> {
    const touched = Object.keys(changes).filter((t) => this.tables.has(t)) as LedgerTable[];
    if (touched.length > 0) {
      const def = getForm(this.formId);
      const table = def.recordTable as LedgerTable | undefined;
      if (!table || this.picks.some((p) => p.record)) return false;
      const records = this.db.table(table) as Table<AnyRecord & { id: string; deletedAt?: string }, string, unknown>;
      const ids: string[] = [];
      for (const t of touched) {
        const changed = changes[t];
        if (!Array.isArray(changed)) return false;
        if (t === table) ids.push(...changed);
        // The records about a changed platform, found by their platformId index.
        else if (t === 'platforms' && records.schema.idxByName.platformId) ids.push(...(await records.where('platformId').anyOf(changed).primaryKeys()));
        else return false;
      }
      const found = await readByIds(records, ids);
      const { picked } = await pickFromLedger(this.db, (data) => def.samples(data) as AnyRecord[], { [table]: found.filter((r) => !r.deletedAt) });
      const fresh = await labelled(this.db, this.formId, picked, this.timeZone);
      if (this.keyed) for (const p of fresh) p.search = buildSearchKey([p.label], this.keyOf);
      this.picks = upsertSorted(this.picks, fresh, ids, byLabel, (p) => p.key);
    }
    this.mark = mark;
    return true;
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
