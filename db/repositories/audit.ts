// The audit log: appended to in the transaction of the change it records, read newest first. There is no
// update and no delete here, and the database refuses both (triggers in the migration).
import type { Db } from "#db/client.ts";
import { subtreeBounds } from "#db/tree.ts";

export interface AuditInput {
  at: string;
  personId: number | null;
  platform: string;
  account: string | null;
  kind: string;
  unit: { id: number; path: string } | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  personId: number | null;
  /** The person's display name as it is now: the log itself keeps only the id. */
  personName: string | null;
  platform: string;
  account: string | null;
  kind: string;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** Only entries on this subtree; without it, every entry, those on no unit included. */
  within?: { path: string };
  /** Only entries older than this id: the next page. */
  beforeId?: number;
  /** Only entries at or after this instant (ISO). */
  since?: string;
  limit: number;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function auditRepository(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `insert into audit_log (at, person_id, platform, account, kind, unit_id, unit_path, before, after)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = `select a.id, a.at, a.person_id as personId, p.display_name as personName, a.platform, a.account,
       a.kind, a.unit_id as unitId, u.code as unitCode, u.name as unitName, a.before, a.after
     from audit_log a left join people p on p.id = a.person_id left join units u on u.id = a.unit_id`;
  const inSubtree = sqlite.prepare(
    `${select} where a.unit_path >= ? and a.unit_path < ? and a.id < ? and a.at >= ? order by a.id desc limit ?`,
  );
  const everywhere = sqlite.prepare(`${select} where a.id < ? and a.at >= ? order by a.id desc limit ?`);

  return {
    append(entry: AuditInput): void {
      insert.run(
        entry.at,
        entry.personId,
        entry.platform,
        entry.account,
        entry.kind,
        entry.unit?.id ?? null,
        entry.unit?.path ?? null,
        json(entry.before),
        json(entry.after),
      );
    },
    /** Newest first, at most `limit`; the next page starts below the last id returned. */
    read(query: AuditQuery): AuditEntry[] {
      const beforeId = query.beforeId ?? Number.MAX_SAFE_INTEGER;
      const since = query.since ?? "";
      const rows = (
        query.within
          ? inSubtree.all(...subtreeBounds(query.within.path), beforeId, since, query.limit)
          : everywhere.all(beforeId, since, query.limit)
      ) as (Omit<AuditEntry, "before" | "after"> & { before: string | null; after: string | null })[];
      return rows.map((row) => ({ ...row, before: parsed(row.before), after: parsed(row.after) }));
    },
  };
}
