// Tasks and their per-unit status, reminder policies, mutes and snoozes, and announcements.
import type { Db } from "#db/client.ts";
import { subtreeBounds } from "#db/tree.ts";

export interface Task {
  id: number;
  unitId: number;
  title: string;
  dueOn: string;
}

export interface Broadcast {
  id: number;
  unitId: number;
  text: string;
  createdBy: number | null;
  createdAt: string;
  confirmedAt: string | null;
  recipients: number;
  reportedAt: string | null;
}

export interface Recipient {
  personId: number;
  displayName: string;
  unitId: number;
  role: string;
}

type Sqlite = Db["$client"];

export function reminderRepository(db: Db) {
  const sqlite = db.$client;
  return {
    ...taskQueries(sqlite),
    ...reminderSettings(sqlite),
    ...broadcastQueries(sqlite),
  };
}

/** Tasks set on units, and which units have done them. */
function taskQueries(sqlite: Sqlite) {
  const taskColumns = `id, unit_id as unitId, title, due_on as dueOn`;
  const insertTask = sqlite.prepare(
    `insert into tasks (unit_id, title, due_on, plan_id, created_by, created_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const tasksForUnits = (ids: number[]) =>
    sqlite
      .prepare(
        `select ${taskColumns} from tasks where unit_id in (${ids.map(() => "?").join(",")}) order by due_on, id`,
      )
      .all(...ids) as Task[];
  const taskById = sqlite.prepare(`select ${taskColumns} from tasks where id = ?`);
  const tasksDueBetween = sqlite.prepare(
    `select ${taskColumns} from tasks where due_on between ? and ? order by due_on, id`,
  );
  const markDone = sqlite.prepare(
    `insert into task_done (task_id, unit_id, done_at, done_by) values (?, ?, ?, ?) on conflict do nothing`,
  );
  const isDone = sqlite.prepare(`select 1 from task_done where task_id = ? and unit_id = ?`);
  const tasksInSubtree = sqlite.prepare(
    `select t.id, t.unit_id as unitId, t.title, t.due_on as dueOn from tasks t join units u on u.id = t.unit_id
     where u.path >= ? and u.path < ? and u.id != ? order by t.due_on, t.id`,
  );

  return {
    addTask(unitId: number, title: string, dueOn: string, createdBy: number | null, now: string): number {
      return Number(insertTask.run(unitId, title, dueOn, null, createdBy, now).lastInsertRowid);
    },
    task(id: number): Task | undefined {
      return taskById.get(id) as Task | undefined;
    },
    /** Tasks set on any of these units (a unit's lineage: tasks apply to everything below their unit). */
    tasksFor(unitIds: number[]): Task[] {
      return unitIds.length > 0 ? tasksForUnits(unitIds) : [];
    },
    tasksDueBetween(from: string, to: string): Task[] {
      return tasksDueBetween.all(from, to) as Task[];
    },
    markDone(taskId: number, unitId: number, personId: number | null, now: string): boolean {
      return markDone.run(taskId, unitId, now, personId).changes === 1;
    },
    isDone(taskId: number, unitId: number): boolean {
      return isDone.get(taskId, unitId) !== undefined;
    },
    /** Tasks set on units strictly below this one. */
    tasksInSubtree(unit: { id: number; path: string }): Task[] {
      return tasksInSubtree.all(...subtreeBounds(unit.path), unit.id) as Task[];
    },
  };
}

/** Who hears which reminders when: units' policies, people's mutes and snoozes. */
function reminderSettings(sqlite: Sqlite) {
  const policyStmt = sqlite.prepare(`select settings from reminder_policies where unit_id = ?`);
  const savePolicy = sqlite.prepare(
    `insert into reminder_policies (unit_id, settings, updated_at) values (?, ?, ?)
     on conflict (unit_id) do update set settings = excluded.settings, updated_at = excluded.updated_at`,
  );
  const allPolicies = sqlite.prepare(`select settings from reminder_policies`);
  // Policies are few (an admin's changes for their subtree): read them all and keep the lineage's and the
  // subtree's, each unit found by its key (CROSS JOIN keeps that order rather than a scan of every unit).
  const policiesAround = sqlite.prepare(
    `select p.unit_id as unitId, p.settings from reminder_policies p cross join units u on u.id = p.unit_id
     where (u.path >= ? and u.path < ?) or substr(?, 1, length(u.path)) = u.path`,
  );
  const mutesStmt = sqlite.prepare(`select kind from reminder_mutes where person_id = ?`);
  const mute = sqlite.prepare(`insert into reminder_mutes (person_id, kind) values (?, ?) on conflict do nothing`);
  const unmute = sqlite.prepare(`delete from reminder_mutes where person_id = ? and kind = ?`);
  const snoozeStmt = sqlite.prepare(
    `insert into reminder_snoozes (person_id, ref, until) values (?, ?, ?) on conflict (person_id, ref) do update set until = excluded.until`,
  );
  const snoozedUntil = sqlite.prepare(`select until from reminder_snoozes where person_id = ? and ref = ?`);
  const snoozesEnding = sqlite.prepare(
    `select person_id as personId, ref, until from reminder_snoozes where until > ? and until <= ?`,
  );

  return {
    policy(unitId: number): Record<string, unknown> | undefined {
      const row = policyStmt.get(unitId) as { settings: string } | undefined;
      return row ? (JSON.parse(row.settings) as Record<string, unknown>) : undefined;
    },
    allPolicies(): Record<string, unknown>[] {
      return (allPolicies.all() as { settings: string }[]).map(
        (r) => JSON.parse(r.settings) as Record<string, unknown>,
      );
    },
    /** The changes of every unit above or within a unit's subtree, by unit. */
    policiesAround(path: string): Map<number, Record<string, unknown>> {
      const rows = policiesAround.all(...subtreeBounds(path), path) as { unitId: number; settings: string }[];
      return new Map(rows.map((r) => [r.unitId, JSON.parse(r.settings) as Record<string, unknown>]));
    },
    savePolicy(unitId: number, settings: Record<string, unknown>, now: string): void {
      savePolicy.run(unitId, JSON.stringify(settings), now);
    },
    mutes(personId: number): Set<string> {
      return new Set((mutesStmt.all(personId) as { kind: string }[]).map((r) => r.kind));
    },
    mute(personId: number, kind: string): void {
      mute.run(personId, kind);
    },
    unmute(personId: number, kind: string): void {
      unmute.run(personId, kind);
    },
    snooze(personId: number, ref: string, until: string): void {
      snoozeStmt.run(personId, ref, until);
    },
    snoozedUntil(personId: number, ref: string): string | undefined {
      return (snoozedUntil.get(personId, ref) as { until: string } | undefined)?.until;
    },
    snoozesEnding(after: string, upTo: string): { personId: number; ref: string; until: string }[] {
      return snoozesEnding.all(after, upTo) as { personId: number; ref: string; until: string }[];
    },
  };
}

/** Announcements and the people they reach. */
function broadcastQueries(sqlite: Sqlite) {
  const recipientsStmt = sqlite.prepare(
    `select r.person_id as personId, p.display_name as displayName, r.unit_id as unitId, r.role
     from roles r join people p on p.id = r.person_id where r.unit_id = ? order by r.id`,
  );
  const peopleInSubtree = sqlite.prepare(
    `select distinct r.person_id as personId from roles r join units u on u.id = r.unit_id where u.path >= ? and u.path < ? order by r.person_id`,
  );
  const insertBroadcast = sqlite.prepare(
    `insert into broadcasts (unit_id, text, created_by, created_at) values (?, ?, ?, ?)`,
  );
  const broadcastColumns = `id, unit_id as unitId, text, created_by as createdBy, created_at as createdAt,
    confirmed_at as confirmedAt, recipients, reported_at as reportedAt`;
  const broadcastById = sqlite.prepare(`select ${broadcastColumns} from broadcasts where id = ?`);
  const confirmBroadcast = sqlite.prepare(
    `update broadcasts set confirmed_at = ?, recipients = ? where id = ? and confirmed_at is null`,
  );
  const unreported = sqlite.prepare(
    `select ${broadcastColumns} from broadcasts where confirmed_at is not null and reported_at is null`,
  );
  const markReported = sqlite.prepare(`update broadcasts set reported_at = ? where id = ? and reported_at is null`);

  return {
    /** The people with a role on a unit. */
    people(unitId: number): Recipient[] {
      return recipientsStmt.all(unitId) as Recipient[];
    },
    /** Everyone with a role on a unit of the subtree, once each. */
    peopleInSubtree(unit: { path: string }): number[] {
      return (peopleInSubtree.all(...subtreeBounds(unit.path)) as { personId: number }[]).map((r) => r.personId);
    },
    createBroadcast(unitId: number, text: string, createdBy: number | null, now: string): number {
      return Number(insertBroadcast.run(unitId, text, createdBy, now).lastInsertRowid);
    },
    broadcast(id: number): Broadcast | undefined {
      return broadcastById.get(id) as Broadcast | undefined;
    },
    confirmBroadcast(id: number, recipients: number, now: string): boolean {
      return confirmBroadcast.run(now, recipients, id).changes === 1;
    },
    unreportedBroadcasts(): Broadcast[] {
      return unreported.all() as Broadcast[];
    },
    markReported(id: number, now: string): boolean {
      return markReported.run(now, id).changes === 1;
    },
  };
}
