// The property behind issue 12 ("the paper never loses a word"), shared by the two test files that
// run it over halves of the form registry (vitest runs files on both cores). Every form is built
// from a demo record whose free-text fields (and those of the people, units and platforms it
// points to) are replaced by generated values: empty to several thousand characters, tokens of up
// to 300 characters without a break opportunity, rare and non-BMP characters; and one of its lists
// grown up to 200 rows. Each PDF is read back with pdftotext and checked as a clerk would.
import fc from 'fast-check';
import { expect } from 'vitest';
import { createDemoDataset, type DemoDataset } from '../../../shared/demo/demo-dataset';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import { createFormContext, formContextData } from '../../../shared/forms/context';
import { FORM_REGISTRY, type FormId } from '../../../shared/forms/registry';
import { getPreset, PRESET_PROFILES } from '../../../shared/profiles/presets';
import { bodyWords, printed, renderPaper, typeAreaBox, wordsOutside, type Paper } from './paper-check';
import { squash } from './pdf-read';
import { tempDir } from '../../fixtures/temp-dir';

/** Fields a person types freely (the rest are ids, dates, enumerations and numbers). */
const FREE_TEXT = new Set([
  'name', 'title', 'phone', 'accountId', 'url', 'purpose', 'contentScope', 'measures', 'note', 'level1', 'level2',
  'department', 'opinion', 'content', 'imageSource', 'publishedUrl', 'found', 'reportedTo', 'feedback', 'topic',
  'speaker', 'team', 'selfAssessment', 'location', 'reason', 'item', 'before', 'after', 'signedBy',
]);
/** Lists of free text (every element typed by hand). */
const FREE_LISTS = new Set(['items']);
/** Lists of people, grown with new people. */
const PEOPLE_LISTS = new Set(['sectionAdminIds', 'attendeeIds']);

const COMMON = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙';
const RARE = ['𠮷', '堃', '赟', '喆', '龘', '𠀋', '𡈽'];
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PUNCT = '，。、；：？！“”（）《》—…·';
const TOKEN_CHARS = `${ASCII}./:_?=&-%#~+`;

const charOf = (pool: string): fc.Arbitrary<string> => fc.constantFrom(...Array.from(pool));
const textChar = fc.oneof(
  { weight: 12, arbitrary: charOf(COMMON) },
  { weight: 2, arbitrary: fc.constantFrom(...RARE) },
  { weight: 2, arbitrary: charOf(ASCII) },
  { weight: 2, arbitrary: charOf(PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n') },
);

/** A token with no break opportunity: a URL, an id, a long number. */
const token = fc.string({ unit: charOf(TOKEN_CHARS), minLength: 8, maxLength: 300 });
const shortText = fc.string({ unit: textChar, maxLength: 40 });
/** Several thousand characters: built from a seed, so generation stays quick. */
const longText = fc.record({ n: fc.integer({ min: 300, max: 4000 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }).map(({ n, seed }) => prose(n, seed));

export interface Case {
  form: FormId;
  sample: number;
  /** Values for the free-text fields, used in turn. */
  texts: string[];
  /** The long values, each given to one field (by index among the free-text fields). */
  long: { text: string; slot: number }[];
  /** Which list to grow (index among the record's lists) and to how many rows. */
  grow: { list: number; rows: number };
}

export function caseArbitrary(forms: readonly FormId[]): fc.Arbitrary<Case> {
  return fc.record({
    form: fc.constantFrom(...forms),
    sample: fc.nat(5),
    texts: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 5, arbitrary: shortText }, { weight: 2, arbitrary: token }), {
      minLength: 1,
      maxLength: 10,
    }),
    long: fc.array(fc.record({ text: fc.oneof(longText, token), slot: fc.nat(60) }), { maxLength: 2 }),
    grow: fc.record({ list: fc.nat(5), rows: fc.oneof({ weight: 3, arbitrary: fc.nat(8) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 200 }) }) }),
  });
}

function prose(n: number, seed: number): string {
  const chars = Array.from(COMMON + COMMON + PUNCT + RARE.join(''));
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += chars[(x >>> 8) % chars.length];
  }
  return out;
}

const demo = createDemoDataset({ today: '2026-11-22' });
const profile = getPreset(demo.profileId) ?? PRESET_PROFILES[0]!;

interface World {
  record: unknown;
  people: Person[];
  units: DemoDataset['units'];
  platforms: Platform[];
}

/** Every free-text field as [holder, key, path], in a stable order. */
function freeFields(world: World): [Record<string, unknown>, string, string][] {
  const out: [Record<string, unknown>, string, string][] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (typeof item === 'object' && item !== null) walk(item, `${path}.${i}`);
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    for (const [key, v] of Object.entries(obj)) {
      if (typeof v === 'string' && FREE_TEXT.has(key)) out.push([obj, key, `${path}.${key}`]);
      else if (Array.isArray(v) && FREE_LISTS.has(key)) v.forEach((_, i) => out.push([v as unknown as Record<string, unknown>, String(i), `${path}.${key}.${i}`]));
      else if (typeof v === 'object' && v !== null) walk(v, `${path}.${key}`);
    }
  };
  walk(world.record, 'record');
  for (const p of world.people) walk(p, `people.${p.id}`);
  for (const u of world.units) walk(u, `units.${u.id}`);
  for (const p of world.platforms) walk(p, `platforms.${p.id}`);
  return out;
}

/** The lists of the record (and, for a list form, the unit's platforms) that can grow. */
function lists(world: World, form: FormId): { path: string; grow: (rows: number) => void }[] {
  const out: { path: string; grow: (rows: number) => void }[] = [];
  const record = world.record as Record<string, unknown>;
  const target = (record && typeof record === 'object' && 'platformId' in record ? world.platforms.find((p) => p.id === record.platformId) : undefined) ?? (form === 'F09' ? undefined : (record as unknown as Platform));
  const holders: [string, Record<string, unknown>][] = [['record', record]];
  if (target && (target as unknown) !== record) holders.push([`platforms.${target.id}`, target as unknown as Record<string, unknown>]);
  for (const [base, holder] of holders) {
    for (const [key, v] of Object.entries(holder)) {
      // A review's steps follow its chain (a form prints the chain's levels, not any number).
      if (!Array.isArray(v) || v.length === 0 || key === 'statusHistory' || key === 'followers' || key === 'steps') continue;
      if (PEOPLE_LISTS.has(key)) {
        out.push({ path: `${base}.${key}`, grow: (rows) => (holder[key] = clonePeople(world, v as string[], rows)) });
      } else if (typeof v[0] === 'object') {
        out.push({ path: `${base}.${key}`, grow: (rows) => (holder[key] = cloneRows(v as Record<string, unknown>[], rows)) });
      }
    }
  }
  if (form === 'F09') {
    const unit = record as unknown as { id: string };
    const own = world.platforms.filter((p) => p.hostUnitId === unit.id);
    if (own.length) out.push({ path: 'platforms', grow: (rows) => world.platforms.push(...cloneRows(own as unknown as Record<string, unknown>[], rows).slice(own.length) as unknown as Platform[]) });
  }
  return out;
}

/** The list with `rows` rows: its own rows, then copies with new ids (the source row first in `__from`). */
function cloneRows(rows: readonly Record<string, unknown>[], n: number): Record<string, unknown>[] {
  const out = rows.slice();
  for (let i = rows.length; i < n; i++) {
    const src = rows[i % rows.length]!;
    const copy = structuredClone(src);
    if (typeof copy.id === 'string') copy.id = `${copy.id}~c${i}`;
    if (typeof copy.stepIndex === 'number') copy.stepIndex = i;
    Object.defineProperty(copy, '__from', { value: src, enumerable: false });
    out.push(copy);
  }
  return out;
}

function clonePeople(world: World, ids: readonly string[], n: number): string[] {
  const out = ids.slice();
  for (let i = ids.length; i < n; i++) {
    const src = world.people.find((p) => p.id === ids[i % ids.length]);
    if (!src) break;
    const copy: Person = { ...structuredClone(src), id: `${src.id}~c${i}` };
    world.people.push(copy);
    out.push(copy.id);
  }
  return out;
}

function worldOf(form: FormId, sample: number): World | null {
  const samples = (FORM_REGISTRY[form].samples as (d: DemoDataset) => unknown[])(demo);
  if (!samples.length) return null;
  return structuredClone({ record: samples[sample % samples.length], people: demo.people, units: demo.units, platforms: demo.platforms });
}

function build(form: FormId, world: World): ReturnType<typeof FORM_REGISTRY.F01.build> {
  const ctx = createFormContext(formContextData({
    institutionName: demo.institutionName,
    profile,
    formNumber: 'BA-2026-0007',
    printedAt: '2026-11-22T09:30:00+08:00',
    people: world.people,
    units: world.units,
    platforms: world.platforms,
  }));
  return (FORM_REGISTRY[form].build as (r: unknown, c: typeof ctx) => ReturnType<typeof FORM_REGISTRY.F01.build>)(world.record, ctx);
}

const dir = tempDir('paper-property-');
/** Paths of the free-text fields a form prints (found by printing a marker in each), per form and sample. */
const printedPaths = new Map<string, Promise<Set<string>>>();

async function probe(form: FormId, sample: number): Promise<Set<string>> {
  const world = worldOf(form, sample)!;
  const fields = freeFields(world);
  fields.forEach(([holder, key], i) => (holder[key] = `M${i}Q`));
  const paper = await renderPaper(dir, `probe-${form}-${sample}`, build(form, world));
  const all = paper.pages.join('');
  return new Set(fields.filter((_, i) => all.includes(`M${i}Q`)).map(([, , path]) => path));
}

/** The path a cloned row inherits its printing from: the row it was copied from. */
function sourcePath(path: string, world: World): string {
  return path.replace(/~c\d+/g, '').replace(/^record((?:\.\w+)*?)\.(\w+)\.(\d+)/, (m, pre: string, key: string, idx: string) => {
    const holder = pre.split('.').filter(Boolean).reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], world.record);
    const list = (holder as Record<string, unknown>)?.[key];
    const item = Array.isArray(list) ? (list[Number(idx)] as { __from?: unknown } | undefined) : undefined;
    const from = item?.__from;
    return from && Array.isArray(list) ? `record${pre}.${key}.${list.indexOf(from)}` : m;
  });
}

/** The checks a clerk makes on a printed form; returns the first failure as a sentence. */
export function paperFaults(paper: Paper, required: readonly string[], anchors: readonly string[]): string[] {
  const faults: string[] = [];
  if (paper.errors) faults.push(`poppler: ${paper.errors.slice(0, 200)}`);
  for (const v of required) if (!printed(paper, v)) faults.push(`lost: ${JSON.stringify(v.slice(0, 60))} (${[...v].length} chars)`);
  const outside = wordsOutside(paper);
  if (outside.length) faults.push(`outside the type area: ${outside.slice(0, 3).map((w) => `p${w.page} ${w.word.slice(0, 20)} [${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)}, ${w.yMin.toFixed(0)}]`).join('; ')}`);
  const bodies = paper.pages.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('编号：'))));
  bodies.forEach((body, i) => {
    if (bodyWords(paper, i + 1).length === 0) faults.push(`page ${i + 1} is empty`);
    else if (i > 0 && newText(body, bodies[i - 1]!) === '' && onlyAtTop(paper, i + 1)) faults.push(`page ${i + 1} holds only the repeated head`);
  });
  for (const anchor of anchors) {
    const a = squash(anchor);
    const page = bodies.findIndex((b) => b.includes(a));
    if (page < 0) {
      faults.push(`closing block ${anchor} not printed`);
      continue;
    }
    const before = bodies[page]!.slice(0, bodies[page]!.indexOf(a));
    if (page > 0 && newText(before, bodies[page - 1]!) === '') faults.push(`${anchor} alone on page ${page + 1}`);
  }
  return faults;
}

/** Every word of the page sits in the top quarter of the type area (where a repeated head is). */
function onlyAtTop(paper: Paper, page: number): boolean {
  const box = typeAreaBox(paper.landscape);
  return bodyWords(paper, page).every((w) => w.yMax < box.yMin + (box.yMax - box.yMin) / 4);
}

/** What a page adds to the previous one: its text less the longest head repeated from there. */
function newText(body: string, previous: string): string {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (previous.includes(body.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return body.slice(lo);
}

/**
 * The first label of each form's signature or seal block: on its page there must be content
 * above it, not only the head a table repeats.
 */
export const CLOSING_ANCHORS: Partial<Record<FormId, string[]>> = {
  F04: ['部门意见'],
  F08: ['单位主要负责人意见'],
  F09: ['填表人'],
  F11S: ['单位第一责任人审批'],
  F15: ['群主（管理员）签字'],
  F17: ['经办人'],
};

/** Forms that print the people of the list a case grows (administrators, attendees). */
const LISTS_PEOPLE = new Set<FormId>(['F07', 'F08', 'F09', 'F16']);

/**
 * Faults still open in the layout (issue 12), tolerated here so that every other fault fails the
 * run; each is reported to the lead and must be removed from this list when fixed:
 * (none at present)
 */
const KNOWN_OPEN: Partial<Record<FormId, { fault: RegExp; when: (c: Case) => boolean }[]>> = {};

export interface RunResult {
  cases: number;
  faults: string[];
}

/** Builds, prints and checks one case; the faults, each prefixed with the case. */
export async function checkCase(c: Case, index: number): Promise<string[]> {
  const world = worldOf(c.form, c.sample);
  if (!world) return [];
  const key = `${c.form}-${c.sample % 6}`;
  if (!printedPaths.has(key)) printedPaths.set(key, probe(c.form, c.sample));
  const printedSet = await printedPaths.get(key)!;
  const growable = lists(world, c.form);
  const list = growable[c.grow.list % Math.max(1, growable.length)];
  // Lists only grow: a shorter list would leave the people and platforms of dropped rows behind.
  list?.grow(c.grow.rows);
  const fields = freeFields(world);
  const longAt = new Map(c.long.map((l) => [l.slot % Math.max(1, fields.length), l.text]));
  const required: string[] = [];
  const used = new Set<string>();
  fields.forEach(([holder, key, path], i) => {
    const cloned = /~c\d+/.test(path) || sourcePath(path, world) !== path;
    // A person added to a list is printed only by the forms that print that list.
    const addedPerson = path.startsWith('people.') && /~c\d+/.test(path);
    const drawn = longAt.get(i) ?? c.texts[i % c.texts.length] ?? '';
    // Every value distinct, so that a page of rows is never mistaken for a repeated head.
    const text = drawn + (cloned || (drawn !== '' && used.has(drawn)) ? `＃${i}` : '');
    used.add(drawn);
    holder[key] = text;
    if (printedSet.has(sourcePath(path, world)) && (!addedPerson || LISTS_PEOPLE.has(c.form))) required.push(text);
  });
  const doc = build(c.form, world);
  const paper = await renderPaper(dir, `case-${index}-${c.form}`, doc);
  const open = KNOWN_OPEN[c.form] ?? [];
  const tolerated = (f: string): boolean => open.some((o) => o.fault.test(f) && o.when(c));
  return [...paperFaults(paper, required, CLOSING_ANCHORS[c.form] ?? []), ...splitLabels(paper, doc)]
    .filter((f) => !tolerated(f))
    .map((f) => `${c.form} case ${index} (${paper.file}): ${f}`);
}

/**
 * Runs the property over `forms` with a fixed seed and fails at the first case with a fault.
 * PAPER_ALL_FAULTS=1 runs every case and lists all faults (for work on the layout).
 */
export async function runProperty(forms: readonly FormId[], seed: number, numRuns: number): Promise<number> {
  let n = 0;
  const collect = process.env.PAPER_ALL_FAULTS === '1';
  const all: string[] = [];
  await fc.assert(
    fc.asyncProperty(caseArbitrary(forms), async (c) => {
      const faults = await checkCase(c, n++);
      if (collect) all.push(...faults);
      else expect(faults).toEqual([]);
    }),
    { seed, numRuns, endOnFailure: true },
  );
  expect(all).toEqual([]);
  return n;
}

/** The labels of a document: bold, centred cell texts (kit.ts label), as printed on one line each or broken on purpose. */
function labelsOf(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const n of node) labelsOf(n, out);
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.bold === true && n.alignment === 'center' && typeof n.text === 'string') out.add(n.text);
    for (const value of Object.values(n)) if (value && typeof value === 'object') labelsOf(value, out);
  }
  return out;
}

/**
 * Labels of up to 8 characters printed split over lines (分管领导审/核意见). A label broken on
 * purpose between its words (breakLabel) counts line by line.
 */
export function splitLabels(paper: Paper, doc: unknown): string[] {
  const words = paper.words.map((w) => w.word);
  const faults: string[] = [];
  for (const label of labelsOf((doc as { content?: unknown }).content)) {
    for (const line of label.split('\n')) {
      const text = line.replace(/\s/g, '');
      if (text === '' || [...text].length > 8) continue;
      if (!words.some((w) => w.includes(text))) faults.push(`label ${text} split`);
    }
  }
  return faults;
}
