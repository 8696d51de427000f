// Which characters the printed forms can show, read from the embedded fonts' own cmap tables.
// Used by scripts/generate-print-coverage.ts to write shared/forms/printable-coverage.generated.ts
// and by its unit test, which re-reads the fonts and fails when the generated module disagrees.
//
// A form prints a character in Noto Serif SC, or in Noto Serif JP when it is a CJK ideograph
// beyond the BMP (shared/forms/format.ts isRareCodePoint / richText). Text may be set in either
// weight, so a character counts as printable only when both weights of its font map it to a glyph.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isRareCodePoint } from '../../shared/forms/format';

const require = createRequire(import.meta.url);

/** The TTF files the PDF hosts embed (the same files as scripts/lib/pdf-node.ts and renderer/pdf/pdf-worker.ts). */
export const COVERAGE_FONT_PATHS = {
  documentRegular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  documentBold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  rareRegular: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'),
  rareBold: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf'),
} as const;

/** Inclusive code point range. */
export type CodePointRange = readonly [first: number, last: number];

/**
 * The code points a TrueType font's cmap maps to a real glyph (not glyph 0, .notdef). Reads the
 * full-repertoire subtable (format 12) when there is one, else the BMP one (format 4).
 */
export function cmapCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(font[record]!, font[record + 1]!, font[record + 2]!, font[record + 3]!);
    if (tag === 'cmap') cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error('font has no cmap table');
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + i * 8;
    const offset = cmap + view.getUint32(at + 4);
    subtables.push({ platform: view.getUint16(at), encoding: view.getUint16(at + 2), offset, format: view.getUint16(offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  if (full) return format12(view, full.offset);
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  if (bmp) return format4(view, bmp.offset);
  throw new Error('font has no Unicode cmap subtable of format 4 or 12');
}

function format12(view: DataView, at: number): Set<number> {
  const points = new Set<number>();
  const groups = view.getUint32(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    const glyph = view.getUint32(g + 8);
    for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) points.add(cp);
  }
  return points;
}

function format4(view: DataView, at: number): Set<number> {
  const points = new Set<number>();
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let i = 0; i < segments; i++) {
    const end = view.getUint16(ends + i * 2);
    const start = view.getUint16(starts + i * 2);
    const delta = view.getInt16(deltas + i * 2);
    const rangeOffset = view.getUint16(rangeOffsets + i * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(cp);
    }
  }
  return points;
}

/** Sorted code points → inclusive ranges of consecutive code points. */
export function toRanges(points: Iterable<number>): CodePointRange[] {
  const ranges: [number, number][] = [];
  for (const cp of [...points].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

/** Characters printable in both weights of each family, split the way richText splits text. */
export function readPrintCoverage(): { document: CodePointRange[]; rare: CodePointRange[] } {
  const read = (path: string) => cmapCodePoints(readFileSync(path));
  const both = (a: Set<number>, b: Set<number>) => [...a].filter((cp) => b.has(cp));
  const document = both(read(COVERAGE_FONT_PATHS.documentRegular), read(COVERAGE_FONT_PATHS.documentBold));
  const rare = both(read(COVERAGE_FONT_PATHS.rareRegular), read(COVERAGE_FONT_PATHS.rareBold));
  return {
    document: toRanges(document.filter((cp) => !isRareCodePoint(cp))),
    rare: toRanges(rare.filter((cp) => isRareCodePoint(cp))),
  };
}

/**
 * Ranges as a compact string: base-36 numbers, alternately the gap since the previous range's
 * end and the range's length minus one (decoded by shared/forms/printable.ts).
 */
export function encodeRanges(ranges: readonly CodePointRange[]): string {
  const parts: string[] = [];
  let previousEnd = -1;
  for (const [first, last] of ranges) {
    parts.push((first - previousEnd - 1).toString(36), (last - first).toString(36));
    previousEnd = last;
  }
  return parts.join(',');
}

/** The source text of shared/forms/printable-coverage.generated.ts. */
export function coverageModuleSource(): string {
  const { document, rare } = readPrintCoverage();
  const wrap = (s: string) => (s.match(/.{1,96}(?:,|$)/g) ?? []).map((line) => `  '${line}'`).join(' +\n');
  return `// GENERATED by scripts/generate-print-coverage.ts from the cmap tables of the embedded form fonts
// (Noto Serif SC and, for CJK ideographs beyond the BMP, Noto Serif JP; regular and bold). Do not
// edit: run \`node --import tsx scripts/generate-print-coverage.ts\` after changing the fonts.
// test/unit/forms/printable-coverage.test.ts fails when this file and the fonts disagree.
// Format: see encodeRanges in scripts/lib/font-coverage.ts.

/** Characters Noto Serif SC prints (both weights), except the rare ideographs below. */
export const DOCUMENT_FONT_RANGES =
${wrap(encodeRanges(document))};

/** CJK ideographs beyond the BMP (U+20000–U+3FFFF) Noto Serif JP prints (both weights). */
export const RARE_FONT_RANGES =
${wrap(encodeRanges(rare))};
`;
}
