// Asking a worker and waiting for its answer: each request carries an id and gets exactly one
// answer with that id. The worker is started when first asked (the caller passes the
// `new Worker(new URL(…))` call, which the bundler must see in the caller's module) and kept; if it
// fails, everything waiting is refused and the next request starts a fresh one.

/** Everything a worker answers with: the request's id and either a value or what went wrong. */
export type WorkerAnswer<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: string };

export interface WorkerChannel<Body, T> {
  request(body: Body): Promise<T>;
  /** The worker, if one is running (a notice need not start one). */
  running(): Worker | undefined;
}

export function workerChannel<Body extends object, Answer extends { id: number }, T>(
  start: () => Worker,
  read: (answer: Answer) => WorkerAnswer<T>,
  failed: (detail: string) => Error = (detail) => new Error(detail),
): WorkerChannel<Body, T> {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  const get = (): Worker => {
    if (worker) return worker;
    const w = start();
    w.addEventListener('message', (event: MessageEvent<Answer>) => {
      const answer = read(event.data);
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(failed(answer.error));
    });
    w.addEventListener('error', (event) => {
      for (const waiting of pending.values()) waiting.reject(failed(event.message || 'worker failed'));
      pending.clear();
      w.terminate();
      worker = undefined;
    });
    worker = w;
    return w;
  };

  return {
    request(body) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        get().postMessage({ ...body, id });
      });
    },
    running: () => worker,
  };
}
