// Subtree figures that are not running totals: member counts, rates by sector, ratings, per-unit minimums.
// They scan a subtree by its path prefix; districts have a few hundred units, so this stays in milliseconds.
import type { Db } from "#db/client.ts";
import type { Sector } from "#db/schema.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Unit } from "./units.ts";

/** What subtree queries need of a unit. */
export type UnitRef = Pick<Unit, "id" | "path" | "members">;

export interface UnitFigure {
  unitId: number;
  code: string;
  name: string;
  value: number;
}

/** A per-unit minimum over a subtree: units in all, units short of it, and the first of those by name. */
export interface ShortOfMinimum {
  total: number;
  short: number;
  first: UnitFigure[];
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

type Sqlite = Db["$client"];

export function figureRepository(db: Db) {
  const sqlite = db.$client;
  return { ...unionFigures(sqlite), ...countSplits(sqlite) };
}

/** Members, workers and ratings of the subtree's grassroots unions. */
function unionFigures(sqlite: Sqlite) {
  const netAllTime = sqlite.prepare(
    `select coalesce(sum(total), 0) as net from tallies where unit_id = ? and event in ('join', 'leave')`,
  );
  const leafBaseline = sqlite.prepare(
    `select count(*) as n, coalesce(sum(members), 0) as members from units where path >= ? and path < ? and kind in ('grassroots', 'guild')`,
  );

  return {
    /** Members now: the imported baseline of the subtree's grassroots units plus every admission and departure since. */
    members(unit: UnitRef): number {
      const leaves = leafBaseline.get(...subtreeBounds(unit.path)) as { n: number; members: number };
      const baseline = leaves.n > 0 ? leaves.members : unit.members;
      return baseline + (netAllTime.get(unit.id) as { net: number }).net;
    },

    /** Members and workers of the subtree's grassroots unions of one sector (or all). */
    memberRate(unit: UnitRef, sector: Sector | null): { members: number; workers: number } {
      const sectorClause = sector ? "and u.sector = ?" : "";
      const params: unknown[] = sector ? [...subtreeBounds(unit.path), sector] : [...subtreeBounds(unit.path)];
      const base = sqlite
        .prepare(
          `select coalesce(sum(u.members), 0) as members, coalesce(sum(u.workers), 0) as workers from units u
           where u.path >= ? and u.path < ? and u.kind = 'grassroots' ${sectorClause}`,
        )
        .get(...params) as { members: number; workers: number };
      const net = sqlite
        .prepare(
          `select coalesce(sum(t.total), 0) as net from units u join tallies t on t.unit_id = u.id and t.event in ('join', 'leave')
           where u.path >= ? and u.path < ? and u.kind = 'grassroots' ${sectorClause}`,
        )
        .get(...params) as { net: number };
      return { members: base.members + net.net, workers: base.workers };
    },

    /** How many of the subtree's grassroots unions (of a sector) were rated in the given ratings that year. */
    ratingShare(
      unit: UnitRef,
      sector: Sector | null,
      ratings: string[],
      year: string,
    ): { rated: number; total: number } {
      const sectorClause = sector ? "and u.sector = ?" : "";
      const row = sqlite
        .prepare(
          `select count(*) as total, coalesce(sum(case when r.rating in (${placeholders(ratings.length) || "null"}) then 1 else 0 end), 0) as rated
           from units u left join unit_ratings r on r.unit_id = u.id and r.year = ?
           where u.path >= ? and u.path < ? and u.kind = 'grassroots' ${sectorClause}`,
        )
        .get(...ratings, year, ...subtreeBounds(unit.path), ...(sector ? [sector] : [])) as {
        total: number;
        rated: number;
      };
      return row;
    },

    setRating(unitId: number, year: string, rating: string): void {
      sqlite
        .prepare(
          `insert into unit_ratings (unit_id, year, rating) values (?, ?, ?) on conflict (unit_id, year) do update set rating = excluded.rating`,
        )
        .run(unitId, year, rating);
    },

    rating(unitId: number, year: string): string | undefined {
      return (
        sqlite.prepare(`select rating from unit_ratings where unit_id = ? and year = ?`).get(unitId, year) as
          | { rating: string }
          | undefined
      )?.rating;
    },
  };
}

/** A count metric's totals for a period, split by grassroots unit or by sector. */
function countSplits(sqlite: Sqlite) {
  return {
    /**
     * Of the subtree's grassroots units and guilds, how many there are, how many have less than `minimum` of
     * the given tally keys for a period, and the first `listed` of those by name: a per-unit minimum's standing
     * without carrying every unit (a national one has over a hundred thousand) out of the database.
     */
    shortOfMinimum(unit: UnitRef, events: string[], period: string, minimum: number, listed: number): ShortOfMinimum {
      const value = `(select coalesce(sum(t.total), 0) from tallies t where t.unit_id = u.id and t.period = ? and t.event in (${placeholders(events.length) || "null"}))`;
      const where = `u.path >= ? and u.path < ? and u.kind in ('grassroots', 'guild')`;
      const bounds = subtreeBounds(unit.path);
      const counts = sqlite
        .prepare(`select count(*) as total, coalesce(sum(${value} < ?), 0) as short from units u where ${where}`)
        .get(period, ...events, minimum, ...bounds) as { total: number; short: number };
      const first = sqlite
        .prepare(
          `select u.id as unitId, u.code, u.name, ${value} as value from units u
           where ${where} and ${value} < ? order by u.name, u.id limit ?`,
        )
        .all(period, ...events, ...bounds, period, ...events, minimum, listed) as UnitFigure[];
      return { ...counts, first };
    },

    /** A count metric's total for a period split by the sector of the grassroots units and guilds that reported it. */
    bySector(unit: UnitRef, events: string[], period: string): { sector: Sector | null; total: number }[] {
      return sqlite
        .prepare(
          `select u.sector as sector, coalesce(sum(t.total), 0) as total
           from units u join tallies t on t.unit_id = u.id and t.period = ? and t.event in (${placeholders(events.length) || "null"})
           where u.path >= ? and u.path < ? and u.kind in ('grassroots', 'guild')
           group by u.sector order by u.sector`,
        )
        .all(period, ...events, ...subtreeBounds(unit.path)) as { sector: Sector | null; total: number }[];
    },
  };
}
