// Vite builds the renderer (the React app) into dist/renderer. The same build serves the
// Electron window (through the app:// protocol) and the browser edition.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';
import { BROWSER_EDITION_HOST, BROWSER_EDITION_PORT, LEDGER_MARKER_HEADER, LEDGER_MARKER_VALUE } from './scripts/browser-port.mjs';

// The app version shown in the browser edition (renderer/bridge/browser-bridge.ts).
const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta(), previewHeaders()],
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  resolve: {
    alias: [
      { find: '@shared', replacement: fileURLToPath(new URL('./shared', import.meta.url)) },
      // exceljs from its sources, without crypto-browserify/elliptic: renderer/vendor/exceljs/entry.mjs.
      { find: /^exceljs$/, replacement: vendor('entry.mjs') },
      { find: /^crypto$/, replacement: vendor('crypto-stub.cjs') },
      { find: /^(fs|fast-csv)$/, replacement: vendor('node-only-stub.cjs') },
    ],
  },
  build: {
    // LEDGER_OUT_DIR lets a second build (a parallel e2e run) go elsewhere; the app uses dist/renderer.
    outDir: process.env.LEDGER_OUT_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    // The TTF fonts must stay files of their own (never inlined as data URLs).
    assetsInlineLimit: 0,
  },
  worker: {
    format: 'es',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  // The browser edition's data belongs to its origin: one fixed port, never another (scripts/browser-port.mjs).
  preview: { host: BROWSER_EDITION_HOST, port: BROWSER_EDITION_PORT, strictPort: true },
});

/** A file of renderer/vendor/exceljs/. */
function vendor(file: string): string {
  return fileURLToPath(new URL(`./renderer/vendor/exceljs/${file}`, import.meta.url));
}

/**
 * Writes the app's CSP into the built index.html (not in dev, where Vite's hot reload needs
 * inline scripts), so the browser edition enforces the same policy as the desktop window.
 */
function cspMeta(): Plugin {
  return {
    name: 'ledger-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The browser edition's server sends the CSP as a header with every response. The meta tag covers
 * the page only: a worker (the PDF worker) runs under the policy of its own script's response.
 * The marker header lets a second `npm start` recognise the ledger on the port.
 */
function previewHeaders(): Plugin {
  return {
    name: 'ledger-preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        response.setHeader(LEDGER_MARKER_HEADER, LEDGER_MARKER_VALUE);
        next();
      });
    },
  };
}
