import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BUILTIN_METRICS } from "#db/repositories/metrics.ts";
import { openServer, pgRepositories, type PgStore } from "#db/pg/index.ts";
import { freshServerDatabase, serverUrl, sharedPglite } from "./contract/backends.ts";

const journal = JSON.parse(
  readFileSync(new URL("../../db/migrations-pg/meta/_journal.json", import.meta.url), "utf8"),
) as {
  entries: unknown[];
};
const applied = async (store: PgStore) =>
  (
    (await store.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]?.n;

describe("PostgreSQL migrations on PGlite", () => {
  it("applies every committed migration once, and nothing on a second run", async () => {
    // The worker's shared PGlite was migrated from empty when it started.
    const store = await sharedPglite();
    await store.migrate();
    expect(await applied(store)).toBe(journal.entries.length);
  }, 120_000);
});

const title = serverUrl
  ? "PostgreSQL migrations on a server"
  : "PostgreSQL migrations on a server (skipped: none answers; set TEST_DATABASE_URL)";
describe.skipIf(!serverUrl)(title, () => {
  it("ten instances starting together on a fresh database migrate it once, without an error", async () => {
    const database = await freshServerDatabase(serverUrl as string);
    const stores = Array.from({ length: 10 }, () => openServer(database.url, { max: 2 }));
    try {
      await Promise.all(stores.map((store) => store.migrate()));
      expect(await applied(stores[0] as PgStore)).toBe(journal.entries.length);
      // Their start-up work (built-in metrics, the name index) is done one after the other, too.
      const repos = await Promise.all(stores.map((store) => pgRepositories(store)));
      expect((await repos[0]?.metrics.all())?.size).toBe(BUILTIN_METRICS.length);
    } finally {
      for (const store of stores) await store.close();
      await database.drop();
    }
  }, 120_000);
});
