// Subtree figures that are not running totals, on PostgreSQL: the same queries as on SQLite, summing the
// tally shards as they go.
import { sql, type SQL } from "drizzle-orm";
import type { ShortOfMinimum, UnitFigure, UnitRef } from "#db/repositories/figures.ts";
import type { Sector } from "#db/schema.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";

/** `in (…)` of a list; an empty list matches nothing, as `in (null)` does on SQLite. */
export function inList(values: readonly (string | number)[]): SQL {
  return values.length === 0
    ? sql`(null)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
}

const within = (path: string, column: SQL = sql`u.path`) => {
  const [low, high] = subtreeBounds(path);
  return sql`${column} >= ${low} and ${column} < ${high}`;
};

/** What `members` reads of a unit, in one round trip: its subtree's grassroots baseline and its net change since. */
export interface MembersRow {
  n: number;
  members: number;
  net: number;
}

/** `members`' read, of a unit given by its path and id: values, or columns of a row it is joined to. */
export const membersRead = (path: string | SQL, unitId: number | SQL) => {
  const bounds = typeof path === "string" ? within(path) : sql`u.path >= ${path} and u.path < left(${path}, -1) || '0'`;
  return sql`select leaves.n, leaves.members,
      (select coalesce(sum(total), 0)::int from tallies where unit_id = ${unitId} and event in ('join', 'leave')) as net
    from (select count(*)::int as n, coalesce(sum(members), 0)::int as members from units u
      where ${bounds} and kind in ('grassroots', 'guild')) leaves`;
};

/** What `members` is remembered under for the rest of a transaction (Executor.memo). */
export const membersKey = (unitId: number) => `members ${unitId}`;

/** Members now, from `membersRead`: a subtree without grassroots units counts the unit's own baseline. */
const membersFrom = (row: MembersRow | undefined, unit: UnitRef) =>
  (row && row.n > 0 ? row.members : unit.members) + (row?.net ?? 0);

const ofSector = (sector: Sector | null) => (sector ? sql`and u.sector = ${sector}` : sql``);

/** A unit's rating for a year: read and set. */
function ratings(x: Executor) {
  return {
    async setRating(unitId: number, year: string, rating: string): Promise<void> {
      await x.run(sql`insert into unit_ratings (unit_id, year, rating) values (${unitId}, ${year}, ${rating})
        on conflict (unit_id, year) do update set rating = excluded.rating`);
    },

    async rating(unitId: number, year: string): Promise<string | undefined> {
      return (
        await x.one<{ rating: string }>(
          sql`select rating from unit_ratings where unit_id = ${unitId} and year = ${year}`,
        )
      )?.rating;
    },
  };
}

export function figureRepository(x: Executor) {
  return {
    ...ratings(x),
    /** Members now: the imported baseline of the subtree's grassroots units plus every admission and departure since. */
    async members(unit: UnitRef): Promise<number> {
      const row = await x.memo(membersKey(unit.id), () => x.one<MembersRow>(membersRead(unit.path, unit.id)));
      return membersFrom(row, unit);
    },

    /** Members and workers of the subtree's grassroots unions of one sector (or all). */
    async memberRate(unit: UnitRef, sector: Sector | null): Promise<{ members: number; workers: number }> {
      const base = await x.one<{
        members: number;
        workers: number;
      }>(sql`select coalesce(sum(u.members), 0)::int as members,
          coalesce(sum(u.workers), 0)::int as workers from units u
        where ${within(unit.path)} and u.kind = 'grassroots' ${ofSector(sector)}`);
      const net = await x.one<{ net: number }>(sql`select coalesce(sum(t.total), 0)::int as net
        from units u join tallies t on t.unit_id = u.id and t.event in ('join', 'leave')
        where ${within(unit.path)} and u.kind = 'grassroots' ${ofSector(sector)}`);
      return { members: (base?.members ?? 0) + (net?.net ?? 0), workers: base?.workers ?? 0 };
    },

    /** How many of the subtree's grassroots unions (of a sector) were rated in the given ratings that year. */
    async ratingShare(
      unit: UnitRef,
      sector: Sector | null,
      ratings: string[],
      year: string,
    ): Promise<{ rated: number; total: number }> {
      const row = await x.one<{ rated: number; total: number }>(sql`select count(*)::int as total,
          coalesce(sum(case when r.rating in ${inList(ratings)} then 1 else 0 end), 0)::int as rated
        from units u left join unit_ratings r on r.unit_id = u.id and r.year = ${year}
        where ${within(unit.path)} and u.kind = 'grassroots' ${ofSector(sector)}`);
      return row ?? { rated: 0, total: 0 };
    },

    /** How many leaves of the subtree are short of a per-unit minimum, and the first of them (as on SQLite). */
    async shortOfMinimum(
      unit: UnitRef,
      events: string[],
      period: string,
      minimum: number,
      listed: number,
    ): Promise<ShortOfMinimum> {
      const value = sql`(select coalesce(sum(t.total), 0)::int from tallies t
        where t.unit_id = u.id and t.period = ${period} and t.event in ${inList(events)})`;
      const where = sql`${within(unit.path)} and u.kind in ('grassroots', 'guild')`;
      const counts = await x.one<{ total: number; short: number }>(sql`select count(*)::int as total,
          count(*) filter (where ${value} < ${minimum})::int as short
        from units u where ${where}`);
      const first = await x.rows<UnitFigure>(sql`select u.id as "unitId", u.code, u.name, ${value} as value
        from units u where ${where} and ${value} < ${minimum} order by u.name, u.id limit ${listed}`);
      return { ...(counts ?? { total: 0, short: 0 }), first };
    },

    /** A count metric's total for a period split by the sector of the grassroots units and guilds that reported it. */
    async bySector(
      unit: UnitRef,
      events: string[],
      period: string,
    ): Promise<{ sector: Sector | null; total: number }[]> {
      return x.rows<{ sector: Sector | null; total: number }>(sql`select u.sector as sector,
          coalesce(sum(t.total), 0)::int as total
        from units u join tallies t on t.unit_id = u.id and t.period = ${period} and t.event in ${inList(events)}
        where ${within(unit.path)} and u.kind in ('grassroots', 'guild')
        group by u.sector order by u.sector nulls first`);
    },
  };
}
