import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planImport, planImportInSlices, type Row } from "#domain/import.ts";
import { World } from "#test/world.ts";

let world: World;

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1" });
  await world.unit({ code: "C2", name: "CĐCS Công ty Cao su", parent: "D1" });
});

afterEach(async () => {
  await world.close();
});

/** A long targets file: the district's two units, then codes nobody has, each a row of its own. */
function longFile(count: number): Row[] {
  const rows: Row[] = [
    { line: 2, cells: { unit_code: "C1", metric: "ket_nap", target: "30", deadline: "31/12/2026" } },
    { line: 3, cells: { unit_code: "C2", metric: "Thành lập CĐCS", target: "1", deadline: "" } },
  ];
  for (let i = rows.length; i < count; i++)
    rows.push({ line: i + 2, cells: { unit_code: `X${i}`, metric: "ket_nap", target: "5", deadline: "" } });
  return rows;
}

describe("checking a long targets file in slices", () => {
  it("finds what the whole check finds", async () => {
    const rows = longFile(3_000);
    const scope = await world.repos.units.byCode("D1");
    const whole = await planImport("targets", rows, world.repos, "2026-07-01", scope);
    const sliced = await planImportInSlices("targets", rows, world.repos, "2026-07-01", scope);
    expect(sliced).toEqual(whole);
    expect(sliced.kind === "targets" && sliced.rows.map((r) => r.metric)).toEqual(["ket_nap", "thanh_lap_cdcs"]);
    expect(sliced.errors).toHaveLength(rows.length - 2);
  });

  it("lets other work run before the check is done", async () => {
    const rows = longFile(20_000);
    const order: string[] = [];
    const checked = planImportInSlices("targets", rows, world.repos, "2026-07-01").then(() => order.push("checked"));
    setImmediate(() => order.push("another request"));
    await checked;
    expect(order).toEqual(["another request", "checked"]);
  });
});
