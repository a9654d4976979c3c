import type { Db } from "./client.ts";
import { ledgerRepository } from "./repositories/ledger.ts";
import { peopleRepository } from "./repositories/people.ts";
import { targetRepository } from "./repositories/targets.ts";
import { unitRepository } from "./repositories/units.ts";
import { updateRepository } from "./repositories/updates.ts";

export { openDatabase, type Db } from "./client.ts";

export function repositories(db: Db) {
  return {
    db,
    units: unitRepository(db),
    people: peopleRepository(db),
    targets: targetRepository(db),
    ledger: ledgerRepository(db),
    updates: updateRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
