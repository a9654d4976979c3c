// The database as a running service holds it: opened and migrated, checkpointed off the main thread, with
// its repositories, a health probe, and one close that commits what is pending first.
import { startCheckpointer } from "./checkpointer.ts";
import { openDatabase } from "./client.ts";
import { repositories, type Repositories } from "./index.ts";

export interface Store {
  repos: Repositories;
  /** True while the database is open and answers. */
  healthy(): boolean;
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
    healthy() {
      try {
        return db.$client.prepare("select 1 as ok").get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      repos.writes.commitNow();
      await checkpointer.stop();
      db.$client.close();
    },
  };
}
