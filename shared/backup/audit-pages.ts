// The audit log's pages checked apart from the read that cuts them (issue 15). A restore's preview
// parses the audit log (two thirds of a large file's bytes) only to check its rows and its hash
// chain, and the check of one page needs nothing of the others: each page is parsed, its rows
// checked and its entries chained to each other on their own (checkAuditPage), on another thread
// where the caller has one, and the results are joined in the order the pages were cut
// (AuditPageChecks). The join adds what spans pages (a position used twice, the link from one page
// to the next), so the refusals and the verdict are exactly those of reading the pages one after
// the other.
import { ChainVerifier, chainRun, type ChainRun, type ChainVerdict } from '../audit/hash-chain';
import type { AuditEntry } from '../domain/audit';
import { BackupError } from './format';
import { parseArrayPage } from './json-pages';
import { RowChecker } from './rows';

/** One page of the audit log as cut from the file: its bytes (a JSON array), rows, and the table's rows before it. */
export interface AuditPage {
  bytes: Uint8Array;
  rows: number;
  before: number;
}

export interface AuditPageResult {
  /** The positions of the page's rows, up to (not including) a refused row. */
  seqs: number[];
  /** Why the page is refused (bytes that are not a JSON array of its rows, or a malformed row). */
  refused?: { reason: string; detail: string };
  /** The page's entries chained to each other (when nothing is refused). */
  chain?: ChainRun;
}

/** Checks one page on its own: the JSON, each row as RowChecker does (within the page), and the chain inside it. */
export function checkAuditPage(page: AuditPage): AuditPageResult {
  const checker = new RowChecker('auditLog');
  checker.skip(page.before);
  const seqs: number[] = [];
  let rows: unknown[];
  try {
    rows = parseArrayPage('auditLog', page.bytes, page.rows);
    for (const row of rows) {
      checker.check([row]);
      seqs.push((row as AuditEntry).seq as number);
    }
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    return { seqs, refused: { reason: error.reason, detail: error.detail } };
  }
  return { seqs, chain: chainRun(rows as AuditEntry[], page.before) };
}

/**
 * Pages of the audit log checked as they are taken, elsewhere (`elsewhere`, e.g. a worker) while
 * fewer than `most` are being checked there, else here at once (so the work is shared with
 * whichever thread keeps up, and no more than `most` pages wait in memory); the results are
 * joined in the order the pages were taken. A page whose check elsewhere fails is checked here.
 */
export class AuditPageChecks {
  /** Every row's position seen so far, for a position used twice across pages. */
  private readonly checker = new RowChecker('auditLog');
  private readonly chain = new ChainVerifier();
  private refused: BackupError | undefined;
  private joined: Promise<void> = Promise.resolve();
  private away = 0;

  constructor(
    private readonly elsewhere?: (page: AuditPage) => Promise<AuditPageResult>,
    private readonly most = 2,
  ) {}

  take(page: AuditPage): void {
    let result: Promise<AuditPageResult>;
    if (this.elsewhere && this.away < this.most) {
      this.away += 1;
      result = this.elsewhere(page)
        .catch(() => checkAuditPage(page))
        .finally(() => {
          this.away -= 1;
        });
    } else {
      try {
        result = Promise.resolve(checkAuditPage(page));
      } catch (error) {
        result = Promise.reject(error);
      }
    }
    this.joined = this.joined.then(() => result).then((checked) => this.join(checked));
    // Awaited by settled(); a failure must not be reported as unhandled before then.
    this.joined.catch(() => undefined);
  }

  private join(checked: AuditPageResult): void {
    if (this.refused) return;
    try {
      this.checker.check(checked.seqs.map((seq) => ({ seq })));
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      this.refused = error;
      return;
    }
    if (checked.refused) this.refused = new BackupError(checked.refused.reason, checked.refused.detail);
    else if (checked.chain) this.chain.addRun(checked.chain);
  }

  /** Once every page taken is joined: the first reason a page is refused, if any. */
  async settled(): Promise<BackupError | undefined> {
    await this.joined;
    return this.refused;
  }

  /** The chain's verdict over the pages joined. */
  verdict(): ChainVerdict {
    return this.chain.verdict();
  }
}
