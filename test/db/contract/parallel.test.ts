// Handlers may start several statements of one transaction at once (Promise.all). On a PostgreSQL server a
// transaction is one connection, which answers one statement at a time: the store must queue them itself,
// in order, without leaning on node-postgres's own queue (deprecated, with a warning; gone in pg 9).
import pg from "pg";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { contract } from "./backends.ts";
import { unit } from "./tree.ts";

const CODES = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"];

let warnings: string[];
const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
/** The most statements one connection was given before it had answered the previous one. */
let mostAtOnce: number;
const inFlight = new Map<object, number>();

beforeEach(() => {
  warnings = [];
  mostAtOnce = 0;
  inFlight.clear();
  process.on("warning", onWarning);
  const driver = pg.Client.prototype.query;
  // Watches what reaches the driver: the statements handed to each connection and not yet answered.
  vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const now = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, now);
    mostAtOnce = Math.max(mostAtOnce, now);
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const answer = (driver as (...a: unknown[]) => unknown).apply(this, args);
    if (answer instanceof Promise) answer.then(done, done);
    else done();
    return answer as never;
  });
});
afterEach(async () => {
  // Node emits a warning on the next tick: give it the chance before looking.
  await new Promise((resolve) => setImmediate(resolve));
  process.off("warning", onWarning);
  vi.restoreAllMocks();
});

/** No warning was raised, and on a server no connection was given a statement while busy with another. */
function expectOneAtATime(kind: string): void {
  expect(warnings).toEqual([]);
  if (kind === "server") expect(mostAtOnce).toBe(1);
}

contract("statements started at once in one transaction", (backend) => {
  it("answers each read with its own rows, in a transaction and in a unit of work", async () => {
    const { repos, kind } = backend();
    for (const code of CODES) await unit(repos, code, `CĐCS ${code}`, null, "grassroots");
    const read = () => Promise.all(CODES.map(async (code) => (await repos.units.byCode(code))?.code));
    expect(await repos.transaction(read)).toEqual(CODES);
    expect(await repos.unitOfWork(read)).toEqual(CODES);
    expectOneAtATime(kind);
  });

  it("commits writes started at once, every one of them", async () => {
    const { repos, kind, raw } = backend();
    await repos.transaction(() =>
      Promise.all(CODES.map((code) => unit(repos, code, `CĐCS ${code}`, null, "grassroots", null, code.length))),
    );
    await repos.unitOfWork(async () => {
      await Promise.all(CODES.map((code) => repos.updates.setSetting(`parallel.${code}`, code)));
      await repos.committed();
    });
    const units = await raw("select code from units order by code");
    expect(units.map((r) => r.code)).toEqual(CODES);
    const settings = await raw("select value from settings where key like 'parallel.%' order by value");
    expect(settings.map((r) => r.value)).toEqual(CODES);
    expectOneAtATime(kind);
  });

  it("keeps nothing when one of the statements started at once is refused, and the store answers after", async () => {
    const { repos, kind, raw } = backend();
    const root = await unit(repos, "R", "Gốc", null, "national");
    const failing = repos.transaction(() =>
      Promise.all([
        ...CODES.map((code) => unit(repos, code, `CĐCS ${code}`, "R", "grassroots")),
        // A negative target breaks the table's check: the whole transaction is undone.
        repos.targets.upsert({ unitId: root.id, metric: "ket_nap", period: "2026", value: -1, deadline: null }),
        ...CODES.map((code) => repos.units.byCode(code)),
      ]),
    );
    await expect(failing).rejects.toThrow();
    expect(await raw("select code from units order by code")).toEqual([{ code: "R" }]);
    expect(await raw("select id from targets")).toEqual([]);
    // The connection that carried the failed transaction goes back to the pool usable.
    const again = await repos.transaction(() => Promise.all(["R", "R", "R"].map((c) => repos.units.byCode(c))));
    expect(again.map((u) => u?.id)).toEqual([root.id, root.id, root.id]);
    expectOneAtATime(kind);
  });
});
