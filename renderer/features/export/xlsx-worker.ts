// Module Web Worker that builds an export's files (xlsx-book.ts: the .xlsx workbook, or the CSV
// files) off the UI thread: the window posts the plain tables a slice at a time and gets the
// files' bytes back, transferred.
import { exportJobs, type XlsxRequest } from './xlsx-book';

const jobs = exportJobs();

// Requests are answered in order: a build starts only after its rows have been stored.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<XlsxRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    const { answer, transfer } = await jobs.answer(request);
    self.postMessage(answer, { transfer });
  });
});
