// Which writes reach the registers' worker: the changed ids of its tables, out of Dexie's
// storagemutated event (a range set per table and index).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ObservabilitySet } from 'dexie';
import { changedRows } from '../../../renderer/db/register-index';
import { INDEXED_TABLES } from '../../../renderer/db/indexed-tables';
import { DB_NAME } from '../../../renderer/db/schema';

const key = (table: string) => `idb://${DB_NAME}/${table}/`;
const one = (id: string) => ({ from: id, to: id, d: 1 });

describe('changedRows', () => {
  it('names the changed ids of every table a register is made from, printouts included', () => {
    expect(INDEXED_TABLES).toContain('printouts');
    for (const table of INDEXED_TABLES) {
      expect(changedRows({ [key(table)]: one('r1') } as unknown as ObservabilitySet), table).toEqual({ [table]: ['r1'] });
    }
  });

  it('gives every id of a small change, and "all" for a range (a bulk write, a cleared table)', () => {
    const two = { from: 'p2', to: 'p2', d: 2, l: one('p1') };
    expect(changedRows({ [key('printouts')]: two } as unknown as ObservabilitySet)).toEqual({ printouts: ['p2', 'p1'] });
    expect(changedRows({ [key('printouts')]: { from: 'a', to: 'z', d: 1 } } as unknown as ObservabilitySet)).toEqual({ printouts: 'all' });
  });

  it('leaves out tables no register reads, and an event without changes', () => {
    expect(changedRows({ [key('auditLog')]: one('e1'), [key('attachments')]: one('x') } as unknown as ObservabilitySet)).toBeUndefined();
    expect(changedRows({ [key('printouts')]: {} } as unknown as ObservabilitySet)).toBeUndefined();
  });
});
