import type { Db } from "../client.ts";

export interface Target {
  unitId: number;
  metric: string;
  period: string;
  value: number;
  deadline: string | null;
}

export interface ChildTargetRow extends Target {
  name: string;
  code: string;
}

export function targetRepository(db: Db) {
  const sqlite = db.$client;
  const forUnitStmt = sqlite.prepare(
    `select unit_id as unitId, metric, period, value, deadline from targets where unit_id = ? and period = ? order by id`,
  );
  const forChildrenStmt = sqlite.prepare(
    `select t.unit_id as unitId, t.metric, t.period, t.value, t.deadline, u.name, u.code
     from units u join targets t on t.unit_id = u.id and t.period = ? and t.metric = ?
     where u.parent_id = ?`,
  );
  const upsertStmt = sqlite.prepare(
    `insert into targets (unit_id, metric, period, value, deadline) values (@unitId, @metric, @period, @value, @deadline)
     on conflict (unit_id, metric, period) do update set value = excluded.value, deadline = excluded.deadline`,
  );
  const findStmt = sqlite.prepare(
    `select unit_id as unitId, metric, period, value, deadline from targets where unit_id = ? and metric = ? and period = ?`,
  );

  return {
    forUnit(unitId: number, period: string): Target[] {
      return forUnitStmt.all(unitId, period) as Target[];
    },
    /** Targets on one metric of the direct children of a unit, with their names. */
    forChildren(parentId: number, period: string, metric: string): ChildTargetRow[] {
      return forChildrenStmt.all(period, metric, parentId) as ChildTargetRow[];
    },
    find(unitId: number, metric: string, period: string): Target | undefined {
      return findStmt.get(unitId, metric, period) as Target | undefined;
    },
    upsert(target: Target): void {
      upsertStmt.run(target);
    },
  };
}

export type TargetRepository = ReturnType<typeof targetRepository>;
