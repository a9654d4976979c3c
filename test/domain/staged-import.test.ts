import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyConfirmed, planImport, resumeImports, type Row } from "#domain/import.ts";
import type { Doer } from "#domain/audit.ts";
import { sqliteOf } from "#db/index.ts";
import { World } from "#test/world.ts";

let world: World;
const UNITS = 300;
const METRICS = ["ket_nap", "thuc_tang", "hoat_dong", "gioi_thieu_dang"];

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  for (let i = 0; i < UNITS; i++) await world.unit({ code: `C${i}`, name: `CĐCS Công ty số ${i}`, parent: "D1" });
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

const count = (sql: string) => (sqliteOf(world.repos).prepare(sql).get() as { n: number }).n;
const targetsWritten = () => count(`select count(*) as n from targets`);
const audited = () => count(`select count(*) as n from audit_log where kind = 'target_imported'`);

async function confirmed(rows: Row[]) {
  const scope = await world.repos.units.byCode("P1");
  const plan = await planImport("targets", rows, world.repos, "2026-07-01", scope);
  const personId = Number(
    sqliteOf(world.repos).prepare(`insert into people (display_name, created_at) values ('A', '2026-07-01')`).run()
      .lastInsertRowid,
  );
  const id = await world.repos.pendingImports.create(personId, "targets", JSON.stringify(rows), "2026-07-01T03:00:00Z");
  const who: Doer = { at: new Date("2026-07-01T03:00:00Z"), personId: null, platform: "telegram", account: "1" };
  return {
    plan,
    id,
    staged: { by: { who, via: "file" as const }, today: "2026-07-01", scopeUnitId: scope?.id ?? null },
  };
}

/** What each planned row should have become: computed from the file, not read back. */
async function expectEveryRowWritten(rows: Row[]): Promise<void> {
  for (const { cells } of rows) {
    const unit = await world.repos.units.byCode(cells.unit_code ?? "");
    expect((await world.repos.targets.find(unit?.id ?? 0, cells.metric ?? "", "2026"))?.value).toBe(
      Number(cells.target),
    );
  }
}

describe("applying a confirmed targets file", () => {
  it("writes it a chunk at a time, letting other work in between, and ends with every row and its audit entry", async () => {
    const rows = targetsFile();
    const { plan, id, staged } = await confirmed(rows);
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
    await expectEveryRowWritten(rows);
    expect(await world.repos.pendingImports.unfinished()).toEqual([]);
  });

  it("settles once: a second confirmation writes nothing more", async () => {
    const { plan, id, staged } = await confirmed(targetsFile());
    const first = applyConfirmed(id, "2026-07-01T03:00:00Z", plan, world.repos, staged);
    const second = applyConfirmed(id, "2026-07-01T03:00:01Z", plan, world.repos, staged);
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(audited()).toBe(plan.rows.length);
  });

  it("is finished at the next start when a stop cut it short after the switch, from the first row not written", async () => {
    const rows = targetsFile();
    const { id, staged } = await confirmed(rows);
    // The switch committed, and then the process stopped before any chunk: at start, everything is written.
    expect(await world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged))).toBe(true);
    expect(targetsWritten()).toBe(0);
    expect(await resumeImports(world.repos)).toEqual({ finished: 1, stale: [] });
    await expectEveryRowWritten(rows);
    expect(audited()).toBe(rows.length);
    expect(await world.repos.pendingImports.unfinished()).toEqual([]);
    expect(await resumeImports(world.repos)).toEqual({ finished: 0, stale: [] });
  });

  it("resumes after the last chunk written, not from the start", async () => {
    const rows = targetsFile();
    const { id, staged } = await confirmed(rows);
    await world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged));
    const written = 500;
    await world.repos.pendingImports.advance(id, written);
    await resumeImports(world.repos);
    expect(targetsWritten()).toBe(rows.length - written);
    expect(audited()).toBe(rows.length - written);
  });

  it("writes no more of it at a restart when its rows no longer pass the check, and says which", async () => {
    const rows = targetsFile();
    const { id, staged } = await confirmed(rows);
    await world.repos.pendingImports.stage(id, "2026-07-01T03:00:00Z", JSON.stringify(staged));
    // Meanwhile a unit the file names left the admin's province.
    await world.unit({ code: "P2", name: "LĐLĐ tỉnh Bình Dương", kind: "province" });
    await world.unit({ code: "C0", name: "CĐCS Công ty số 0", parent: "P2" });
    expect(await resumeImports(world.repos)).toEqual({ finished: 0, stale: [id] });
    expect(targetsWritten()).toBe(0);
    expect(await world.repos.pendingImports.unfinished()).toEqual([]);
  });
});
