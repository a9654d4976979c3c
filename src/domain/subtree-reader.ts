// Reads about large subtrees on a worker thread with its own read-only connection, so that other chats are
// answered meanwhile. A national officer's /tiendo with a member rate and a per-unit minimum reads every
// grassroots unit of the country (about a second), and naming a unit nationally searches the name index
// for half a million words (about 100 ms): on the main thread either held every chat's reports up.
//
// The worker runs the very same standing and index code over a snapshot of the database (one read
// transaction per job), so its answers are those the main thread would give; a smaller subtree, or a
// database in memory, is read on the main thread as before.
import { sqliteOf, type Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Sector } from "#db/schema.ts";
import type { ChildStanding, StandingService, UnitStanding } from "./standing.ts";
import { jobThread } from "#src/job-thread.ts";
import type { SubtreeJobs } from "./subtree-jobs.ts";

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
  const thread =
    file === undefined
      ? undefined
      : jobThread<SubtreeJobs>(new URL("./subtree-worker.mjs", import.meta.url), { path: file });
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
