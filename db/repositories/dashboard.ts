// What the web dashboard reads besides standings: each unit's last report, first linked person and chair,
// a unit's reports over time, which units did a task, a subtree's announcements. Synchronous, like every
// SQLite repository: db/index.ts puts them behind the asynchronous contract.
import type { Db } from "#db/client.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Broadcast } from "./reminders.ts";

export interface UnitFacts {
  unitId: number;
  /** YYYY-MM-DD of the unit's own latest ledger entry, or null. */
  lastReport: string | null;
  /** ISO instant the first person took a role on the unit, or null. */
  firstRole: string | null;
  hasChair: boolean;
}

export interface ReportEntry {
  id: number;
  event: string;
  count: number;
  informal: boolean;
  occurredOn: string;
  createdAt: string;
  /** The entry this one reverses (an undo), or null. */
  reverses: number | null;
  /** The reversing entry, when this one was undone. */
  undoneBy: number | null;
  reporter: string | null;
}

export function dashboardRepository(db: Db) {
  const sqlite = db.$client;
  // Correlated lookups ride the (unit_id, occurred_on) and roles(unit_id) indexes: one seek per unit.
  const factsStmt = sqlite.prepare(
    `select u.id as unitId,
       (select max(l.occurred_on) from ledger l where l.unit_id = u.id) as lastReport,
       (select min(r.created_at) from roles r where r.unit_id = u.id) as firstRole,
       exists (select 1 from roles r where r.unit_id = u.id and r.role = 'chair') as hasChair
     from units u where u.path >= ? and u.path < ?`,
  );
  const reportsStmt = sqlite.prepare(
    `select l.id, l.event, l.count, l.informal, l.occurred_on as occurredOn, l.created_at as createdAt,
       l.reverses, l.undone_by as undoneBy, p.display_name as reporter
     from ledger l left join people p on p.id = l.reporter_id
     where l.unit_id = ? order by l.id desc limit ?`,
  );
  const broadcastsStmt = sqlite.prepare(
    `select b.id, b.unit_id as unitId, b.text, b.created_by as createdBy, b.created_at as createdAt,
       b.confirmed_at as confirmedAt, b.recipients, b.reported_at as reportedAt
     from broadcasts b join units u on u.id = b.unit_id
     where u.path >= ? and u.path < ? and b.confirmed_at is not null and b.recipients > 0
     order by b.id desc limit ?`,
  );

  return {
    /** Last report, first linked person and whether a chair is linked, for every unit of a subtree. */
    unitFacts(path: string): Map<number, UnitFacts> {
      const rows = factsStmt.all(...subtreeBounds(path)) as (Omit<UnitFacts, "hasChair"> & { hasChair: number })[];
      return new Map(rows.map((row) => [row.unitId, { ...row, hasChair: row.hasChair === 1 }]));
    },
    /** A unit's own ledger entries, newest first, with who reported each. */
    reportsOf(unitId: number, limit: number): ReportEntry[] {
      const rows = reportsStmt.all(unitId, limit) as (Omit<ReportEntry, "informal"> & { informal: number })[];
      return rows.map((row) => ({ ...row, informal: row.informal === 1 }));
    },
    /** The units that have done each of these tasks. */
    tasksDone(taskIds: number[]): Map<number, Set<number>> {
      const done = new Map<number, Set<number>>(taskIds.map((id) => [id, new Set()]));
      if (taskIds.length === 0) return done;
      const rows = sqlite
        .prepare(
          `select task_id as taskId, unit_id as unitId from task_done where task_id in (${taskIds.map(() => "?").join(", ")})`,
        )
        .all(...taskIds) as { taskId: number; unitId: number }[];
      for (const row of rows) done.get(row.taskId)?.add(row.unitId);
      return done;
    },
    /** Announcements sent in a subtree, newest first. */
    broadcastsIn(path: string, limit: number): Broadcast[] {
      return broadcastsStmt.all(...subtreeBounds(path), limit) as Broadcast[];
    },
  };
}
