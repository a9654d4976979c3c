// How far a unit's list has come against its reports: "báo cáo 5, danh sách 3, đã duyệt 2".
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";

export interface ListStanding {
  /** Admissions counted in the ledger for the year (reports, and approved members beyond them). */
  reported: number;
  /** Members the unit named who joined that year, returned lists left out. */
  named: number;
  approved: number;
}

export async function listStanding(repos: Repositories, unit: Pick<Unit, "id">, period: string): Promise<ListStanding> {
  const tallies = await repos.ledger.tallies(unit.id, period);
  const { named, approved } = await repos.members.countsOf(unit.id, period);
  return { reported: tallies.get("join") ?? 0, named, approved };
}
