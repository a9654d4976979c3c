// The listening connection behind the caches kept across transactions (db/pg/notices.ts): a notice reaches
// every subscriber, and a lost connection says so at once (so nothing kept is trusted), comes back by itself,
// and says so again (what was kept meanwhile may have missed a notice).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningOn, type Notices } from "#db/pg/notices.ts";
import { freshServerDatabase, serverUrl } from "./contract/backends.ts";

const title = serverUrl ? "PostgreSQL notices" : "PostgreSQL notices (skipped: none answers; set TEST_DATABASE_URL)";

async function soon(check: () => boolean, withinMs = 5_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("not within the time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!serverUrl)(title, () => {
  let database: { url: string; drop(): Promise<void> };
  let admin: pg.Client;
  let notices: Notices;
  beforeAll(async () => {
    database = await freshServerDatabase(serverUrl as string);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await notices?.close();
    await admin?.end();
    await database?.drop();
  });

  it("tells on a notice, on losing the connection, and on having it back", async () => {
    notices = listeningOn(database.url);
    let told = 0;
    notices.subscribe("cache_test", () => told++);
    expect(notices.live("cache_test")).toBe(false);
    // Listening begins with a call: whatever was kept before may have missed a notice.
    await soon(() => notices.live("cache_test") && told === 1);
    // A notice sent inside a transaction arrives once it commits.
    await admin.query("begin");
    await admin.query("select pg_notify('cache_test', '')");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).toBe(1);
    await admin.query("commit");
    await soon(() => told === 2);
    await admin.query("select pg_notify('other_channel', '')");
    // The listening connection is cut, as a server restart or failover would.
    const { rowCount } = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %' and datname = current_database()",
    );
    expect(rowCount).toBe(1);
    await soon(() => !notices.live("cache_test"));
    expect(told).toBe(3);
    await soon(() => notices.live("cache_test"), 10_000);
    expect(told).toBe(4);
    await admin.query("select pg_notify('cache_test', '')");
    await soon(() => told === 5);
  }, 30_000);
});
