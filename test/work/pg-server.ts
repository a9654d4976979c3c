// A fresh PostgreSQL database for one test file, on the server CI runs (TEST_DATABASE_URL, or the local one),
// dropped afterwards. Without a server the tests that need one are skipped, and say why in their names.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const serverAnswers = await answers(SERVER_URL);

/** Appended to a describe's title, so a run without a server shows what it did not check. */
export const unlessNoServer = serverAnswers ? "" : ` (skipped: no PostgreSQL server at ${new URL(SERVER_URL).host})`;

export interface FreshDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** Creates an empty database named after the test file; `drop()` closes the pool and removes it. */
export async function freshDatabase(label: string): Promise<FreshDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client(SERVER_URL);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on("error", () => {});
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client(SERVER_URL);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
