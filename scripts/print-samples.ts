// npm run print-samples -- <dir>
// Writes every implemented form as PDF into <dir>: one per applicable record of the demo
// dataset (F04-<platform name>.pdf, or F04-sample.pdf when none applies) plus a blank form
// (F04-blank.pdf), so a person can print them and check them against the seed appendices.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoDataset } from '../shared/demo/demo-dataset';
import { createFormContext, formContextData, type FormContext } from '../shared/forms/context';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { safeFileName } from '../shared/forms/file-name';
import { formNumber, IMPLEMENTED_FORMS } from '../shared/forms/registry';
import { PRESET_PROFILES, presetProfile } from '../shared/profiles/presets';
import type { RuleProfile } from '../shared/profiles/types';
import { renderPdf, warmUpPdfNode } from './lib/pdf-node';

/** Sample file names: the shared rule for what a file system refuses, at most 60 characters. */
function sampleFileName(name: string): string {
  return Array.from(safeFileName(name)).slice(0, 60).join('') || 'record';
}

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：npm run print-samples -- <目录>\nUsage: npm run print-samples -- <dir>');
    return 1;
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    console.error(`不是目录：${dir}\nNot a directory: ${dir}`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });

  const today = new Date().toISOString().slice(0, 10);
  const demo = createDemoDataset({ today });
  const demoProfile = presetProfile(demo.profileId);
  // A form prints under the demo's profile when that profile uses it, else under the preset whose
  // seed it comes from — so F06 shows 002's chain and F05 001's keeping office, as in the field.
  const profileFor = (formId: string): RuleProfile =>
    demoProfile.forms.includes(formId) ? demoProfile : (PRESET_PROFILES.find((p) => p.forms.includes(formId)) ?? demoProfile);
  const year = Number(today.slice(0, 4));
  const context = (formId: string, number: string): FormContext =>
    createFormContext(
      formContextData({
        institutionName: demo.institutionName,
        profile: profileFor(formId),
        formNumber: number,
        people: demo.people,
        units: demo.units,
        platforms: demo.platforms,
      }),
    );

  let t = performance.now();
  warmUpPdfNode();
  console.log(`fonts loaded in ${Math.round(performance.now() - t)} ms`);

  const write = async (file: string, build: () => TDocumentDefinitions): Promise<void> => {
    t = performance.now();
    const pdf = await renderPdf(build());
    writeFileSync(join(dir, file), pdf);
    console.log(`${file}  ${(pdf.length / 1024).toFixed(1)} KB  ${Math.round(performance.now() - t)} ms`);
  };

  for (const form of IMPLEMENTED_FORMS) {
    let seq = 0;
    const used = new Set<string>();
    const records = form.samples(demo);
    for (const record of records) {
      const ctx = context(form.id, formNumber(form.numberPrefix, year, seq + 1));
      let base = `${form.id}-${sampleFileName(form.describe(record, ctx.timeZone))}`;
      if (used.has(base)) base = `${base}-${form.recordId(record) ?? seq}`;
      used.add(base);
      seq += 1;
      await write(`${base}.pdf`, () => form.build(record, ctx));
    }
    if (records.length === 0) console.log(`${form.id}: no demo record applies; only the blank form is written`);
    await write(`${form.id}-blank.pdf`, () => form.build(null, context(form.id, '')));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('生成样张失败 / failed to write samples:', error);
    process.exit(1);
  },
);
