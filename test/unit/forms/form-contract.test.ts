// The contract every form in FORM_REGISTRY keeps, checked over one table: each form's record from
// its own test file and its blank form are rendered to real PDFs through the registry's build()
// and read back with poppler and qpdf — A4 in the form's orientation, the expected number of
// pages, every font an embedded, subset-tagged Noto Serif face, and a file qpdf and poppler both
// read without complaint — and every form has demo records to print samples from. What is particular to a form stays in its own fNN-….test.ts.
import { statSync } from 'node:fs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext, type FormContext } from '../../../shared/forms/context';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { FORM_REGISTRY, type FormId, type FormRecordMap } from '../../../shared/forms/registry';
import { presetProfile } from '../../../shared/profiles/presets';
import { fixtureContext, fixturePlatform } from './fixture';
import { complaint, groupContext, groupPlatform, problemLog, training } from './group-fixture';
import { expectNoDrawingErrors, pageCount, renderTo, run, tempDir } from './pdf-read';
import { change, closure, envelope, handover, inspection, inspectionCampaign, opening, recordsContext, units, wechat } from './records-fixture';
import { departmentReview, libraryReview, reviewContext, threeLevelReview, websitePlatform, wechatPlatform, wechatReview } from './review-fixture';

interface FilledCase {
  name: string;
  build: () => TDocumentDefinitions;
  /** Pages the form test asserted for this record; undefined where the count depends on the record. */
  pages?: number;
  /** Upper bound of the file size in bytes, where one was asserted. */
  maxBytes?: number;
}

interface ContractRow {
  id: FormId;
  orientation: 'portrait' | 'landscape';
  filled: FilledCase[];
  blank: () => TDocumentDefinitions;
  /** Pages of the blank form. */
  blankPages: number;
  /** The fewest demo records the form prints samples from (asserted where a form test named a number). */
  minSamples: number;
}

const reviewCtx = (formNumber?: string): FormContext => createFormContext(reviewContext(formNumber));
/** F06 is seed 002's slip: rendered under 002's profile, as in its own test. */
const slipCtx = (formNumber?: string): FormContext => createFormContext(reviewContext(formNumber, presetProfile('vocational-three-level-review')));
const recordsCtx = (formNumber?: string): FormContext => createFormContext(recordsContext(formNumber));

/** Builds form `id` through the registry, as preview, print and samples do. */
function build<K extends FormId>(id: K, record: FormRecordMap[K] | null, ctx: FormContext): TDocumentDefinitions {
  return FORM_REGISTRY[id].build(record as FormRecordMap[K] & null, ctx);
}

function row<K extends FormId>(
  id: K,
  orientation: 'portrait' | 'landscape',
  filled: { name: string; record: FormRecordMap[K]; ctx: () => FormContext; pages?: number; maxBytes?: number }[],
  blankCtx: () => FormContext,
  { blankPages = 1, minSamples = 1 } = {},
): ContractRow {
  return {
    id,
    orientation,
    filled: filled.map((f) => ({ name: f.name, build: () => build(id, f.record, f.ctx()), pages: f.pages, maxBytes: f.maxBytes })),
    blank: () => build(id, null, blankCtx()),
    blankPages,
    minSamples,
  };
}

const CONTRACT: ContractRow[] = [
  row('F01', 'portrait', [
    { name: 'website', record: libraryReview, ctx: () => reviewCtx(), pages: 1 },
    { name: 'wechat', record: wechatReview, ctx: () => reviewCtx(), pages: 1 },
  ], () => reviewCtx('')),
  row('F02', 'portrait', [{ name: 'filled', record: websitePlatform, ctx: () => reviewCtx(), pages: 1 }], () => reviewCtx('')),
  row('F03', 'portrait', [{ name: 'filled', record: wechatPlatform, ctx: () => reviewCtx(), pages: 1 }], () => reviewCtx('')),
  row('F04', 'portrait', [
    { name: 'filled', record: fixturePlatform, ctx: () => createFormContext(fixtureContext()), pages: 1, maxBytes: 150_000 },
  ], () => createFormContext(fixtureContext(''))),
  row('F05', 'portrait', [{ name: 'filled', record: departmentReview, ctx: () => reviewCtx(), pages: 1 }], () => reviewCtx('')),
  row('F06', 'portrait', [{ name: 'filled', record: threeLevelReview, ctx: () => slipCtx(), pages: 1 }], () => slipCtx('')),
  row('F07', 'portrait', [{ name: 'filled', record: opening, ctx: () => recordsCtx(), pages: 1 }], () => recordsCtx('')),
  row('F08', 'portrait', [{ name: 'filled', record: wechat, ctx: () => recordsCtx(), pages: 1 }], () => recordsCtx('')),
  row('F09', 'landscape', [{ name: 'filled', record: units[0]!, ctx: () => recordsCtx('DJB-2026-0001'), pages: 1 }], () => recordsCtx('')),
  row('F10', 'portrait', [
    { name: 'change', record: change, ctx: () => recordsCtx(), pages: 1 },
    { name: 'closure', record: closure, ctx: () => recordsCtx(), pages: 1 },
  ], () => recordsCtx('')),
  row('F11', 'portrait', [{ name: 'filled', record: inspection, ctx: () => recordsCtx('NJ-2026-0003'), pages: 1 }], () => recordsCtx('')),
  row('F11S', 'landscape', [{ name: 'filled', record: inspectionCampaign, ctx: () => recordsCtx('NJHZ-2026-0001'), pages: 1 }], () => recordsCtx('')),
  row('F12', 'portrait', [{ name: 'filled', record: envelope, ctx: () => recordsCtx('MF-2026-0003'), pages: 1 }], () => recordsCtx('')),
  row('F12C', 'portrait', [{ name: 'filled', record: envelope, ctx: () => recordsCtx('MFC-2026-0003'), pages: 1 }], () => recordsCtx('')),
  row('F12I', 'portrait', [{ name: 'filled', record: envelope, ctx: () => recordsCtx('MFN-2026-0003'), pages: 1 }], () => recordsCtx('')),
  row('F13', 'portrait', [{ name: 'filled', record: handover, ctx: () => recordsCtx('JJ-2026-0002'), pages: 1 }], () => recordsCtx('')),
  row('F14', 'portrait', [{ name: 'filled', record: groupPlatform, ctx: () => groupContext(), pages: 1 }], () => groupContext(''), { minSamples: 3 }),
  row('F15', 'portrait', [{ name: 'filled', record: problemLog, ctx: () => groupContext(), pages: 1 }], () => groupContext(''), { minSamples: 4 }),
  // The sign-in sheet's page count depends on the attendees; its own test checks the head on every page.
  row('F16', 'portrait', [{ name: 'filled', record: training, ctx: () => groupContext() }], () => groupContext(''), { minSamples: 4 }),
  row('F17', 'portrait', [{ name: 'filled', record: complaint, ctx: () => groupContext('JB-2026-0003'), pages: 1 }], () => groupContext('')),
];

const PAGE_SIZE = {
  portrait: /Page size:\s+595\.28 x 841\.89 pts \(A4\)/,
  landscape: /Page size:\s+841\.89 x 595\.28 pts \(A4\)/,
} as const;

/** A4 in the orientation, at least two fonts, each an embedded subset-tagged Noto Serif face, qpdf and poppler content. */
function expectSoundPdf(file: string, orientation: 'portrait' | 'landscape'): void {
  expect(run('pdfinfo', [file]), file).toMatch(PAGE_SIZE[orientation]);
  const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
  expect(fonts.length, file).toBeGreaterThanOrEqual(2);
  // name type… encoding emb sub uni object gen: emb and sub must be "yes", the name subset-tagged.
  for (const line of fonts) expect(line, line).toMatch(/^[A-Z]{6}\+NotoSerif(SC|JP)-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
  expect(run('qpdf', ['--check', file]), file).toMatch(/No syntax or stream encoding errors/);
  expectNoDrawingErrors(file);
}

const dir = tempDir('form-contract-');
const demo = createDemoDataset();

describe('the contract table', () => {
  it('has one row for every form in FORM_REGISTRY', () => {
    expect(CONTRACT.map((r) => r.id).sort()).toEqual((Object.keys(FORM_REGISTRY) as FormId[]).sort());
  });
});

describe.each(CONTRACT)('$id ($orientation A4)', (r) => {
  const files = new Map<string, string>();

  beforeAll(async () => {
    for (const f of r.filled) files.set(f.name, await renderTo(dir, `${r.id}-${f.name}`, f.build()));
    files.set('blank', await renderTo(dir, `${r.id}-blank`, r.blank()));
  });

  it.each(r.filled)('is sound A4 with every font embedded as a subset and passes qpdf --check: $name', (f) => {
    const file = files.get(f.name)!;
    expectSoundPdf(file, r.orientation);
    if (f.pages !== undefined) expect(pageCount(file)).toBe(f.pages);
    if (f.maxBytes !== undefined) expect(statSync(file).size).toBeLessThan(f.maxBytes);
  });

  it(`prints a sound blank form on ${r.blankPages} page(s)`, () => {
    const file = files.get('blank')!;
    expectSoundPdf(file, r.orientation);
    expect(pageCount(file)).toBe(r.blankPages);
  });

  it(`has at least ${r.minSamples} demo record(s) to print samples from, each one the form applies to`, () => {
    const form = FORM_REGISTRY[r.id] as { samples(demo: ReturnType<typeof createDemoDataset>): unknown[]; appliesTo(record: unknown): boolean };
    const samples = form.samples(demo);
    expect(samples.length).toBeGreaterThanOrEqual(r.minSamples);
    for (const sample of samples) expect(form.appliesTo(sample)).toBe(true);
  });
});
