// The Content-Security-Policy of the app: sent by the Electron host with every app:// response,
// by the browser edition's server with every response (vite.config.ts: a meta tag does not cover
// workers) and written into index.html by the renderer build, so the browser edition (and the e2e
// tests) run under the same policy as the desktop window.

const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // antd injects its CSS-in-JS styles as <style> elements at run time.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  // The PDF worker is a module worker from 'self'; blob: keeps libraries that spawn inline workers working.
  ['worker-src', "'self' blob:"],
  // The form preview is a blob: PDF in an iframe.
  ['frame-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The Content-Security-Policy of every page of the app. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
