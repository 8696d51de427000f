// A page read again (a key typed in the search box, a write elsewhere) that finds the same page
// keeps the one shown, so nothing is drawn again; any change the clerk could see draws it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { samePage, type PagedRows } from '../../../renderer/db/register-index';
import { lookupsOf } from '../../../renderer/db/queries';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Unit } from '../../../shared/domain/unit';

const at = '2026-12-01T08:00:00.000Z';
const later = '2026-12-02T08:00:00.000Z';
const unit = { id: 'u1', name: '新闻中心', updatedAt: at } as Unit;
const person = { id: 'p1', name: '王𠮷', updatedAt: at } as Person;
const platform = (id: string, updatedAt = at) => ({ id, name: `平台${id}`, updatedAt }) as Platform;

function page(rows: Platform[], total = rows.length, units: Unit[] = [unit], people: Person[] = [person]): PagedRows<Platform> {
  return { rows, total, lookups: lookupsOf(units, people) };
}

describe('samePage', () => {
  it('finds a page read again with the same records, count and names the same', () => {
    expect(samePage(page([platform('a'), platform('b')], 40), page([platform('a'), platform('b')], 40))).toBe(true);
  });

  it('finds any change the clerk could see', () => {
    const shown = page([platform('a'), platform('b')], 40);
    expect(samePage(shown, page([platform('a'), platform('b')], 41))).toBe(false);
    expect(samePage(shown, page([platform('b'), platform('a')], 40))).toBe(false);
    expect(samePage(shown, page([platform('a')], 40))).toBe(false);
    expect(samePage(shown, page([platform('a'), platform('b', later)], 40))).toBe(false);
    expect(samePage(shown, page([platform('a'), platform('b')], 40, [{ ...unit, updatedAt: later }]))).toBe(false);
    expect(samePage(shown, page([platform('a'), platform('b')], 40, [unit], [{ ...person, updatedAt: later }]))).toBe(false);
    expect(samePage(shown, page([platform('a'), platform('b')], 40, [unit], [{ ...person, deletedAt: later, updatedAt: later }]))).toBe(false);
  });
});
