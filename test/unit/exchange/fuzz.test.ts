// Property test: corrupted, truncated and hostile exchange packages fed through the whole import
// (read → plan → merge everything) are each refused with a Chinese reason; none throws, none changes
// any table of the importing database, and none pollutes Object.prototype.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '@shared/domain/canonical-json';
import { packageChecksum } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import type { Platform } from '@shared/domain/platform';
import type { LedgerDb } from '../../../renderer/db/schema';
import { mergePackage, previewImport } from '../../../renderer/db/exchange';
import { updateRecord } from '../../../renderer/db/repository';
import { CS_COLLEGE, dump, exportAndRead, openDb, platformOf } from './fixture';

const SENTINEL = 'polluted';
const encoder = new TextEncoder();
let cases = 0;
let office: LedgerDb;
let base: Uint8Array;
let baseObject: Record<string, unknown>;
let baseCanonical: string;
let before: string;

beforeAll(async () => {
  const clerk = await openDb();
  // The clerk changed a platform, so a package wrongly accepted would write something.
  await updateRecord<Platform>(clerk, 'platforms', platformOf('计算机与人工智能学院网站').id, { measures: '每周检查' });
  base = (await exportAndRead(clerk, CS_COLLEGE)).bytes;
  await clerk.delete();
  baseObject = JSON.parse(new TextDecoder().decode(base)) as Record<string, unknown>;
  baseCanonical = canonicalJson(baseObject);
  office = await openDb();
  before = canonicalJson(await dump(office));
  // The unmodified package is accepted: the refusals below are the mutations' doing.
  expect(readPackage(base).ok).toBe(true);
});

afterAll(async () => {
  expect(prototypeIsClean()).toBe(true);
  await office?.delete();
});

function prototypeIsClean(): boolean {
  return !(SENTINEL in Object.prototype) && ({} as Record<string, unknown>)[SENTINEL] === undefined && Object.keys(Object.prototype).length === 0;
}

/** Whether `bytes` still parse to exactly the original package (a mutation that changed nothing). */
function sameAsBase(bytes: Uint8Array): boolean {
  try {
    return canonicalJson(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))) === baseCanonical;
  } catch {
    return false;
  }
}

/** The clerk's whole import: read, and if the file were accepted, merge every record of it. */
async function expectRefused(bytes: Uint8Array, checkDb: boolean): Promise<void> {
  cases++;
  let result: ReturnType<typeof readPackage>;
  try {
    result = readPackage(bytes);
    if (result.ok) {
      const plan = await previewImport(office, result.package);
      await mergePackage(office, result.package, plan, new Set(plan.items.map((i) => i.key)));
    }
  } catch (error) {
    throw new Error(`import threw: ${String(error)}`, { cause: error });
  }
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(result.reason).toMatch(/未|不能/);
    expect(result.detail).not.toBe('');
  }
  expect(prototypeIsClean()).toBe(true);
  if (checkDb) expect(canonicalJson(await dump(office))).toBe(before);
}

/** Re-encodes an object as a package with a correct checksum over what JSON.parse would see. */
function withChecksum(obj: Record<string, unknown>): Uint8Array {
  const { sha256: _s, ...body } = obj;
  return encoder.encode(JSON.stringify({ ...body, sha256: packageChecksum(body) }));
}

type Path = (string | number)[];

/** Every position in the package below the root, as a path. */
function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : value && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, child] of children) {
    out.push([...path, key]);
    allPaths(child, [...path, key], out);
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}

function getAt(root: unknown, path: Path): unknown {
  let at = root as Record<string | number, unknown>;
  for (const key of path) at = at[key] as Record<string | number, unknown>;
  return at;
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function nest(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A value of a different kind from the one it replaces (so no field can accept it as it stands). */
const replacement = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.array(fc.anything({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }),
);

const paths = () => allPaths(baseObject);

describe('package import under corrupted, truncated and hostile input', () => {
  it('refuses random bytes, with or without a package-like start', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1500 }), fc.constantFrom('', '{', '{"format":"media-ledger-exchange","formatVersion":1,', '\ufeff{"format":"media-ledger-exchange"}', '[', 'MLBK\u0000\u0001'), async (noise, prefix) => {
        await expectRefused(new Uint8Array([...encoder.encode(prefix), ...noise]), false);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a real package with 1 to 3 flipped bits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 3 }), async (flips) => {
        const bytes = base.slice();
        for (const [at, bit] of flips) bytes[at] = bytes[at]! ^ (1 << bit);
        fc.pre(!sameAsBase(bytes));
        await expectRefused(bytes, true);
      }),
      { numRuns: 250 },
    );
  });

  it('refuses a truncated real package, or one with bytes inserted, deleted or appended', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(base.length - 1), fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.constantFrom('truncate', 'insert', 'delete', 'append'), async (at, run, how) => {
        let bytes: Uint8Array;
        if (how === 'truncate') bytes = base.subarray(0, at);
        else if (how === 'insert') bytes = new Uint8Array([...base.subarray(0, at), ...run, ...base.subarray(at)]);
        else if (how === 'delete') bytes = new Uint8Array([...base.subarray(0, at), ...base.subarray(at + run.length)]);
        else bytes = new Uint8Array([...base, ...run]);
        fc.pre(!sameAsBase(bytes));
        await expectRefused(bytes, true);
      }),
      { numRuns: 250 },
    );
  });

  it('refuses valid-checksum packages with a value of the wrong kind anywhere', async () => {
    const all = paths();
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), replacement, async (index, value) => {
        const path = all[index]!;
        fc.pre(path[0] !== 'sha256');
        const obj = structuredClone(baseObject);
        fc.pre(kindOf(getAt(obj, path)) !== kindOf(value) && !(typeof value === 'number' && typeof getAt(obj, path) === 'number'));
        setAt(obj, path, value);
        await expectRefused(withChecksum(obj), index % 4 === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses valid-checksum packages with huge strings, deep nesting, unknown or missing keys', async () => {
    const all = paths();
    const objectPaths = all.filter((p) => kindOf(getAt(baseObject, p)) === 'object');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(all.length - 1),
        fc.nat(objectPaths.length - 1),
        fc.constantFrom('huge string', 'huge CJK string', 'deep nesting', 'unknown key', 'missing key', 'long list'),
        fc.integer({ min: 17, max: 3000 }),
        async (index, objectIndex, how, size) => {
          const obj = structuredClone(baseObject);
          const path = all[index]!;
          fc.pre(path[0] !== 'sha256');
          if (how === 'huge string') setAt(obj, path, 'x'.repeat(20_001 + size));
          else if (how === 'huge CJK string') setAt(obj, path, '阵'.repeat(2_001 + size));
          // Far past the limit of 16, yet shallow enough for this test's own recursive checksum helper.
          else if (how === 'deep nesting') setAt(obj, path, nest(17 + (size % 400)));
          else if (how === 'long list') setAt(obj, path, Array.from({ length: 2_001 + size }, () => 1));
          else {
            const target = getAt(obj, objectPaths[objectIndex]!) as Record<string, unknown>;
            if (how === 'unknown key') target[`extra${size}`] = 'x';
            else {
              const keys = Object.keys(target);
              fc.pre(keys.length > 0);
              const key = keys[size % keys.length]!;
              // Optional fields may be absent: drop one that a record cannot do without.
              fc.pre(['id', 'createdAt', 'updatedAt', 'name', 'kind', 'platformId', 'format', 'formatVersion', 'records', 'unit', 'units', 'people', 'platforms', 'approvals', 'status', 'isTeacher', 'certification', 'level1', 'department', 'date', 'value', 'involvesData', 'field', 'before', 'after'].includes(key));
              delete target[key];
            }
          }
          await expectRefused(withChecksum(obj), index % 4 === 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses prototype-polluting keys anywhere, with or without a matching checksum', async () => {
    const all = paths();
    const objectPaths = [[], ...all.filter((p) => kindOf(getAt(baseObject, p)) === 'object')];
    const poison = fc.constantFrom(
      '"__proto__":{"polluted":"yes"}',
      '"constructor":{"prototype":{"polluted":"yes"}}',
      '"prototype":{"polluted":"yes"}',
      '"__proto__":[1,2]',
      '"__proto__":null',
      '"\\u005f_proto__":{"polluted":"yes"}',
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(objectPaths.length - 1), poison, fc.boolean(), async (index, member, fixSum) => {
        const obj = structuredClone(baseObject);
        const marker = `__marker_${index}__`;
        (getAt(obj, objectPaths[index]!) as Record<string, unknown>)[marker] = 0;
        let text = JSON.stringify(obj).replace(`"${marker}":0`, member);
        if (fixSum) {
          // The checksum a forger would compute over what a plain JSON.parse sees.
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const { sha256: _s, ...body } = parsed;
          text = text.replace(String(parsed.sha256), packageChecksum(body));
        }
        await expectRefused(encoder.encode(text), true);
      }),
      { numRuns: 120 },
    );
  });

  it('refuses arbitrary JSON, alone or dressed as a package with a valid checksum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.integer({ min: -2, max: 5 }), async (value, dressed, version) => {
        const bytes = dressed
          ? withChecksum({ format: 'media-ledger-exchange', formatVersion: version, payload: value, records: value })
          : encoder.encode(JSON.stringify(value) ?? 'null');
        await expectRefused(bytes, false);
      }),
      { numRuns: 120 },
    );
  });

  it('left every table of the importing database as it was', async () => {
    expect(canonicalJson(await dump(office))).toBe(before);
  });

  it('ran at least 1,000 hostile cases', () => {
    expect(cases).toBeGreaterThanOrEqual(1000);
    console.info(`exchange package fuzz: ${cases} hostile cases`);
  });
});
