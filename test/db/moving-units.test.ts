import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, repositories, type Repositories, sqliteOf } from "#db/index.ts";
import { lineage } from "#db/repositories/units.ts";
import type { UnitKind } from "#db/schema.ts";

let dir: string;
let repos: Repositories;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-move-"));
  repos = repositories(openDatabase(join(dir, "m.sqlite")));
});
afterEach(() => {
  sqliteOf(repos).close();
  rmSync(dir, { recursive: true, force: true });
});

const add = async (code: string, parentCode: string | null, kind: UnitKind = "grassroots") =>
  await repos.units.upsert({ code, name: `Đơn vị ${code}`, parentCode, kind, sector: null, members: 0, workers: 100 });

async function report(code: string, count: number, source: string) {
  const unit = await repos.units.byCode(code);
  if (!unit) throw new Error(code);
  await repos.ledger.record(
    [
      {
        unitId: unit.id,
        lineage: lineage(unit),
        event: "join",
        count,
        informal: false,
        occurredOn: "2026-05-01",
        reporterId: null,
        source,
      },
    ],
    "2026-05-01T03:00:00Z",
  );
}

/** Admitted members by the tallies, and by summing the ledger over the unit's subtree: they must agree. */
async function admitted(code: string): Promise<{ tally: number; ledger: number }> {
  const unit = await repos.units.byCode(code);
  if (!unit) throw new Error(code);
  const sqlite = sqliteOf(repos);
  const tally = (
    sqlite
      .prepare(`select coalesce(sum(total), 0) as n from tallies where unit_id = ? and event = 'join'`)
      .get(unit.id) as { n: number }
  ).n;
  const ledger = (
    sqlite
      .prepare(
        `select coalesce(sum(l.count), 0) as n from ledger l join units u on u.id = l.unit_id where l.event = 'join' and u.path like ? || '%'`,
      )
      .get(unit.path) as { n: number }
  ).n;
  return { tally, ledger };
}

describe("a unit that moves to another parent", () => {
  it("takes its reports along: the old ancestors' totals drop, the new ones' rise", async () => {
    await add("P1", null, "province");
    await add("D1", "P1", "district");
    await add("D2", "P1", "district");
    await add("C1", "D1");
    await add("C2", "D1");
    await report("C1", 7, "t:1");
    await report("C2", 3, "t:2");
    await add("C1", "D2");
    expect(await admitted("D1")).toEqual({ tally: 3, ledger: 3 });
    expect(await admitted("D2")).toEqual({ tally: 7, ledger: 7 });
    expect(await admitted("P1")).toEqual({ tally: 10, ledger: 10 });
    await report("C1", 2, "t:3");
    expect(await admitted("D2")).toEqual({ tally: 9, ledger: 9 });
  });

  it("takes its whole subtree along, paths and depths included, and never moves below itself", async () => {
    await add("P1", null, "province");
    await add("P2", null, "province");
    await add("D1", "P1", "district");
    await add("C1", "D1");
    await report("C1", 5, "t:1");
    const moved = await add("D1", "P2", "district");
    const child = await repos.units.byCode("C1");
    expect(child?.path).toBe(`${moved.path}${child?.id}/`);
    expect(child?.depth).toBe(2);
    expect((await repos.units.subtree(moved)).map((u) => u.code).sort()).toEqual(["C1", "D1"]);
    expect(await admitted("P1")).toEqual({ tally: 0, ledger: 0 });
    expect(await admitted("P2")).toEqual({ tally: 5, ledger: 5 });
    await expect(add("D1", "C1", "district")).rejects.toThrow(/below itself/);
    expect((await repos.units.byCode("D1"))?.parentId).toBe((await repos.units.byCode("P2"))?.id);
  });
});
