// Batch printing (issue 15): the forms of a batch laid out as one document, each a section of its
// own, print page for page what the forms built one by one and joined print: each form starts on
// a new page, keeps its own number and QR code, and counts 第 N 页 共 M 页 within itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../../scripts/lib/pdf-node';
import { canCombine, combineForms } from '../../../shared/forms/batch';
import { createFormContext, formContextData } from '../../../shared/forms/context';
import { buildF16 } from '../../../shared/forms/f16-training-sign-in';
import { buildF04, f04AppliesTo } from '../../../shared/forms/f04-account-filing';
import { mergePdfs } from '../../../shared/forms/merge';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { presetProfile } from '../../../shared/profiles/presets';
import { expectSoundA4Pdf, pageCount, pdfText, tempDir } from './pdf-read';
import { training } from './group-fixture';

const demo = createDemoDataset();
const profile = presetProfile(demo.profileId);
const ctx = (formNumber: string) =>
  createFormContext(formContextData({ institutionName: demo.institutionName, profile, formNumber, people: demo.people, units: demo.units, platforms: demo.platforms }));
const people = demo.people.filter((p) => !p.deletedAt);
// Sign-in sheets of 45, 3 and 30 attendees: forms of several pages and of one.
const trainings = [45, 3, 30].map((n, i) => ({ ...training, id: `01JTRAI00000000000000000${i}0`, attendeeIds: people.slice(0, n).map((p) => p.id) }));
const dir = tempDir('batch-');
let combined = '';
let joined = '';
let docs: TDocumentDefinitions[] = [];

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  docs = trainings.map((t, i) => buildF16(t, ctx(`PX-2026-000${i + 1}`)));
  combined = await write('combined', await renderPdf(combineForms(docs, '签到表（3 份）')));
  const parts: Uint8Array[] = [];
  // Built again: a document definition is laid out once (pdfmake fills in what it measured).
  for (const [i, t] of trainings.entries()) parts.push(await renderPdf(buildF16(t, ctx(`PX-2026-000${i + 1}`))));
  joined = await write('joined', await mergePdfs(parts, '签到表（3 份）'));
});

describe('a batch laid out as one document (issue 15)', () => {
  it('prints every page as the forms built one by one and joined', () => {
    const pages = pageCount(joined);
    expect(pages).toBeGreaterThan(trainings.length);
    expect(pageCount(combined)).toBe(pages);
    for (let page = 1; page <= pages; page++) expect(pdfText(combined, page), `page ${page}`).toBe(pdfText(joined, page));
  });

  it('counts pages within each form and prints each form’s own number', () => {
    const footers = Array.from({ length: pageCount(combined) }, (_, i) => {
      const text = pdfText(combined, i + 1);
      return `${/编号：(\S+)/.exec(text)?.[1]} ${/第 \d+ 页 共 \d+ 页/.exec(text)?.[0]}`;
    });
    const first = footers.filter((f) => f.startsWith('PX-2026-0001'));
    expect(first.length).toBeGreaterThan(1);
    expect(first.at(-1)).toBe(`PX-2026-0001 第 ${first.length} 页 共 ${first.length} 页`);
    expect(footers.filter((f) => f.startsWith('PX-2026-0002'))).toEqual(['PX-2026-0002 第 1 页 共 1 页']);
    expect(footers[first.length + 1]).toMatch(/^PX-2026-0003 第 1 页 共 \d+ 页$/);
  });

  it('is a sound A4 file with its fonts embedded once', () => {
    expectSoundA4Pdf(combined);
  });

  it('combines forms of one page setup only', () => {
    const account = demo.platforms.find(f04AppliesTo)!;
    expect(canCombine([buildF04(account, ctx('BA-1')), buildF04(account, ctx('BA-2'))])).toBe(true);
    expect(canCombine([buildF04(account, ctx('BA-1')), { ...buildF04(account, ctx('BA-2')), pageOrientation: 'landscape' }])).toBe(false);
    expect(canCombine([])).toBe(false);
  });
});
