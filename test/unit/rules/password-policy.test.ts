// The password self-check against each preset's policy (002 第九条（二）2, defaults elsewhere).
import { describe, expect, it } from 'vitest';
import { PRESET_PROFILES, getPreset } from '../../../shared/profiles/presets';
import { PRESET_PASSWORD_POLICIES, checkPassword, describePolicy } from '../../../shared/rules/password-policy';

const policy = (id: string) => getPreset(id)!.passwordPolicy;
const STRONG = 'Zx!9QpL#unique-7731';

describe('password policy', () => {
  it('password needs letters, digits and symbols, at least 8 (002 第九条(二))', () => {
    const p = policy('vocational-three-level-review');
    expect(checkPassword(STRONG, p)).toEqual({ ok: true, problems: [] });
    expect(checkPassword('Zx!9QpL', p)).toEqual({ ok: false, problems: ['长度不足：至少需要 8 位，当前 7 位。'] });
    expect(checkPassword('Zx9QpLmn7', p).problems).toEqual(['缺少特殊字符（如 ! @ # $ % & *）。']);
    expect(checkPassword('Zx!QpLmn#', p).problems).toEqual(['缺少数字（0–9）。']);
    expect(checkPassword('98!27#4150', p).problems).toEqual(['缺少字母（A–Z 或 a–z）。']);
    // A full-width symbol or Chinese punctuation counts as a special character.
    expect(checkPassword('Zx9QpL77，', p).ok).toBe(true);
    expect(checkPassword('Zx9QpL77。', p).ok).toBe(true);
    // A Chinese character or an accented letter is not one.
    expect(checkPassword('Zx9QpL77中', p).problems).toEqual(['缺少特殊字符（如 ! @ # $ % & *）。']);
    expect(checkPassword('Zx9QpL77é', p).problems).toEqual(['缺少特殊字符（如 ! @ # $ % & *）。']);
  });

  it('passwords easy to guess are refused even when long enough (002 第九条(二) 避免使用简单易猜的密码)', () => {
    const p = policy('vocational-three-level-review');
    expect(checkPassword('Admin@2026', p).problems).toContain('过于简单易猜（含常见密码、连续或重复字符），请避免使用。');
    expect(checkPassword('P@ssw0rd!9', p).ok).toBe(false);
    expect(checkPassword('a1!a1!a1!', p).ok).toBe(true);
    expect(checkPassword('a!a!a!a!a!', p).ok).toBe(false);
  });

  it('length counts characters, not UTF-16 units, and an empty candidate asks for input', () => {
    const p = { ...policy('vocational-three-level-review'), minLength: 8 };
    // '𠮷' is one character though two UTF-16 units: 7 characters are still too short.
    expect(checkPassword('𠮷x!9QpL', p).problems[0]).toBe('长度不足：至少需要 8 位，当前 7 位。');
    expect(checkPassword('', p)).toEqual({ ok: false, problems: ['请输入要检查的密码。'] });
  });

  it('presets silent on symbols accept letters and digits, still at least 8 (000 第六条 定期修改; default policy)', () => {
    for (const id of ['secondary-unit-library', 'functional-department', 'vocational-approval-sealed-archive', 'undergraduate-filing-three-reviewers', 'custom']) {
      const p = policy(id);
      expect(p.requireSymbols, id).toBe(false);
      expect(checkPassword('Zx9QpLmn7', p), id).toEqual({ ok: true, problems: [] });
      expect(checkPassword('Zx9QpL', p).ok, id).toBe(false);
      expect(checkPassword('zxqplmnvb', p).problems, id).toEqual(['缺少数字（0–9）。']);
    }
  });

  it('every preset has a policy, the strong sample passes all of them, and the rule reads in Chinese', () => {
    expect(PRESET_PASSWORD_POLICIES.size).toBe(PRESET_PROFILES.length);
    for (const p of PRESET_PASSWORD_POLICIES.values()) expect(checkPassword(STRONG, p).ok).toBe(true);
    expect(describePolicy(policy('vocational-three-level-review'))).toBe('至少 8 位，须含字母、数字和特殊字符；每 180 天至少修改一次；交接后须及时修改');
  });

  it('the result never carries the candidate back (passwords only in the sealed envelope, 003 第十七条)', () => {
    for (const p of PRESET_PASSWORD_POLICIES.values()) {
      for (const candidate of [STRONG, 'short', 'Admin@2026']) expect(JSON.stringify(checkPassword(candidate, p))).not.toContain(candidate);
    }
  });
});
