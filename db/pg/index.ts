// The PostgreSQL store's repositories: the same methods as the SQLite ones (db/index.ts), each answering
// with a promise, over one executor that carries the current transaction.
import { sql } from "drizzle-orm";
import type { metricRepository as sqliteMetrics } from "#db/repositories/metrics.ts";
import type { figureRepository as sqliteFigures } from "#db/repositories/figures.ts";
import type { unitRepository as sqliteUnits } from "#db/repositories/units.ts";
import type { peopleRepository as sqlitePeople } from "#db/repositories/people.ts";
import type { targetRepository as sqliteTargets } from "#db/repositories/targets.ts";
import type { ledgerRepository as sqliteLedger } from "#db/repositories/ledger.ts";
import type { updateRepository as sqliteUpdates } from "#db/repositories/updates.ts";
import type { pendingImportRepository as sqlitePendingImports } from "#db/repositories/pending-imports.ts";
import type { pendingReportRepository as sqlitePendingReports } from "#db/repositories/pending-reports.ts";
import type { planRepository as sqlitePlans } from "#db/repositories/plans.ts";
import type { reminderRepository as sqliteReminders } from "#db/repositories/reminders.ts";
import type { outboxRepository as sqliteOutbox } from "#db/repositories/outbox.ts";
import type { chatChoiceRepository as sqliteChatChoices } from "#db/repositories/chat-choices.ts";
import type { auditRepository as sqliteAudit } from "#db/repositories/audit.ts";
import { NAME_INDEX_VERSION } from "#db/repositories/units.ts";
import type { PgStore } from "./client.ts";
import { executor } from "./executor.ts";
import { auditRepository } from "./repositories/audit.ts";
import { chatChoiceRepository } from "./repositories/chat-choices.ts";
import { figureRepository } from "./repositories/figures.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { metricRepository } from "./repositories/metrics.ts";
import { outboxRepository } from "./repositories/outbox.ts";
import { pendingImportRepository } from "./repositories/pending-imports.ts";
import { pendingReportRepository } from "./repositories/pending-reports.ts";
import { peopleRepository } from "./repositories/people.ts";
import { planRepository } from "./repositories/plans.ts";
import { reminderRepository } from "./repositories/reminders.ts";
import { targetRepository } from "./repositories/targets.ts";
import { unitRepository } from "./repositories/units.ts";
import { updateRepository } from "./repositories/updates.ts";

export { openPglite, openServer, type PgStore } from "./client.ts";

/** A repository whose every method answers with a promise of what the synchronous one returns. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/** The shapes the PostgreSQL repositories must have: the SQLite ones', made asynchronous. */
export interface AsyncRepositoryShapes {
  metrics: Async<ReturnType<typeof sqliteMetrics>>;
  figures: Async<ReturnType<typeof sqliteFigures>>;
  units: Async<ReturnType<typeof sqliteUnits>>;
  people: Async<ReturnType<typeof sqlitePeople>>;
  targets: Async<ReturnType<typeof sqliteTargets>>;
  ledger: Async<ReturnType<typeof sqliteLedger>>;
  updates: Async<ReturnType<typeof sqliteUpdates>>;
  pendingImports: Async<ReturnType<typeof sqlitePendingImports>>;
  pendingReports: Async<ReturnType<typeof sqlitePendingReports>>;
  plans: Async<ReturnType<typeof sqlitePlans>>;
  reminders: Async<ReturnType<typeof sqliteReminders>>;
  outbox: Async<ReturnType<typeof sqliteOutbox>>;
  chatChoices: Async<ReturnType<typeof sqliteChatChoices>>;
  audit: Async<ReturnType<typeof sqliteAudit>>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  committed(): Promise<void>;
  close(): Promise<void>;
}

/** Distinguishes the start-up work below from any other advisory lock on the database. */
const START_LOCK = 7_310_014;

/**
 * The repositories over a migrated store. Start-up work (built-in metrics, the name index) runs under a
 * transaction-level advisory lock, so instances starting together do it one after the other.
 */
export async function pgRepositories(store: PgStore) {
  const x = executor(store.db);
  const units = unitRepository(x);
  const metrics = metricRepository(x);
  const updates = updateRepository(x);
  await x.transaction(async () => {
    await x.run(sql`select pg_advisory_xact_lock(${START_LOCK})`);
    await metrics.ensureBuiltins();
    // Units from before the name index, or written without the repository: indexed once, at start.
    if ((await updates.setting("units.name_index")) !== NAME_INDEX_VERSION) {
      await units.reindexNames();
      await updates.setSetting("units.name_index", NAME_INDEX_VERSION);
    }
  });
  return {
    metrics,
    figures: figureRepository(x),
    units,
    people: peopleRepository(x),
    targets: targetRepository(x),
    ledger: ledgerRepository(x),
    updates,
    pendingImports: pendingImportRepository(x),
    pendingReports: pendingReportRepository(x),
    plans: planRepository(x),
    reminders: reminderRepository(x),
    outbox: outboxRepository(x),
    chatChoices: chatChoiceRepository(x),
    audit: auditRepository(x),
    /**
     * Runs `fn` in a PostgreSQL transaction, all or nothing, and returns what it returns. Every repository
     * call fn makes runs in it; a transaction inside it is a savepoint, undone alone.
     */
    transaction: x.transaction,
    /** Each write is committed when its promise resolves, or with the transaction it is in. */
    committed: updates.committed,
    close: () => store.close(),
  } satisfies AsyncRepositoryShapes;
}

export type PgRepositories = Awaited<ReturnType<typeof pgRepositories>>;
