// Doubted reports waiting for their reporter to confirm them, on PostgreSQL: held once per message.
import { sql, type SQL } from "drizzle-orm";
import type { PendingReport } from "#db/repositories/pending-reports.ts";
import type { Executor } from "../executor.ts";

const columns = sql.raw(`id, person_id as "personId", unit_id as "unitId", source, payload, created_at as "createdAt",
  settled_at as "settledAt"`);

/**
 * Closes a person's other open questions about a unit: pendingReports.supersede, and ledger.record in the same
 * statement as the report that closes them (`also` adds its condition). Null person or unit matches nothing.
 */
export const settleOthers = (
  now: string,
  personId: number | null,
  unitId: number | null,
  exceptSource: string,
  also: SQL = sql``,
) => sql`update pending_reports set settled_at = ${now} where person_id = ${personId}::int
  and unit_id = ${unitId}::int and source <> ${exceptSource} and settled_at is null ${also}`;

export function pendingReportRepository(x: Executor) {
  return {
    /** Holds a report; a message held before (a redelivery) keeps its first hold. Returns the hold. */
    async hold(personId: number, unitId: number, source: string, payload: string, now: string): Promise<PendingReport> {
      await x.run(sql`insert into pending_reports (person_id, unit_id, source, payload, created_at)
        values (${personId}, ${unitId}, ${source}, ${payload}, ${now}) on conflict (source) do nothing`);
      const held = await x.one<PendingReport>(sql`select ${columns} from pending_reports where source = ${source}`);
      if (!held) throw new Error("the hold was not written");
      return held;
    },
    async get(id: number): Promise<PendingReport | undefined> {
      return x.one(sql`select ${columns} from pending_reports where id = ${id}`);
    },
    /** True for the one call that settles it; a second press of the same button gets false. */
    async settle(id: number, now: string): Promise<boolean> {
      return (
        (await x.run(sql`update pending_reports set settled_at = ${now} where id = ${id} and settled_at is null`)) === 1
      );
    },
    /** Closes the person's other open questions about a unit (see the SQLite repository). */
    async supersede(personId: number, unitId: number, exceptSource: string, now: string): Promise<void> {
      await x.run(settleOthers(now, personId, unitId, exceptSource));
    },
  };
}
