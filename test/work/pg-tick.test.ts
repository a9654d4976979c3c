// The scheduler's tick on PostgreSQL: three instances, each with pg-boss and a tick worker, run it once per
// slot between them, never two at a time.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBoss } from "#db/pg/boss.ts";
import { sendSlots } from "#db/pg/send-slots.ts";
import type { DrainOutbox } from "#src/delivery/pg-drainer.ts";
import { startPgWork, type PgWork } from "#src/pg-work.ts";
import { freshDatabase, serverAnswers, unlessNoServer, type FreshDatabase } from "./pg-server.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An outbox with nothing in it: these tests look at the tick only. */
const emptyOutbox: DrainOutbox = {
  claimDue: async () => [],
  markSent: async () => true,
  markRetry: async () => true,
  defer: async () => true,
  markBlocked: async () => true,
  markFailed: async () => true,
  release: async () => true,
  recoverStale: async () => 0,
  nextDue: async () => null,
};

interface Instance {
  boss: PgBoss;
  work: PgWork;
}

/** Each run of the tick: when it began and ended, and on which instance. */
interface Run {
  instance: number;
  start: number;
  end: number;
}

interface Options {
  schedule: boolean;
  slotSeconds?: number;
  /** Makes the tick's first run throw, as a database that does not answer would. */
  failFirst?: boolean;
  errors?: string[];
}

async function startInstances(db: FreshDatabase, runs: Run[], options: Options) {
  let failures = options.failFirst ? 1 : 0;
  const instances: Instance[] = [];
  for (let i = 0; i < 3; i++) {
    const boss = await openBoss({ url: db.url, cronSeconds: 1 });
    const work = await startPgWork({
      boss,
      slots: sendSlots(db.pool),
      outbox: emptyOutbox,
      send: async () => ({ ok: true }),
      scheduler: {
        async runOnce() {
          if (failures-- > 0) throw new Error("the database did not answer");
          const start = Date.now();
          await sleep(300);
          runs.push({ instance: i, start, end: Date.now() });
        },
      },
      pollSeconds: 0.5,
      schedule: options.schedule,
      ...(options.slotSeconds ? { tickSlotSeconds: options.slotSeconds } : {}),
      logger: {
        info: () => {},
        warn: () => {},
        error: (fields, message) => options.errors?.push(`${message}: ${JSON.stringify(fields)}`),
      },
    });
    instances.push({ boss, work });
  }
  return instances;
}

async function stopInstances(instances: Instance[]) {
  for (const { boss, work } of instances) {
    await work.stop();
    await boss.stop({ graceful: false, wait: true });
  }
}

describe.skipIf(!serverAnswers)(`the minute tick on three instances${unlessNoServer}`, () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => db?.drop());

  it("asked by all three instances in the same slot, runs once; in the next slot, once again", async () => {
    const runs: Run[] = [];
    const slotSeconds = 2;
    const instances = await startInstances(db, runs, { schedule: false, slotSeconds });
    try {
      const slotsAsked = new Set<number>();
      for (let round = 0; round < 2; round++) {
        // Land each round well inside one slot, so every ask of the round names the same slot.
        const slotMs = slotSeconds * 1_000;
        const into = Date.now() % slotMs;
        if (into > slotMs / 2) await sleep(slotMs - into + 50);
        slotsAsked.add(Math.floor(Date.now() / slotMs));
        await Promise.all(instances.flatMap(({ work }) => [work.tickNow(), work.tickNow()]));
        slotsAsked.add(Math.floor(Date.now() / slotMs));
        await sleep(slotMs);
      }
      await sleep(1_500);
      expect(slotsAsked.size).toBeGreaterThanOrEqual(2);
      expect(runs).toHaveLength(slotsAsked.size);
      const sorted = [...runs].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
    } finally {
      await stopInstances(instances);
    }
  }, 30_000);

  it("logs a tick that failed, and runs the next slot's", async () => {
    const runs: Run[] = [];
    const errors: string[] = [];
    const slotSeconds = 1;
    const instances = await startInstances(db, runs, { schedule: false, slotSeconds, failFirst: true, errors });
    try {
      await instances[0]?.work.tickNow();
      for (let waited = 0; errors.length === 0 && waited < 5_000; waited += 100) await sleep(100);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("pg-boss job failed");
      expect(errors[0]).toContain("the database did not answer");
      await sleep(slotSeconds * 1_000);
      await instances[1]?.work.tickNow();
      for (let waited = 0; runs.length === 0 && waited < 5_000; waited += 100) await sleep(100);
      expect(runs).toHaveLength(1);
    } finally {
      await stopInstances(instances);
    }
  }, 30_000);

  it("scheduled every minute by all three, runs once in the minute", async () => {
    // Keep the whole test inside one minute of the clock: the schedule's slot is the minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await sleep(60_000 - intoMinute + 500);
    const minute = Math.floor(Date.now() / 60_000);
    const runs: Run[] = [];
    const instances = await startInstances(db, runs, { schedule: true });
    try {
      for (let waited = 0; runs.length === 0 && waited < 12_000; waited += 250) await sleep(250);
      // Every instance looks at the schedule every second: give the other two time to run it again if they would.
      await sleep(4_000);
      expect(Math.floor(Date.now() / 60_000)).toBe(minute);
      expect(runs).toHaveLength(1);
    } finally {
      await stopInstances(instances);
    }
  }, 60_000);
});
