// Units of work sharing a transaction on PostgreSQL (db/pg/shared-work.ts), on PGlite and on a server when
// one answers: members run one after the other in one transaction and commit together; a member's failure
// keeps nothing of any of them and tells each to run alone; few units at once keep transactions of their own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RunAlone } from "#db/group-commit.ts";
import { executor, type Executor } from "#db/pg/executor.ts";
import { openServer, type PgStore } from "#db/pg/index.ts";
import { updateRepository } from "#db/pg/repositories/updates.ts";
import type { Sharing } from "#db/pg/shared-work.ts";
import { emptied, freshServerDatabase, serverUrl, sharedPglite } from "./contract/backends.ts";

type Opened = { store: PgStore; done(): Promise<void> };

const stores: [string, () => Promise<Opened>][] = [
  ["PGlite", async () => ({ store: await sharedPglite(), done: async () => {} })],
];
if (serverUrl) {
  stores.push([
    "PostgreSQL server",
    async () => {
      const database = await freshServerDatabase(serverUrl as string);
      const store = openServer(database.url);
      await store.migrate();
      return {
        store,
        async done() {
          await store.close();
          await database.drop();
        },
      };
    },
  ]);
}

describe.each(stores)("units of work sharing a transaction — %s", (name, open) => {
  let opened: Opened;
  let settingsOf: (x: Executor) => ReturnType<typeof updateRepository>;
  beforeAll(async () => {
    opened = await open();
    settingsOf = (x) => updateRepository(x);
  }, 120_000);
  afterAll(() => opened.done());
  beforeEach(async () => {
    await emptied(opened.store);
  });

  // Never held up unless a test says so: a loaded machine must not change which transaction a member joins.
  const over = (sharing: Partial<Sharing>) => {
    const x = executor(opened.store.db, { lanes: 2, most: 16, stuckMs: 60_000, spare: 0, ...sharing });
    return { x, settings: settingsOf(x) };
  };
  const txid = async (x: Executor) => Number((await x.one<{ id: string }>(sql`select txid_current()::text as id`))?.id);

  it("runs the members of a shared transaction one after the other, each seeing those before it, and commits them together", async () => {
    const { x, settings } = over({ lanes: 2, most: 16 });
    const events: string[] = [];
    const member = (i: number) => async () => {
      events.push(`start ${i}`);
      const id = await txid(x);
      // What the members before it in the same transaction wrote, not yet committed.
      const before = (await settings.setting(`log ${id}`)) ?? "";
      await settings.setSetting(`log ${id}`, `${before}${i}`);
      await settings.setSetting(`m${i}`, String(id));
      events.push(`commit ${i}`);
      await x.committed();
      expect(x.inTransaction()).toBe(false);
      return { id, before };
    };
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => x.together(member(i))));
    const ids = results.map((r) => r.id);
    // Two lanes: the first two open a transaction each, the next four join them in turn.
    expect(new Set(ids).size).toBe(2);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[1]);
    // Within a transaction, a member starts only once the one before it has asked for its commit.
    for (const id of new Set(ids)) {
      const mine = new Set(ids.flatMap((other, i) => (other === id ? [i + 1] : [])));
      const own = events.filter((e) => mine.has(Number(e.split(" ")[1])));
      expect(own).toEqual([...mine].flatMap((i) => [`start ${i}`, `commit ${i}`]));
    }
    for (const i of [1, 2, 3, 4, 5, 6]) expect(await settings.setting(`m${i}`)).toBe(String(ids[i - 1]));
    // Each member appended its number to its transaction's row after reading what those before it had put there.
    for (const id of new Set(ids)) {
      const mine = ids.flatMap((other, i) => (other === id ? [i + 1] : []));
      expect(await settings.setting(`log ${id}`)).toBe(mine.join(""));
      expect(mine.map((i) => results[i - 1]?.before)).toEqual(mine.map((_, k) => mine.slice(0, k).join("")));
    }
  });

  it("gives a unit a transaction of its own while fewer than `lanes` are open", async () => {
    const { x, settings } = over({ lanes: 2, most: 16 });
    const first = await x.together(async () => {
      await settings.setSetting("a", "1");
      return txid(x);
    });
    const second = await x.together(() => txid(x));
    expect(second).not.toBe(first);
    expect(await settings.setting("a")).toBe("1");
  });

  it("keeps nothing of any member when one throws, and tells each, the thrower too, to run alone", async () => {
    const { x, settings } = over({ lanes: 1, most: 16 });
    const unwound: number[] = [];
    const member = (i: number) => async () => {
      await settings.setSetting(`k${i}`, "written");
      if (i === 2) throw new Error("a bug in the handler");
      try {
        await x.committed();
      } catch (error) {
        unwound.push(i);
        throw error;
      }
      return i;
    };
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => x.together(member(i))));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(RunAlone);
    }
    // The first had asked for its commit and learnt it failed; the third never started.
    expect(unwound).toEqual([1]);
    for (const i of [1, 2, 3]) expect(await settings.setting(`k${i}`)).toBeUndefined();
    // Run again alone, each keeps its own writes, and the thrower fails by itself.
    const alone = await Promise.allSettled([1, 2, 3].map((i) => x.unitOfWork(member(i))));
    expect(alone.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await settings.setting("k1")).toBe("written");
    expect(await settings.setting("k2")).toBeUndefined();
    expect(await settings.setting("k3")).toBe("written");
  });

  it("loses the transaction when a member's statement fails, and every member runs alone", async () => {
    const { x, settings } = over({ lanes: 1, most: 16 });
    const member = (i: number) => async () => {
      await settings.setSetting(`s${i}`, "written");
      // Not a number: the server refuses the statement, and the transaction with it.
      if (i === 2) await x.run(sql`select 'x'::int`);
      await x.committed();
    };
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => x.together(member(i))));
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof RunAlone)).toBe(true);
    for (const i of [1, 2, 3]) expect(await settings.setting(`s${i}`)).toBeUndefined();
  });

  it("loses the transaction when a member catches its own failed statement, which aborted it all the same", async () => {
    const { x, settings } = over({ lanes: 1 });
    const member = (i: number) => async () => {
      await settings.setSetting(`c${i}`, "written");
      if (i === 2) await x.run(sql`select 'x'::int`).catch(() => undefined);
      await x.committed();
    };
    const outcomes = await Promise.allSettled([1, 2].map((i) => x.together(member(i))));
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof RunAlone)).toBe(true);
    // Alone, each is its own again: the first keeps its write, the second's commit keeps nothing.
    await x.unitOfWork(member(1));
    expect(await settings.setting("c1")).toBe("written");
    expect(await settings.setting("c2")).toBeUndefined();
  });

  it("takes at most `most` members into one transaction, the rest into the next", async () => {
    const { x } = over({ lanes: 1, most: 2 });
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => x.together(() => txid(x))));
    const sizes = [...new Set(ids)].map((id) => ids.filter((other) => other === id).length);
    expect(sizes.every((size) => size <= 2)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("opens one more transaction for a unit arriving while the open ones are held up by a slow member", async () => {
    const { x } = over({ lanes: 1, stuckMs: 20, spare: 1 });
    const finished: string[] = [];
    const slow = x.together(async () => {
      const id = await txid(x);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await x.committed();
      finished.push("slow");
      return id;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const quick = await x.together(async () => {
      const id = await txid(x);
      await x.committed();
      finished.push("quick");
      return id;
    });
    expect(quick).not.toBe(await slow);
    // PGlite has one connection: there the second transaction waits for the first all the same.
    if (name !== "PGlite") expect(finished).toEqual(["quick", "slow"]);
  });

  it("writes the hot totals of a whole shared transaction to one shard", async () => {
    const { x } = over({ lanes: 1, most: 16 });
    const picks = await Promise.all(
      Array.from({ length: 8 }, () => x.together(async () => ({ id: await txid(x), shard: x.shard(64) }))),
    );
    for (const { id, shard } of picks) {
      expect(picks.filter((p) => p.id === id).every((p) => p.shard === shard)).toBe(true);
    }
    // Within one transaction, nested or not, the shard stays; outside any, it is drawn each time.
    const inside = await x.transaction(async () => {
      const first = x.shard(64);
      return [first, await x.transaction(async () => x.shard(64)), x.shard(64)];
    });
    expect(new Set(inside).size).toBe(1);
    const outside = new Set(Array.from({ length: 20 }, () => x.shard(64)));
    expect(outside.size).toBeGreaterThan(1);
  });
});
