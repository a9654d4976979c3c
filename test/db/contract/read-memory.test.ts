// A transaction answers a repeated read of the metric catalogue or of a unit's targets from its first answer
// (PostgreSQL: Executor.memo). What the transaction writes in between must show on the next read, on every
// backend, and what a caller does to an answer must not change the next one.
import pg from "pg";
import { expect, it, vi } from "vitest";
import { contract } from "./backends.ts";
import { entry, lineageOf, tree } from "./tree.ts";

const PERIOD = "2026";

contract("reads repeated inside one unit of work", (backend) => {
  it("sees a target written between two reads of the same unit's targets", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const seen = await repos.unitOfWork(async () => {
      const before = await repos.targets.forUnit(t.a.id, PERIOD);
      await repos.targets.upsert({
        unitId: t.a.id,
        metric: "ket_nap",
        period: PERIOD,
        value: 7,
        deadline: "2026-12-31",
      });
      const after = await repos.targets.forUnit(t.a.id, PERIOD);
      await repos.targets.upsert({
        unitId: t.a.id,
        metric: "ket_nap",
        period: PERIOD,
        value: 9,
        deadline: "2026-12-31",
      });
      return { before, after, last: await repos.targets.forUnit(t.a.id, PERIOD) };
    });
    expect(seen.after.length).toBe(seen.before.length + 1);
    expect(seen.after.find((x) => x.metric === "ket_nap")?.value).toBe(7);
    expect(seen.last.find((x) => x.metric === "ket_nap")?.value).toBe(9);
  });

  it("sees a metric added, and a nested transaction's writes, between two reads of the catalogue", async () => {
    const { repos } = backend();
    const metric = {
      key: "ho_tro",
      name: "Hỗ trợ đoàn viên",
      kind: "count" as const,
      events: ["ho_tro"],
      sector: null,
      ratings: [],
    };
    const seen = await repos.unitOfWork(async () => {
      const before = await repos.metrics.get("ho_tro");
      const all = await repos.metrics.all();
      await repos.transaction(() => repos.metrics.add(metric));
      return {
        before,
        after: await repos.metrics.get("ho_tro"),
        count: all.size,
        again: (await repos.metrics.all()).size,
      };
    });
    expect(seen.before).toBeUndefined();
    expect(seen.after?.name).toBe("Hỗ trợ đoàn viên");
    expect(seen.again).toBe(seen.count + 1);
  });

  it("reads a unit's totals right after its lineage's targets as alone, and a report recorded in between", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.targets.upsert({ unitId: t.a.id, metric: "ket_nap", period: PERIOD, value: 5, deadline: null });
    await repos.targets.upsert({ unitId: t.hanoi.id, metric: "ket_nap", period: PERIOD, value: 50, deadline: null });
    const report = (count: number, source: string) => ({
      unitId: t.a.id,
      lineage: lineageOf(t.a),
      event: "join",
      count,
      informal: true,
      occurredOn: "2026-04-30",
      reporterId: null,
      source,
    });
    await repos.ledger.record([report(4, "telegram:1")], "2026-05-01T00:00:00.000Z");
    // A sibling's report: the units above count it, the unit itself does not.
    await repos.ledger.record(
      [{ ...report(2, "telegram:3"), unitId: t.b.id, lineage: lineageOf(t.b), informal: false }],
      "2026-05-01T00:00:00.000Z",
    );
    const alone = Object.fromEntries(await repos.ledger.tallies(t.a.id, PERIOD));
    expect(alone).toEqual({ join: 4, "join:informal": 4 });
    const seen = await repos.unitOfWork(async () => {
      const targets = await repos.targets.forUnits(lineageOf(t.a), PERIOD);
      const first = Object.fromEntries(await repos.ledger.tallies(t.a.id, PERIOD));
      await repos.ledger.record([report(3, "telegram:2")], "2026-05-01T00:00:00.000Z");
      const again = await repos.targets.forUnits(lineageOf(t.a), PERIOD);
      return { targets, first, again, after: Object.fromEntries(await repos.ledger.tallies(t.a.id, PERIOD)) };
    });
    expect(seen.first).toEqual(alone);
    expect(seen.after).toEqual({ join: 7, "join:informal": 7 });
    expect(seen.targets.get(t.hanoi.id)?.map((x) => x.value)).toEqual([50]);
    expect(seen.again.get(t.a.id)?.map((x) => x.value)).toEqual([5]);
    expect(Object.fromEntries(await repos.ledger.tallies(t.hanoi.id, PERIOD))).toEqual({ join: 9, "join:informal": 7 });
  });

  it("answers a repeated read afresh from what a caller changed in the first answer", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.targets.upsert({ unitId: t.a.id, metric: "ket_nap", period: PERIOD, value: 5, deadline: "2026-12-31" });
    const second = await repos.unitOfWork(async () => {
      const first = await repos.targets.forUnit(t.a.id, PERIOD);
      for (const row of first) row.value = -1;
      first.length = 0;
      return await repos.targets.forUnit(t.a.id, PERIOD);
    });
    expect(second.map((x) => x.value)).toEqual([5]);
  });

  it("answers a message's entries from the update's claim, as the ledger holds them, and sees a report after it", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const now = "2026-05-01T03:00:00.000Z";
    // Entries of the message before its update is claimed: the claim reads them, it does not assume none.
    await repos.ledger.record([entry(t.a, 3, "telegram:50")], now);
    const seen = await repos.unitOfWork(async () => {
      const claimed = await repos.updates.claim("telegram", "50", now, "100");
      const before = await repos.ledger.bySource("telegram:50");
      await repos.ledger.record([entry(t.b, 4, "telegram:50")], now);
      return { claimed, before, after: await repos.ledger.bySource("telegram:50") };
    });
    expect(seen.claimed).toBe(true);
    expect(seen.before.map((e) => [e.unitId, e.count])).toEqual([[t.a.id, 3]]);
    expect(seen.after.map((e) => [e.unitId, e.count])).toEqual([
      [t.a.id, 3],
      [t.b.id, 4],
    ]);
  });

  it("answers a chair's union's members from the update's claim, as the store holds them, and sees a report after it", async () => {
    const { repos, kind } = backend();
    const t = await tree(repos);
    const now = "2026-05-01T00:00:00.000Z";
    await repos.people.createInvite("CHAIR1", t.a.id, "chair", now, "2026-06-01T00:00:00.000Z");
    const invite = await repos.people.invite("CHAIR1");
    if (!invite) throw new Error("the invite was not stored");
    await repos.people.redeem(invite, { platform: "telegram", externalId: "601", chatId: "601" }, "Chị Hoa", now);
    const admit = (count: number, source: string) => entry(t.a, count, source);
    // Admissions recorded before the claim count: the claim reads them, it does not assume the baseline.
    await repos.ledger.record([admit(3, "telegram:60")], now);
    const seen = await repos.unitOfWork(async () => {
      await repos.updates.claim("telegram", "61", now, "601");
      // On a server, the statements reaching the driver: none, the claim having read the count.
      const sent = kind === "server" ? vi.spyOn(pg.Client.prototype, "query") : undefined;
      const before = await repos.figures.members(t.a);
      expect(sent?.mock.calls.length ?? 0).toBe(0);
      sent?.mockRestore();
      await repos.ledger.record([admit(2, "telegram:61")], now);
      return { before, after: await repos.figures.members(t.a) };
    });
    // Unit A was imported with 40 members.
    expect(seen).toEqual({ before: 43, after: 45 });
    expect(await repos.figures.members(t.a)).toBe(45);
  });

  it("answers the standing a report's reply reads from the report's own statement, the report counted", async () => {
    const { repos, kind } = backend();
    const t = await tree(repos);
    const now = "2026-05-01T00:00:00.000Z";
    await repos.targets.upsert({ unitId: t.a.id, metric: "ket_nap", period: PERIOD, value: 20, deadline: null });
    await repos.targets.upsert({ unitId: t.hanoi.id, metric: "ket_nap", period: PERIOD, value: 90, deadline: null });
    await repos.ledger.record([entry(t.a, 3, "telegram:70"), entry(t.a, -1, "telegram:70", { event: "leave" })], now);
    // A sibling's report counts above the union, not in it.
    await repos.ledger.record([entry(t.b, 6, "telegram:71")], now);
    const read = async () => ({
      targets: await repos.targets.forUnits(lineageOf(t.a), PERIOD),
      tallies: Object.fromEntries(await repos.ledger.tallies(t.a.id, PERIOD)),
      children: await repos.targets.forChildrenWithDone(t.a.id, PERIOD, "ket_nap", ["join"]),
    });
    const seen = await repos.unitOfWork(async () => {
      await repos.ledger.record([entry(t.a, 4, "telegram:72")], now, { personId: 1, unitId: t.a.id });
      // On a server, nothing reaches the driver: the record statement read it all.
      const sent = kind === "server" ? vi.spyOn(pg.Client.prototype, "query") : undefined;
      const answer = await read();
      expect(sent?.mock.calls.length ?? 0).toBe(0);
      sent?.mockRestore();
      return answer;
    });
    expect(seen.tallies).toEqual({ join: 7, leave: -1 });
    expect(seen).toEqual(await read());
    expect(seen.targets.get(t.hanoi.id)?.map((x) => x.value)).toEqual([90]);
    expect(seen.targets.get(t.a.id)?.map((x) => x.value)).toEqual([20]);
    expect(seen.children).toEqual([]);
  });

  it("answers a childless unit's children as none, and shows a child added under it in the same transaction", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const target = (unitId: number, value: number) => ({
      unitId,
      metric: "ket_nap",
      period: PERIOD,
      value,
      deadline: "2026-12-31",
    });
    await repos.targets.upsert(target(t.a.id, 10));
    await repos.targets.upsert(target(t.b.id, 20));
    const seen = await repos.unitOfWork(async () => {
      // A district's standing, then its children: both of its unions with targets come back.
      await repos.targets.forUnits(lineageOf(t.district), PERIOD);
      const districtChildren = await repos.targets.forChildrenWithDone(t.district.id, PERIOD, "ket_nap", ["join"]);
      // A union has no children: its standing says so, and its children's targets are none.
      await repos.targets.forUnits(lineageOf(t.a), PERIOD);
      const none = await repos.targets.forChildrenWithDone(t.a.id, PERIOD, "ket_nap", ["join"]);
      const noMetrics = await repos.targets.childMetrics(t.a.id, PERIOD);
      // A unit put under it afterwards, with a target, is its child from then on.
      const under = await repos.units.upsert({
        code: "A-1",
        name: "Tổ công đoàn Khoa Toán",
        parentCode: "A",
        kind: "grassroots",
        sector: "state",
        members: 5,
        workers: 9,
      });
      await repos.targets.upsert(target(under.id, 3));
      return {
        districtChildren: districtChildren.map((c) => c.unitId).sort((x, y) => x - y),
        none,
        noMetrics,
        after: (await repos.targets.forChildren(t.a.id, PERIOD, "ket_nap")).map((c) => [c.unitId, c.value]),
        metricsAfter: await repos.targets.childMetrics(t.a.id, PERIOD),
        under: under.id,
      };
    });
    expect(seen.districtChildren).toEqual([t.a.id, t.b.id].sort((x, y) => x - y));
    expect(seen.none).toEqual([]);
    expect(seen.noMetrics).toEqual([]);
    expect(seen.after).toEqual([[seen.under, 3]]);
    expect(seen.metricsAfter).toEqual(["ket_nap"]);
  });
});
