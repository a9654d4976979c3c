import type { Db } from "./client.ts";
import { groupCommit } from "./group-commit.ts";
import { auditRepository } from "./repositories/audit.ts";
import { chatChoiceRepository } from "./repositories/chat-choices.ts";
import { figureRepository } from "./repositories/figures.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { metricRepository } from "./repositories/metrics.ts";
import { peopleRepository } from "./repositories/people.ts";
import { planRepository } from "./repositories/plans.ts";
import { outboxRepository } from "./repositories/outbox.ts";
import { reminderRepository } from "./repositories/reminders.ts";
import { pendingImportRepository } from "./repositories/pending-imports.ts";
import { pendingReportRepository } from "./repositories/pending-reports.ts";
import { targetRepository } from "./repositories/targets.ts";
import { NAME_INDEX_VERSION, unitRepository } from "./repositories/units.ts";
import { updateRepository } from "./repositories/updates.ts";

export { openDatabase, openReader, type Db } from "./client.ts";

export function repositories(db: Db) {
  const sqlite = db.$client;
  const metrics = metricRepository(db);
  const writes = groupCommit(sqlite);
  metrics.ensureBuiltins();
  const units = unitRepository(db);
  const updates = updateRepository(db, writes);
  // Units from before the name index, or written without the repository: indexed once, at start.
  if (updates.setting("units.name_index") !== NAME_INDEX_VERSION) {
    units.reindexNames();
    updates.setSetting("units.name_index", NAME_INDEX_VERSION);
  }
  return {
    metrics,
    figures: figureRepository(db),
    db,
    writes,
    units,
    people: peopleRepository(db),
    targets: targetRepository(db),
    ledger: ledgerRepository(db),
    updates,
    pendingImports: pendingImportRepository(db),
    pendingReports: pendingReportRepository(db),
    plans: planRepository(db),
    reminders: reminderRepository(db),
    outbox: outboxRepository(db),
    chatChoices: chatChoiceRepository(db),
    audit: auditRepository(db),
    /**
     * Runs `fn` all or nothing and returns what it returns; a throw undoes its writes and is rethrown.
     * Inside a group-commit batch it is a savepoint of the batch: undone alone, committed with the batch.
     */
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
    /** Commits what the open batch holds and closes the database. */
    close(): void {
      writes.commitNow();
      if (sqlite.open) sqlite.close();
    },
  };
}

export type Repositories = ReturnType<typeof repositories>;

/**
 * The repositories a read-only connection (openReader) can serve: what the standing of a unit and the name
 * index read. `snapshot` runs reads in one read transaction, so that they all see the same moment.
 */
export function readRepositories(db: Db) {
  const sqlite = db.$client;
  return {
    db,
    metrics: metricRepository(db),
    figures: figureRepository(db),
    units: unitRepository(db),
    targets: targetRepository(db),
    ledger: ledgerRepository(db),
    snapshot<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
  };
}

export type ReadRepositories = ReturnType<typeof readRepositories>;
