import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-tx-"));
  repos = repositories(openDatabase(join(dir, "t.sqlite")));
  reader = new Database(join(dir, "t.sqlite"), { readonly: true });
});
afterEach(() => {
  reader.close();
  repos.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("repos.transaction", () => {
  it("returns what the function returns, with its writes committed", () => {
    const code = repos.transaction(() => repos.units.upsert(unit("A")).code);
    expect(code).toBe("A");
    expect(committedCodes()).toEqual(["A"]);
  });

  it("keeps none of the writes of a function that throws, and rethrows", () => {
    const failing = () =>
      repos.transaction(() => {
        repos.units.upsert(unit("A"));
        repos.units.upsert(unit("B"));
        throw new Error("the second row was wrong");
      });
    expect(failing).toThrow("the second row was wrong");
    expect(repos.units.byCode("A")).toBeUndefined();
    expect(committedCodes()).toEqual([]);
  });

  it("inside a group-commit batch, undoes only its own writes and commits the rest with the batch", async () => {
    repos.writes.open();
    repos.units.upsert(unit("A"));
    expect(() =>
      repos.transaction(() => {
        repos.units.upsert(unit("B"));
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    repos.transaction(() => repos.units.upsert(unit("C")));
    // Nothing is on disk before the batch commits, the transactions included.
    expect(committedCodes()).toEqual([]);
    await repos.writes.committed();
    expect(committedCodes()).toEqual(["A", "C"]);
  });
});
