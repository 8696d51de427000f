// Module Web Worker that builds an export's files (xlsx-book.ts: the .xlsx workbook, or the CSV
// files) off the UI thread: the window posts the plain tables a slice at a time, or names what the
// worker reads from the database itself (worker-reads.ts), and gets the files back as Blobs.
import { LedgerDb } from '../../db/schema';
import { exportJobs } from './xlsx-book';
import { readsFrom } from './worker-reads';
import { serveRequests } from '../../app/worker-channel';

let ledger: LedgerDb | undefined;
const jobs = exportJobs(readsFrom(() => (ledger ??= new LedgerDb())));

// Requests are answered in order: a build starts only after its rows have been stored.
serveRequests(jobs.handle, { inOrder: true });
