// Showing errors to the clerk: a Chinese message saying what happened and what to do; the
// technical detail goes to the console (the log).
import { message } from 'antd';

export function errorText(e: unknown, fallback: string): string {
  if (e && typeof e === 'object' && 'name' in e) {
    const err = e as { name: string; message?: string };
    if (err.name === 'LedgerError' && err.message) return err.message;
    if (err.name === 'QuotaExceededError') return '磁盘空间不足，未能保存。请清理磁盘后重试，已填写的内容仍保留在表单中。';
    if (err.name === 'ConstraintError') return '记录与已有记录冲突（编号重复），未保存。';
    // The host and the browser bridge report refusals as plain Errors written in Chinese for the
    // clerk (e.g. 备份失败：磁盘空间不足…); an English message is technical and stays in the log.
    if (err.message && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  }
  return `${fallback}。请重试；如果问题持续，请联系管理员。`;
}

export function showError(e: unknown, fallback: string): void {
  console.error(fallback, e);
  void message.error(errorText(e, fallback));
}
