import { describe, expect, it } from 'vitest';
import { FLAGGED_NAMED, flaggedNames } from '../../../renderer/components/flagged-people';

describe('flaggedNames', () => {
  it('names every person up to the limit', () => {
    expect(flaggedNames([])).toBe('');
    expect(flaggedNames(['曹宁'])).toBe('曹宁');
    const ten = Array.from({ length: FLAGGED_NAMED }, (_, i) => `人${i + 1}`);
    expect(flaggedNames(ten)).toBe(ten.join('、'));
  });

  it('names the first ones and counts them all beyond it', () => {
    const many = Array.from({ length: 237 }, (_, i) => `人${i + 1}`);
    expect(flaggedNames(many)).toBe(`${many.slice(0, FLAGGED_NAMED).join('、')} 等 237 人`);
    expect(flaggedNames(many)).not.toContain(`人${FLAGGED_NAMED + 1}、`);
  });
});
