// A fresh PostgreSQL database for one test file, on the server the contract suites use (TEST_DATABASE_URL,
// or the local one if it answers), dropped afterwards. Without a server the tests that need one are skipped
// and say why in their names; with TEST_DATABASE_URL set and no answer, the run fails instead.
import pg from "pg";
import { freshServerDatabase, serverUrl } from "#test/db/contract/backends.ts";

export const serverAnswers = serverUrl !== undefined;

/** Appended to a describe's title, so a run without a server shows what it did not check. */
export const unlessNoServer = serverAnswers ? "" : " (skipped: no PostgreSQL server answers; set TEST_DATABASE_URL)";

export interface FreshDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** Creates an empty database of its own; `drop()` closes the pool and removes the database. */
export async function freshDatabase(): Promise<FreshDatabase> {
  if (!serverUrl) throw new Error("no PostgreSQL server answers");
  const database = await freshServerDatabase(serverUrl);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  pool.on("error", () => {});
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}
