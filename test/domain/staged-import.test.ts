import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyConfirmed, planImport, resumeImports, type Row } from "#domain/import.ts";
import type { Doer } from "#domain/audit.ts";
import { World } from "#test/world.ts";

let world: World;
const UNITS = 300;
const METRICS = ["ket_nap", "thuc_tang", "hoat_dong", "gioi_thieu_dang"];

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  for (let i = 0; i < UNITS; i++) world.unit({ code: `C${i}`, name: `CĐCS Công ty số ${i}`, parent: "D1" });
});

afterEach(async () => {
  await world.close();
});

/** Every unit below the district with a target on each metric: 1,200 rows, several chunks. */
function targetsFile(): Row[] {
  const rows: Row[] = [];
  for (const metric of METRICS)
    for (let i = 0; i < UNITS; i++)
      rows.push({
        line: rows.length + 2,
        cells: { unit_code: `C${i}`, metric, target: String((i % 7) + 1), deadline: "" },
      });
  return rows;
}

const count = (sql: string) => (world.repos.db.$client.prepare(sql).get() as { n: number }).n;
const targetsWritten = () => count(`select count(*) as n from targets`);
const audited = () => count(`select count(*) as n from audit_log where kind = 'target_imported'`);

function confirmed(rows: Row[]) {
  const scope = world.repos.units.byCode("P1");
  const plan = planImport("targets", rows, world.repos, "2026-07-01", scope);
  const personId = Number(
    world.repos.db.$client.prepare(`insert into people (display_name, created_at) values ('A', '2026-07-01')`).run()
      .lastInsertRowid,
  );
  const id = world.repos.pendingImports.create(personId, "targets", JSON.stringify(rows), "2026-07-01T03:00:00Z");
  const who: Doer = { at: new Date("2026-07-01T03:00:00Z"), personId: null, platform: "telegram", account: "1" };
  return {
    plan,
    id,
    staged: { by: { who, via: "file" as const }, today: "2026-07-01", scopeUnitId: scope?.id ?? null },
  };
}

/** What each planned row should have become: computed from the file, not read back. */
function expectEveryRowWritten(rows: Row[]): void {
  for (const { cells } of rows) {
    const unit = world.repos.units.byCode(cells.unit_code ?? "");
    expect(world.repos.targets.find(unit?.id ?? 0, cells.metric ?? "", "2026")?.value).toBe(Number(cells.target));
  }
}

describe("applying a confirmed targets file", () => {
  it("writes it a chunk at a time, letting other work in between, and ends with every row and its audit entry", async () => {
    const rows = targetsFile();
    const { plan, id, staged } = confirmed(rows);
    let seenMeanwhile = -1;
    const applying = applyConfirmed(id, "2026-07-01T03:00:00Z", plan, world.repos, staged);
    setImmediate(() => {
      seenMeanwhile = targetsWritten();
    });
    expect(await applying).toBe(true);
    expect(seenMeanwhile).toBeGreaterThan(0);
    expect(seenMeanwhile).toBeLessThan(rows.length);
    expect(targetsWritten()).toBe(rows.length);
    expect(audited()).toBe(rows.length);
    expectEveryRowWritten(rows);
    expect(world.repos.pendingImports.unfinished()).toEqual([]);
  });

  it("settles once: a second confirmation writes nothing more", async () => {
    const { plan, id, staged } = confirmed(targetsFile());
    const first = applyConfirmed(id, "2026-07-01T03:00:00Z", plan, world.repos, staged);
    const second = applyConfirmed(id, "2026-07-01T03:00:01Z", plan, world.repos, staged);
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(audited()).toBe(plan.rows.length);
  });

  it("is finished at the next start when a stop cut it short after the switch, from the first row not written", () => {
    const rows = targetsFile();
    const { id, staged } = confirmed(rows);
    // The switch committed, and then the process stopped before any chunk: at start, everything is written.
    expect(world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged))).toBe(true);
    expect(targetsWritten()).toBe(0);
    expect(resumeImports(world.repos)).toEqual({ finished: 1, stale: [] });
    expectEveryRowWritten(rows);
    expect(audited()).toBe(rows.length);
    expect(world.repos.pendingImports.unfinished()).toEqual([]);
    expect(resumeImports(world.repos)).toEqual({ finished: 0, stale: [] });
  });

  it("resumes after the last chunk written, not from the start", () => {
    const rows = targetsFile();
    const { id, staged } = confirmed(rows);
    world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged));
    const written = 500;
    world.repos.pendingImports.advance(id, written);
    resumeImports(world.repos);
    expect(targetsWritten()).toBe(rows.length - written);
    expect(audited()).toBe(rows.length - written);
  });

  it("writes no more of it at a restart when its rows no longer pass the check, and says which", () => {
    const rows = targetsFile();
    const { id, staged } = confirmed(rows);
    world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged));
    // Meanwhile a unit the file names left the admin's province.
    world.unit({ code: "P2", name: "LĐLĐ tỉnh Bình Dương", kind: "province" });
    world.unit({ code: "C0", name: "CĐCS Công ty số 0", parent: "P2" });
    expect(resumeImports(world.repos)).toEqual({ finished: 0, stale: [id] });
    expect(targetsWritten()).toBe(0);
    expect(world.repos.pendingImports.unfinished()).toEqual([]);
  });
});
