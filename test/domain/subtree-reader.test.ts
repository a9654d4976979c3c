import { readFileSync, readdirSync } from "node:fs";
import { getPriority } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { lineage } from "#db/tree.ts";
import { SECTORS } from "#db/schema.ts";
import { nameWords } from "#db/repositories/units.ts";
import { standingService } from "#domain/standing.ts";
import { SHORT_LISTED } from "#domain/subtree-jobs.ts";
import { subtreeReader, type SubtreeReader } from "#domain/subtree-reader.ts";
import { standingText } from "#commands/standing-text.ts";
import { World } from "#test/world.ts";

let world: World;
let reader: SubtreeReader;
const TODAY = "2026-07-01";
const LEAVES_PER_DISTRICT = 12;

/** A seeded tree: a country, two provinces, two districts each, grassroots unions of every sector and guilds. */
async function seed(): Promise<void> {
  let seedValue = 7;
  const random = (n: number) => {
    seedValue = (seedValue * 48271) % 2147483647;
    return seedValue % n;
  };
  await world.unit({ code: "TLD", name: "Tổng Liên đoàn", kind: "national" });
  let source = 0;
  for (const p of [1, 2]) {
    await world.unit({ code: `P${p}`, name: `LĐLĐ tỉnh Số ${p}`, parent: "TLD", kind: "province" });
    for (const d of [1, 2]) {
      const district = `P${p}D${d}`;
      await world.unit({ code: district, name: `LĐLĐ huyện ${district}`, parent: `P${p}`, kind: "district" });
      for (let i = 0; i < LEAVES_PER_DISTRICT; i++) {
        const guild = i % 5 === 4;
        const code = `${district}C${i}`;
        const unit = await world.unit({
          code,
          name: guild ? `Nghiệp đoàn xe ôm ${code}` : `CĐCS Công ty Dệt ${code}`,
          parent: district,
          kind: guild ? "guild" : "grassroots",
          sector: guild ? "informal" : SECTORS[random(2)],
          members: 20 + random(80),
          workers: 120 + random(100),
        });
        for (const [event, informal] of [
          ["join", false],
          ["join", true],
          ["leave", false],
        ] as const) {
          const count = random(4);
          if (count === 0) continue;
          await world.repos.ledger.record(
            [
              {
                unitId: unit.id,
                lineage: lineage(unit),
                event,
                count,
                informal,
                occurredOn: TODAY,
                reporterId: null,
                source: `seed:${source++}`,
              },
            ],
            `${TODAY}T03:00:00Z`,
          );
        }
      }
      await world.target(district, "ket_nap", 30, null, "2026");
    }
    await world.target(`P${p}`, "ket_nap", 60, null, "2026");
    await world.target(`P${p}`, "ty_le_ket_nap_ngoai_nha_nuoc", 70, null, "2026");
  }
  const national = await world.repos.units.byCode("TLD");
  await world.target("TLD", "ty_le_ket_nap_ngoai_nha_nuoc", 80, null, "2026");
  await world.target("TLD", "ket_nap", 100, null, "2026");
  await world.repos.targets.upsert({
    unitId: national?.id ?? 0,
    metric: "ket_nap_phi_chinh_thuc",
    period: "2026",
    value: 2,
    deadline: null,
    scope: "each",
  });
}

beforeAll(async () => {
  world = await World.create({ now: `${TODAY}T03:00:00Z` });
  await seed();
  // Every subtree counts as large: everything is read on the worker thread.
  reader = subtreeReader(world.repos, standingService(world.repos), { largeSubtree: 0 });
});

describe("reading a large subtree off the main thread", () => {
  const unit = async (code: string) => {
    const found = await world.repos.units.byCode(code);
    if (!found) throw new Error(code);
    return found;
  };
  const standing = () => standingService(world.repos);

  it("gives the standing the main thread computes, the list of units short of a minimum cut to its first by name", async () => {
    for (const code of ["TLD", "P1", "P2D1"]) {
      const whole = await standing().ofUnit(await unit(code), TODAY);
      const read = await reader.ofUnit(await unit(code), TODAY);
      expect(await reader.isLarge(await unit(code))).toBe(true);
      const each = whole.targets.find((t) => t.scope === "each");
      // More units are short than are listed: `missing` counts them all, the list holds the first by name.
      if (code === "TLD") {
        expect(each?.missing ?? 0).toBeGreaterThan(SHORT_LISTED);
        expect(each?.unitsShort).toHaveLength(SHORT_LISTED);
      }
      expect(read).toEqual(whole);
      const t = (key: string, args?: Record<string, string | number>) => `${key} ${JSON.stringify(args ?? {})}`;
      expect(standingText(read, t)).toBe(standingText(whole, t));
    }
  });

  it("gives the children, the split by sector and the name index's candidates the main thread finds", async () => {
    const national = await unit("TLD");
    for (const metric of ["ket_nap", "ty_le_ket_nap_ngoai_nha_nuoc"])
      expect(await reader.children(national, metric, TODAY)).toEqual(
        await standing().children(national, metric, TODAY),
      );
    const sectors = await reader.bySector(national, ["join"], "2026");
    expect(sectors).toEqual(await world.repos.figures.bySector(national, ["join"], "2026"));
    expect(sectors.length).toBeGreaterThan(1);
    const words = nameWords("Công ty Dệt P1D2C3");
    const found = await reader.sharingWords(words, [national], 300);
    expect(found).toEqual(await world.repos.units.sharingWords(words, [national], 300));
    expect(found.map((u) => u.code)).toContain("P1D2C3");
  });

  it("sees what the main thread committed since the worker started", async () => {
    const national = await unit("TLD");
    await reader.ofUnit(national, TODAY);
    const leaf = await unit("P2D2C0");
    await world.repos.ledger.record(
      [
        {
          unitId: leaf.id,
          lineage: lineage(leaf),
          event: "join",
          count: 5,
          informal: true,
          occurredOn: TODAY,
          reporterId: null,
          source: "later",
        },
      ],
      `${TODAY}T04:00:00Z`,
    );
    const read = await reader.ofUnit(national, TODAY);
    const whole = await standing().ofUnit(national, TODAY);
    expect(read.targets.map((t) => [t.metric, t.done, t.missing])).toEqual(
      whole.targets.map((t) => [t.metric, t.done, t.missing]),
    );
  });
});

/** The nice value of each of this process's threads (Linux: /proc/self/task/<id>/stat, its 19th field). */
function threadNiceValues(): number[] {
  const values: number[] = [];
  for (const id of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, "utf8");
      values.push(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return values;
}

describe("the worker's priority", () => {
  // Nice 10 is lower than the test's own priority unless that is lower still, when the worker keeps it.
  it.runIf(process.platform === "linux" && getPriority() < 10)(
    "runs a thread at nice 10 while the server's thread keeps its own",
    async () => {
      const mine = getPriority();
      const national = await world.repos.units.byCode("TLD");
      if (!national) throw new Error("TLD");
      await reader.ofUnit(national, TODAY);
      expect(getPriority()).toBe(mine);
      // The worker's thread, and threads it starts (they inherit it); every other thread keeps the process's.
      expect(threadNiceValues()).toContain(10);
      expect(threadNiceValues().filter((nice) => nice !== 10 && nice !== mine)).toEqual([]);
    },
  );
});

describe("closing", () => {
  it("stops the worker", async () => {
    await reader.close();
    await world.close();
  });
});
