// What the web dashboard reads besides standings, on PostgreSQL: each unit's last report, first linked
// person and chair, a unit's reports over time, which units did a task, a subtree's announcements.
import { sql } from "drizzle-orm";
import type { ReportEntry, UnitFacts } from "#db/repositories/dashboard.ts";
import type { Broadcast } from "#db/repositories/reminders.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";
import { inList } from "./figures.ts";

export function dashboardRepository(x: Executor) {
  return {
    async unitFacts(path: string): Promise<Map<number, UnitFacts>> {
      const [low, high] = subtreeBounds(path);
      // Correlated lookups ride the (unit_id, occurred_on) and roles(unit_id) indexes: one seek per unit.
      const rows = await x.rows<UnitFacts>(sql`select u.id as "unitId",
          (select max(l.occurred_on) from ledger l where l.unit_id = u.id) as "lastReport",
          (select min(r.created_at) from roles r where r.unit_id = u.id) as "firstRole",
          exists (select 1 from roles r where r.unit_id = u.id and r.role = 'chair') as "hasChair"
        from units u where u.path >= ${low} and u.path < ${high}`);
      return new Map(rows.map((row) => [row.unitId, row]));
    },
    async reportsOf(unitId: number, limit: number): Promise<ReportEntry[]> {
      return x.rows<ReportEntry>(sql`select l.id, l.event, l.count, l.informal, l.occurred_on as "occurredOn",
          l.created_at as "createdAt", l.reverses, l.undone_by as "undoneBy", p.display_name as reporter
        from ledger l left join people p on p.id = l.reporter_id
        where l.unit_id = ${unitId} order by l.id desc limit ${limit}`);
    },
    async tasksDone(taskIds: number[]): Promise<Map<number, Set<number>>> {
      const done = new Map<number, Set<number>>(taskIds.map((id) => [id, new Set()]));
      if (taskIds.length === 0) return done;
      const rows = await x.rows<{ taskId: number; unitId: number }>(
        sql`select task_id as "taskId", unit_id as "unitId" from task_done where task_id in ${inList(taskIds)}`,
      );
      for (const row of rows) done.get(row.taskId)?.add(row.unitId);
      return done;
    },
    async broadcastsIn(path: string, limit: number): Promise<Broadcast[]> {
      const [low, high] = subtreeBounds(path);
      return x.rows<Broadcast>(sql`select b.id, b.unit_id as "unitId", b.text, b.created_by as "createdBy",
          b.created_at as "createdAt", b.confirmed_at as "confirmedAt", b.recipients, b.reported_at as "reportedAt"
        from broadcasts b join units u on u.id = b.unit_id
        where u.path >= ${low} and u.path < ${high} and b.confirmed_at is not null and b.recipients > 0
        order by b.id desc limit ${limit}`);
    },
  };
}
