// Security policy of the Electron host: CSP, request allow-list, permissions, navigation.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  hardenAllContents,
  hardenContents,
  hardenSession,
  isAllowedRequestUrl,
  isTrustedAppUrl,
  parseDevServerUrl,
  SPELLCHECK_DICTIONARY_URL,
  withContentSecurityPolicy,
} from '../../../electron/security';

vi.mock('electron', () => ({}));

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

/** A session whose handlers are captured so the tests can call them like Chromium would. */
function fakeSession() {
  const captured: {
    permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    permissionCheck?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
    beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
    headersReceived?: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
  } = {};
  const session = {
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    setPermissionRequestHandler: vi.fn((handler) => (captured.permissionRequest = handler)),
    setPermissionCheckHandler: vi.fn((handler) => (captured.permissionCheck = handler)),
    webRequest: {
      onBeforeRequest: vi.fn((handler) => (captured.beforeRequest = handler)),
      onHeadersReceived: vi.fn((handler) => (captured.headersReceived = handler)),
    },
  };
  // Only the members hardenSession uses are faked.
  return { session: session as unknown as Session, captured };
}

function requestVerdict(captured: ReturnType<typeof fakeSession>['captured'], url: string): boolean | undefined {
  let cancel: boolean | undefined;
  captured.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
  return cancel;
}

class FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event the way Electron does and reports whether it was prevented. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    this.emit(name, event);
    return prevented;
  }
}

describe('Content-Security-Policy', () => {
  it('has exactly the strict directives the app needs', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'frame-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });

  it('is added to app:// responses, replacing any other CSP header whatever its case', () => {
    const headers = withContentSecurityPolicy({
      url: 'app://ledger/index.html',
      responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] },
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('leaves responses of other origins untouched', () => {
    const original = { 'Content-Type': ['text/html'] };
    expect(withContentSecurityPolicy({ url: 'http://127.0.0.1:5173/', responseHeaders: original })).toBe(original);
  });

  it('is applied through session.webRequest.onHeadersReceived', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    let result: Record<string, string[]> | undefined;
    captured.headersReceived?.({ url: 'app://ledger/assets/index.js', responseHeaders: {} }, (response) => {
      result = response.responseHeaders;
    });
    expect(result?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('hardenSession', () => {
  it('turns the spell checker off and points its dictionary download at nowhere (electron/electron#22995)', () => {
    const { session } = fakeSession();
    hardenSession(session);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledExactlyOnceWith(SPELLCHECK_DICTIONARY_URL);
    const url = new URL(SPELLCHECK_DICTIONARY_URL);
    // Loopback, and a port Chromium never connects to: no DNS query, no packet leaves the machine.
    expect([url.hostname, url.port]).toEqual(['127.0.0.1', '9']);
    expect(SPELLCHECK_DICTIONARY_URL.endsWith('/')).toBe(true);
    // Even if the downloader went through the session, the request filter cancels it.
    expect(isAllowedRequestUrl(`${SPELLCHECK_DICTIONARY_URL}en-US-10-1.bdic`)).toBe(false);
  });

  it('denies every permission request and every permission check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      captured.permissionRequest?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(captured.permissionCheck?.({}, permission, 'app://ledger', {})).toBe(false);
    }
  });

  it('cancels network requests and lets the app, blob: and data: through', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    expect(requestVerdict(captured, 'https://example.com/track.js')).toBe(true);
    expect(requestVerdict(captured, 'http://127.0.0.1:5173/')).toBe(true);
    expect(requestVerdict(captured, 'http://10.0.0.8/')).toBe(true);
    expect(requestVerdict(captured, 'ws://127.0.0.1:5173/')).toBe(true);
    expect(requestVerdict(captured, 'file:///etc/passwd')).toBe(true);
    expect(requestVerdict(captured, 'ftp://example.com/')).toBe(true);
    expect(requestVerdict(captured, 'app://other/index.html')).toBe(true);
    expect(requestVerdict(captured, 'app://ledger/index.html')).toBe(false);
    expect(requestVerdict(captured, 'blob:app://ledger/6f1c')).toBe(false);
    expect(requestVerdict(captured, 'data:image/png;base64,AAAA')).toBe(false);
    expect(requestVerdict(captured, 'devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('in dev mode allows exactly the dev server origin and its HMR socket', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, { devOrigin: 'http://127.0.0.1:5173' });
    expect(requestVerdict(captured, 'http://127.0.0.1:5173/src/main.tsx')).toBe(false);
    expect(requestVerdict(captured, 'ws://127.0.0.1:5173/')).toBe(false);
    expect(requestVerdict(captured, 'http://127.0.0.1:5174/')).toBe(true);
    expect(requestVerdict(captured, 'http://localhost:5173/')).toBe(true);
    expect(requestVerdict(captured, 'https://127.0.0.1:5173/')).toBe(true);
  });
});

describe('request allow-list', () => {
  it('lets the built-in PDF viewer load its bundled UI, nothing else of its kind', () => {
    expect(isAllowedRequestUrl('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(isAllowedRequestUrl('chrome://resources/css/text_defaults_md.css')).toBe(true);
    expect(isAllowedRequestUrl('chrome-extension://abcdefghijklmnopabcdefghijklmnop/index.html')).toBe(false);
    expect(isAllowedRequestUrl('chrome://settings/')).toBe(false);
  });

  it('refuses unparsable URLs', () => {
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });
});

describe('parseDevServerUrl', () => {
  it('accepts only http on 127.0.0.1', () => {
    expect(parseDevServerUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(parseDevServerUrl('http://localhost:5173/')).toBeUndefined();
    expect(parseDevServerUrl('https://127.0.0.1:5173/')).toBeUndefined();
    expect(parseDevServerUrl('http://192.168.1.2:5173/')).toBeUndefined();
    expect(parseDevServerUrl('http://user:pw@127.0.0.1:5173/')).toBeUndefined();
    expect(parseDevServerUrl('garbage')).toBeUndefined();
    expect(parseDevServerUrl(undefined)).toBeUndefined();
  });
});

describe('hardenContents', () => {
  it('prevents navigation and redirects away from app://ledger', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://ledger/index.html#/platforms')).toBe(false);
    expect(contents.fire('will-redirect', 'app://ledger/index.html')).toBe(false);
  });

  it('allows the dev server only in dev mode', () => {
    const production = new FakeContents();
    hardenContents(production as unknown as WebContents);
    expect(production.fire('will-navigate', 'http://127.0.0.1:5173/')).toBe(true);
    const dev = new FakeContents();
    hardenContents(dev as unknown as WebContents, { devOrigin: 'http://127.0.0.1:5173' });
    expect(dev.fire('will-navigate', 'http://127.0.0.1:5173/')).toBe(false);
    expect(dev.fire('will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('denies window.open and prevents <webview> from attaching', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://ledger/index.html' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('is wired for every WebContents the app creates', () => {
    const app = new EventEmitter();
    hardenAllContents(app as unknown as App);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('isTrustedAppUrl', () => {
  it('trusts app://ledger only, by origin rather than by prefix', () => {
    expect(isTrustedAppUrl('app://ledger/index.html')).toBe(true);
    expect(isTrustedAppUrl('app://ledger.evil/index.html')).toBe(false);
    expect(isTrustedAppUrl('app://ledger@evil/index.html')).toBe(false);
    expect(isTrustedAppUrl('https://ledger/')).toBe(false);
  });
});
