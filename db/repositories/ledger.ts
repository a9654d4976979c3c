// The report ledger and its running totals. Hot path: raw prepared statements, one transaction per report.
import type { Statement } from "better-sqlite3";
import type { Db } from "#db/client.ts";
import { subtreeBounds } from "#db/tree.ts";
import { SETTLE_OTHERS } from "./pending-reports.ts";

export interface LedgerEntryInput {
  unitId: number;
  /** The unit's ancestors and itself (lineage), whose subtree totals the entry changes. */
  lineage: number[];
  event: string;
  count: number;
  informal: boolean;
  occurredOn: string;
  reporterId: number | null;
  source: string;
  note?: string | null;
}

/**
 * Given to ledger.record: when the report writes anything, its reporter's other open questions about the unit
 * are closed with it (pendingReports.supersede), in the same write.
 */
export interface HoldsClosed {
  personId: number;
  unitId: number;
}

export interface LedgerEntry {
  id: number;
  unitId: number;
  event: string;
  count: number;
  informal: boolean;
  occurredOn: string;
  period: string;
  reporterId: number | null;
  source: string;
  reverses: number | null;
  undoneBy: number | null;
  createdAt: string;
}

interface LedgerRow extends Omit<LedgerEntry, "informal"> {
  informal: number;
}

const columns = `id, unit_id as unitId, event, count, informal, occurred_on as occurredOn, period,
  reporter_id as reporterId, source, reverses, undone_by as undoneBy, created_at as createdAt`;

/** The tally keys an entry adds to: its event, and a sub-key for the informal-economy part. */
export function tallyKeys(event: string, informal: boolean): string[] {
  return informal ? [event, `${event}:informal`] : [event];
}

interface TallyRow {
  unitId: number;
  event: string;
  total: number;
}

function groupByUnit(rows: TallyRow[]): Map<number, Map<string, number>> {
  const byUnit = new Map<number, Map<string, number>>();
  for (const row of rows) {
    let tallies = byUnit.get(row.unitId);
    if (!tallies) byUnit.set(row.unitId, (tallies = new Map()));
    tallies.set(row.event, row.total);
  }
  return byUnit;
}

/** Adds a signed count to a unit's running total for a period and event: (unit_id, period, event, count). */
export const ADD_TO_TALLY = `insert into tallies (unit_id, period, event, total) values (?, ?, ?, ?)
  on conflict (unit_id, period, event) do update set total = total + excluded.total`;

type Sqlite = Db["$client"];

function ledgerStatements(sqlite: Sqlite) {
  return {
    insertEntry: sqlite.prepare(
      `insert into ledger (unit_id, event, count, informal, occurred_on, period, reporter_id, source, note, reverses, created_at)
     values (@unitId, @event, @count, @informal, @occurredOn, @period, @reporterId, @source, @note, @reverses, @createdAt)
     on conflict do nothing`,
    ),
    addToTally: sqlite.prepare(ADD_TO_TALLY),
    markUndone: sqlite.prepare(`update ledger set undone_by = ? where id = ? and undone_by is null`),
    // A recorded report closes its reporter's other open questions, as pendingReports.supersede does.
    closeHolds: sqlite.prepare(SETTLE_OTHERS),
    bySourceStmt: sqlite.prepare(`select ${columns} from ledger where source = ? and reverses is null order by id`),
    byIdStmt: sqlite.prepare(`select ${columns} from ledger where id = ?`),
    lastByReporterStmt: sqlite.prepare(
      `select ${columns} from ledger where reporter_id = ? and reverses is null order by id desc limit 1`,
    ),
    lastLiveByReporterStmt: sqlite.prepare(
      `select ${columns} from ledger where reporter_id = ? and reverses is null and undone_by is null order by id desc limit 1`,
    ),
    reportSizesStmt: sqlite.prepare(
      `select count(*) as reports, coalesce(max(size), 0) as largest from
       (select abs(sum(count)) as size from ledger
        where unit_id = ? and event = ? and reverses is null and undone_by is null group by source)`,
    ),
    talliesStmt: sqlite.prepare(`select event, total from tallies where unit_id = ? and period = ?`),
    subtreeTalliesStmt: sqlite.prepare(
      `select t.unit_id as unitId, t.event, t.total from units u join tallies t on t.unit_id = u.id and t.period = ?
     where u.path >= ? and u.path < ?`,
    ),
    lastReportStmt: sqlite.prepare(`select max(occurred_on) as last from ledger where unit_id = ?`),
  };
}

const toEntry = (row: LedgerRow): LedgerEntry => ({ ...row, informal: row.informal === 1 });

/** The writes: an entry with its roll-ups, and the reversal of a report, each in one transaction. */
function ledgerWrites(
  sqlite: Sqlite,
  { insertEntry, addToTally, markUndone, bySourceStmt, closeHolds }: ReturnType<typeof ledgerStatements>,
) {
  function apply(entry: LedgerEntryInput & { reverses?: number | null }, now: string): number | null {
    const period = entry.occurredOn.slice(0, 4);
    const result = insertEntry.run({
      unitId: entry.unitId,
      event: entry.event,
      count: entry.count,
      informal: entry.informal ? 1 : 0,
      occurredOn: entry.occurredOn,
      period,
      reporterId: entry.reporterId,
      source: entry.source,
      note: entry.note ?? null,
      reverses: entry.reverses ?? null,
      createdAt: now,
    });
    if (result.changes === 0) return null;
    for (const key of tallyKeys(entry.event, entry.informal)) {
      for (const unitId of entry.lineage) addToTally.run(unitId, period, key, entry.count);
    }
    return Number(result.lastInsertRowid);
  }

  /** Records every entry and its roll-ups, or nothing; entries whose source was recorded before are skipped. */
  const record = sqlite.transaction((entries: LedgerEntryInput[], now: string, closes?: HoldsClosed): number[] => {
    const ids: number[] = [];
    for (const entry of entries) {
      const id = apply(entry, now);
      if (id !== null) ids.push(id);
    }
    const source = entries[0]?.source;
    if (closes && ids.length > 0 && source !== undefined) closeHolds.run(now, closes.personId, closes.unitId, source);
    return ids;
  });

  /** Appends a reversing entry for each live entry of a source; returns the entries reversed. */
  const reverseSource = sqlite.transaction(
    (source: string, lineageOf: (unitId: number) => number[], reporterId: number | null, now: string) => {
      const reversed: LedgerEntry[] = [];
      for (const row of bySourceStmt.all(source) as LedgerRow[]) {
        if (row.undoneBy !== null) continue;
        const id = apply(
          {
            unitId: row.unitId,
            lineage: lineageOf(row.unitId),
            event: row.event,
            count: -row.count,
            informal: row.informal === 1,
            occurredOn: row.occurredOn,
            reporterId,
            source: `undo:${row.id}`,
            reverses: row.id,
          },
          now,
        );
        if (id === null) continue;
        markUndone.run(id, row.id);
        reversed.push(toEntry(row));
      }
      return reversed;
    },
  );

  return { record, reverseSource };
}

export function ledgerRepository(db: Db) {
  const sqlite = db.$client;
  const statements = ledgerStatements(sqlite);
  const {
    bySourceStmt,
    byIdStmt,
    lastByReporterStmt,
    lastLiveByReporterStmt,
    reportSizesStmt,
    talliesStmt,
    subtreeTalliesStmt,
    lastReportStmt,
  } = statements;
  const { record, reverseSource } = ledgerWrites(sqlite, statements);
  // One statement per number of events (a metric counts one or a few).
  const eventStatements = new Map<number, Statement<unknown[]>>();
  const subtreeEventTallies = (count: number) => {
    let stmt = eventStatements.get(count);
    if (!stmt) {
      stmt = sqlite.prepare(
        `select t.unit_id as unitId, t.event, t.total from units u join tallies t on t.unit_id = u.id and t.period = ?
           and t.event in (${Array.from({ length: count }, () => "?").join(", ")})
         where u.path >= ? and u.path < ?`,
      );
      eventStatements.set(count, stmt);
    }
    return stmt;
  };

  return {
    record,
    reverseSource,
    bySource(source: string): LedgerEntry[] {
      return (bySourceStmt.all(source) as LedgerRow[]).map(toEntry);
    },
    byId(id: number): LedgerEntry | undefined {
      const row = byIdStmt.get(id) as LedgerRow | undefined;
      return row && toEntry(row);
    },
    /** An entry of the reporter's latest report, undone or not. */
    lastEntryOf(reporterId: number): LedgerEntry | undefined {
      const row = lastByReporterStmt.get(reporterId) as LedgerRow | undefined;
      return row && toEntry(row);
    },
    /** An entry of the reporter's latest report that is not undone. */
    lastLiveEntryOf(reporterId: number): LedgerEntry | undefined {
      const row = lastLiveByReporterStmt.get(reporterId) as LedgerRow | undefined;
      return row && toEntry(row);
    },
    /** How many reports of an event a unit has standing (not undone), and the largest of them. */
    reportSizes(unitId: number, event: string): { reports: number; largest: number } {
      return reportSizesStmt.get(unitId, event) as { reports: number; largest: number };
    },
    /** Subtree totals of one unit for one period, by tally key. */
    tallies(unitId: number, period: string): Map<string, number> {
      const rows = talliesStmt.all(unitId, period) as { event: string; total: number }[];
      return new Map(rows.map((r) => [r.event, r.total]));
    },
    /** Subtree totals of every unit in a subtree, in one query: for exports; only of `events` when given. */
    subtreeTallies(path: string, period: string, events?: string[]): Map<number, Map<string, number>> {
      if (!events) return groupByUnit(subtreeTalliesStmt.all(period, ...subtreeBounds(path)) as TallyRow[]);
      if (events.length === 0) return new Map();
      return groupByUnit(
        subtreeEventTallies(events.length).all(period, ...events, ...subtreeBounds(path)) as TallyRow[],
      );
    },
    lastReportOn(unitId: number): string | null {
      return (lastReportStmt.get(unitId) as { last: string | null }).last;
    },
  };
}
