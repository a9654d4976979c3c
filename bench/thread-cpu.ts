// The longest the server's thread ran between two turns of its event loop, counted in the thread's own CPU
// time. On a machine shared with other work, a late event loop may only have waited for a core: the kernel's
// count of the time the thread spent on a core (Linux: /proc/self/task/<id>/schedstat) tells how much of a
// stall was this process's own work, whatever the other processes did meanwhile.
import { readFileSync } from "node:fs";

/** The main thread's time on a core so far, ns; null where the kernel does not say (not Linux). */
function mainThreadCpuNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

/**
 * Samples every `everyMs` from a timer on the event loop; `stop` returns the most CPU time the thread used
 * between two samples, ms (the sampling period's own share included), or null where it cannot be read.
 */
export function threadCpuStretches(everyMs: number): { stop: () => number | null } {
  let last = mainThreadCpuNs();
  let longest = 0;
  const timer =
    last === null
      ? undefined
      : setInterval(() => {
          const now = mainThreadCpuNs();
          if (now === null || last === null) return;
          longest = Math.max(longest, now - last);
          last = now;
        }, everyMs);
  return {
    stop() {
      if (timer === undefined) return null;
      clearInterval(timer);
      return longest / 1e6;
    },
  };
}
