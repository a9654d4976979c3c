// What the subtree reader's worker thread does (see subtree-reader.ts): the same standing and name-index reads
// as on the main thread, over a read-only connection, each job in one read transaction.
import type { ReadRepositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { standingService, type ChildStanding, type TargetStanding, type UnitStanding } from "./standing.ts";

/**
 * Units short of a per-unit minimum listed across threads: national ones number in the hundred thousands and
 * would take the main thread as long to receive as to compute. `missing` keeps how many there are.
 */
export const SHORT_LISTED = 20;

const trimmed = (s: TargetStanding): TargetStanding =>
  s.unitsShort && s.unitsShort.length > SHORT_LISTED ? { ...s, unitsShort: s.unitsShort.slice(0, SHORT_LISTED) } : s;

export function subtreeJobs(repos: ReadRepositories) {
  const standing = standingService(repos);
  const unit = (id: number): Unit => {
    const found = repos.units.byId(id);
    if (!found) throw new Error(`no unit ${id}`);
    return found;
  };
  return {
    ofUnit(unitId: number, today: string): UnitStanding {
      const result = standing.ofUnit(unit(unitId), today);
      return { ...result, targets: result.targets.map(trimmed) };
    },
    children(unitId: number, metric: string, today: string): ChildStanding[] {
      return standing.children(unit(unitId), metric, today).map((c) => ({ ...c, standing: trimmed(c.standing) }));
    },
    bySector(unitId: number, events: string[], period: string) {
      return repos.figures.bySector(unit(unitId), events, period);
    },
    sharingWords(words: string[], withinIds: number[], limit: number): Unit[] {
      return repos.units.sharingWords(words, withinIds.map(unit), limit);
    },
  };
}

export type SubtreeJobs = ReturnType<typeof subtreeJobs>;
export type SubtreeJob = keyof SubtreeJobs;
