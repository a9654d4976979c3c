import { expect, it } from "vitest";
import type { Unit } from "#db/repositories/units.ts";
import { contract, type Repos } from "./backends.ts";
import { entry, lineageOf, tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

const joins = async (repos: Repos, unit: Unit, period = "2026") =>
  (await repos.ledger.tallies(unit.id, period)).get("join") ?? 0;

contract("ledger", (backend) => {
  it("records a report and rolls it up into the unit and every ancestor", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const ids = await repos.ledger.record(
      [entry(t.a, 5, "telegram:1"), entry(t.a, 2, "telegram:1", { informal: true })],
      NOW,
    );
    expect(ids).toHaveLength(2);
    for (const unit of [t.nation, t.hanoi, t.district, t.a]) {
      const tallies = await repos.ledger.tallies(unit.id, "2026");
      expect(Object.fromEntries(tallies)).toEqual({ join: 5 + 2, "join:informal": 2 });
    }
    expect(await joins(repos, t.hue)).toBe(0);
    expect(await joins(repos, t.b)).toBe(0);
    const exported = await repos.ledger.subtreeTallies(t.hanoi.path, "2026");
    expect([...exported.keys()].sort((x, y) => x - y)).toEqual([t.hanoi.id, t.district.id, t.a.id]);
    expect(exported.get(t.district.id)?.get("join")).toBe(7);
    // Asked for some events only, the others are left out; asked for none, nothing is read.
    const joinsOnly = await repos.ledger.subtreeTallies(t.hanoi.path, "2026", ["join"]);
    expect(Object.fromEntries(joinsOnly.get(t.a.id) ?? [])).toEqual({ join: 5 + 2 });
    expect((await repos.ledger.subtreeTallies(t.hanoi.path, "2026", [])).size).toBe(0);
    expect(await repos.ledger.lastReportOn(t.a.id)).toBe("2026-04-30");
    expect(await repos.ledger.lastReportOn(t.b.id)).toBeNull();
  });

  it("writes the first of a call's entries that share a ledger key, and gives the ids in the entries' order", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    // Recorded before: the call's entry of the same message and unit is skipped, the others are written.
    await repos.ledger.record([entry(t.b, 4, "telegram:7", { event: "leave", count: -4 })], NOW);
    const ids = await repos.ledger.record(
      [
        entry(t.a, 6, "telegram:7"),
        entry(t.b, -4, "telegram:7", { event: "leave" }),
        entry(t.a, 9, "telegram:7"),
        entry(t.a, -1, "telegram:7", { event: "leave" }),
      ],
      NOW,
    );
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeLessThan(ids[1] ?? 0);
    const written = await Promise.all(ids.map((id) => repos.ledger.byId(id)));
    expect(written.map((e) => [e?.unitId, e?.event, e?.count])).toEqual([
      [t.a.id, "join", 6],
      [t.a.id, "leave", -1],
    ]);
    expect(Object.fromEntries(await repos.ledger.tallies(t.district.id, "2026"))).toEqual({ join: 6, leave: -1 - 4 });
    expect(Object.fromEntries(await repos.ledger.tallies(t.a.id, "2026"))).toEqual({ join: 6, leave: -1 });
  });

  it("records a redelivered message once", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    expect(await repos.ledger.record([entry(t.a, 3, "telegram:9")], NOW)).toHaveLength(1);
    expect(await repos.ledger.record([entry(t.a, 3, "telegram:9")], NOW)).toEqual([]);
    expect(await joins(repos, t.nation)).toBe(3);
    const [first] = await repos.ledger.bySource("telegram:9");
    expect(first).toMatchObject({ unitId: t.a.id, count: 3, informal: false, period: "2026", undoneBy: null });
    expect(await repos.ledger.byId(first?.id ?? 0)).toEqual(first);
  });

  it("undoes a report with reversing entries, once, and the totals return", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const reporter = await person(repos, t.a);
    await repos.ledger.record([entry(t.a, 4, "telegram:1", { reporterId: reporter })], NOW);
    await repos.ledger.record([entry(t.b, 6, "telegram:2", { reporterId: reporter })], NOW);
    expect(await repos.ledger.reportSizes(t.b.id, "join")).toEqual({ reports: 1, largest: 6 });
    const reversed = await repos.ledger.reverseSource(
      "telegram:2",
      (id) => (id === t.b.id ? lineageOf(t.b) : []),
      reporter,
      NOW,
    );
    expect(reversed.map((e) => e.count)).toEqual([6]);
    expect(await repos.ledger.reverseSource("telegram:2", () => lineageOf(t.b), reporter, NOW)).toEqual([]);
    expect(await joins(repos, t.nation)).toBe(4);
    expect(await joins(repos, t.b)).toBe(0);
    expect(await repos.ledger.reportSizes(t.b.id, "join")).toEqual({ reports: 0, largest: 0 });
    expect((await repos.ledger.lastEntryOf(reporter))?.source).toBe("telegram:2");
    expect((await repos.ledger.lastLiveEntryOf(reporter))?.source).toBe("telegram:1");
  });

  it("closes the reporter's other open questions about the unit when a report is recorded, and only then", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const reporter = await person(repos, t.a);
    const held = async (unit: Unit, source: string) =>
      (await repos.pendingReports.hold(reporter, unit.id, source, "{}", NOW)).id;
    const older = await held(t.a, "telegram:1");
    const otherUnit = await held(t.b, "telegram:2");
    const same = await held(t.a, "telegram:3");
    const open = async (id: number) => (await repos.pendingReports.get(id))?.settledAt === null;

    // Without `closes`, nothing but the ledger changes.
    await repos.ledger.record([entry(t.a, 2, "telegram:4", { reporterId: reporter })], NOW);
    expect([await open(older), await open(otherUnit), await open(same)]).toEqual([true, true, true]);
    // A report of its own message is not "another" question: the hold of that message stays as it is.
    await repos.ledger.record([entry(t.a, 5, "telegram:3", { reporterId: reporter })], NOW, {
      personId: reporter,
      unitId: t.a.id,
    });
    expect([await open(older), await open(otherUnit), await open(same)]).toEqual([false, true, true]);
    expect(await joins(repos, t.a)).toBe(2 + 5);
    // A message recorded before writes nothing, and so closes nothing.
    const newer = await held(t.a, "telegram:6");
    const closes = (unit: Unit) => ({ personId: reporter, unitId: unit.id });
    const repeat = entry(t.a, 2, "telegram:4", { reporterId: reporter });
    expect(await repos.ledger.record([repeat], NOW, closes(t.a))).toEqual([]);
    expect([await open(newer), await open(same)]).toEqual([true, true]);
    // Another unit's report closes that unit's questions only.
    await repos.ledger.record([entry(t.b, 1, "telegram:7", { reporterId: reporter })], NOW, closes(t.b));
    expect([await open(otherUnit), await open(newer), await open(same)]).toEqual([false, true, true]);
  });

  it("keeps nothing of a transaction that throws, and only the inner part of a failed savepoint", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await expect(
      repos.transaction(async () => {
        await repos.ledger.record([entry(t.a, 5, "telegram:1")], NOW);
        throw new Error("the reply could not be built");
      }),
    ).rejects.toThrow("the reply could not be built");
    expect(await joins(repos, t.nation)).toBe(0);
    expect(await repos.ledger.bySource("telegram:1")).toEqual([]);

    const kept = await repos.transaction(async () => {
      await repos.ledger.record([entry(t.a, 5, "telegram:2")], NOW);
      await repos
        .transaction(async () => {
          await repos.ledger.record([entry(t.b, 7, "telegram:3")], NOW);
          throw new Error("inner");
        })
        .catch(() => {});
      return "outer";
    });
    expect(kept).toBe("outer");
    expect(await joins(repos, t.nation)).toBe(5);
    expect(await repos.ledger.bySource("telegram:3")).toEqual([]);
  });

  it("counts every report exactly when many are recorded at once, redeliveries among them", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const leaves = [t.a, t.b, t.guild, t.c];
    const reports = Array.from({ length: 120 }, (_, i) => ({
      unit: leaves[i % leaves.length] as Unit,
      count: 1 + (i % 5),
      source: `telegram:${i}`,
    }));
    // Every fourth report arrives twice, at the same time as the first delivery.
    const deliveries = [...reports, ...reports.filter((_, i) => i % 4 === 0)];
    const instances = [repos, ...(backend().second ? [await (backend().second as () => Promise<Repos>)()] : [])];
    await Promise.all(
      deliveries.map((r, i) =>
        (instances[i % instances.length] as Repos).ledger.record([entry(r.unit, r.count, r.source)], NOW),
      ),
    );
    const sum = (units: Unit[]) =>
      reports.filter((r) => units.some((u) => u.id === r.unit.id)).reduce((total, r) => total + r.count, 0);
    expect(await joins(repos, t.nation)).toBe(sum(leaves));
    expect(await joins(repos, t.hanoi)).toBe(sum([t.a, t.b, t.guild]));
    expect(await joins(repos, t.hue)).toBe(sum([t.c]));
    for (const leaf of leaves) expect(await joins(repos, leaf)).toBe(sum([leaf]));
  });
});

async function person(repos: Repos, unit: Unit): Promise<number> {
  await repos.people.createInvite("INV1", unit.id, "officer", NOW, "2026-06-01T00:00:00.000Z");
  const invite = await repos.people.invite("INV1");
  if (!invite) throw new Error("no invite");
  const id = await repos.people.redeem(
    invite,
    { platform: "telegram", externalId: "100", chatId: "100" },
    "Chị Lan",
    NOW,
  );
  if (id === null) throw new Error("not redeemed");
  return id;
}
