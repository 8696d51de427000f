// Long work in the window or a worker is cut into tasks: awaiting nextTurn() ends the current task,
// so a click, a key or another message is handled before the work goes on.

/** Resolves in a task of its own, after whatever is already waiting to run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
