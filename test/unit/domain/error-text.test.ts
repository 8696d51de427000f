// What the clerk is told when something fails: the Chinese message written for them, never an
// English technical one; host errors cross the bridge as {code, message}.
import { describe, expect, it } from 'vitest';
import { BridgeError, decodeBridgeError, encodeBridgeError } from '@shared/bridge';
import { errorText } from '../../../renderer/app/errors';
import { LedgerError } from '../../../renderer/db/repository';

describe('error messages shown to the clerk', () => {
  it('shows a LedgerError and a host refusal as they are', () => {
    expect(errorText(new LedgerError('单位名称不能为空。'), '保存失败')).toBe('单位名称不能为空。');
    expect(errorText(new BridgeError('failed', '备份失败：磁盘空间不足（E:\\）。这次的备份没有保存，已有的备份不受影响。'), '备份失败')).toContain('磁盘空间不足');
  });

  it('replaces a technical message by the fallback with what to do next, whatever language it is in', () => {
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'id')"), '备份失败，原有备份未受影响')).toBe('备份失败，原有备份未受影响。请重试；如果问题持续，请联系管理员。');
    // A plain Error is not a message for the clerk, even in Chinese: only its code says so.
    expect(errorText(new Error('内部错误'), '保存失败')).toBe('保存失败。请重试；如果问题持续，请联系管理员。');
    expect(errorText(new BridgeError('internal', '读取失败'), '保存失败')).toBe('保存失败。请重试；如果问题持续，请联系管理员。');
    expect(errorText(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), '保存失败')).toContain('磁盘空间不足');
    expect(errorText('oops', '保存失败')).toBe('保存失败。请重试；如果问题持续，请联系管理员。');
  });

  it('carries {code, message} through the text Electron hands the page, its prefix included', () => {
    const wire = encodeBridgeError(new BridgeError('refused', '已拒绝：该请求不是来自本应用的页面。'));
    const back = decodeBridgeError(`Error invoking remote method 'ledger:save-file': Error: ${wire}`);
    expect(back).toBeInstanceOf(BridgeError);
    expect({ code: back.code, message: back.message }).toEqual({ code: 'refused', message: '已拒绝：该请求不是来自本应用的页面。' });
    expect(decodeBridgeError(encodeBridgeError(new TypeError('x is undefined'))).code).toBe('internal');
    expect(decodeBridgeError('备份失败：磁盘空间不足').code).toBe('internal');
  });
});
