// What a standing reads first, named once for the two places that read it: targets.forUnits, and the record
// statement of a report (ledger.ts), which reads it in the same round trip for the reply that follows.
import { sql, type SQL } from "drizzle-orm";
import type { Target } from "#db/repositories/targets.ts";
import type { Executor } from "../executor.ts";

export const targetColumns = sql.raw(
  `unit_id as "unitId", metric, period, value, deadline, scope, plan_id as "planId"`,
);

/** Remembered for the rest of a transaction (Executor.memo) when a unit is known to have no children. */
export const childlessKey = (unitId: number) => `childless ${unitId}`;

/** What forUnits is remembered under: the units' ids, duplicates left out, in the order given. */
export const forUnitsKey = (unitIds: readonly number[], period: string) =>
  `targets ${[...new Set(unitIds)].join(",")} ${period}`;

/** The targets of several units in a period, in the order forUnits gives them (the order they were set). */
export const targetsOfUnits = (unitIds: readonly number[], period: string) =>
  sql`select ${targetColumns} from targets where unit_id = any(${sql.param([...new Set(unitIds)])}::int[])
    and period = ${period} order by id`;

export interface TallyRow {
  event: string;
  total: number;
}

/** A unit's subtree totals for a period, by tally key: the shards summed. */
export const talliesRead = (unitId: number, period: string) => sql`select event, sum(total)::int as total
  from tallies where unit_id = ${unitId} and period = ${period} group by event`;

/** What ledger.tallies is remembered under for the rest of a transaction (Executor.memo). */
export const talliesKey = (unitId: number, period: string) => `tallies ${unitId} ${period}`;

/** What `standingRead` answers. */
export interface StandingRead {
  targets: Target[];
  tallies: TallyRow[];
  /** Whether the unit has children. */
  parent: boolean;
}

/**
 * A standing's first read as one JSON value: the targets of a lineage (the unit last) in a period, the unit's
 * totals, and whether it has children. `added`, rows of (event, total), is added to the totals: what the
 * statement it is part of writes, which its other parts do not see.
 */
export function standingRead(lineage: readonly number[], period: string, added?: SQL): SQL {
  const unitId = lineage[lineage.length - 1] ?? 0;
  const totals = added
    ? sql`select event, sum(total)::int as total from (
        select event, total from tallies where unit_id = ${unitId} and period = ${period} union all ${added}) b
      group by event`
    : talliesRead(unitId, period);
  return sql`json_build_object(
    'targets', (select coalesce(json_agg(t), '[]'::json) from (${targetsOfUnits(lineage, period)}) t),
    'tallies', (select coalesce(json_agg(s), '[]'::json) from (${totals}) s),
    'parent', exists (select from units c where c.parent_id = ${unitId}))`;
}

/**
 * Remembers for the rest of the transaction, until its next statement, the unit's totals and, when it has
 * none, that it has no children: what ledger.tallies and the children's reads would ask next.
 */
export function rememberAround(x: Executor, unitId: number, period: string, read: StandingRead): void {
  x.remember(talliesKey(unitId, period), read.tallies);
  if (!read.parent) x.remember(childlessKey(unitId), true);
}
