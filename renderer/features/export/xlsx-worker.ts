// Module Web Worker that builds an export's files (xlsx-book.ts: the .xlsx workbook, or the CSV
// files) off the UI thread: the window posts the plain tables a slice at a time and gets the
// files back as Blobs.
import { exportJobs } from './xlsx-book';
import { serveRequests } from '../../app/worker-channel';

const jobs = exportJobs();

// Requests are answered in order: a build starts only after its rows have been stored.
serveRequests(jobs.handle, { inOrder: true });
