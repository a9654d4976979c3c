// Scheduled and queued work when the store is PostgreSQL and several instances share it, on pg-boss: the
// scheduler's minute tick runs once across all instances (a pg-boss schedule, one job per minute slot, a
// worker on every instance), and the outbox is drained by workers on every instance, woken by a job when
// rows are enqueued and by a schedule every minute. On SQLite the in-process dispatcher and timer stay.
//
// On PostgreSQL, src/main.ts runs this instead of `service.dispatcher.start()` and `service.scheduler.start()`:
//   const connections = await openWorkConnections({ url });            // pg-boss, pacer and media tables
//   const service = await assemble(config, { logger,
//     media: (publicUrl) => createSharedMediaStore({ publicUrl, media: connections.media }) });
//   const work = await startPgWork({ ...connections, outbox: service.repos.outbox, send: service.send,
//     limits: service.limits, scheduler: service.scheduler, logger });
// with `wakeOutbox: () => void work?.wake()` among assemble's options (bound late), and on shutdown
// `await work.stop(); await connections.close()`. `openPgWork(url, …)` does the first and last in one.
import type PgBoss from "pg-boss";
import { openWorkConnections } from "#db/pg/boss.ts";
import type { MediaRepository } from "#db/pg/media.ts";
import type { SendSlots, SlotRules } from "#db/pg/send-slots.ts";
import { PLATFORMS, type Platform } from "#db/schema.ts";
import type { DispatchLogger } from "./delivery/dispatcher.ts";
import { createDrainer, type DrainerOptions } from "./delivery/pg-drainer.ts";

export const QUEUES = {
  /** One job per minute slot: the scheduler's tick. */
  tick: "scheduler-tick",
  /** Each job is one drain of the outbox by whichever instance fetches it. */
  drain: "outbox-drain",
} as const;

export interface PgWorkOptions extends Omit<DrainerOptions, "slots" | "logger"> {
  /** Started, on the database the bot uses; its own tables live in their own schema. */
  boss: PgBoss;
  slots: SendSlots;
  /** The tick: puts what fell due into the outbox (see src/scheduler.ts). */
  scheduler: { runOnce(): unknown };
  logger?: DispatchLogger;
  /** How often idle workers look for jobs: pg-boss polls, 0.5 s at the least. */
  pollSeconds?: number;
  /** Jobs one wake-up sends: as many instances as that may drain at once. */
  wakeJobs?: number;
  /** Longest one drain job runs before it hands on to a fresh one. */
  drainJobMs?: number;
  /** A row claimed longer ago than this was claimed by an instance that died: it goes back to pending. */
  staleAfterMs?: number;
  /** Seconds of a tick's slot: 60, as the cron; shorter only in tests. */
  tickSlotSeconds?: number;
  /** Runs the scheduler on the minute (the default); false leaves the tick to `tickNow()`. */
  schedule?: boolean;
}

export interface PgWork {
  /** Wakes drainers on the instances that fetch the jobs: call after enqueueing. Never rejects. */
  wake(): Promise<void>;
  /** Asks for this minute slot's tick: the first to ask in a slot gets it; the others are no-ops. */
  tickNow(): Promise<void>;
  /** Asks for the minute's sweep now: stale claims recovered, idle chats forgotten by the pacer, then a drain. */
  sweepNow(): Promise<void>;
  /** Stops this instance's workers; drains in progress give back what they have not sent. */
  stop(): Promise<void>;
}

export async function startPgWork(options: PgWorkOptions): Promise<PgWork> {
  const { boss } = options;
  const seconds = options.tickSlotSeconds ?? 60;
  // The key names the slot's length: slots of another length (tests) never collide with the minute's.
  const tickSlot = { singletonKey: `every-${seconds}s`, singletonSeconds: seconds };
  const drainJobMs = options.drainJobMs ?? 300_000;
  await options.slots.ensure();
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: "singleton", retryLimit: 0 });
  // A drain job may run for its whole budget; it expires well after, when its instance has died.
  const expireInSeconds = Math.ceil((drainJobMs * 2) / 1_000);
  await boss.createQueue(QUEUES.drain, { name: QUEUES.drain, retryLimit: 0, expireInSeconds });
  if (options.schedule !== false) {
    await boss.schedule(QUEUES.tick, "* * * * *", {}, tickSlot);
    await boss.schedule(QUEUES.drain, "* * * * *", { sweep: true }, { singletonKey: "sweep", singletonSeconds: 60 });
  }
  const workers = await startWorkers(options, drainJobMs);
  return {
    wake: workers.wake,
    sweepNow: async () => {
      await boss.send(QUEUES.drain, { sweep: true });
    },
    tickNow: async () => {
      await boss.send(QUEUES.tick, {}, tickSlot);
    },
    stop: workers.stop,
  };
}

/** This instance's workers on the two queues, and the wake-up they share. */
async function startWorkers(options: PgWorkOptions, drainJobMs: number) {
  const { boss, logger } = options;
  const staleAfterMs = options.staleAfterMs ?? 600_000;
  const holdMs = Math.min(options.holdMs ?? 60_000, staleAfterMs / 2);
  const drainer = createDrainer({ ...options, holdMs, ...(logger ? { logger } : {}) });
  const now = () => options.clock?.now() ?? Date.now();
  const wakeJobs = Math.max(1, options.wakeJobs ?? 4);
  const polling = { pollingIntervalSeconds: options.pollSeconds ?? 2, batchSize: 1 };
  let stopping = false;

  const wake = async () => {
    try {
      // One job per lane and second: a burst of wake-ups makes `wakeJobs` jobs, not one per enqueue.
      for (let lane = 0; lane < wakeJobs; lane++)
        await boss.send(QUEUES.drain, {}, { singletonKey: `wake-${lane}`, singletonSeconds: 1 });
    } catch (error) {
      // The drain scheduled every minute sends what a lost wake-up would have.
      logger?.error({ error: String(error) }, "could not wake the drainers");
    }
  };

  // Handlers in progress, so that stop() returns once they are done and not merely once polling stops.
  const active = new Set<Promise<unknown>>();
  const tracked =
    <T>(handler: (jobs: PgBoss.Job<T>[]) => Promise<void>) =>
    (jobs: PgBoss.Job<T>[]) => {
      const run = handler(jobs).catch((error: unknown) => {
        // pg-boss records the job as failed; the next wake-up or minute tries again.
        logger?.error({ queue: jobs[0]?.name, error: String(error) }, "pg-boss job failed");
        throw error;
      });
      active.add(run);
      return run.finally(() => active.delete(run));
    };

  await boss.work(
    QUEUES.tick,
    polling,
    tracked(async () => {
      await options.scheduler.runOnce();
      await wake();
    }),
  );
  await boss.work<{ sweep?: boolean }>(
    QUEUES.drain,
    polling,
    tracked(async ([job]) => {
      if (job?.data.sweep) {
        const recovered = await drainer.recover(now() - staleAfterMs);
        if (recovered > 0) logger?.warn({ recovered }, "sends left by a stopped instance go out again");
        await options.slots.prune(now(), longestWindow(drainer.rulesFor));
      }
      const until = now() + drainJobMs;
      await drainer.drain(until, () => stopping);
      // Its budget ran out, maybe with work left: another job carries on, on whichever instance fetches it.
      if (!stopping && now() >= until) await wake();
    }),
  );

  return {
    wake,
    async stop() {
      stopping = true;
      await boss.offWork(QUEUES.tick);
      await boss.offWork(QUEUES.drain);
      await Promise.allSettled([...active]);
    },
  };
}

/** What src/main.ts starts on PostgreSQL: pg-boss and the workers, the media table, and one stop for all. */
export async function openPgWork(
  url: string,
  options: Omit<PgWorkOptions, "boss" | "slots">,
): Promise<PgWork & { media: MediaRepository }> {
  const connections = await openWorkConnections({
    url,
    onError: (error) => options.logger?.error({ error: error.message }, "pg-boss or the pacer's pool failed"),
  });
  const work = await startPgWork({ ...options, boss: connections.boss, slots: connections.slots });
  return {
    ...work,
    media: connections.media,
    async stop() {
      await work.stop();
      await connections.close();
    },
  };
}

/** The longest window any platform's pacer looks back over: a chat idle longer has nothing left to keep. */
function longestWindow(rulesFor: (platform: Platform) => SlotRules): number {
  return Math.max(...PLATFORMS.map((p) => Math.max(rulesFor(p).chatWindowMs, rulesFor(p).groupWindowMs)));
}
