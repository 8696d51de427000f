// What every printable form declares about itself. Each form module exports one definition;
// registry.ts lists them. The same definition serves preview, print, batch print and samples.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LedgerRecords } from '../domain/ledger-records';
import type { FormContext } from './context';
import type { FormMeta } from './kit';

export interface FormDefinition<R> extends FormMeta {
  /** The table the record lives in (printouts link to it); undefined for composite inputs. */
  recordTable?: string;
  /** The record's id, printed as the QR code and stored on the printout. */
  recordId(record: R): string | undefined;
  /**
   * A short name for lists and file names, e.g. the account name; a date in it is the institution's
   * (`timeZone`, the profile's), as everywhere else.
   */
  describe(record: R, timeZone: string): string;
  /** Whether the form fits this record (e.g. F04 only for WeChat and Weibo accounts). */
  appliesTo(record: R): boolean;
  /** null → a clean blank form for filling in by hand. */
  build(record: R | null, ctx: FormContext): TDocumentDefinitions;
  /**
   * The records this form is printed from, picked out of a whole ledger: the live database's in
   * the print center, the demo's in `npm run print-samples`.
   */
  samples(records: LedgerRecords): R[];
  /**
   * True for a sheet that carries handwritten credentials (F12I): it goes into the sealed
   * envelope, and the app never offers to scan it, since it never stores a password.
   */
  neverScan?: true;
}
