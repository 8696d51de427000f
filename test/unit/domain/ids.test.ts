// stringsIn: the ids a record can name, found wherever they sit (a field, a list, a nested step),
// so that a check reads only those people by id instead of every person of the ledger.
import { describe, expect, it } from 'vitest';
import { stringsIn } from '../../../shared/domain/ids';

describe('stringsIn', () => {
  it('finds strings in fields, lists and nested objects, each once', () => {
    const review = { copywriterId: 'p1', steps: [{ reviewerIds: ['p2', 'p3'] }, { reviewerIds: ['p2'] }], major: false, count: 3 };
    const input = { byId: 'p4', note: undefined, at: null };
    expect(stringsIn([review, input]).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('leaves out empty strings and long texts, which are never ids', () => {
    expect(stringsIn([{ reason: '', opinion: '这是一段很长的审核意见'.repeat(10), id: '01KB0000000000000000000000' }])).toEqual(['01KB0000000000000000000000']);
  });

  it('gives nothing for nothing', () => {
    expect(stringsIn([undefined, null, 42])).toEqual([]);
  });
});
