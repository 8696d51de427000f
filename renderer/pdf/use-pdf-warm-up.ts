// The pages that print load the print fonts in the PDF worker ahead of the clerk's first 打印. A
// list waits until it shows what it opened with and the clerk has paused typing and clicking: the
// fonts' loading takes about 1.5 s of CPU, which on two cores competes with the page's own first
// answer and with the answers to the keys typed into its search (renderer/app/quiet.ts). A
// record's own page, where 打印 is the next click and nothing is searched, starts them at once.
import { useEffect } from 'react';
import { warmUpPdf, warmUpPdfWhenIdle } from './pdf-client';

/** Loads the print fonts once `shown` (the page's first rows are drawn) and the clerk pauses; once per session. */
export function usePdfWarmUpOnceShown(shown: boolean): void {
  useEffect(() => {
    if (shown) warmUpPdfWhenIdle();
  }, [shown]);
}

/** Loads the print fonts at once when `wanted` (a record's page that can print it); once per session. */
export function usePdfWarmUpAtOnce(wanted: boolean): void {
  useEffect(() => {
    if (wanted) void warmUpPdf();
  }, [wanted]);
}
