// Tasks, reminder policies, mutes and snoozes, and announcements, on PostgreSQL.
import { sql } from "drizzle-orm";
import type { Broadcast, Recipient, Task } from "#db/repositories/reminders.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";
import { inList } from "./figures.ts";

export function reminderRepository(x: Executor) {
  return { ...taskQueries(x), ...reminderSettings(x), ...broadcastQueries(x) };
}

const taskColumns = sql.raw(`id, unit_id as "unitId", title, due_on as "dueOn"`);

/** Tasks set on units, and which units have done them. */
function taskQueries(x: Executor) {
  return {
    async addTask(
      unitId: number,
      title: string,
      dueOn: string,
      createdBy: number | null,
      now: string,
    ): Promise<number> {
      const row = await x.one<{
        id: number;
      }>(sql`insert into tasks (unit_id, title, due_on, plan_id, created_by, created_at)
        values (${unitId}, ${title}, ${dueOn}, null, ${createdBy}, ${now}) returning id`);
      if (!row) throw new Error("the task was not inserted");
      return row.id;
    },
    async task(id: number): Promise<Task | undefined> {
      return x.one(sql`select ${taskColumns} from tasks where id = ${id}`);
    },
    /** Tasks set on any of these units (a unit's lineage: tasks apply to everything below their unit). */
    async tasksFor(unitIds: number[]): Promise<Task[]> {
      if (unitIds.length === 0) return [];
      return x.rows(sql`select ${taskColumns} from tasks where unit_id in ${inList(unitIds)} order by due_on, id`);
    },
    async tasksDueBetween(from: string, to: string): Promise<Task[]> {
      return x.rows(sql`select ${taskColumns} from tasks where due_on between ${from} and ${to} order by due_on, id`);
    },
    async markDone(taskId: number, unitId: number, personId: number | null, now: string): Promise<boolean> {
      return (
        (await x.run(sql`insert into task_done (task_id, unit_id, done_at, done_by)
          values (${taskId}, ${unitId}, ${now}, ${personId}) on conflict do nothing`)) === 1
      );
    },
    async isDone(taskId: number, unitId: number): Promise<boolean> {
      return (
        (await x.one(sql`select 1 from task_done where task_id = ${taskId} and unit_id = ${unitId}`)) !== undefined
      );
    },
    /** Tasks set on units strictly below this one. */
    async tasksInSubtree(unit: { id: number; path: string }): Promise<Task[]> {
      const [low, high] = subtreeBounds(unit.path);
      return x.rows(sql`select t.id, t.unit_id as "unitId", t.title, t.due_on as "dueOn"
        from tasks t join units u on u.id = t.unit_id
        where u.path >= ${low} and u.path < ${high} and u.id != ${unit.id} order by t.due_on, t.id`);
    },
  };
}

/** Who hears which reminders when: units' policies, people's mutes and snoozes. */
function reminderSettings(x: Executor) {
  const parse = (settings: string) => JSON.parse(settings) as Record<string, unknown>;
  return {
    async policy(unitId: number): Promise<Record<string, unknown> | undefined> {
      const row = await x.one<{ settings: string }>(
        sql`select settings from reminder_policies where unit_id = ${unitId}`,
      );
      return row ? parse(row.settings) : undefined;
    },
    async allPolicies(): Promise<Record<string, unknown>[]> {
      return (await x.rows<{ settings: string }>(sql`select settings from reminder_policies`)).map((r) =>
        parse(r.settings),
      );
    },
    async policiesAround(path: string): Promise<Map<number, Record<string, unknown>>> {
      const [low, high] = subtreeBounds(path);
      const rows = await x.rows<{ unitId: number; settings: string }>(
        sql`select p.unit_id as "unitId", p.settings from reminder_policies p join units u on u.id = p.unit_id
          where (u.path >= ${low} and u.path < ${high}) or starts_with(${path}, u.path)`,
      );
      return new Map(rows.map((r) => [Number(r.unitId), parse(r.settings)]));
    },
    async savePolicy(unitId: number, settings: Record<string, unknown>, now: string): Promise<void> {
      await x.run(sql`insert into reminder_policies (unit_id, settings, updated_at)
        values (${unitId}, ${JSON.stringify(settings)}, ${now})
        on conflict (unit_id) do update set settings = excluded.settings, updated_at = excluded.updated_at`);
    },
    async mutes(personId: number): Promise<Set<string>> {
      const rows = await x.rows<{ kind: string }>(sql`select kind from reminder_mutes where person_id = ${personId}`);
      return new Set(rows.map((r) => r.kind));
    },
    async mute(personId: number, kind: string): Promise<void> {
      await x.run(
        sql`insert into reminder_mutes (person_id, kind) values (${personId}, ${kind}) on conflict do nothing`,
      );
    },
    async unmute(personId: number, kind: string): Promise<void> {
      await x.run(sql`delete from reminder_mutes where person_id = ${personId} and kind = ${kind}`);
    },
    async snooze(personId: number, ref: string, until: string): Promise<void> {
      await x.run(sql`insert into reminder_snoozes (person_id, ref, until) values (${personId}, ${ref}, ${until})
        on conflict (person_id, ref) do update set until = excluded.until`);
    },
    async snoozedUntil(personId: number, ref: string): Promise<string | undefined> {
      const row = await x.one<{ until: string }>(
        sql`select until from reminder_snoozes where person_id = ${personId} and ref = ${ref}`,
      );
      return row?.until;
    },
    async snoozesEnding(after: string, upTo: string): Promise<{ personId: number; ref: string; until: string }[]> {
      return x.rows(sql`select person_id as "personId", ref, until from reminder_snoozes
        where until > ${after} and until <= ${upTo}`);
    },
  };
}

const broadcastColumns = sql.raw(`id, unit_id as "unitId", text, created_by as "createdBy", created_at as "createdAt",
  confirmed_at as "confirmedAt", recipients, reported_at as "reportedAt"`);

/** Announcements and the people they reach. */
function broadcastQueries(x: Executor) {
  return {
    /** The people with a role on a unit. */
    async people(unitId: number): Promise<Recipient[]> {
      return x.rows(sql`select r.person_id as "personId", p.display_name as "displayName", r.unit_id as "unitId", r.role
        from roles r join people p on p.id = r.person_id where r.unit_id = ${unitId} order by r.id`);
    },
    /** Everyone with a role on a unit of the subtree, once each. */
    async peopleInSubtree(unit: { path: string }): Promise<number[]> {
      const [low, high] = subtreeBounds(unit.path);
      const rows = await x.rows<{ personId: number }>(sql`select distinct r.person_id as "personId"
        from roles r join units u on u.id = r.unit_id where u.path >= ${low} and u.path < ${high}
        order by r.person_id`);
      return rows.map((r) => r.personId);
    },
    async createBroadcast(unitId: number, text: string, createdBy: number | null, now: string): Promise<number> {
      const row = await x.one<{ id: number }>(sql`insert into broadcasts (unit_id, text, created_by, created_at)
        values (${unitId}, ${text}, ${createdBy}, ${now}) returning id`);
      if (!row) throw new Error("the broadcast was not inserted");
      return row.id;
    },
    async broadcast(id: number): Promise<Broadcast | undefined> {
      return x.one(sql`select ${broadcastColumns} from broadcasts where id = ${id}`);
    },
    async confirmBroadcast(id: number, recipients: number, now: string): Promise<boolean> {
      return (
        (await x.run(sql`update broadcasts set confirmed_at = ${now}, recipients = ${recipients}
          where id = ${id} and confirmed_at is null`)) === 1
      );
    },
    async unreportedBroadcasts(): Promise<Broadcast[]> {
      return x.rows(sql`select ${broadcastColumns} from broadcasts
        where confirmed_at is not null and reported_at is null order by id`);
    },
    async markReported(id: number, now: string): Promise<boolean> {
      return (
        (await x.run(sql`update broadcasts set reported_at = ${now} where id = ${id} and reported_at is null`)) === 1
      );
    },
  };
}
