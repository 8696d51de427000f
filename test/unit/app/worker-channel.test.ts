// The one way the window asks a worker and waits: answers are matched by id, a refusal arrives as
// an error, and a worker that fails refuses everything waiting and is replaced on the next request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveRequests, workerChannel, type WorkerAnswer } from '../../../renderer/app/worker-channel';

type Ask = { id: number; n: number };

/** A worker that answers a request with n × 2 (or refuses n < 0) when the test tells it to. */
class FakeWorker extends EventTarget {
  static started = 0;
  readonly asked: Ask[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.started += 1;
  }
  postMessage(message: Ask): void {
    this.asked.push(message);
  }
  answer(ask: Ask): void {
    const data: WorkerAnswer<number> = ask.n < 0 ? { id: ask.id, ok: false, error: `不能计算 ${ask.n}` } : { id: ask.id, ok: true, value: ask.n * 2 };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function channel() {
  const workers: FakeWorker[] = [];
  const c = workerChannel<{ n: number }, WorkerAnswer<number>, number>(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (a) => a,
  );
  return { c, workers };
}

describe('workerChannel', () => {
  it('starts one worker when first asked and matches answers to requests by id, whatever their order', async () => {
    const { c, workers } = channel();
    expect(c.running()).toBeUndefined();
    const first = c.request({ n: 1 });
    const second = c.request({ n: 5 });
    expect(workers).toHaveLength(1);
    const [a, b] = workers[0]!.asked;
    workers[0]!.answer(b!);
    workers[0]!.answer(a!);
    await expect(first).resolves.toBe(2);
    await expect(second).resolves.toBe(10);
    expect(a!.id).not.toBe(b!.id);
  });

  it('starts the worker when told to, asking it nothing, and the first request uses that worker', async () => {
    const { c, workers } = channel();
    c.start();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.asked).toEqual([]);
    expect(c.running()).toBe(workers[0]);
    c.start();
    const asked = c.request({ n: 3 });
    expect(workers).toHaveLength(1);
    workers[0]!.answer(workers[0]!.asked[0]!);
    await expect(asked).resolves.toBe(6);
  });

  it('turns a refusal into an error for that request only', async () => {
    const { c, workers } = channel();
    const bad = c.request({ n: -3 });
    const good = c.request({ n: 4 });
    for (const ask of workers[0]!.asked) workers[0]!.answer(ask);
    await expect(bad).rejects.toThrow('不能计算 -3');
    await expect(good).resolves.toBe(8);
  });

  it('refuses everything waiting when the worker fails, and starts a fresh worker for the next request', async () => {
    const { c, workers } = channel();
    const waiting = [c.request({ n: 1 }), c.request({ n: 2 })];
    workers[0]!.fail('boom');
    for (const w of waiting) await expect(w).rejects.toThrow('boom');
    expect(workers[0]!.terminated).toBe(true);
    expect(c.running()).toBeUndefined();
    const next = c.request({ n: 7 });
    expect(workers).toHaveLength(2);
    workers[1]!.answer(workers[1]!.asked[0]!);
    await expect(next).resolves.toBe(14);
  });
});

/** A worker's global scope: requests are dispatched to it, answers recorded with what they transfer. */
function workerScope() {
  const scope = new EventTarget();
  const posted: { message: WorkerAnswer<number>; transfer: unknown[] }[] = [];
  vi.stubGlobal(
    'self',
    Object.assign(scope, {
      postMessage: (message: WorkerAnswer<number>, options?: { transfer?: unknown[] }) => posted.push({ message, transfer: options?.transfer ?? [] }),
    }),
  );
  const ask = (request: Ask) => scope.dispatchEvent(new MessageEvent('message', { data: request }));
  return { posted, ask };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serveRequests (the worker side)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A handler that doubles n, refuses n < 0, and finishes request n after the one its `release` resolves. */
  function slowDoubler() {
    const release = new Map<number, () => void>();
    const handle = (request: Ask) =>
      new Promise<number>((resolve, reject) => {
        release.set(request.n, () => (request.n < 0 ? reject(new Error(`不能计算 ${request.n}`)) : resolve(request.n * 2)));
      });
    return { release, handle };
  }

  it('answers in order when asked to: a later request waits until the one before is answered', async () => {
    const { posted, ask } = workerScope();
    const { release, handle } = slowDoubler();
    serveRequests(handle, { inOrder: true });
    ask({ id: 1, n: 1 });
    ask({ id: 2, n: 2 });
    await tick();
    // Only the first has reached the handler.
    expect([...release.keys()]).toEqual([1]);
    release.get(1)!();
    await tick();
    expect([...release.keys()]).toEqual([1, 2]);
    release.get(2)!();
    await tick();
    expect(posted.map((p) => p.message)).toEqual([
      { id: 1, ok: true, value: 2 },
      { id: 2, ok: true, value: 4 },
    ]);
  });

  it('in order, still handles at once the requests outOfOrder names, answering each when it is done', async () => {
    const { posted, ask } = workerScope();
    const { release, handle } = slowDoubler();
    serveRequests(handle, { inOrder: true, outOfOrder: (request) => request.n >= 100 });
    ask({ id: 1, n: 1 });
    ask({ id: 2, n: 100 });
    ask({ id: 3, n: 3 });
    await tick();
    // The second skips the order: it reaches the handler while the first is not answered yet.
    expect([...release.keys()].sort((a, b) => a - b)).toEqual([1, 100]);
    release.get(1)!();
    await tick();
    expect([...release.keys()].sort((a, b) => a - b)).toEqual([1, 3, 100]);
    release.get(3)!();
    await tick();
    release.get(100)!();
    await tick();
    expect(posted.map((p) => p.message.id)).toEqual([1, 3, 2]);
  });

  it('otherwise handles each as it arrives, answering each as it is done', async () => {
    const { posted, ask } = workerScope();
    const { release, handle } = slowDoubler();
    serveRequests(handle);
    ask({ id: 1, n: 1 });
    ask({ id: 2, n: 2 });
    await tick();
    expect([...release.keys()]).toEqual([1, 2]);
    release.get(2)!();
    await tick();
    release.get(1)!();
    await tick();
    expect(posted.map((p) => p.message.id)).toEqual([2, 1]);
  });

  it('answers a failure with its message, tells onFailure, and transfers what the value names', async () => {
    const { posted, ask } = workerScope();
    const failures: unknown[] = [];
    const buffer = new ArrayBuffer(8);
    serveRequests(async (request: Ask) => {
      if (request.n < 0) throw new Error(`不能计算 ${request.n}`);
      return request.n * 2;
    }, { inOrder: true, onFailure: (error) => failures.push(error), transfer: (value) => (value > 10 ? [buffer] : []) });
    ask({ id: 1, n: -1 });
    ask({ id: 2, n: 6 });
    ask({ id: 3, n: 1 });
    await tick();
    expect(posted).toEqual([
      { message: { id: 1, ok: false, error: '不能计算 -1' }, transfer: [] },
      { message: { id: 2, ok: true, value: 12 }, transfer: [buffer] },
      { message: { id: 3, ok: true, value: 2 }, transfer: [] },
    ]);
    expect(failures).toHaveLength(1);
  });

  it('answers with an error when a value cannot be sent, and goes on with the next request', async () => {
    const { posted, ask } = workerScope();
    const scope = self as unknown as { postMessage: (message: WorkerAnswer<number>, options?: { transfer?: unknown[] }) => void };
    const post = scope.postMessage;
    scope.postMessage = (message, options) => {
      if (message.ok && message.value === 2) throw new Error('could not be cloned');
      post(message, options);
    };
    serveRequests(async (request: Ask) => request.n * 2, { inOrder: true });
    ask({ id: 1, n: 1 });
    ask({ id: 2, n: 3 });
    await tick();
    expect(posted.map((p) => p.message)).toEqual([
      { id: 1, ok: false, error: 'answer not sent: could not be cloned' },
      { id: 2, ok: true, value: 6 },
    ]);
  });
});
