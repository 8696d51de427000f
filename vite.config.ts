// Vite builds the renderer (the React app) into dist/renderer. The same build serves the
// Electron window (through the app:// protocol) and the browser edition.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';
import { stylesheetParts } from './scripts/lib/stylesheet-parts.ts';
import { BROWSER_EDITION_HOST, BROWSER_EDITION_PORT, LEDGER_MARKER_HEADER, LEDGER_MARKER_VALUE } from './scripts/browser-port.mjs';

// The app version shown in the browser edition (renderer/bridge/browser-bridge.ts).
const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), scrollbarSizeOnce(), cspMeta(), preloadStartSteps(), splitPageStylesheets(), previewHeaders()],
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

/**
 * @rc-component/util's scrollbar measurement (imported by its index and its scroll locker) is
 * replaced by renderer/vendor/rc-util/scrollbar-size.ts, which measures once per session instead
 * of restyling the whole page at every table's mount.
 */
export function scrollbarSizeOnce(): Plugin {
  const replacement = fileURLToPath(new URL('./renderer/vendor/rc-util/scrollbar-size.ts', import.meta.url));
  return {
    name: 'ledger-scrollbar-size-once',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromRcUtil = importer !== undefined && /[\\/]@rc-component[\\/]util[\\/]/.test(importer);
      return fromRcUtil && /^\.\.?\/(?:\.\.\/)?getScrollBarSize(?:\.js)?$/.test(source) ? replacement : null;
    },
  };
}

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
 * The entry (renderer/main.tsx) imports the window's code in steps, each evaluated in a task of its
 * own. Vite links only the entry's static imports for preloading; this links the steps' chunks
 * too, so the browser fetches and compiles all of them from the start and each step then only
 * evaluates its modules.
 */
function preloadStartSteps(): Plugin {
  return {
    name: 'ledger-preload-start-steps',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { chunk, bundle }) => {
        if (!chunk || !bundle) return [];
        // Every chunk the entry loads statically is linked by Vite already.
        const linked = new Set<string>();
        const files: string[] = [];
        const visit = (file: string) => {
          if (linked.has(file)) return;
          linked.add(file);
          const step = bundle[file];
          if (step?.type !== 'chunk') return;
          for (const dependency of step.imports) visit(dependency);
          files.push(file);
        };
        visit(chunk.fileName);
        files.length = 0;
        for (const file of chunk.dynamicImports) visit(file);
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** The size of each part of the page's stylesheet, in characters (antd's whole sheet is about 1,000,000). */
const STYLESHEET_PART_CHARS = 200_000;

/**
 * The stylesheets linked from index.html (antd's whole sheet and the app's), cut into parts linked
 * in the same order (scripts/lib/stylesheet-parts.ts): each part is parsed in a task of its own.
 */
function splitPageStylesheets(): Plugin {
  return {
    name: 'ledger-split-page-stylesheets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      let html = String(page.source);
      for (const sheet of Object.values(bundle)) {
        if (sheet.type !== 'asset' || !sheet.fileName.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="\\./${sheet.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(html)?.[0];
        if (!link) continue;
        // Each part is named by its own content: a name a browser has cached the whole sheet (or
        // another part) under must never be reused for different content.
        const links = stylesheetParts(String(sheet.source), STYLESHEET_PART_CHARS).map((source, i) => {
          const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
          const fileName = sheet.fileName.replace(/\.css$/, `-${i + 1}-${hash}.css`);
          this.emitFile({ type: 'asset', fileName, source });
          return link.replace(sheet.fileName, fileName);
        });
        delete bundle[sheet.fileName];
        html = html.replace(link, links.join(''));
      }
      page.source = html;
    },
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
