// The audit log on PostgreSQL: appended to in the transaction of the change it records, read newest first.
// A trigger (in the migration) refuses every update, delete and truncation.
import { sql } from "drizzle-orm";
import type { AuditEntry, AuditInput, AuditQuery } from "#db/repositories/audit.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function auditRepository(x: Executor) {
  return {
    async append(entry: AuditInput): Promise<void> {
      await x.run(sql`insert into audit_log (at, person_id, platform, account, kind, unit_id, unit_path, before, after)
        values (${entry.at}, ${entry.personId}, ${entry.platform}, ${entry.account}, ${entry.kind},
          ${entry.unit?.id ?? null}, ${entry.unit?.path ?? null}, ${json(entry.before)}, ${json(entry.after)})`);
    },
    /** Newest first, at most `limit`; the next page starts below the last id returned. */
    async read(query: AuditQuery): Promise<AuditEntry[]> {
      const beforeId = query.beforeId ?? Number.MAX_SAFE_INTEGER;
      const within = query.within
        ? sql`a.unit_path >= ${subtreeBounds(query.within.path)[0]} and a.unit_path < ${subtreeBounds(query.within.path)[1]} and`
        : sql``;
      const rows = await x.rows<Omit<AuditEntry, "before" | "after"> & { before: string | null; after: string | null }>(
        sql`select a.id, a.at, a.person_id as "personId", p.display_name as "personName", a.platform, a.account,
            a.kind, a.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", a.before, a.after
          from audit_log a left join people p on p.id = a.person_id left join units u on u.id = a.unit_id
          where ${within} a.id < ${beforeId}::bigint and a.at >= ${query.since ?? ""}
          order by a.id desc limit ${query.limit}`,
      );
      return rows.map((row) => ({ ...row, before: parsed(row.before), after: parsed(row.after) }));
    },
  };
}
