// The built renderer (what `npm run test:e2e` just built, the folder vite preview serves) ships
// exceljs without crypto-browserify's elliptic (GHSA-vjh7-7g9h-fjfh). Reads the files; no page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const outDir = process.env.LEDGER_OUT_DIR ?? path.resolve(import.meta.dirname, '../../dist/renderer');

function builtScripts(): Array<{ name: string; text: string }> {
  const assets = path.join(outDir, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(path.join(assets, name), 'utf8') }));
}

test('the built renderer holds exceljs but no elliptic or other crypto-browserify code', () => {
  const scripts = builtScripts();
  // exceljs is there (its workbook writer's part names), so the check below looks at real output.
  expect(scripts.some(({ text }) => text.includes('xl/workbook.xml') && text.includes('xl/sharedStrings.xml'))).toBe(true);
  // Strings elliptic and its crypto-browserify neighbours carry into any bundle, minified or not.
  const markers = ['elliptic', 'secp256k1', 'brorand', 'createECDH', 'createDiffieHellman'];
  const found = scripts.flatMap(({ name, text }) => markers.filter((marker) => text.includes(marker)).map((marker) => `${name}: ${marker}`));
  expect(found).toEqual([]);
});

test("the built page links files that exist: its stylesheet in parts and the start steps' code preloaded", () => {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const hrefs = (rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*href="\\./([^"]+)"`, 'g'))].map((match) => match[1] ?? '');
  const sheets = hrefs('stylesheet');
  const preloaded = hrefs('modulepreload');
  for (const file of [...sheets, ...preloaded]) expect(readFileSync(path.join(outDir, file)).length, file).toBeGreaterThan(0);
  // antd's sheet (about 1 MB) comes in parts of about 200,000 characters, parsed one task each.
  expect(sheets.length).toBeGreaterThan(3);
  for (const file of sheets) expect(readFileSync(path.join(outDir, file), 'utf8').length, file).toBeLessThan(260_000);
  // The last start step (app/mount.tsx) is fetched with the page, not when the step before it ends.
  expect(preloaded.some((file) => /\/mount-[^/]+\.js$/.test(file))).toBe(true);
  expect(new Set(preloaded).size).toBe(preloaded.length);
});
