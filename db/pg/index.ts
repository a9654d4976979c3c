// The PostgreSQL store's repositories: the same methods as the SQLite ones (db/index.ts), each answering
// with a promise, over one executor that carries the current transaction.
import { sql } from "drizzle-orm";
import type { Repositories } from "#db/contract.ts";
import { NAME_INDEX_VERSION } from "#db/repositories/units.ts";
import type { PgStore } from "./client.ts";
import { executor } from "./executor.ts";
import type { Sharing } from "./shared-work.ts";
import { auditRepository } from "./repositories/audit.ts";
import { chatChoiceRepository } from "./repositories/chat-choices.ts";
import { figureRepository } from "./repositories/figures.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { memberRepository } from "./repositories/members.ts";
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
import { webSessionRepository } from "./repositories/web-sessions.ts";
import { dashboardRepository } from "./repositories/dashboard.ts";

export { openPglite, openServer, type PgStore } from "./client.ts";

/** Distinguishes the start-up work below from any other advisory lock on the database. */
const START_LOCK = 7_310_014;

/**
 * The repositories over a migrated store. Start-up work (built-in metrics, the name index) runs under a
 * transaction-level advisory lock, so instances starting together do it one after the other.
 */
export async function pgRepositories(
  store: PgStore,
  options: { tallyShards?: number; sharing?: Sharing } = {},
): Promise<Repositories> {
  const x = executor(store.db, options.sharing);
  const units = unitRepository(x);
  const metrics = metricRepository(x, store.notices);
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
    ledger: ledgerRepository(x, options.tallyShards),
    updates,
    pendingImports: pendingImportRepository(x),
    pendingReports: pendingReportRepository(x),
    plans: planRepository(x),
    reminders: reminderRepository(x),
    outbox: outboxRepository(x),
    chatChoices: chatChoiceRepository(x),
    audit: auditRepository(x),
    members: memberRepository(x),
    webSessions: webSessionRepository(x),
    dashboard: dashboardRepository(x),
    /**
     * Runs `fn` in a PostgreSQL transaction, all or nothing, and returns what it returns. Every repository
     * call fn makes runs in it; a transaction inside it is a savepoint, undone alone.
     */
    transaction: x.transaction,
    /** Each write is committed when its promise resolves, or with the transaction it is in. */
    committed: updates.committed,
    /** One transaction, committed by `committed()` (the reply is sent after it) or when fn ends. */
    unitOfWork: x.unitOfWork,
    /** Under load, several short units of work in one transaction, run one after the other. */
    together: x.together,
    async healthy() {
      try {
        return (await x.one(sql`select 1 as ok`)) !== undefined;
      } catch {
        return false;
      }
    },
    close: () => store.close(),
  } satisfies Repositories;
}
