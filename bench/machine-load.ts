// How busy the machine is with work that is not the benchmark's: a build or a test run on the same two
// cores halves what the benchmark measures, so runs wait for a quiet machine and report what they shared.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

interface CpuTicks {
  busy: number;
  total: number;
}

/** All cores' ticks since boot, from /proc/stat; null where there is no /proc (not Linux). */
function machineTicks(): CpuTicks | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface CpuShare {
  /** Cores the whole machine kept busy over the window. */
  machine: number;
  /** Cores this process kept busy. */
  own: number;
}

/** Starts a window; the returned function ends it. */
export function cpuWindow(): () => CpuShare | null {
  const ticks = machineTicks();
  const own = process.cpuUsage();
  const started = performance.now();
  return () => {
    const now = machineTicks();
    if (!ticks || !now || now.total === ticks.total) return null;
    const used = process.cpuUsage(own);
    return {
      machine: ((now.busy - ticks.busy) / (now.total - ticks.total)) * cpus().length,
      own: (used.user + used.system) / 1000 / (performance.now() - started),
    };
  };
}

/**
 * Waits until other processes use less than `threshold` cores over a second, or `maxWaitMs` passes.
 * Returns the cores they used in the last second looked at.
 */
export async function waitForQuiet(
  log: (line: string) => void,
  maxWaitMs: number,
  threshold = 0.15,
): Promise<number | null> {
  const until = performance.now() + maxWaitMs;
  let told = false;
  for (;;) {
    const end = cpuWindow();
    await new Promise((r) => setTimeout(r, 1000));
    const share = end();
    if (!share) return null;
    const others = Math.max(0, share.machine - share.own);
    if (others < threshold || performance.now() > until) return others;
    if (!told)
      log(
        `  other processes keep ${others.toFixed(1)} cores busy; waiting up to ${Math.round(maxWaitMs / 1000)} s for a quiet machine…`,
      );
    told = true;
  }
}
