// Checked imports waiting for the admin who sent them to confirm, on PostgreSQL.
import { sql } from "drizzle-orm";
import type { PendingImport, StagedImport } from "#db/repositories/pending-imports.ts";
import type { Executor } from "../executor.ts";

export function pendingImportRepository(x: Executor) {
  return {
    async create(personId: number, kind: string, payload: string, now: string): Promise<number> {
      const row = await x.one<{ id: number }>(sql`insert into pending_imports (person_id, kind, payload, created_at)
        values (${personId}, ${kind}, ${payload}, ${now}) returning id`);
      if (!row) throw new Error("the import was not inserted");
      return row.id;
    },
    async get(id: number): Promise<PendingImport | undefined> {
      return x.one(sql`select id, person_id as "personId", kind, payload, created_at as "createdAt",
          settled_at as "settledAt" from pending_imports where id = ${id}`);
    },
    /** True for the one call that settles it; a second press of the same button gets false. */
    async settle(id: number, now: string): Promise<boolean> {
      return (
        (await x.run(sql`update pending_imports set settled_at = ${now} where id = ${id} and settled_at is null`)) === 1
      );
    },
    /** A person's newest unsettled one of a kind: the member they are entering. */
    async latestOpen(personId: number, kind: string): Promise<PendingImport | undefined> {
      return x.one(sql`select id, person_id as "personId", kind, payload, created_at as "createdAt",
          settled_at as "settledAt" from pending_imports
          where person_id = ${personId} and kind = ${kind} and settled_at is null order by id desc limit 1`);
    },
    /** Replaces what an unsettled one holds; false once it is settled. */
    async replacePayload(id: number, payload: string): Promise<boolean> {
      return (
        (await x.run(sql`update pending_imports set payload = ${payload} where id = ${id} and settled_at is null`)) ===
        1
      );
    },
    /** Settles it as confirmed, with what applying it needs: true for the one call that does. */
    async stage(id: number, now: string, staged: string): Promise<boolean> {
      return (
        (await x.run(sql`update pending_imports set settled_at = ${now}, staged = ${staged}, applied_rows = 0
          where id = ${id} and settled_at is null`)) === 1
      );
    },
    async advance(id: number, appliedRows: number): Promise<void> {
      await x.run(
        sql`update pending_imports set applied_rows = ${appliedRows} where id = ${id} and staged is not null`,
      );
    },
    async finish(id: number): Promise<void> {
      await x.run(sql`update pending_imports set staged = null where id = ${id}`);
    },
    async unfinished(): Promise<StagedImport[]> {
      return x.rows(sql`select id, staged, applied_rows as "appliedRows" from pending_imports
        where staged is not null order by id`);
    },
    async addPart(id: number, part: number, body: string): Promise<void> {
      await x.run(sql`insert into pending_import_parts (import_id, part, body) values (${id}, ${part}, ${body})`);
    },
    async part(id: number, part: number): Promise<string | undefined> {
      return (
        await x.one<{ body: string }>(
          sql`select body from pending_import_parts where import_id = ${id} and part = ${part}`,
        )
      )?.body;
    },
    async dropParts(id: number): Promise<void> {
      await x.run(sql`delete from pending_import_parts where import_id = ${id}`);
    },
  };
}
