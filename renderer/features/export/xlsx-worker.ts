// Module Web Worker that builds an export's .xlsx workbook (xlsx-book.ts) off the UI thread: the
// window posts the plain tables and gets the file's bytes back, transferred.
import { answerXlsx, type XlsxRequest } from './xlsx-book';

self.addEventListener('message', (event: MessageEvent<XlsxRequest>) => {
  void answerXlsx(event.data).then(({ answer, transfer }) => self.postMessage(answer, { transfer }));
});
