// A module worker's global scope for tests: `self` stubbed with an EventTarget that messages are
// dispatched on, and a postMessage that hands each answer to the request with its id. Import the
// worker's module after calling it (a fresh module instance gets the fresh scope).
import { vi } from 'vitest';

export function stubWorkerScope<Request extends { id: number }, Answer extends { id: number }>(): (body: Omit<Request, 'id'>) => Promise<Answer> {
  const scope = new EventTarget();
  const waiting = new Map<number, (answer: Answer) => void>();
  vi.stubGlobal(
    'self',
    Object.assign(scope, {
      postMessage: (answer: Answer) => {
        waiting.get(answer.id)?.(answer);
        waiting.delete(answer.id);
      },
    }),
  );
  let nextId = 1;
  return (body) => {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      scope.dispatchEvent(Object.assign(new Event('message'), { data: { ...body, id } }));
    });
  };
}
