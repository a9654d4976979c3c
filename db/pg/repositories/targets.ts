// Targets on PostgreSQL: the same statements as on SQLite, summing the tally shards.
import { sql } from "drizzle-orm";
import type { ChildTargetRow, StoredTarget, Target } from "#db/repositories/targets.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";
import { inList } from "./figures.ts";
import {
  childlessKey,
  forUnitsKey,
  rememberAround,
  standingRead,
  targetColumns as columns,
  type StandingRead,
} from "./standing-read.ts";

const childColumns = sql.raw(`t.unit_id as "unitId", t.metric, t.period, t.value, t.deadline, t.scope,
  t.plan_id as "planId", u.name, u.code, u.path, u.members`);

/**
 * A child's target on a metric, looked up through the unique index for each child (`u`, a few hundred at most).
 * Written as a lateral subquery that the planner may not fold into a join (`offset 0`): folded, it hashed
 * the whole targets table instead, estimating the per-child lookups dearer than they are (district level of
 * the quick seed: 8-10 ms instead of 1.1-1.3 ms; the national seed has ten times the targets).
 */
const childTarget = (period: string, metric: string) =>
  sql`select * from targets t where t.unit_id = u.id and t.period = ${period} and t.metric = ${metric} offset 0`;

/**
 * Whether the current transaction knows, from a read that ran no statement since, that a unit has no children:
 * then its children's targets are none, and no round trip is needed to learn it.
 */
const knownChildless = (x: Executor, unitId: number): Promise<boolean> =>
  x.memo(childlessKey(unitId), () => Promise.resolve(false));

/**
 * Several units' targets in one round trip (a standing reads its unit's and every ancestor's, its unit last);
 * remembered like forUnit's. The last unit's subtree totals for the period come in the same round trip, and
 * are remembered for ledger.tallies, which a standing asks next (Executor.remember); so does whether it has
 * children, for the children's targets a standing may ask after (most units, the grassroots ones, have none).
 */
async function forUnits(x: Executor, unitIds: readonly number[], period: string): Promise<Map<number, Target[]>> {
  const ids = [...new Set(unitIds)];
  const last = unitIds[unitIds.length - 1];
  const rows = await x.memo(forUnitsKey(ids, period), async () => {
    if (last === undefined) return [];
    const row = await x.one<{ standing: StandingRead }>(sql`select ${standingRead(unitIds, period)} as standing`);
    if (!row) return [];
    rememberAround(x, last, period, row.standing);
    return row.standing.targets;
  });
  const byUnit = new Map<number, Target[]>(ids.map((id) => [id, []]));
  for (const row of rows) byUnit.get(row.unitId)?.push({ ...row });
  return byUnit;
}

export function targetRepository(x: Executor) {
  return {
    /** Targets on a count metric of the direct children, each with its total of the metric's events. */
    async forChildrenWithDone(
      parentId: number,
      period: string,
      metric: string,
      events: string[],
    ): Promise<(ChildTargetRow & { done: number })[]> {
      if (await knownChildless(x, parentId)) return [];
      return x.rows(sql`select ${childColumns},
          coalesce((select sum(y.total) from tallies y where y.unit_id = u.id and y.period = t.period
            and y.event in ${inList(events)}), 0)::int as done
        from units u cross join lateral (${childTarget(period, metric)}) t
        where u.parent_id = ${parentId}`);
    },
    /** The metrics the direct children have targets on, most widely set first. */
    async childMetrics(parentId: number, period: string): Promise<string[]> {
      if (await knownChildless(x, parentId)) return [];
      const rows = await x.rows<{ metric: string }>(sql`select t.metric, count(*) as n
        from units u join targets t on t.unit_id = u.id and t.period = ${period}
        where u.parent_id = ${parentId} group by t.metric order by n desc, t.metric`);
      return rows.map((r) => r.metric);
    },
    /** Targets whose deadline is within some days before or after a day. */
    async withDeadlineAround(day: string, before: number, after: number): Promise<StoredTarget[]> {
      const shift = (days: number) =>
        new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return x.rows(sql`select id, ${columns} from targets where deadline between ${shift(-before)} and ${shift(after)}
        order by deadline, id`);
    },
    async byId(id: number): Promise<StoredTarget | undefined> {
      return x.one(sql`select id, ${columns} from targets where id = ${id}`);
    },
    /** Every target of a period in a unit's subtree, the unit's own included. */
    async inSubtree(path: string, period: string): Promise<Target[]> {
      const [low, high] = subtreeBounds(path);
      return x.rows(sql`select t.unit_id as "unitId", t.metric, t.period, t.value, t.deadline, t.scope,
          t.plan_id as "planId"
        from targets t join units u on u.id = t.unit_id where u.path >= ${low} and u.path < ${high} and t.period = ${period}`);
    },
    /** Remembered for the rest of the transaction while it runs nothing else (a reply reads it several times). */
    async forUnit(unitId: number, period: string): Promise<Target[]> {
      const rows = await x.memo(`targets ${unitId} ${period}`, () =>
        x.rows<Target>(
          sql`select ${columns} from targets where unit_id = ${unitId} and period = ${period} order by id`,
        ),
      );
      return rows.map((row) => ({ ...row }));
    },
    forUnits: (unitIds: readonly number[], period: string) => forUnits(x, unitIds, period),
    /** Targets on one metric of the direct children of a unit, with their names. */
    async forChildren(parentId: number, period: string, metric: string): Promise<ChildTargetRow[]> {
      if (await knownChildless(x, parentId)) return [];
      return x.rows(sql`select ${childColumns}
        from units u cross join lateral (${childTarget(period, metric)}) t
        where u.parent_id = ${parentId}`);
    },
    async find(unitId: number, metric: string, period: string): Promise<Target | undefined> {
      return x.one(
        sql`select ${columns} from targets where unit_id = ${unitId} and metric = ${metric} and period = ${period}`,
      );
    },
    async upsert(target: Omit<Target, "scope" | "planId"> & Partial<Pick<Target, "scope" | "planId">>): Promise<void> {
      const t = { scope: "total" as const, planId: null, ...target };
      await x.run(sql`insert into targets (unit_id, metric, period, value, deadline, scope, plan_id)
        values (${t.unitId}, ${t.metric}, ${t.period}, ${t.value}, ${t.deadline}, ${t.scope}, ${t.planId})
        on conflict (unit_id, metric, period) do update set value = excluded.value, deadline = excluded.deadline,
          scope = excluded.scope, plan_id = coalesce(excluded.plan_id, targets.plan_id)`);
    },
  };
}
