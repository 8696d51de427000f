// The password strength self-check (002 第九条（二）2: 长度不少于 8 位，包含字母、数字、特殊字符等，
// 并避免使用简单易猜的密码). A pure function: the candidate is only read, never stored or returned,
// so the dialog that calls it is the only place the value ever exists (passwords are kept on paper in the
// sealed envelope, 003 第十七条, 002 第九条).
import { PRESET_PROFILES } from '../profiles/presets';
import type { PasswordPolicy } from '../profiles/types';

export interface PasswordCheck {
  ok: boolean;
  /** What is wrong, in Chinese, one sentence each; empty when ok. */
  problems: string[];
}

/**
 * Fragments that make a password easy to guess whatever its length. Kept short on purpose: the
 * check advises the administrator, it is not a cracking dictionary.
 */
const GUESSABLE_FRAGMENTS = ['password', 'passw0rd', 'p@ssw0rd', 'qwerty', 'admin', '123456', 'abcdef', '888888', '666666', '111111', '000000'];

function isGuessable(password: string): boolean {
  const lower = password.toLowerCase();
  if (GUESSABLE_FRAGMENTS.some((f) => lower.includes(f))) return true;
  // One character repeated throughout ('aaaaaaaa', '!!!!!!!!').
  return new Set(lower).size <= 2;
}

export function checkPassword(password: string, policy: PasswordPolicy): PasswordCheck {
  if (password.length === 0) return { ok: false, problems: ['请输入要检查的密码。'] };
  const problems: string[] = [];
  // Count code points, not UTF-16 units: '𠮷' is one character to the person typing it.
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`长度不足：至少需要 ${policy.minLength} 位，当前 ${length} 位。`);
  if (policy.requireLetters && !/[A-Za-z]/.test(password)) problems.push('缺少字母（A–Z 或 a–z）。');
  if (policy.requireDigits && !/[0-9]/.test(password)) problems.push('缺少数字（0–9）。');
  // A symbol is ASCII punctuation, its full-width form (！＠＃…) or CJK punctuation (、。《》…).
  // Chinese characters and accented letters are not symbols: many platform consoles refuse them,
  // and they are not what 特殊字符 means.
  if (policy.requireSymbols && !/[!-/:-@[-`{-~\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF5E]/.test(password)) {
    problems.push('缺少特殊字符（如 ! @ # $ % & *）。');
  }
  if (/^\s|\s$/.test(password)) problems.push('首尾有空格，登录时容易输错。');
  if (isGuessable(password)) problems.push('过于简单易猜（含常见密码、连续或重复字符），请避免使用。');
  return { ok: problems.length === 0, problems };
}

/** The rule in words, for the dialog: '至少 8 位，须含字母、数字和特殊字符'. */
export function describePolicy(policy: PasswordPolicy): string {
  const kinds = [policy.requireLetters && '字母', policy.requireDigits && '数字', policy.requireSymbols && '特殊字符'].filter(
    (k): k is string => typeof k === 'string',
  );
  const must = kinds.length > 0 ? `，须含${kinds.length > 1 ? `${kinds.slice(0, -1).join('、')}和${kinds.at(-1)}` : kinds[0]}` : '';
  const rotation = policy.rotationDays > 0 ? `；每 ${policy.rotationDays} 天至少修改一次` : '；定期修改';
  return `至少 ${policy.minLength} 位${must}${rotation}${policy.changeAfterHandover ? '；交接后须及时修改' : ''}`;
}

/** Each preset's policy by profile id, so tests and the settings page can show them side by side. */
export const PRESET_PASSWORD_POLICIES: ReadonlyMap<string, PasswordPolicy> = new Map(
  PRESET_PROFILES.map((p) => [p.id, p.passwordPolicy]),
);
