// The PostgreSQL store as a running service holds it, beside the SQLite one (db/store.ts): the server
// opened, migrated under the advisory lock (so instances starting together migrate once), its repositories,
// a health probe, and one close.
import type { Store } from "../store.ts";
import { openServer, type PgStore } from "./client.ts";
import { pgRepositories } from "./index.ts";
import type { Sharing } from "./shared-work.ts";

export interface PgStoreOptions {
  /** Connections this instance keeps to the server; each update being handled holds one. */
  max?: number;
  /** Shards of the national, province and district totals (see the ledger repository). */
  tallyShards?: number;
  /** How text messages' units of work share transactions (db/pg/shared-work.ts); SHARING unless told. */
  sharing?: Sharing;
}

/** Opens and migrates the database at `url`; rejects if the server does not answer. */
export async function openPostgresStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  const store = openServer(url, options.max === undefined ? {} : { max: options.max });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return await storeOver(store, options);
}

/** The Store over a PostgreSQL database already migrated: a server's, or PGlite's in tests. */
export async function storeOver(store: PgStore, options: PgStoreOptions = {}): Promise<Store> {
  const repos = await pgRepositories(store, options);
  return { repos, healthy: () => repos.healthy(), close: () => repos.close() };
}
