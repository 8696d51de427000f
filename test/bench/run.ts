// Benchmark (not a test): how long printing takes in plain Node with the real fonts. Prints
// figures; asserts nothing. Run with `npm run bench`.
import { performance } from 'node:perf_hooks';
import { createDemoDataset } from '../../shared/demo/demo-dataset';
import { createFormContext, formContextData } from '../../shared/forms/context';
import { buildF04, f04AppliesTo } from '../../shared/forms/f04-account-filing';
import { formNumber } from '../../shared/forms/registry';
import { presetProfile } from '../../shared/profiles/presets';
import { renderPdf } from '../../scripts/lib/pdf-node';

const data = createDemoDataset();
const profile = presetProfile(data.profileId);
const platforms = data.platforms.filter(f04AppliesTo);
const ctx = (n: number) =>
  createFormContext(
    formContextData({
      institutionName: data.institutionName,
      profile,
      formNumber: formNumber('BA', 2026, n),
      people: data.people,
      units: data.units,
      platforms: data.platforms,
    }),
  );

const t0 = performance.now();
await renderPdf(buildF04(platforms[0]!, ctx(1)));
const first = performance.now() - t0;

const times: number[] = [];
let bytes = 0;
for (let i = 0; i < 100; i++) {
  const started = performance.now();
  const pdf = await renderPdf(buildF04(platforms[i % platforms.length]!, ctx(i + 2)));
  times.push(performance.now() - started);
  bytes += pdf.length;
}
times.sort((a, b) => a - b);
const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
console.log(`F04, Node, ${platforms.length} demo accounts cycled`);
console.log(`  first form incl. font load: ${first.toFixed(0)} ms`);
console.log(`  next 100 forms: median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${pct(1)} ms, mean size ${(bytes / 100 / 1024).toFixed(1)} KB`);

// A 500-form batch: build each form, then join them into one PDF (what 批量打印 does in the worker).
{
  const { mergePdfs } = await import('../../shared/forms/merge');
  const started = performance.now();
  const parts: Uint8Array[] = [];
  for (let i = 0; i < 500; i++) parts.push(await renderPdf(buildF04(platforms[i % platforms.length]!, ctx(i + 200))));
  const built = performance.now() - started;
  const merged = await mergePdfs(parts, 'bench');
  const total = performance.now() - started;
  console.log(`F04 batch of 500: built in ${(built / 1000).toFixed(1)} s, merged in ${((total - built) / 1000).toFixed(1)} s, total ${(total / 1000).toFixed(1)} s, ${(merged.length / 1024 / 1024).toFixed(1)} MB`);
}
