// What the subtree reader's worker thread does (see subtree-reader.ts): the same standing and name-index reads
// as on the main thread, over a read-only connection, each job in one read transaction.
import type { ReadRepositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { standingService, type ChildStanding, type UnitStanding } from "./standing.ts";

export { SHORT_LISTED } from "./standing.ts";

export function subtreeJobs(repos: ReadRepositories) {
  const standing = standingService(repos);
  const unit = async (id: number): Promise<Unit> => {
    const found = await repos.units.byId(id);
    if (!found) throw new Error(`no unit ${id}`);
    return found;
  };
  return {
    async ofUnit(unitId: number, today: string): Promise<UnitStanding> {
      return standing.ofUnit(await unit(unitId), today);
    },
    async children(unitId: number, metric: string, today: string): Promise<ChildStanding[]> {
      return standing.children(await unit(unitId), metric, today);
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
