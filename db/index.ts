// The SQLite store: the synchronous repositories with their prepared statements, behind the asynchronous
// contract. Writes of one turn share a group-commit batch; transactions hold a gate (transaction-gate.ts).
import type Database from "better-sqlite3";
import type { Db } from "./client.ts";
import type { Repositories } from "./contract.ts";
import { groupCommit } from "./group-commit.ts";
import { auditRepository } from "./repositories/audit.ts";
import { chatChoiceRepository } from "./repositories/chat-choices.ts";
import { figureRepository } from "./repositories/figures.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { memberRepository } from "./repositories/members.ts";
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
import { webSessionRepository } from "./repositories/web-sessions.ts";
import { dashboardRepository } from "./repositories/dashboard.ts";
import { transactionGate, type Async } from "./transaction-gate.ts";

export { openDatabase, openReader, type Db } from "./client.ts";
export type { Repositories } from "./contract.ts";

const connections = new WeakMap<Repositories, Database.Database>();

/**
 * The SQLite connection behind a store's repositories, for what reads the file directly: the benchmark's
 * seeding, tests that check rows. Throws for a store that is not SQLite.
 */
export function sqliteOf(repos: Repositories): Database.Database {
  const sqlite = connections.get(repos);
  if (!sqlite) throw new Error("these repositories are not on SQLite");
  return sqlite;
}

export function repositories(db: Db): Repositories {
  const sqlite = db.$client;
  const writes = groupCommit(sqlite);
  const gate = transactionGate(sqlite, writes);
  const metrics = metricRepository(db);
  metrics.ensureBuiltins();
  const units = unitRepository(db);
  const updates = updateRepository(db, writes);
  // Units from before the name index, or written without the repository: indexed once, at start.
  if (updates.setting("units.name_index") !== NAME_INDEX_VERSION) {
    units.reindexNames();
    updates.setSetting("units.name_index", NAME_INDEX_VERSION);
  }
  const repos: Repositories = {
    metrics: gate.guard(metrics),
    figures: gate.guard(figureRepository(db)),
    units: gate.guard(units),
    people: gate.guard(peopleRepository(db)),
    targets: gate.guard(targetRepository(db)),
    ledger: gate.guard(ledgerRepository(db)),
    updates: gate.guard(updates),
    pendingImports: gate.guard(pendingImportRepository(db)),
    pendingReports: gate.guard(pendingReportRepository(db)),
    plans: gate.guard(planRepository(db)),
    reminders: gate.guard(reminderRepository(db)),
    outbox: gate.guard(outboxRepository(db)),
    chatChoices: gate.guard(chatChoiceRepository(db)),
    audit: gate.guard(auditRepository(db)),
    members: gate.guard(memberRepository(db)),
    webSessions: gate.guard(webSessionRepository(db)),
    dashboard: gate.guard(dashboardRepository(db)),
    transaction: gate.transaction,
    committed: () => writes.committed(),
    // The claim opens the group-commit batch and the update's writes join it: one batch already.
    unitOfWork: (fn) => fn(),
    together: (fn) => fn(),
    async healthy() {
      try {
        return sqlite.prepare("select 1 as ok").get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      writes.commitNow();
      if (sqlite.open) sqlite.close();
    },
  };
  connections.set(repos, sqlite);
  return repos;
}
/** Each method of a synchronous repository, returning a promise of what it returned. */
function promised<T extends object>(repository: T): Async<T> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    if (typeof member !== "function") wrapped[name] = member;
    else
      wrapped[name] = (...args: unknown[]) => {
        try {
          return Promise.resolve((member as (...a: unknown[]) => unknown).apply(repository, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
  }
  return wrapped as Async<T>;
}

/**
 * The repositories a read-only connection (openReader) can serve: what the standing of a unit and the name
 * index read, behind the same contract. `snapshot` runs one job's reads in one read transaction, so that they
 * all see the same moment; jobs must not overlap (the subtree reader's worker runs them one at a time).
 */
export function readRepositories(db: Db) {
  const sqlite = db.$client;
  const repos: Pick<Repositories, "metrics" | "figures" | "units" | "targets" | "ledger"> = {
    metrics: promised(metricRepository(db)),
    figures: promised(figureRepository(db)),
    units: promised(unitRepository(db)),
    targets: promised(targetRepository(db)),
    ledger: promised(ledgerRepository(db)),
  };
  return {
    ...repos,
    async snapshot<T>(fn: () => Promise<T>): Promise<T> {
      sqlite.exec("BEGIN");
      try {
        return await fn();
      } finally {
        sqlite.exec("COMMIT");
      }
    },
  };
}

export type ReadRepositories = ReturnType<typeof readRepositories>;
