// A list's 导出 Excel as the clerk clicks it: the workbook downloaded, checked entry by entry
// against the CRC-32 the zip gives it, and its XML (every entry's, joined) handed back to search.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { mismatchedEntries } from '../../fixtures/zip-entries';
import { outputFile } from './output-file';

export async function exportedXml(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).first().click();
  const file = outputFile('export.xlsx');
  await (await downloading).saveAs(file);
  const bytes = new Uint8Array(readFileSync(file));
  // Every entry's bytes match the CRC-32 the zip gives them: else Excel refuses the file.
  expect(mismatchedEntries(bytes)).toEqual([]);
  return Object.values(unzipSync(bytes))
    .map((entry) => strFromU8(entry))
    .join('\n');
}
