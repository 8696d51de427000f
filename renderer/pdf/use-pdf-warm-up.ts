// The pages that print load the print fonts in the PDF worker ahead of the clerk's first 打印, but
// only once the page shows what it opened with: the fonts' loading takes about 1.5 s of CPU, which
// on two cores competes with the page's own first answer (traces of 平台台账 opened right after
// the start showed the fonts loading beside the register worker; that alone was not measured).
import { useEffect } from 'react';
import { warmUpPdf } from './pdf-client';

/** Loads the print fonts once `shown` (the page's first rows are drawn); once per session. */
export function usePdfWarmUpOnceShown(shown: boolean): void {
  useEffect(() => {
    if (shown) void warmUpPdf();
  }, [shown]);
}
