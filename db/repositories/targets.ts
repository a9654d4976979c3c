import type { Statement } from "better-sqlite3";
import type { Db } from "#db/client.ts";
import { subtreeBounds } from "#db/tree.ts";

export interface Target {
  unitId: number;
  metric: string;
  period: string;
  value: number;
  deadline: string | null;
  scope: "total" | "each";
  planId: number | null;
}

/** A target as stored, with its id (reminders refer to it). */
export interface StoredTarget extends Target {
  id: number;
}

export interface ChildTargetRow extends Target {
  name: string;
  code: string;
  path: string;
  members: number;
}

const columns = `unit_id as unitId, metric, period, value, deadline, scope, plan_id as planId`;

type Sqlite = Db["$client"];

function targetStatements(sqlite: Sqlite) {
  const forUnitStmt = sqlite.prepare(`select ${columns} from targets where unit_id = ? and period = ? order by id`);
  const forChildrenStmt = sqlite.prepare(
    `select t.unit_id as unitId, t.metric, t.period, t.value, t.deadline, t.scope, t.plan_id as planId, u.name, u.code, u.path, u.members
     from units u join targets t on t.unit_id = u.id and t.period = ? and t.metric = ?
     where u.parent_id = ?`,
  );
  const upsertStmt = sqlite.prepare(
    `insert into targets (unit_id, metric, period, value, deadline, scope, plan_id)
     values (@unitId, @metric, @period, @value, @deadline, @scope, @planId)
     on conflict (unit_id, metric, period) do update set value = excluded.value, deadline = excluded.deadline,
       scope = excluded.scope, plan_id = coalesce(excluded.plan_id, targets.plan_id)`,
  );
  const findStmt = sqlite.prepare(`select ${columns} from targets where unit_id = ? and metric = ? and period = ?`);

  const inSubtreeStmt = sqlite.prepare(
    `select t.unit_id as unitId, t.metric, t.period, t.value, t.deadline, t.scope, t.plan_id as planId
     from targets t join units u on u.id = t.unit_id where u.path >= ? and u.path < ? and t.period = ?`,
  );

  // Children's targets on one metric with what they did, in one statement: a district has hundreds.
  const childrenDoneStmts = new Map<number, Statement<unknown[]>>();
  const childrenDone = (eventCount: number) => {
    let stmt = childrenDoneStmts.get(eventCount);
    if (!stmt) {
      stmt = sqlite.prepare(
        `select t.unit_id as unitId, t.metric, t.period, t.value, t.deadline, t.scope, t.plan_id as planId, u.name, u.code, u.path, u.members,
           coalesce((select sum(y.total) from tallies y where y.unit_id = u.id and y.period = t.period
             and y.event in (${Array.from({ length: eventCount }, () => "?").join(", ")})), 0) as done
         from units u join targets t on t.unit_id = u.id and t.period = ? and t.metric = ?
         where u.parent_id = ?`,
      );
      childrenDoneStmts.set(eventCount, stmt);
    }
    return stmt;
  };
  const childMetricsStmt = sqlite.prepare(
    `select t.metric, count(*) as n from units u join targets t on t.unit_id = u.id and t.period = ?
     where u.parent_id = ? group by t.metric order by n desc, t.metric`,
  );
  const aroundStmt = sqlite.prepare(
    `select id, ${columns} from targets where deadline between ? and ? order by deadline, id`,
  );
  const byIdStmt = sqlite.prepare(`select id, ${columns} from targets where id = ?`);
  return {
    forUnitStmt,
    forChildrenStmt,
    upsertStmt,
    findStmt,
    inSubtreeStmt,
    childrenDone,
    childMetricsStmt,
    aroundStmt,
    byIdStmt,
  };
}

export function targetRepository(db: Db) {
  const {
    forUnitStmt,
    forChildrenStmt,
    upsertStmt,
    findStmt,
    inSubtreeStmt,
    childrenDone,
    childMetricsStmt,
    aroundStmt,
    byIdStmt,
  } = targetStatements(db.$client);

  return {
    /** Targets on a count metric of the direct children, each with its total of the metric's events. */
    forChildrenWithDone(
      parentId: number,
      period: string,
      metric: string,
      events: string[],
    ): (ChildTargetRow & { done: number })[] {
      return childrenDone(events.length).all(...events, period, metric, parentId) as (ChildTargetRow & {
        done: number;
      })[];
    },
    /** The metrics the direct children have targets on, most widely set first. */
    childMetrics(parentId: number, period: string): string[] {
      return (childMetricsStmt.all(period, parentId) as { metric: string }[]).map((r) => r.metric);
    },
    /** Targets whose deadline is within some days before or after a day. */
    withDeadlineAround(day: string, before: number, after: number): StoredTarget[] {
      const shift = (days: number) =>
        new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return aroundStmt.all(shift(-before), shift(after)) as StoredTarget[];
    },
    byId(id: number): StoredTarget | undefined {
      return byIdStmt.get(id) as StoredTarget | undefined;
    },
    /** Every target of a period in a unit's subtree, the unit's own included. */
    inSubtree(path: string, period: string): Target[] {
      return inSubtreeStmt.all(...subtreeBounds(path), period) as Target[];
    },
    forUnit(unitId: number, period: string): Target[] {
      return forUnitStmt.all(unitId, period) as Target[];
    },
    forUnits(unitIds: readonly number[], period: string): Map<number, Target[]> {
      return new Map(unitIds.map((id) => [id, forUnitStmt.all(id, period) as Target[]]));
    },
    /** Targets on one metric of the direct children of a unit, with their names. */
    forChildren(parentId: number, period: string, metric: string): ChildTargetRow[] {
      return forChildrenStmt.all(period, metric, parentId) as ChildTargetRow[];
    },
    find(unitId: number, metric: string, period: string): Target | undefined {
      return findStmt.get(unitId, metric, period) as Target | undefined;
    },
    upsert(target: Omit<Target, "scope" | "planId"> & Partial<Pick<Target, "scope" | "planId">>): void {
      upsertStmt.run({ scope: "total", planId: null, ...target });
    },
  };
}
