// What a standing reads first, named once for the two places that read it: targets.forUnits, and the record
// statement of a report (ledger.ts), which reads it in the same round trip for the reply that follows.
import { sql } from "drizzle-orm";

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
