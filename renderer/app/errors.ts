// Showing errors to the clerk: a Chinese message saying what happened and what to do; the
// technical detail goes to the console (the log). Every message goes out through the one message
// API of antd's <App> (set by <MessageHost>), so messages share one place on screen and one
// summary key.
import type { MessageInstance } from 'antd/es/message/interface';
import { BridgeError } from '@shared/bridge';
import { LedgerError } from '../db/repository';

let api: MessageInstance | undefined;

/** Called once by <MessageHost> inside antd's <App>: the message API every feature uses. */
export function setMessageApi(next: MessageInstance | undefined): void {
  api = next;
}

export function errorText(e: unknown, fallback: string): string {
  // Errors written for the clerk: the renderer's own refusals and those the host reports across
  // the bridge as {code, message} (anything but an internal failure).
  if (e instanceof LedgerError && e.message) return e.message;
  if (e instanceof BridgeError && e.code !== 'internal' && e.message) return e.message;
  // IndexedDB's own failures (Dexie keeps the DOMException's name).
  if (e instanceof Error && e.name === 'QuotaExceededError') return '磁盘空间不足，未能保存。请清理磁盘后重试，已填写的内容仍保留在表单中。';
  if (e instanceof Error && e.name === 'ConstraintError') return '记录与已有记录冲突（编号重复），未保存。';
  return `${fallback}。请重试；如果问题持续，请联系管理员。`;
}

export function showError(e: unknown, fallback: string): void {
  console.error(fallback, e);
  // Before the app has mounted there is nowhere to show it; the log above keeps it.
  if (api) void api.error(errorText(e, fallback));
}
