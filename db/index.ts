import type { Db } from "./client.ts";
import { groupCommit } from "./group-commit.ts";
import { figureRepository } from "./repositories/figures.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { metricRepository } from "./repositories/metrics.ts";
import { peopleRepository } from "./repositories/people.ts";
import { planRepository } from "./repositories/plans.ts";
import { outboxRepository } from "./repositories/outbox.ts";
import { reminderRepository } from "./repositories/reminders.ts";
import { pendingImportRepository } from "./repositories/pending-imports.ts";
import { targetRepository } from "./repositories/targets.ts";
import { unitRepository } from "./repositories/units.ts";
import { updateRepository } from "./repositories/updates.ts";

export { openDatabase, type Db } from "./client.ts";

export function repositories(db: Db) {
  const metrics = metricRepository(db);
  const writes = groupCommit(db.$client);
  metrics.ensureBuiltins();
  return {
    metrics,
    figures: figureRepository(db),
    db,
    writes,
    units: unitRepository(db),
    people: peopleRepository(db),
    targets: targetRepository(db),
    ledger: ledgerRepository(db),
    updates: updateRepository(db, writes),
    pendingImports: pendingImportRepository(db),
    plans: planRepository(db),
    reminders: reminderRepository(db),
    outbox: outboxRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
