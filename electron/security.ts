// Security policy of the Electron host: the Content-Security-Policy, which URLs may be loaded at
// all (the app never touches the network), denial of every permission, and the lock-down of each
// WebContents (no navigation away from the app, no pop-ups, no <webview>). The decisions are pure
// functions so they can be unit-tested without an Electron binary; the `harden*` functions only
// wire them to Electron objects.
import type { App, OnHeadersReceivedListenerDetails, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

export { CONTENT_SECURITY_POLICY };

/** The custom scheme serving dist/renderer, and its only host. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Origin of Chromium's built-in PDF viewer. `plugins: true` renders the form preview (a blob: PDF
 * in an iframe) with it, and it loads its own UI from this extension and from chrome://resources.
 * Both are bundled inside Electron, so allowing them opens no network path.
 */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';
const CHROME_RESOURCES_PREFIX = 'chrome://resources/';


/**
 * Where the spell checker would fetch its dictionaries: loopback (no DNS, never leaves the machine)
 * on the discard port, which Chromium refuses to connect to at all (ERR_UNSAFE_PORT).
 */
export const SPELLCHECK_DICTIONARY_URL = 'http://127.0.0.1:9/';

/** Options shared by the hardening functions; `devOrigin` is set only in `npm run dev`. */
export interface SecurityOptions {
  /** Exact origin of the Vite dev server (http://127.0.0.1:PORT), or undefined in production. */
  devOrigin?: string | undefined;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Accepts the Vite dev server URL only when it points at 127.0.0.1 over http, so a stray
 * environment variable can never make the window load a remote page. Returns its origin.
 */
export function parseDevServerUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = parseUrl(raw);
  if (!url || url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.username || url.password) {
    return undefined;
  }
  return url.origin;
}

/** True for a URL of the packaged app (app://ledger/…). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** True when `url` is the app itself: app://ledger, or the dev server in dev mode. */
export function isTrustedAppUrl(url: string, options: SecurityOptions = {}): boolean {
  if (isAppUrl(url)) return true;
  if (!options.devOrigin) return false;
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.origin === options.devOrigin;
}

/**
 * Whether the session may load `url` at all. Everything that could reach a network (http, https,
 * ws, ftp, file shares through file:) is refused; only the app's own content, in-memory URLs and
 * Electron's bundled viewers pass. In dev mode the dev server and its HMR websocket pass too.
 */
export function isAllowedRequestUrl(url: string, options: SecurityOptions = {}): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'app:':
      return parsed.host === APP_HOST;
    case 'blob:':
    case 'data:':
    case 'devtools:':
      return true;
    case 'chrome-extension:':
      return parsed.origin === PDF_VIEWER_ORIGIN || url.startsWith(`${PDF_VIEWER_ORIGIN}/`);
    case 'chrome:':
      return url.startsWith(CHROME_RESOURCES_PREFIX);
    case 'http:':
      return options.devOrigin !== undefined && parsed.origin === options.devOrigin;
    case 'ws:': {
      // Vite's HMR socket lives on the same host and port as the dev server.
      if (!options.devOrigin) return false;
      const dev = new URL(options.devOrigin);
      return parsed.hostname === dev.hostname && parsed.port === dev.port;
    }
    default:
      return false;
  }
}

/**
 * The response headers of `details` with our CSP added (replacing any other CSP) when the
 * response comes from app://; other responses are returned unchanged.
 */
export function withContentSecurityPolicy(
  details: Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>,
): Record<string, string[]> | undefined {
  if (!isAppUrl(details.url)) return details.responseHeaders;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
  }
  headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return headers;
}

/**
 * Locks down a session: every permission (camera, notifications, clipboard-read, …) is refused,
 * every request outside the allow-list is cancelled, app:// responses carry the CSP, and the
 * spell checker is off. Electron downloads hunspell dictionaries from Google's CDN on Linux even
 * when no window spellchecks (electron/electron#22995); the app must never reach the network, and
 * Chinese input gains nothing from an English dictionary, so the checker is disabled and its
 * download address pointed at nowhere.
 */
export function hardenSession(session: Session, options: SecurityOptions = {}): void {
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details) });
  });
}

/**
 * Keeps a WebContents on the app: navigation and redirects elsewhere are prevented, window.open
 * is denied (there is nothing outside to open; the app is offline) and <webview> never attaches.
 */
export function hardenContents(contents: WebContents, options: SecurityOptions = {}): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedAppUrl(event.url, options)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedAppUrl(event.url, options)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies `hardenContents` to every WebContents the app ever creates (windows, frames, devtools). */
export function hardenAllContents(app: App, options: SecurityOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, options));
}
