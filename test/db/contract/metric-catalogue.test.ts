// The metric catalogue is read on nearly every reply. A PostgreSQL server's instances keep it between
// transactions while they hear the notices a trigger sends when the table changes: a change made through
// another instance, or by hand, must show on this one, and what a rolled-back transaction wrote never.
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

/** Asks until `check` holds; notices travel between connections, so a change shows a moment after its commit. */
async function soon(check: () => Promise<boolean>, withinMs = 3_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const nameOf = async (repos: Repos) => (await repos.metrics.get("ho_tro"))?.name;

contract("metric catalogue kept between transactions", (backend) => {
  it("shows a metric another instance adds at once, and its change soon after", async () => {
    const { repos } = backend();
    const second = backend().second;
    const other = second ? await second() : repos;
    expect(await repos.metrics.get("ho_tro")).toBeUndefined();
    const before = (await repos.metrics.all()).size;
    await other.metrics.add(metric("Hỗ trợ"));
    // A key the kept catalogue lacks is looked up in the database, notice or not.
    expect(await nameOf(repos)).toBe("Hỗ trợ");
    expect(await soon(async () => (await repos.metrics.all()).size === before + 1)).toBe(true);
    await other.metrics.add(metric("Hỗ trợ đoàn viên"));
    expect(await soon(async () => (await nameOf(repos)) === "Hỗ trợ đoàn viên")).toBe(true);
    expect((await repos.metrics.all()).get("ho_tro")?.name).toBe("Hỗ trợ đoàn viên");
  });

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

  it("shows a change made in the database by hand (PostgreSQL)", async () => {
    const { repos, kind, raw } = backend();
    // SQLite keeps its catalogue in the one process that writes it: a change by hand needs a restart there.
    if (kind === "sqlite") return;
    await repos.metrics.add(metric("Hỗ trợ"));
    expect(await nameOf(repos)).toBe("Hỗ trợ");
    await raw(`update metrics set name = 'Hỗ trợ khó khăn' where key = 'ho_tro'`);
    expect(await soon(async () => (await nameOf(repos)) === "Hỗ trợ khó khăn")).toBe(true);
  });
});
