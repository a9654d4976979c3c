// Checked imports waiting for the admin who sent them to confirm, and confirmed ones still being written.
import type { Db } from "#db/client.ts";

export interface PendingImport {
  id: number;
  personId: number;
  kind: string;
  payload: string;
  createdAt: string;
  settledAt: string | null;
}

/** A confirmed import not yet written whole: its plan, and how many of its rows are in. */
export interface StagedImport {
  id: number;
  staged: string;
  appliedRows: number;
}

export function pendingImportRepository(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `insert into pending_imports (person_id, kind, payload, created_at) values (?, ?, ?, ?)`,
  );
  const byId = sqlite.prepare(
    `select id, person_id as personId, kind, payload, created_at as createdAt, settled_at as settledAt from pending_imports where id = ?`,
  );
  const settle = sqlite.prepare(`update pending_imports set settled_at = ? where id = ? and settled_at is null`);
  const latestOpen = sqlite.prepare(
    `select id, person_id as personId, kind, payload, created_at as createdAt, settled_at as settledAt from pending_imports
     where person_id = ? and kind = ? and settled_at is null order by id desc limit 1`,
  );
  const setPayload = sqlite.prepare(`update pending_imports set payload = ? where id = ? and settled_at is null`);
  const stage = sqlite.prepare(
    `update pending_imports set settled_at = ?, staged = ?, applied_rows = 0 where id = ? and settled_at is null`,
  );
  const advance = sqlite.prepare(`update pending_imports set applied_rows = ? where id = ? and staged is not null`);
  const finish = sqlite.prepare(`update pending_imports set staged = null where id = ?`);
  const unfinished = sqlite.prepare(
    `select id, staged, applied_rows as appliedRows from pending_imports where staged is not null order by id`,
  );
  const addPart = sqlite.prepare(`insert into pending_import_parts (import_id, part, body) values (?, ?, ?)`);
  const part = sqlite.prepare(`select body from pending_import_parts where import_id = ? and part = ?`);
  const dropParts = sqlite.prepare(`delete from pending_import_parts where import_id = ?`);
  return {
    create(personId: number, kind: string, payload: string, now: string): number {
      return Number(insert.run(personId, kind, payload, now).lastInsertRowid);
    },
    get(id: number): PendingImport | undefined {
      return byId.get(id) as PendingImport | undefined;
    },
    /** True for the one call that settles it; a second press of the same button gets false. */
    settle(id: number, now: string): boolean {
      return settle.run(now, id).changes === 1;
    },
    /** A person's newest unsettled one of a kind: the member they are entering. */
    latestOpen(personId: number, kind: string): PendingImport | undefined {
      return latestOpen.get(personId, kind) as PendingImport | undefined;
    },
    /** Replaces what an unsettled one holds; false once it is settled. */
    replacePayload(id: number, payload: string): boolean {
      return setPayload.run(payload, id).changes === 1;
    },
    /** Settles it as confirmed, with the plan to write: true for the one call that does. */
    stage(id: number, now: string, staged: string): boolean {
      return stage.run(now, staged, id).changes === 1;
    },
    /** Records that the first `appliedRows` rows of the staged plan are written. */
    advance(id: number, appliedRows: number): void {
      advance.run(appliedRows, id);
    },
    /** Every row is written: the staged plan is no longer needed. */
    finish(id: number): void {
      finish.run(id);
    },
    /** Confirmed imports a stop interrupted, oldest first. */
    unfinished(): StagedImport[] {
      return unfinished.all() as StagedImport[];
    },
    addPart(id: number, n: number, body: string): void {
      addPart.run(id, n, body);
    },
    part(id: number, n: number): string | undefined {
      return (part.get(id, n) as { body: string } | undefined)?.body;
    },
    dropParts(id: number): void {
      dropParts.run(id);
    },
  };
}
