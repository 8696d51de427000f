// Helpers of the browser edition's bridge: payload checks with the shared schemas, and downloads.
import type { z } from 'zod';
import { BridgeError } from '@shared/bridge';

/** How long a download's blob URL is kept; revoking at once can cancel the download in Chromium. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** The zod messages of the shared schemas are Chinese (文件名不合法, 文件过大). */
export function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new BridgeError('invalid-request', `请求内容不合法：${result.error.issues.map((issue) => issue.message).join('；')}`);
}

/** Offers `blob` as a download named `name` (the browser's "save" for the browser edition). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
