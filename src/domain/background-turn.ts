// Long work on the server's own thread, such as checking and writing a large import, runs in slices. Between
// two slices it must let the others in, and not for one turn of the event loop only: a report needs several
// turns (its request, the batch commit, its reply to the platform), and a slice run at every turn would hold
// each of them up in turn. So after a slice the work rests about as long as the slice took.

/** The longest rest after a slice: a slice that took long because the machine was busy does not stop the work. */
const MAX_REST_MS = 20;

/**
 * Resolves after about `busyMs` (at least 1 ms, at most MAX_REST_MS), so that background work takes at most
 * about half of the thread while requests are waiting.
 */
export function restAfter(busyMs: number): Promise<void> {
  const ms = Math.min(MAX_REST_MS, Math.max(1, Math.round(busyMs)));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A clock for work done in slices of about `sliceMs`: call `between()` after each step, and once the slice has
 * lasted `sliceMs` it rests (restAfter) and a new slice begins; otherwise it returns at once.
 */
export function slices(sliceMs: number): { between(): Promise<void> } {
  let started = performance.now();
  return {
    async between() {
      const busy = performance.now() - started;
      if (busy < sliceMs) return;
      await restAfter(busy);
      started = performance.now();
    },
  };
}
