// The metric catalogue is read on nearly every reply and kept between transactions: what a rolled-back
// transaction wrote must never be kept.
import { expect, it } from "vitest";
import type { Metric } from "#db/repositories/metrics.ts";
import { contract, type Repos } from "./backends.ts";

const metric = (name: string): Omit<Metric, "builtin" | "ownerUnitId"> => ({
  key: "ho_tro",
  name,
  kind: "count",
  events: ["ho_tro"],
  sector: null,
  ratings: [],
});

const nameOf = async (repos: Repos) => (await repos.metrics.get("ho_tro"))?.name;

contract("metric catalogue kept between transactions", (backend) => {
  it("keeps nothing a rolled-back transaction wrote, while that transaction sees its own", async () => {
    const { repos } = backend();
    await repos.metrics.all();
    await expect(
      repos.transaction(async () => {
        await repos.metrics.add(metric("Tạm"));
        expect(await nameOf(repos)).toBe("Tạm");
        expect((await repos.metrics.all()).has("ho_tro")).toBe(true);
        throw new Error("undone");
      }),
    ).rejects.toThrow("undone");
    expect(await repos.metrics.get("ho_tro")).toBeUndefined();
    expect((await repos.metrics.all()).has("ho_tro")).toBe(false);
  });
});
