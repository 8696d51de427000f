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
