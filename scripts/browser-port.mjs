// The one address of the browser edition, http://127.0.0.1:27183. A browser keeps a site's
// IndexedDB per origin (scheme, host and port), so the ledger's data lives at exactly this
// address: served on another port it would open an empty database, and another local program
// served here would share the ledger's data. So the port is fixed and distinctive (not Vite's
// default 4173), Vite is told strictPort, and when the port is taken `npm start` says in one line
// whether the ledger already runs there (it answers with LEDGER_MARKER_HEADER) or another
// program holds it, and never falls back to another port.
import net from 'node:net';

export const BROWSER_EDITION_PORT = 27183;
export const BROWSER_EDITION_HOST = '127.0.0.1';
/** Sent with every response of the browser edition's server (vite.config.ts), so a second start can recognise it. */
export const LEDGER_MARKER_HEADER = 'X-Media-Ledger';
export const LEDGER_MARKER_VALUE = 'browser-edition';

/** The address of the browser edition on `port`. */
export function browserEditionUrl(port = BROWSER_EDITION_PORT) {
  return `http://${BROWSER_EDITION_HOST}:${port}/`;
}

/**
 * What to do with the port, from what a probe found: serve on it when free; otherwise one line
 * saying whether the ledger already runs there (open it) or another program holds it.
 * @param {{ free: boolean; ledger: boolean }} probe
 */
export function portDecision(probe, port = BROWSER_EDITION_PORT) {
  const url = browserEditionUrl(port);
  if (probe.free) return { action: 'serve' };
  if (probe.ledger) {
    return {
      action: 'already-running',
      message: `台账浏览器版已在运行：请直接用浏览器打开 ${url} 。 / The ledger's browser edition already runs at ${url}: open it there.`,
    };
  }
  return {
    action: 'taken',
    message: `端口 ${port} 已被其他程序占用：请关闭该程序后再运行（台账的数据与地址 ${url} 绑定，不能改用其他端口）。 / Port ${port} is held by another program: close it and start again (the ledger's data belongs to ${url}; no other port is used).`,
  };
}

/** Whether nothing listens on `port` of 127.0.0.1 (a listen there succeeds). */
function portIsFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)));
    server.listen({ port, host: BROWSER_EDITION_HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Whether what answers on `port` is the ledger's browser edition (its marker header). */
async function answersAsLedger(port) {
  try {
    const response = await fetch(browserEditionUrl(port), { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return response.headers.get(LEDGER_MARKER_HEADER) === LEDGER_MARKER_VALUE;
  } catch {
    return false;
  }
}

/** Looks at `port`: free, or taken by the ledger, or taken by another program. */
export async function probePort(port = BROWSER_EDITION_PORT) {
  if (await portIsFree(port)) return { free: true, ledger: false };
  return { free: false, ledger: await answersAsLedger(port) };
}
