// A transaction answers a repeated read of the metric catalogue or of a unit's targets from its first answer
// (PostgreSQL: Executor.memo). What the transaction writes in between must show on the next read, on every
// backend, and what a caller does to an answer must not change the next one.
import { expect, it } from "vitest";
import { contract } from "./backends.ts";
import { tree } from "./tree.ts";

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
});
