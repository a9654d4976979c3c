// Opens a PostgreSQL store: a server through node-postgres, or PGlite (PostgreSQL built to WebAssembly,
// in this process) for tests and machines without a server. Both hand out the same drizzle database type,
// so the repositories have one code path; only opening, migrating and closing differ.
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleServer } from "drizzle-orm/node-postgres";
import { migrate as migrateServer } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";
import { listeningOn, type Notices } from "./notices.ts";
import { SerialClient } from "./serial-client.ts";

export type PgDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface PgStore {
  db: PgDb;
  kind: "server" | "pglite";
  /** A server's LISTEN/NOTIFY, for caches kept across transactions; PGlite (one process) has none. */
  notices?: Notices;
  /** Applies the committed migrations once, whatever the number of instances starting together. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("../migrations-pg", import.meta.url));

/**
 * Every instance takes this session-level advisory lock before it looks at the migrations table: the first
 * applies what is missing, the others wait, then find nothing left to apply. The number is arbitrary but
 * fixed: it names "the migrations of this bot" in pg_locks.
 */
export const MIGRATION_LOCK = 7_310_013;

export function openServer(url: string, options: { max?: number } = {}): PgStore {
  // Each connection runs its statements one after the other, so a transaction's parallel reads queue in order.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, Client: SerialClient });
  // An idle connection the server drops (restart, failover) must not take the process down.
  pool.on("error", () => {});
  const db = drizzleServer(pool, { schema }) as unknown as PgDb;
  const notices = listeningOn(url);
  return {
    db,
    kind: "server",
    notices,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          await migrateServer(drizzleServer(client, { schema }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await notices.close();
      await pool.end();
    },
  };
}

/** PGlite in memory, or in a directory; one connection, so migrating needs no lock. */
export async function openPglite(dataDir?: string): Promise<PgStore> {
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as PgDb,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
