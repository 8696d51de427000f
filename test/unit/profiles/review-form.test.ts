// Which review form each profile prints (000 附表1, 001 附件2, 002 第六条, 003 第十四条, 004 通知 二):
// every preset names the one its seed uses, and a profile naming none gets none — never another
// institution's chain.
import { describe, expect, it } from 'vitest';
import { PRESET_PROFILES, presetProfile } from '../../../shared/profiles/presets';
import { reviewFormOf } from '../../../shared/profiles/review-form';

describe('reviewFormOf', () => {
  it('gives each preset the review form of its seed', () => {
    expect(reviewFormOf(presetProfile('secondary-unit-library'))).toBe('F01'); // 000 附表1
    expect(reviewFormOf(presetProfile('functional-department'))).toBe('F05'); // 001 附件2
    expect(reviewFormOf(presetProfile('vocational-three-level-review'))).toBe('F06'); // 002 第六条
    expect(reviewFormOf(presetProfile('vocational-approval-sealed-archive'))).toBe('F06'); // 003 第十四条
    expect(reviewFormOf(presetProfile('undergraduate-filing-three-reviewers'))).toBe('F06'); // 004 通知 二
    for (const p of PRESET_PROFILES) expect(reviewFormOf(p), p.id).toBeDefined();
  });

  it('prints the chain slip for a profile listing every form, and nothing for one naming none', () => {
    expect(reviewFormOf(presetProfile('custom'))).toBe('F06');
    const none = { ...presetProfile('vocational-approval-sealed-archive'), forms: ['F07', 'F12'] };
    expect(reviewFormOf(none)).toBeUndefined();
  });
});
