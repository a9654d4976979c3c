// Every minute, and once at start to catch up after downtime: what has fallen due goes into the outbox,
// and announcements whose delivery is complete are reported to the admin who sent them.
import { reportDeliveries } from "./domain/broadcasts.ts";
import { MAX_CATCH_UP_DAYS, computeDue, type DueReminder, type ReminderContext } from "./domain/reminders.ts";
import type { Logger } from "./logger.ts";

const LAST_RUN = "scheduler.lastRun";
/** Platforms redeliver an update for a day at most; a week of claimed update ids is ample. */
const KEEP_UPDATES_MS = 7 * 86_400_000;

export interface SchedulerOptions extends ReminderContext {
  clock: () => Date;
  logger?: Logger;
  wakeDispatcher?: () => void;
  intervalMs?: number;
}

export function createScheduler(options: SchedulerOptions) {
  const { repos, clock, t } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  /** Puts what fell due since the last run into the outbox; returns what it computed and how much was new. */
  async function runOnce(at = clock()): Promise<{ due: DueReminder[]; added: number }> {
    // The operator's command line may have changed a schedule from another process since the last tick.
    options.policies.refresh();
    const last = await repos.updates.setting(LAST_RUN);
    const since = last ? new Date(last) : new Date(at.getTime() - 60_000);
    const due = await computeDue(options, since, at);
    const added = await repos.outbox.enqueue(due, at.toISOString());
    if (!last || last < at.toISOString()) await repos.updates.setSetting(LAST_RUN, at.toISOString());
    const reports = await reportDeliveries(repos, t, at);
    await repos.updates.prune(new Date(at.getTime() - KEEP_UPDATES_MS).toISOString());
    if (added + reports > 0) options.wakeDispatcher?.();
    options.logger?.info({ added, reports }, "scheduler tick");
    return { due, added };
  }

  const tick = async () => {
    try {
      await runOnce();
    } catch (error) {
      options.logger?.error({ err: error instanceof Error ? error.message : String(error) }, "scheduler tick failed");
    }
    if (running) timer = setTimeout(() => void tick(), options.intervalMs ?? 60_000);
  };

  return {
    runOnce,
    async start() {
      running = true;
      await tick();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
    },
    maxCatchUpDays: MAX_CATCH_UP_DAYS,
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
