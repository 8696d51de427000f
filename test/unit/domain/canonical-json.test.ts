// canonicalJson gives exactly the text it always gave (every audit entry and exchange package
// written so far is hashed over it): for any JSON value, the same as sorting the keys into
// objects without a prototype, the form it was first written in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/** The first form of canonicalJson, kept here as the reference. */
function reference(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(v).sort()) {
        const item = (v as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = sort(item);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** Keys a clerk or a crafted file could give, those that mean something to JavaScript objects among them. */
const KEY = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'toJSON', 'valueOf', 'hasOwnProperty', '10', '9', '0', '-1', '01', '名称', '𠮷'));

describe('canonicalJson', () => {
  it('gives the reference text for any JSON value, keys that mean something to objects included', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(KEY, tie('node'), { maxKeys: 6 }),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        // As the values come in: parsed from JSON text, where "__proto__" is an own key.
        const text = JSON.stringify(v);
        const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
        expect(canonicalJson(parsed)).toBe(reference(parsed));
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a key named "__proto__" as an ordinary key, in its sorted place, at any depth', () => {
    const value = JSON.parse('{"b":{"__proto__":{"z":1,"a":2},"_":0},"__proto__":[{"__proto__":null}],"a":1}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":[{"__proto__":null}],"a":1,"b":{"_":0,"__proto__":{"a":2,"z":1}}}');
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
