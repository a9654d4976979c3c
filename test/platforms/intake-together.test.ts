// Many updates arriving at once through the intake, on every store: on PostgreSQL short ones share
// transactions (db/pg/shared-work.ts). Whatever shares what, each update is handled and kept exactly once,
// and one update's failure costs the others nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServer, pgRepositories, type PgStore } from "#db/pg/index.ts";
import { createIntake, type Arrival } from "#src/platforms/intake.ts";
import { createLogger } from "#src/logger.ts";
import { contract, freshServerDatabase, serverUrl, type Repos } from "#test/db/contract/backends.ts";
import { entry, tree } from "#test/db/contract/tree.ts";

function intakeOver(repos: Repos) {
  return createIntake({
    updates: repos.updates,
    unitOfWork: repos.unitOfWork,
    together: repos.together,
    translate: (_locale, key) => key,
    logger: createLogger("silent"),
  });
}

/** A text message from account `from`, handled by `handle`. */
const text = (id: number, from: number, handle: () => Promise<void>): Arrival => ({
  platform: "telegram",
  id: String(id),
  from: String(from),
  short: true,
  handle,
});

contract("updates taken in together", (backend) => {
  it("keeps every update once when one of many arriving together fails", async () => {
    const { repos, kind } = backend();
    const intake = intakeOver(repos);
    const runs = new Map<number, number>();
    const told: number[] = [];
    const arrival = (i: number): Arrival => ({
      ...text(1000 + i, 70 + i, async () => {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        if (i === 5) throw new Error("a bug in one handler");
        await repos.updates.setSetting(`u${i}`, String(runs.get(i)));
        await repos.committed();
      }),
      say: async () => void told.push(i),
    });
    const numbers = Array.from({ length: 12 }, (_, k) => k + 1);
    await Promise.all(numbers.map((i) => intake.take(arrival(i))));
    // What is kept is the last run's: a run whose transaction was lost kept nothing.
    for (const i of numbers) {
      expect(await repos.updates.setting(`u${i}`)).toBe(i === 5 ? undefined : String(runs.get(i)));
    }
    expect(told).toEqual([5]);
    // An update of a shared transaction that was lost runs once more, alone; never more than that.
    for (const i of numbers) expect(runs.get(i)).toBeLessThanOrEqual(2);
    // On PostgreSQL the failing update shared its transaction: it and those with it ran again.
    if (kind !== "sqlite") expect(numbers.filter((i) => runs.get(i) === 2).length).toBeGreaterThan(1);
    // Delivered again, every one of them, the failed one too, is known and not handled.
    runs.clear();
    await Promise.all(numbers.map((i) => intake.take(arrival(i))));
    expect(runs.size).toBe(0);
  });

  it("handles an update delivered twice at the same moment once", async () => {
    const { repos } = backend();
    const intake = intakeOver(repos);
    let handled = 0;
    const twice: Arrival = {
      platform: "zalo",
      id: "m-77",
      from: "z-1",
      short: true,
      async handle() {
        handled++;
        await repos.updates.setSetting("twice", String(handled));
        await repos.committed();
      },
    };
    const others = Array.from({ length: 6 }, (_, k) => ({ ...twice, id: `m-${k}`, handle: async () => {} }));
    await Promise.all([twice, ...others, { ...twice }].map((a) => intake.take(a)));
    expect(handled).toBe(1);
    expect(await repos.updates.setting("twice")).toBe("1");
  });
});

// Only a server has transactions that wait for each other's locks: PGlite runs one at a time.
describe.skipIf(!serverUrl)("updates taken in together, deadlocked — PostgreSQL server", () => {
  let database: { url: string; drop(): Promise<void> };
  let store: PgStore;
  beforeAll(async () => {
    database = await freshServerDatabase(serverUrl as string);
    store = openServer(database.url);
    await store.migrate();
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it("records every report once when two shared transactions lock the same unions in opposite orders", async () => {
    // PostgreSQL finds the deadlock after deadlock_timeout (1 s), aborts one transaction, and its reports run alone.
    const repos = await pgRepositories(store, { sharing: { lanes: 2, most: 16, stuckMs: 60_000, spare: 0 } });
    const t = await tree(repos);
    const intake = intakeOver(repos);
    const now = "2026-05-01T00:00:00.000Z";
    const replies = new Map<number, number[]>();
    let runs = 0;
    // Two reports on A and B, two on B and A, each holding its row lock a moment before its commit.
    const order = [t.a, t.b, t.b, t.a];
    const arrival = (i: number): Arrival =>
      text(2000 + i, 90 + i, async () => {
        runs++;
        const unit = order[i] as (typeof order)[number];
        const ids = await repos.ledger.record([entry(unit, i + 1, `telegram:${2000 + i}`)], now, {
          personId: 1,
          unitId: unit.id,
        });
        await new Promise((resolve) => setTimeout(resolve, 150));
        await repos.committed();
        replies.set(i, ids);
      });
    await Promise.all([0, 1, 2, 3].map((i) => intake.take(arrival(i))));
    // The deadlock's victim and the report sharing its transaction ran again, alone.
    expect(runs).toBeGreaterThan(4);
    for (const i of [0, 1, 2, 3]) expect(replies.get(i)?.length, `report ${i}`).toBe(1);
    const joined = async (unit: typeof t.a) => (await repos.ledger.tallies(unit.id, "2026")).get("join");
    expect(await joined(t.a)).toBe(1 + 4);
    expect(await joined(t.b)).toBe(2 + 3);
    expect(await joined(t.district)).toBe(10);
  });
});
