// The benchmark's country on PostgreSQL, built once and kept. The seeded SQLite database is copied with the
// migrate-to-postgres code (db/pg/copy-from-sqlite.ts) into a database named after the SQLite seed's key and
// the PostgreSQL migrations, so a changed schema or seed builds a new one. Every measurement then gets a
// database of its own made from it as a template (`create database … template …`, a file copy taking
// seconds where the row-by-row copy takes minutes), and drops it at the end; the kept one is never written.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { copyFromSqlite } from "#db/pg/copy-from-sqlite.ts";
import type { Log } from "./seed-database.ts";

const migrationsFolder = fileURLToPath(new URL("../db/migrations-pg", import.meta.url));

export interface PostgresSeed {
  /** The kept database, used only as a template. */
  template: string;
  /** Rows it holds, and how long the copy took when it was built (null when it was found built). */
  rows: number;
  copyMs: number | null;
}

export interface PostgresCopy {
  url: string;
  drop(): Promise<void>;
}

/** Bump when what the copy leaves in the database changes other than through the migrations. */
const COPY_VERSION = "1";

/** The kept database's name: the SQLite seed's key and the PostgreSQL migrations, hashed. */
export function templateName(seedKey: string): string {
  const hash = createHash("sha256").update(`${COPY_VERSION}|${seedKey}`);
  for (const name of readdirSync(migrationsFolder)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    hash.update(readFileSync(join(migrationsFolder, name)));
  }
  const scale = /-(\w+)-[0-9a-f]+$/.exec(seedKey)?.[1] ?? "seed";
  return `tcd_seed_${scale}_${hash.digest("hex").slice(0, 12)}`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const urlOf = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

const rowsIn = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      `select coalesce(sum(n_live_tup), 0)::bigint as n from pg_stat_user_tables where schemaname = 'public'`,
    );
    return Number(rows[0]?.n ?? 0);
  });

/**
 * The kept copy of the SQLite seed `sqliteFile` (whose cache key is `seedKey`), built first when missing or
 * when `fresh` is asked for. It is built under another name and renamed once complete, so a run stopped
 * half-way leaves nothing that looks built.
 */
export async function postgresSeed(
  sqliteFile: string,
  seedKey: string,
  serverUrl: string,
  options: { fresh: boolean; log: Log },
): Promise<PostgresSeed> {
  const template = templateName(seedKey);
  const building = `${template}_building`;
  const exists = (client: pg.Client, name: string) =>
    client.query("select 1 from pg_database where datname = $1", [name]).then((r) => r.rowCount === 1);
  const found = await withClient(serverUrl, async (admin) => {
    if (options.fresh) await admin.query(`drop database if exists ${template} with (force)`);
    if (await exists(admin, template)) return true;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    return false;
  });
  if (found) {
    options.log(`postgres: using the kept copy ${template}`);
    return { template, rows: await rowsIn(urlOf(serverUrl, template)), copyMs: null };
  }
  options.log(`postgres: copying the seed into ${template} (kept for the next runs)…`);
  const started = performance.now();
  const report = await copyFromSqlite(sqliteFile, urlOf(serverUrl, building));
  const copyMs = performance.now() - started;
  // Fresh statistics and a vacuumed heap, as a restored database gets from its first autovacuum.
  await withClient(urlOf(serverUrl, building), (client) => client.query("vacuum analyze"));
  await withClient(serverUrl, (admin) => admin.query(`alter database ${building} rename to ${template}`));
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  options.log(`postgres: ${rows.toLocaleString("en")} rows copied in ${Math.round(copyMs / 1000)} s`);
  return { template, rows, copyMs };
}

/** A database of its own for one measurement, made from the kept copy; `drop` removes it. */
export async function databaseFrom(template: string, serverUrl: string): Promise<PostgresCopy> {
  const name = `tcd_bench_${randomBytes(4).toString("hex")}`;
  // A file copy: much faster than replaying every page through the WAL for a database this size.
  await withClient(serverUrl, (admin) =>
    admin.query(`create database ${name} template ${template} strategy file_copy`),
  );
  return {
    url: urlOf(serverUrl, name),
    drop: async () => {
      await withClient(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}
