import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, repositories, type Repositories } from "#db/index.ts";

let dir: string;
let repos: Repositories;
let reader: Database.Database;

const unit = (code: string) => ({
  code,
  name: `CĐCS ${code}`,
  parentCode: null,
  kind: "grassroots" as const,
  sector: null,
  members: 0,
  workers: 0,
});
// A second connection sees only what is committed, as another process would.
const committedCodes = () =>
  (reader.prepare("select code from units order by code").all() as { code: string }[]).map((r) => r.code);
const add = (code: string) => repos.units.upsert(unit(code));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-tx-"));
  repos = repositories(openDatabase(join(dir, "t.sqlite")));
  reader = new Database(join(dir, "t.sqlite"), { readonly: true });
});
afterEach(async () => {
  reader.close();
  await repos.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("repos.transaction", () => {
  it("resolves to what the function resolves to, with its writes committed", async () => {
    const code = await repos.transaction(async () => (await add("A")).code);
    expect(code).toBe("A");
    expect(committedCodes()).toEqual(["A"]);
  });

  it("keeps none of the writes of a function that fails after waiting, and passes the failure on", async () => {
    const failing = repos.transaction(async () => {
      await add("A");
      await sleep(5);
      await add("B");
      throw new Error("the second row was wrong");
    });
    await expect(failing).rejects.toThrow("the second row was wrong");
    expect(await repos.units.byCode("A")).toBeUndefined();
    expect(committedCodes()).toEqual([]);
  });

  it("keeps another request's write made while a failing transaction waits", async () => {
    const failing = repos.transaction(async () => {
      await add("A");
      await sleep(5);
      throw new Error("rolled back");
    });
    // Another request writes while the transaction waits: its write waits for the transaction to end.
    const other = add("X");
    await expect(failing).rejects.toThrow("rolled back");
    await other;
    expect(committedCodes()).toEqual(["X"]);
  });

  it("keeps a request's read out of an open transaction until it ends", async () => {
    let ended = false;
    const open = repos.transaction(async () => {
      await add("A");
      await sleep(5);
      ended = true;
    });
    // Read from outside: it must not see the half-done transaction, so it waits for the end.
    const seen = await repos.units.byCode("A").then((found) => ({ found: found?.code, ended }));
    await open;
    expect(seen).toEqual({ found: "A", ended: true });
  });

  it("runs two concurrent transactions one after the other, never interleaved", async () => {
    const steps: string[] = [];
    const first = repos.transaction(async () => {
      steps.push("first begins");
      await add("A");
      await sleep(5);
      await add("B");
      steps.push("first ends");
      throw new Error("first fails");
    });
    const second = repos.transaction(async () => {
      steps.push("second begins");
      await add("C");
      await sleep(1);
      steps.push("second ends");
      return "second";
    });
    await expect(first).rejects.toThrow("first fails");
    expect(await second).toBe("second");
    expect(steps).toEqual(["first begins", "first ends", "second begins", "second ends"]);
    expect(committedCodes()).toEqual(["C"]);
  });

  it("makes a nested transaction a savepoint: undone alone, or with the outer one", async () => {
    await repos.transaction(async () => {
      await add("A");
      await expect(
        repos.transaction(async () => {
          await add("B");
          await sleep(1);
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await repos.transaction(async () => {
        await add("C");
      });
    });
    expect(committedCodes()).toEqual(["A", "C"]);

    const outer = repos.transaction(async () => {
      await repos.transaction(async () => {
        await add("D");
      });
      throw new Error("outer fails");
    });
    await expect(outer).rejects.toThrow("outer fails");
    expect(committedCodes()).toEqual(["A", "C"]);
  });

  it("runs nested transactions of one transaction one after the other", async () => {
    const steps: string[] = [];
    await repos.transaction(async () => {
      const inner = (name: string, fail: boolean) =>
        repos.transaction(async () => {
          steps.push(`${name} begins`);
          await add(name);
          await sleep(2);
          steps.push(`${name} ends`);
          if (fail) throw new Error(`${name} fails`);
        });
      const results = await Promise.allSettled([inner("P", true), inner("Q", false)]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    });
    expect(steps).toEqual(["P begins", "P ends", "Q begins", "Q ends"]);
    expect(committedCodes()).toEqual(["Q"]);
  });

  it("inside a group-commit batch, undoes only its own writes and commits the rest with the batch", async () => {
    // An update's claim opens the batch that the writes of this turn join.
    expect(await repos.updates.claim("telegram", "1", new Date().toISOString())).toBe(true);
    await add("A");
    await expect(
      repos.transaction(async () => {
        await add("B");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await repos.transaction(async () => {
      await add("C");
    });
    // Nothing is on disk before the batch commits, the transactions included.
    expect(committedCodes()).toEqual([]);
    await repos.committed();
    expect(committedCodes()).toEqual(["A", "C"]);
  });

  it("does not commit the batch while a transaction in it waits past the end of the turn", async () => {
    await repos.updates.claim("telegram", "2", new Date().toISOString());
    await add("A");
    const slow = repos.transaction(async () => {
      await add("B");
      // Several turns of the event loop: the batch would commit at the end of the first.
      await sleep(10);
      expect(committedCodes()).toEqual([]);
      throw new Error("rolled back late");
    });
    await expect(slow).rejects.toThrow("rolled back late");
    await repos.committed();
    expect(committedCodes()).toEqual(["A"]);
  });
});
