// The database as a running service holds it: opened and migrated, checkpointed off the main thread, with
// its repositories, a health probe, and one close that commits what is pending first.
import { startCheckpointer } from "./checkpointer.ts";
import { openDatabase } from "./client.ts";
import type { Repositories } from "./contract.ts";
import { repositories } from "./index.ts";

export interface Store {
  repos: Repositories;
  /** True while the database is open and answers. */
  healthy(): Promise<boolean>;
  /** Commits the open write batch, stops checkpointing, closes the file. */
  close(): Promise<void>;
}

export function openStore(path: string, options: { onCheckpointError?: (message: string) => void } = {}): Store {
  const db = openDatabase(path);
  const checkpointer = startCheckpointer(
    db.$client,
    options.onCheckpointError ? { onError: options.onCheckpointError } : {},
  );
  const repos = repositories(db);
  return {
    repos,
    healthy: () => repos.healthy(),
    async close() {
      await checkpointer.stop();
      await repos.close();
    },
  };
}
