// The app:// protocol: serves the built renderer (dist/renderer) to the window instead of file://,
// so the page has a real origin (app://ledger) for the CSP, IndexedDB and the sender checks.
// Only files inside the renderer folder are served; anything else is refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/** Privileges of app://; must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
  },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** MIME type by file extension; unknown files are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Why a request could not be mapped to a file. */
type Resolution = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'not-found' };

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Maps an app:// URL to a path under `root`. The URL parser already removes `.` and `..`
 * segments (also the %2e%2e spelling); the pathname is then percent-decoded, which can bring back
 * `../` or `\` through %2f and %5c, so the decoded path is resolved again and must stay inside.
 */
export function resolveAppPath(root: string, requestUrl: string): Resolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0')) return { kind: 'refused' };
  // Backslashes are separators on Windows; treat them as such everywhere so the check is the same.
  const segments = decoded.replace(/\\/g, '/').split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:$/.test(s))) return { kind: 'refused' };
  const relative = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  const resolved = path.resolve(root, relative);
  if (!isInside(root, resolved)) return { kind: 'refused' };
  return { kind: 'file', path: resolved };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Builds the handler for `protocol.handle('app', …)` serving files of `rootDir` (dist/renderer).
 * Symbolic links are followed only when their target is inside the folder too.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  let realRoot: string | undefined;
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const resolution = resolveAppPath(root, request.url);
    if (resolution.kind === 'refused') return textResponse(403, 'Forbidden');
    if (resolution.kind === 'not-found') return textResponse(404, 'Not Found');
    try {
      realRoot ??= await fs.realpath(root);
      const realFile = await fs.realpath(resolution.path);
      if (!isInside(realRoot, realFile)) return textResponse(403, 'Forbidden');
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return textResponse(404, 'Not Found');
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeFor(realFile),
          'Content-Length': String(stat.size),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          // The files change only with an update of the app; revalidating keeps things simple.
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Not Found');
    }
  };
}
