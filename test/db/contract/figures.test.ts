import { expect, it } from "vitest";
import type { Unit } from "#db/repositories/units.ts";
import { contract, type Repos } from "./backends.ts";
import { lineageOf, tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

const report = (repos: Repos, unit: Unit, event: string, count: number, source: string, informal = false) =>
  repos.ledger.record(
    [
      {
        unitId: unit.id,
        lineage: lineageOf(unit),
        event,
        count,
        informal,
        occurredOn: "2026-04-02",
        reporterId: null,
        source,
      },
    ],
    NOW,
  );

contract("targets and figures", (backend) => {
  it("answers members, member rates, per-unit minimums and per-sector figures from the baseline and the reports", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await report(repos, t.a, "join", 10, "s1");
    await report(repos, t.b, "join", 4, "s2");
    await report(repos, t.b, "leave", -1, "s3");
    await report(repos, t.guild, "join", 3, "s4", true);
    const leaves = [t.a, t.b, t.guild];
    const baseline = leaves.reduce((sum, u) => sum + u.members, 0);
    expect(await repos.figures.members(t.district)).toBe(baseline + 10 + 4 - 1 + 3);
    expect(await repos.figures.members(t.a)).toBe(t.a.members + 10);
    expect(await repos.figures.memberRate(t.hanoi, "state")).toEqual({
      members: t.a.members + 10,
      workers: t.a.workers,
    });
    expect(await repos.figures.memberRate(t.nation, null)).toEqual({
      members: t.a.members + t.b.members + t.c.members + 10 + 3,
      workers: t.a.workers + t.b.workers + t.c.workers,
    });
    // The district's leaves have A 10, B 4 - 1, G 3: a minimum of 4 leaves B and G short, listed by name.
    const byName = (units: Unit[]) =>
      [...units].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id - y.id));
    const short = await repos.figures.shortOfMinimum(t.district, ["join", "leave"], "2026", 4, 10);
    expect(short).toEqual({
      total: 3,
      short: 2,
      first: byName([t.b, t.guild]).map((u) => ({
        unitId: u.id,
        code: u.code,
        name: u.name,
        value: u.code === "B" ? 4 - 1 : 3,
      })),
    });
    const listedOne = await repos.figures.shortOfMinimum(t.district, ["join", "leave"], "2026", 4, 1);
    expect(listedOne.short).toBe(2);
    expect(listedOne.first.map((f) => f.code)).toEqual([byName([t.b, t.guild])[0]?.code]);
    expect(await repos.figures.shortOfMinimum(t.district, ["join", "leave"], "2026", 3, 10)).toEqual({
      total: 3,
      short: 0,
      first: [],
    });
    expect((await repos.figures.shortOfMinimum(t.district, [], "2026", 1, 10)).short).toBe(3);
    expect(await repos.figures.bySector(t.nation, ["join"], "2026")).toEqual([
      { sector: "informal", total: 3 },
      { sector: "non_state", total: 4 },
      { sector: "state", total: 10 },
    ]);
  });

  it("counts rated unions among a subtree's grassroots unions", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.figures.setRating(t.a.id, "2025", "tot");
    await repos.figures.setRating(t.c.id, "2025", "hoan_thanh");
    await repos.figures.setRating(t.c.id, "2025", "xuat_sac");
    expect(await repos.figures.ratingShare(t.nation, "state", ["xuat_sac", "tot"], "2025")).toEqual({
      rated: 2,
      total: 2,
    });
    expect(await repos.figures.ratingShare(t.nation, null, ["tot"], "2025")).toEqual({ rated: 1, total: 3 });
    expect(await repos.figures.ratingShare(t.nation, null, [], "2025")).toEqual({ rated: 0, total: 3 });
  });

  it("stores targets once per unit, metric and year, and reads children's targets with what they did", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.targets.upsert({ unitId: t.a.id, metric: "ket_nap", period: "2026", value: 20, deadline: null });
    await repos.targets.upsert({
      unitId: t.b.id,
      metric: "ket_nap",
      period: "2026",
      value: 50,
      deadline: "2026-05-03",
      planId: 7,
    });
    await repos.targets.upsert({
      unitId: t.b.id,
      metric: "ket_nap",
      period: "2026",
      value: 60,
      deadline: "2026-05-03",
    });
    await repos.targets.upsert({
      unitId: t.b.id,
      metric: "thuc_tang",
      period: "2026",
      value: 5,
      deadline: null,
      scope: "each",
    });
    await report(repos, t.b, "join", 8, "s1");
    expect(await repos.targets.find(t.b.id, "ket_nap", "2026")).toEqual({
      unitId: t.b.id,
      metric: "ket_nap",
      period: "2026",
      value: 60,
      deadline: "2026-05-03",
      scope: "total",
      planId: 7,
    });
    expect((await repos.targets.forUnit(t.b.id, "2026")).map((x) => x.metric)).toEqual(["ket_nap", "thuc_tang"]);
    // Several units at once: each its own list, in the order set; a unit without targets an empty one.
    const lineageTargets = await repos.targets.forUnits([t.nation.id, t.a.id, t.b.id], "2026");
    expect([...lineageTargets.keys()]).toEqual([t.nation.id, t.a.id, t.b.id]);
    expect(lineageTargets.get(t.nation.id)).toEqual([]);
    expect(lineageTargets.get(t.b.id)).toEqual(await repos.targets.forUnit(t.b.id, "2026"));
    expect(lineageTargets.get(t.a.id)?.map((x) => x.value)).toEqual([20]);
    expect((await repos.targets.forUnits([t.b.id], "2025")).get(t.b.id)).toEqual([]);
    const done = await repos.targets.forChildrenWithDone(t.district.id, "2026", "ket_nap", ["join"]);
    expect(done.map((d) => [d.code, d.value, d.done]).sort()).toEqual([
      ["A", 20, 0],
      ["B", 60, 8],
    ]);
    expect((await repos.targets.forChildren(t.district.id, "2026", "ket_nap")).map((c) => c.name).sort()).toEqual(
      [t.b.name, t.a.name].sort(),
    );
    expect(await repos.targets.childMetrics(t.district.id, "2026")).toEqual(["ket_nap", "thuc_tang"]);
    expect(await repos.targets.inSubtree(t.hanoi.path, "2026")).toHaveLength(3);
    const around = await repos.targets.withDeadlineAround("2026-05-01", 1, 3);
    expect(around.map((x) => x.metric)).toEqual(["ket_nap"]);
    expect(await repos.targets.byId(around[0]?.id as number)).toEqual(around[0]);
  });

  it("keeps the metric catalogue: built-ins first, then added ones in the order added", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.metrics.add(
      { key: "z_moi", name: "Chỉ tiêu mới", kind: "count", events: ["found_union"], sector: null, ratings: [] },
      t.hanoi.id,
    );
    await repos.metrics.add({
      key: "a_moi",
      name: "Chỉ tiêu A",
      kind: "count",
      events: ["join"],
      sector: null,
      ratings: [],
    });
    const all = [...(await repos.metrics.all()).values()];
    expect(all.slice(-2).map((m) => [m.key, m.ownerUnitId, m.builtin])).toEqual([
      ["z_moi", t.hanoi.id, false],
      ["a_moi", null, false],
    ]);
    expect(all.slice(0, -2).every((m) => m.builtin)).toBe(true);
    expect(await repos.metrics.get("ket_nap")).toMatchObject({ kind: "count", events: ["join"], builtin: true });
    expect(await repos.metrics.get("none")).toBeUndefined();
  });
});
