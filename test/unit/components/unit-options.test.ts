// The unit chooser's options keep one identity from the first render on: antd's Select uses an
// option's `key` (else its value) as the list item's React key. When the pinyin keys arrive from
// the people worker, the options are built again; an option whose identity changed is mounted
// anew, and a click landing in that moment chooses nothing (seen as an e2e failure in 数据交换).
import { describe, expect, it } from 'vitest';
import { unitOptions } from '../../../renderer/components/unit-options';
import type { Unit } from '../../../shared/domain/unit';
import { matchesSearch } from '../../../shared/search/search-match';
import { buildSearchKey } from '../../../shared/search/pinyin-search';

const at = '2026-01-01T00:00:00.000Z';
const unit = (id: string, name: string): Unit => ({ id, name, kind: '二级学院', createdAt: at, updatedAt: at });
const units = [unit('u1', '图书馆'), unit('u2', '办公室'), unit('u3', '办公室')];
const keys = new Map(units.map((u) => [u.id, { name: buildSearchKey([u.name]) }]));

/** The React key rc-select gives an option: its `key`, else its value. */
const reactKey = (o: object) => ('key' in o && o.key != null ? o.key : (o as { value: string }).value);

describe('unitOptions', () => {
  it('gives each option the same React key before and after the pinyin keys arrive', () => {
    const before = unitOptions(units, undefined).map(reactKey);
    const after = unitOptions(units, keys).map(reactKey);
    expect(before).toEqual(['u1', 'u2', 'u3']);
    expect(after).toEqual(before);
  });

  it('gives two units of the same name different React keys', () => {
    const keysOf = unitOptions(units, keys).map(reactKey);
    expect(new Set(keysOf).size).toBe(units.length);
  });

  it('finds a unit by its name as typed before the pinyin keys arrive, and by initials after', () => {
    const [library] = unitOptions(units, undefined);
    expect(matchesSearch(library!.search, '图书')).toBe(true);
    expect(matchesSearch(library!.search, 'tsg')).toBe(false);
    const [withKeys] = unitOptions(units, keys);
    expect(matchesSearch(withKeys!.search, 'tsg')).toBe(true);
    expect(matchesSearch(withKeys!.search, '图书')).toBe(true);
  });
});
