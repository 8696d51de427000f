// What the clerk is told when something fails: the Chinese message written for them, never an
// English technical one.
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/app/errors';
import { LedgerError } from '../../../renderer/db/repository';

describe('error messages shown to the clerk', () => {
  it('shows a LedgerError and a bridge error written in Chinese as they are', () => {
    expect(errorText(new LedgerError('单位名称不能为空。'), '保存失败')).toBe('单位名称不能为空。');
    expect(errorText(new Error('备份失败：磁盘空间不足（E:\\）。这次的备份没有保存，已有的备份不受影响。'), '备份失败')).toContain('磁盘空间不足');
  });

  it('replaces an English technical message by the fallback with what to do next', () => {
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'id')"), '备份失败，原有备份未受影响')).toBe('备份失败，原有备份未受影响。请重试；如果问题持续，请联系管理员。');
    expect(errorText(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), '保存失败')).toContain('磁盘空间不足');
    expect(errorText('oops', '保存失败')).toBe('保存失败。请重试；如果问题持续，请联系管理员。');
  });
});
