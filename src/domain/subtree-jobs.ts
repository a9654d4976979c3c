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
  const unit = async (id: number): Promise<Unit> => {
    const found = await repos.units.byId(id);
    if (!found) throw new Error(`no unit ${id}`);
    return found;
  };
  return {
    async ofUnit(unitId: number, today: string): Promise<UnitStanding> {
      const result = await standing.ofUnit(await unit(unitId), today);
      return { ...result, targets: result.targets.map(trimmed) };
    },
    async children(unitId: number, metric: string, today: string): Promise<ChildStanding[]> {
      const children = await standing.children(await unit(unitId), metric, today);
      return children.map((c) => ({ ...c, standing: trimmed(c.standing) }));
    },
    async bySector(unitId: number, events: string[], period: string) {
      return repos.figures.bySector(await unit(unitId), events, period);
    },
    async sharingWords(words: string[], withinIds: number[], limit: number): Promise<Unit[]> {
      return repos.units.sharingWords(words, await Promise.all(withinIds.map(unit)), limit);
    },
  };
}

export type SubtreeJobs = ReturnType<typeof subtreeJobs>;
export type SubtreeJob = keyof SubtreeJobs;
