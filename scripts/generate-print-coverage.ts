// Writes shared/forms/printable-coverage.generated.ts from the embedded form fonts' cmap tables,
// so that entry validation refuses exactly the characters the printed forms cannot show.
// Run: node --import tsx scripts/generate-print-coverage.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coverageModuleSource } from './lib/font-coverage';

const target = fileURLToPath(new URL('../shared/forms/printable-coverage.generated.ts', import.meta.url));
writeFileSync(target, coverageModuleSource());
console.log(`written ${target}`);
