// The browser edition's server sends the CSP as a header with every response, so the PDF worker
// (which a meta tag in index.html does not cover) runs under the app's policy too, and marks its
// responses so that a second `npm start` recognises the ledger on its port.
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { LEDGER_MARKER_HEADER, LEDGER_MARKER_VALUE } from '../../scripts/browser-port.mjs';
import { LedgerApp } from './pages/ledger-app';
import { PrintoutsPage } from './pages/printouts-page';

test('the page and the PDF worker\'s script carry the CSP header, and the worker runs under it', async ({ page }) => {
  const workerResponses: Array<{ url: string; csp: string | undefined }> = [];
  page.on('response', (response) => {
    if (/pdf-worker[^/]*\.js$/.test(new URL(response.url()).pathname)) {
      workerResponses.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
    }
  });
  const pageResponse = await page.goto('/');
  expect(pageResponse?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(pageResponse?.headers()[LEDGER_MARKER_HEADER.toLowerCase()]).toBe(LEDGER_MARKER_VALUE);

  const app = new LedgerApp(page);
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('打印与签回');
  const printouts = new PrintoutsPage(page);
  await printouts.openTab('打印中心');
  await printouts.chooseForm('F04');
  // Other workers (the registers', the pick list's) may start meanwhile: wait for a PDF worker.
  const started = page.waitForEvent('worker', { predicate: (w) => /pdf-worker/.test(w.url()) });
  const dialog = await printouts.startBatchOfAll();
  const worker = await started;
  await expect(dialog.getByText(/已生成 \d+ 份表格/)).toBeVisible({ timeout: 60_000 });

  // The worker's own script response carries the policy …
  expect(worker.url()).toMatch(/pdf-worker[^/]*\.js$/);
  // (A batch may start more than one worker; each loads the same script.)
  expect(workerResponses.map((response) => response.url)).toContain(worker.url());
  for (const response of workerResponses) expect(response).toEqual({ url: worker.url(), csp: CONTENT_SECURITY_POLICY });
  // … and the worker enforces it: connect-src 'self' refuses another origin (an evaluated eval()
  // would prove nothing: code run through the debugger is exempt from the eval rule).
  const violated = await worker.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      self.addEventListener('securitypolicyviolation', (event) => resolve((event as SecurityPolicyViolationEvent).effectiveDirective));
      setTimeout(() => resolve('no violation'), 5_000);
    });
    await fetch('http://127.0.0.2:9/').catch(() => undefined);
    return violation;
  });
  expect(violated).toBe('connect-src');
});
