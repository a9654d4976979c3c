// The report ledger and its running totals on PostgreSQL. A report is one transaction: its entries, then
// the roll-ups of every entry into its unit and all the unit's ancestors.
//
// Every report adds to the nation's total and its province's: on one row each, every instance's report
// transactions would queue on those rows' locks. So the totals of the top levels are split into shards:
// a transaction adds to one shard, picked at random, and readers sum the shards. Below the province a unit
// receives few reports at once, and keeps one row (shard 0).
import { sql, type SQL } from "drizzle-orm";
import type { HoldsClosed, LedgerEntry, LedgerEntryInput } from "#db/repositories/ledger.ts";
import { tallyKeys } from "#db/repositories/ledger.ts";
import { subtreeBounds } from "#db/tree.ts";
import { inList } from "./figures.ts";
import { settleOthers } from "./pending-reports.ts";
import {
  forUnitsKey,
  rememberAround,
  standingRead,
  talliesKey,
  talliesRead,
  type StandingRead,
  type TallyRow,
} from "./standing-read.ts";
import type { Executor } from "../executor.ts";

/**
 * Shards of a hot total, by default. Readers sum whatever shards there are, so the number can change at
 * any time; a transaction waits only when another holds the same shard of the same total.
 */
export const TALLY_SHARDS = 8;
/** Units above this depth (the nation at 0, provinces at 1, districts at 2) have sharded totals. */
export const SHARDED_DEPTHS = 3;

export interface TallyDelta {
  unitId: number;
  /** Position in its lineage: its depth in the tree. */
  depth: number;
  period: string;
  event: string;
  count: number;
}

/**
 * Adds signed counts to running totals in one statement. The rows are summed per total and sorted first,
 * so that two transactions lock the totals they share in the same order and never deadlock.
 */
export async function addToTallies(
  x: Executor,
  deltas: readonly TallyDelta[],
  shards: number = TALLY_SHARDS,
): Promise<void> {
  const shard = x.shard(shards);
  const summed = new Map<string, { unitId: number; period: string; event: string; shard: number; count: number }>();
  for (const d of deltas) {
    const s = d.depth < SHARDED_DEPTHS ? shard : 0;
    const key = `${d.unitId}\u0000${d.period}\u0000${d.event}\u0000${s}`;
    const row = summed.get(key);
    if (row) row.count += d.count;
    else summed.set(key, { unitId: d.unitId, period: d.period, event: d.event, shard: s, count: d.count });
  }
  if (summed.size === 0) return;
  const rows = [...summed.values()].sort(
    (a, b) =>
      a.unitId - b.unitId ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (a.event < b.event ? -1 : a.event > b.event ? 1 : 0) ||
      a.shard - b.shard,
  );
  const values = sql.join(
    rows.map((r) => sql`(${r.unitId}::int, ${r.period}, ${r.event}, ${r.shard}::smallint, ${r.count}::int)`),
    sql`, `,
  );
  await x.run(sql`insert into tallies (unit_id, period, event, shard, total) values ${values}
    on conflict (unit_id, period, event, shard) do update set total = tallies.total + excluded.total`);
}

const columns = sql.raw(`id, unit_id as "unitId", event, count, informal, occurred_on as "occurredOn", period,
  reporter_id as "reporterId", source, reverses, undone_by as "undoneBy", created_at as "createdAt"`);

type Lineage = (unitId: number) => number[] | Promise<number[]>;

/** Appends an entry; null when its message was recorded before. */
async function insert(
  x: Executor,
  entry: LedgerEntryInput & { reverses?: number | null },
  now: string,
): Promise<number | null> {
  const row = await x.one<{ id: number }>(sql`insert into ledger
    (unit_id, event, count, informal, occurred_on, period, reporter_id, source, note, reverses, created_at)
    values (${entry.unitId}, ${entry.event}, ${entry.count}, ${entry.informal}, ${entry.occurredOn},
      ${entry.occurredOn.slice(0, 4)}, ${entry.reporterId}, ${entry.source}, ${entry.note ?? null},
      ${entry.reverses ?? null}, ${now})
    on conflict do nothing returning id`);
  return row?.id ?? null;
}

/** The totals an entry adds to: its unit and every ancestor, for each of its tally keys. */
const deltasOf = (entry: LedgerEntryInput): TallyDelta[] =>
  tallyKeys(entry.event, entry.informal).flatMap((event) =>
    entry.lineage.map((unitId, depth) => ({
      unitId,
      depth,
      period: entry.occurredOn.slice(0, 4),
      event,
      count: entry.count,
    })),
  );

/** What a report's record statement also reads for the standing its reply shows: see `recordStatement`. */
interface StandingAfter {
  /** The unit's lineage, nation first, the unit last. */
  lineage: number[];
  period: string;
}

/**
 * The standing's first read (`standingRead`), as it stands once the report is written: the unit's totals with
 * the report's own roll-ups added, since a statement's parts all see the database as it was before it.
 */
const standingAfter = (after: StandingAfter): SQL => {
  const unitId = after.lineage[after.lineage.length - 1] ?? 0;
  return standingRead(
    after.lineage,
    after.period,
    sql`select event, total from deltas where unit_id = ${unitId} and period = ${after.period}
      and ord in (select ord from written)`,
  );
};

/**
 * A report in one statement, so one round trip and atomic by itself (no savepoint): its entries appended
 * (those whose message, event, unit and sector are in the ledger already skipped, as the unique index says),
 * and the roll-ups of the entries written, summed per total, added in the order of addToTallies (unit, period,
 * event, shard, bytewise), so concurrent reports lock the totals they share in the same order. The values go
 * as arrays, so the text is the same for every report and prepared once per connection. Given `closes`, the
 * reporter's other open questions about the unit are closed in the same statement when anything was written
 * (without it the parameters are null and match nothing). Given `after`, it also reads what the reply's
 * standing reads first (`standingAfter`).
 */
function recordStatement(
  entries: LedgerEntryInput[],
  now: string,
  shard: number,
  closes?: HoldsClosed,
  after?: StandingAfter,
): SQL {
  // Of entries sharing a ledger key only the first can be written, as one insert after another would do.
  const seen = new Set<string>();
  const kept = entries.filter((e) => {
    const key = JSON.stringify([e.source, e.event, e.unitId, e.informal]);
    return !seen.has(key) && seen.add(key);
  });
  const deltas = kept.flatMap((entry, i) =>
    deltasOf(entry).map((d) => ({ ...d, ord: i + 1, shard: d.depth < SHARDED_DEPTHS ? shard : 0 })),
  );
  // Bound as one array each (a bare array in drizzle's sql is a list of values).
  const column = <T>(pick: (e: LedgerEntryInput) => T) => sql.param(kept.map(pick));
  const delta = <T>(pick: (d: (typeof deltas)[number]) => T) => sql.param(deltas.map(pick));
  return sql`with e as (
      select * from unnest(${column((e) => e.unitId)}::int[], ${column((e) => e.event)}::text[],
        ${column((e) => e.count)}::int[], ${column((e) => e.informal)}::boolean[], ${column((e) => e.occurredOn)}::text[],
        ${column((e) => e.occurredOn.slice(0, 4))}::text[], ${column((e) => e.reporterId)}::int[],
        ${column((e) => e.source)}::text[], ${column((e) => e.note ?? null)}::text[])
        with ordinality as e(unit_id, event, count, informal, occurred_on, period, reporter_id, source, note, ord)
    ), ins as (
      insert into ledger (unit_id, event, count, informal, occurred_on, period, reporter_id, source, note, created_at)
      select unit_id, event, count, informal, occurred_on, period, reporter_id, source, note, ${now} from e order by ord
      on conflict do nothing returning id, unit_id, event, informal, source
    ), written as (
      select e.ord, ins.id from ins join e
        on e.source = ins.source and e.event = ins.event and e.unit_id = ins.unit_id and e.informal = ins.informal
    ), deltas as (
      select * from unnest(${delta((d) => d.ord)}::int[], ${delta((d) => d.unitId)}::int[],
        ${delta((d) => d.period)}::text[], ${delta((d) => d.event)}::text[], ${delta((d) => d.shard)}::smallint[],
        ${delta((d) => d.count)}::int[]) as d(ord, unit_id, period, event, shard, total)
    ), rolled as (
      insert into tallies (unit_id, period, event, shard, total)
      select d.unit_id, d.period, d.event, d.shard, sum(d.total)::int from deltas d
      where d.ord in (select ord from written)
      group by d.unit_id, d.period, d.event, d.shard
      order by d.unit_id, d.period collate "C", d.event collate "C", d.shard
      on conflict (unit_id, period, event, shard) do update set total = tallies.total + excluded.total
    ), closed as (
      ${settleOthers(now, closes?.personId ?? null, closes?.unitId ?? null, kept[0]?.source ?? "", sql`and exists (select from written)`)}
    )
    select (select coalesce(json_agg(id order by ord), '[]'::json) from written) as ids,
      ${after ? standingAfter(after) : sql`null::json`} as standing`;
}

/** What the record statement read of the standing, remembered as targets.forUnits and ledger.tallies read it. */
function rememberStanding(x: Executor, after: StandingAfter, read: StandingRead): void {
  const unitId = after.lineage[after.lineage.length - 1];
  if (unitId === undefined) return;
  x.remember(forUnitsKey(after.lineage, after.period), read.targets);
  rememberAround(x, unitId, after.period, read);
}

/** The writes: a report with its roll-ups, and the reversal of a report, each in one transaction. */
function ledgerWrites(x: Executor, shards: number) {
  return {
    /**
     * Records every entry and its roll-ups, or nothing; entries whose source was recorded before are skipped.
     * Given `closes` (a person's report), the statement also reads the unit's standing for the reply that
     * follows, in the report's year (`standingAfter`), remembered for the rest of the transaction until its
     * next statement.
     */
    async record(entries: LedgerEntryInput[], now: string, closes?: HoldsClosed): Promise<number[]> {
      const first = entries[0];
      if (!first) return [];
      const after = closes && { lineage: first.lineage, period: first.occurredOn.slice(0, 4) };
      const statement = recordStatement(entries, now, x.shard(shards), closes, after);
      const row = await x.one<{ ids: number[]; standing: StandingRead | null }>(statement);
      if (after && row?.standing) rememberStanding(x, after, row.standing);
      return row?.ids ?? [];
    },
    /** Appends a reversing entry for each live entry of a source; returns the entries reversed. */
    reverseSource(source: string, lineageOf: Lineage, reporterId: number | null, now: string): Promise<LedgerEntry[]> {
      return x.transaction(async () => {
        const reversed: LedgerEntry[] = [];
        const deltas: TallyDelta[] = [];
        for (const row of await bySource(x, source)) {
          if (row.undoneBy !== null) continue;
          const entry = {
            unitId: row.unitId,
            lineage: await lineageOf(row.unitId),
            event: row.event,
            count: -row.count,
            informal: row.informal,
            occurredOn: row.occurredOn,
            reporterId,
            source: `undo:${row.id}`,
            reverses: row.id,
          };
          const id = await insert(x, entry, now);
          if (id === null) continue;
          await x.run(sql`update ledger set undone_by = ${id} where id = ${row.id} and undone_by is null`);
          deltas.push(...deltasOf(entry));
          reversed.push(row);
        }
        await addToTallies(x, deltas, shards);
        return reversed;
      });
    },
  };
}

/** The reads: entries by message, id or reporter, report sizes, totals. */
function ledgerReads(x: Executor) {
  return {
    bySource: (source: string) => bySource(x, source),
    async byId(id: number): Promise<LedgerEntry | undefined> {
      return x.one<LedgerEntry>(sql`select ${columns} from ledger where id = ${id}`);
    },
    /** An entry of the reporter's latest report, undone or not. */
    async lastEntryOf(reporterId: number): Promise<LedgerEntry | undefined> {
      return x.one<LedgerEntry>(
        sql`select ${columns} from ledger where reporter_id = ${reporterId} and reverses is null order by id desc limit 1`,
      );
    },
    /** An entry of the reporter's latest report that is not undone. */
    async lastLiveEntryOf(reporterId: number): Promise<LedgerEntry | undefined> {
      return x.one<LedgerEntry>(sql`select ${columns} from ledger
        where reporter_id = ${reporterId} and reverses is null and undone_by is null order by id desc limit 1`);
    },
    /** How many reports of an event a unit has standing (not undone), and the largest of them. */
    async reportSizes(unitId: number, event: string): Promise<{ reports: number; largest: number }> {
      const row = await x.one<{ reports: number; largest: number }>(sql`select count(*)::int as reports,
          coalesce(max(size), 0)::int as largest from
        (select abs(sum(count)) as size from ledger
         where unit_id = ${unitId} and event = ${event} and reverses is null and undone_by is null group by source) s`);
      return row ?? { reports: 0, largest: 0 };
    },
    /**
     * Subtree totals of one unit for one period, by tally key. Remembered like targets.forUnits, which reads
     * them along with a standing's targets (Executor.memo).
     */
    async tallies(unitId: number, period: string): Promise<Map<string, number>> {
      const rows = await x.memo(talliesKey(unitId, period), () => x.rows<TallyRow>(talliesRead(unitId, period)));
      return new Map(rows.map((r) => [r.event, r.total]));
    },
    /** Subtree totals of every unit in a subtree, in one query: for exports. */
    async subtreeTallies(path: string, period: string, events?: string[]): Promise<Map<number, Map<string, number>>> {
      const [low, high] = subtreeBounds(path);
      const only = events ? sql`and t.event in ${inList(events)}` : sql``;
      const rows = await x.rows<{ unitId: number; event: string; total: number }>(sql`select t.unit_id as "unitId",
          t.event, sum(t.total)::int as total
        from units u join tallies t on t.unit_id = u.id and t.period = ${period} ${only}
        where u.path >= ${low} and u.path < ${high} group by t.unit_id, t.event`);
      const byUnit = new Map<number, Map<string, number>>();
      for (const row of rows) {
        let tallies = byUnit.get(row.unitId);
        if (!tallies) byUnit.set(row.unitId, (tallies = new Map()));
        tallies.set(row.event, row.total);
      }
      return byUnit;
    },
    async lastReportOn(unitId: number): Promise<string | null> {
      const row = await x.one<{ last: string | null }>(
        sql`select max(occurred_on) as last from ledger where unit_id = ${unitId}`,
      );
      return row?.last ?? null;
    },
  };
}

/** A message's entries (not their reversals), in order. */
export const bySourceRead = (source: string) =>
  sql`select ${columns} from ledger where source = ${source} and reverses is null order by id`;

/** What ledger.bySource is remembered under for the rest of a transaction (Executor.memo). */
export const bySourceKey = (source: string) => `bySource ${source}`;

/** Remembered like ledger.tallies: the update's claim reads its own message's entries (updates.claim). */
async function bySource(x: Executor, source: string): Promise<LedgerEntry[]> {
  return x.memo(bySourceKey(source), () => x.rows<LedgerEntry>(bySourceRead(source)));
}

export function ledgerRepository(x: Executor, shards: number = TALLY_SHARDS) {
  return { ...ledgerWrites(x, shards), ...ledgerReads(x) };
}
