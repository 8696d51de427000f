// The pages that print load the print fonts in the PDF worker ahead of the clerk's first 打印, but
// only once the page shows what it opened with and the clerk has paused typing and clicking: the
// fonts' loading takes about 1.5 s of CPU, which on two cores competes with the page's own first
// answer and with the answers to the keys typed into its search (renderer/app/quiet.ts).
import { useEffect } from 'react';
import { warmUpPdfWhenIdle } from './pdf-client';

/** Loads the print fonts once `shown` (the page's first rows are drawn) and the clerk pauses; once per session. */
export function usePdfWarmUpOnceShown(shown: boolean): void {
  useEffect(() => {
    if (shown) warmUpPdfWhenIdle();
  }, [shown]);
}
