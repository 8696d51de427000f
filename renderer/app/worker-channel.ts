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
  /** Starts the worker now (its thread and its code) without asking it anything, so that its first request does not wait for that. */
  start(): void;
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
    start: () => void get(),
  };
}

/** The members of a dedicated worker's global scope that serveRequests uses (the project's lib is DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown, options?: { transfer?: Transferable[] }): void;
}

export interface ServeOptions<T, Request = unknown> {
  /**
   * Answer one request after another, each only once the one before is answered (a page asked
   * after a build sees that build). Otherwise each is handled as soon as it arrives.
   */
  inOrder?: boolean;
  /**
   * With inOrder: the requests handled as soon as they arrive all the same, outside the order
   * (e.g. "tell me when the index is loaded": answered when it is, while later requests go on).
   */
  outOfOrder?: (request: Request) => boolean;
  /** Told of a request that failed, before its answer goes (e.g. to drop a half-built index). */
  onFailure?: (error: unknown) => void;
  /** Buffers of a value to transfer rather than copy (a built file's bytes). */
  transfer?: (value: T) => Transferable[];
}

/**
 * The worker's side of workerChannel: every request gets exactly one answer with its id, the value
 * `handle` resolves to, or what went wrong.
 */
export function serveRequests<Request extends { id: number }, T>(handle: (request: Request) => Promise<T>, options: ServeOptions<T, Request> = {}): void {
  // `self` is typed as Window by the DOM lib; in a worker's module it is the worker's global scope.
  const scope = self as unknown as WorkerScope;
  const answer = async (request: Request): Promise<void> => {
    const { message, transfer } = await answerRequest(handle, request, options);
    try {
      scope.postMessage(message, { transfer });
    } catch (error) {
      // A value that cannot be cloned still gets its request an answer (and the queue goes on).
      scope.postMessage({ id: request.id, ok: false, error: `answer not sent: ${error instanceof Error ? error.message : String(error)}` } satisfies WorkerAnswer<T>);
    }
  };
  let queue: Promise<void> = Promise.resolve();
  scope.addEventListener('message', (event: MessageEvent<Request>) => {
    const request = event.data;
    if (options.inOrder && !options.outOfOrder?.(request)) queue = queue.then(() => answer(request));
    else void answer(request);
  });
}

/** The answer serveRequests posts for one request, and the buffers it transfers with it (tests run workers' handlers through this). */
export async function answerRequest<Request extends { id: number }, T>(
  handle: (request: Request) => Promise<T>,
  request: Request,
  options: Pick<ServeOptions<T>, 'onFailure' | 'transfer'> = {},
): Promise<{ message: WorkerAnswer<T>; transfer: Transferable[] }> {
  try {
    const value = await handle(request);
    return { message: { id: request.id, ok: true, value }, transfer: options.transfer?.(value) ?? [] };
  } catch (error) {
    options.onFailure?.(error);
    return { message: { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}
