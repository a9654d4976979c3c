import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, repositories, type Repositories } from "#db/index.ts";
import { lineage } from "#db/repositories/units.ts";
import type { UnitKind } from "#db/schema.ts";

let dir: string;
let repos: Repositories;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-move-"));
  repos = repositories(openDatabase(join(dir, "m.sqlite")));
});
afterEach(() => {
  repos.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (code: string, parentCode: string | null, kind: UnitKind = "grassroots") =>
  repos.units.upsert({ code, name: `Đơn vị ${code}`, parentCode, kind, sector: null, members: 0, workers: 100 });

function report(code: string, count: number, source: string) {
  const unit = repos.units.byCode(code);
  if (!unit) throw new Error(code);
  repos.ledger.record(
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
function admitted(code: string): { tally: number; ledger: number } {
  const unit = repos.units.byCode(code);
  if (!unit) throw new Error(code);
  const sqlite = repos.db.$client;
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
  it("takes its reports along: the old ancestors' totals drop, the new ones' rise", () => {
    add("P1", null, "province");
    add("D1", "P1", "district");
    add("D2", "P1", "district");
    add("C1", "D1");
    add("C2", "D1");
    report("C1", 7, "t:1");
    report("C2", 3, "t:2");
    add("C1", "D2");
    expect(admitted("D1")).toEqual({ tally: 3, ledger: 3 });
    expect(admitted("D2")).toEqual({ tally: 7, ledger: 7 });
    expect(admitted("P1")).toEqual({ tally: 10, ledger: 10 });
    report("C1", 2, "t:3");
    expect(admitted("D2")).toEqual({ tally: 9, ledger: 9 });
  });

  it("takes its whole subtree along, paths and depths included, and never moves below itself", () => {
    add("P1", null, "province");
    add("P2", null, "province");
    add("D1", "P1", "district");
    add("C1", "D1");
    report("C1", 5, "t:1");
    const moved = add("D1", "P2", "district");
    const child = repos.units.byCode("C1");
    expect(child?.path).toBe(`${moved.path}${child?.id}/`);
    expect(child?.depth).toBe(2);
    expect(
      repos.units
        .subtree(moved)
        .map((u) => u.code)
        .sort(),
    ).toEqual(["C1", "D1"]);
    expect(admitted("P1")).toEqual({ tally: 0, ledger: 0 });
    expect(admitted("P2")).toEqual({ tally: 5, ledger: 5 });
    expect(() => add("D1", "C1", "district")).toThrow(/below itself/);
    expect(repos.units.byCode("D1")?.parentId).toBe(repos.units.byCode("P2")?.id);
  });
});
