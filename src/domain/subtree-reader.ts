// Reads about large subtrees on a worker thread with its own read-only connection, so that other chats are
// answered meanwhile. A national officer's /tiendo with a member rate and a per-unit minimum reads every
// grassroots unit of the country (about a second), and naming a unit nationally searches the name index
// for half a million words (about 100 ms): on the main thread either held every chat's reports up.
//
// The worker runs the very same standing and index code over a snapshot of the database (one read
// transaction per job), so its answers are those the main thread would give; a smaller subtree, or a
// database in memory, is read on the main thread as before.
import { Worker } from "node:worker_threads";
import { sqliteOf, type Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Sector } from "#db/schema.ts";
import type { ChildStanding, StandingService, UnitStanding } from "./standing.ts";
import type { SubtreeJob, SubtreeJobs } from "./subtree-jobs.ts";

/** Subtrees with more units than this are read off the main thread: a district or a small province is not. */
export const LARGE_SUBTREE = 2_000;

export interface SubtreeReader {
  /** Whether the unit's subtree is large enough to be read off the main thread. */
  isLarge(unit: Unit): Promise<boolean>;
  ofUnit(unit: Unit, today: string): Promise<UnitStanding>;
  children(unit: Unit, metric: string, today: string): Promise<ChildStanding[]>;
  bySector(unit: Unit, events: string[], period: string): Promise<{ sector: Sector | null; total: number }[]>;
  /** The name index searched within some subtrees (units.sharingWords). */
  sharingWords(words: readonly string[], within: readonly Unit[], limit: number): Promise<Unit[]>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** One worker, started at the first large read and kept; jobs are answered in the order sent. */
function workerThread(path: string) {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL("./subtree-worker.mjs", import.meta.url), { workerData: { path } });
    w.on("message", (message: { id?: number; result?: unknown; error?: string }) => {
      if (message.id === undefined) return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (pending.size === 0) w.unref();
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
    w.on("error", (error) => failAll(error));
    w.on("exit", () => failAll(new Error("the subtree reader stopped")));
    // Referenced only while a job is out (a "message" listener references it, so this comes after): an idle
    // reader does not keep alive a process that has nothing else to do, such as the benchmark or the CLI.
    w.unref();
    worker = w;
    return w;
  };
  return {
    run<J extends SubtreeJob>(
      job: J,
      ...args: Parameters<SubtreeJobs[J]>
    ): Promise<Awaited<ReturnType<SubtreeJobs[J]>>> {
      const id = nextId++;
      const w = started();
      return new Promise((resolve, reject) => {
        if (pending.size === 0) w.ref();
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        w.postMessage({ id, job, args });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}

/** The SQLite file behind the repositories, or nothing for a database in memory or another store. */
function sqliteFile(repos: Repositories): string | undefined {
  try {
    const sqlite = sqliteOf(repos);
    return sqlite.memory || sqlite.name === ":memory:" || sqlite.name === "" ? undefined : sqlite.name;
  } catch {
    // Another store (PostgreSQL) reads on its server: waiting for it does not hold the event loop.
    return undefined;
  }
}

export function subtreeReader(
  repos: Repositories,
  standing: StandingService,
  options: { largeSubtree?: number } = {},
): SubtreeReader {
  const largeSubtree = options.largeSubtree ?? LARGE_SUBTREE;
  const file = sqliteFile(repos);
  const thread = file === undefined ? undefined : workerThread(file);
  const isLarge = async (unit: Unit) =>
    thread !== undefined && (await repos.units.countInSubtreeUpTo(unit, largeSubtree + 1)) > largeSubtree;
  return {
    isLarge,
    async ofUnit(unit, today) {
      return thread && (await isLarge(unit)) ? thread.run("ofUnit", unit.id, today) : standing.ofUnit(unit, today);
    },
    async children(unit, metric, today) {
      return thread && (await isLarge(unit))
        ? thread.run("children", unit.id, metric, today)
        : standing.children(unit, metric, today);
    },
    async bySector(unit, events, period) {
      return thread && (await isLarge(unit))
        ? thread.run("bySector", unit.id, events, period)
        : repos.figures.bySector(unit, events, period);
    },
    async sharingWords(words, within, limit) {
      return thread
        ? thread.run(
            "sharingWords",
            [...words],
            within.map((u) => u.id),
            limit,
          )
        : repos.units.sharingWords(words, within, limit);
    },
    close: async () => thread?.close(),
  };
}
