// The pages that print load the print fonts in the PDF worker ahead of the clerk's first 打印, but
// only once the page shows what it opened with: on two cores the fonts' loading (about 1.5 s of
// CPU) beside the register worker's first answer made 平台台账's first rows, opened right after
// the start, wait for it.
import { useEffect } from 'react';
import { warmUpPdf } from './pdf-client';

/** Loads the print fonts once `shown` (the page's first rows are drawn); once per session. */
export function usePdfWarmUpOnceShown(shown: boolean): void {
  useEffect(() => {
    if (shown) void warmUpPdf();
  }, [shown]);
}
