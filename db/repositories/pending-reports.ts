// Doubted reports waiting for their reporter to confirm them: held once per message, settled once.
import type { Db } from "#db/client.ts";

export interface PendingReport {
  id: number;
  personId: number;
  unitId: number;
  source: string;
  payload: string;
  createdAt: string;
  settledAt: string | null;
}

/**
 * Closes a person's other open questions about a unit (settled_at, person, unit, the source kept open):
 * pendingReports.supersede, and ledger.record in the same write as the report that closes them.
 */
export const SETTLE_OTHERS = `update pending_reports set settled_at = ? where person_id = ? and unit_id = ?
  and source <> ? and settled_at is null`;

export function pendingReportRepository(db: Db) {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `insert into pending_reports (person_id, unit_id, source, payload, created_at) values (?, ?, ?, ?, ?)
     on conflict (source) do nothing`,
  );
  const columns = `id, person_id as personId, unit_id as unitId, source, payload, created_at as createdAt,
    settled_at as settledAt`;
  const byId = sqlite.prepare(`select ${columns} from pending_reports where id = ?`);
  const bySource = sqlite.prepare(`select ${columns} from pending_reports where source = ?`);
  const settle = sqlite.prepare(`update pending_reports set settled_at = ? where id = ? and settled_at is null`);
  const settleOthers = sqlite.prepare(SETTLE_OTHERS);
  return {
    /** Holds a report; a message held before (a redelivery) keeps its first hold. Returns the hold. */
    hold(personId: number, unitId: number, source: string, payload: string, now: string): PendingReport {
      insert.run(personId, unitId, source, payload, now);
      return bySource.get(source) as PendingReport;
    },
    get(id: number): PendingReport | undefined {
      return byId.get(id) as PendingReport | undefined;
    },
    /** True for the one call that settles it; a second press of the same button gets false. */
    settle(id: number, now: string): boolean {
      return settle.run(now, id).changes === 1;
    },
    /**
     * Closes the person's other open questions about a unit: once a newer report of theirs for it is recorded
     * or held, confirming an older doubted one would count the same admissions twice.
     */
    supersede(personId: number, unitId: number, exceptSource: string, now: string): void {
      settleOthers.run(now, personId, unitId, exceptSource);
    },
  };
}
