// The stores every contract suite runs against: SQLite, PGlite always, and a PostgreSQL server when one answers. A suite is written once, with
// `contract(name, body)`, and gets fresh, empty repositories before each test on every store.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { Repositories } from "#db/contract.ts";
import { openDatabase, repositories, sqliteOf } from "#db/index.ts";
import { openPglite, openServer, pgRepositories, type PgStore } from "#db/pg/index.ts";

export type Repos = Repositories;

export interface Backend {
  repos: Repos;
  /** Runs SQL outside the repositories, as an operator would; resolves to the rows. */
  raw(text: string): Promise<Record<string, unknown>[]>;
  kind: "sqlite" | "pglite" | "server";
  /** Another instance on the same database, where there can be one (a server). */
  second?: () => Promise<Repos>;
}

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/test";

/** The server to test against: TEST_DATABASE_URL, else the usual local one if it answers within a moment. */
async function reachableServer(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return url;
  } catch {
    if (process.env.TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is set but the server does not answer");
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

export const serverUrl = await reachableServer();

// ---- PostgreSQL ----

const TABLES = `units, unit_words, people, link_codes, code_attempts, accounts, roles, invites, targets, ledger,
  tallies, audit_log, processed_updates, settings, metrics, plans, unit_ratings, pending_imports, pending_reports,
  outbox, tasks, task_done, reminder_policies, reminder_mutes, reminder_snoozes, broadcasts, chat_choices,
  web_links, web_sessions, web_link_attempts, member_consents, member_lists, members, member_invites, member_accounts`;

/** Empties every table; triggers are off for the moment, or the audit log would refuse to be emptied. */
export async function emptied(store: PgStore): Promise<Repos> {
  await store.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${TABLES} restart identity cascade`));
  });
  return pgRepositories(store);
}

/** Raw SQL on a PostgreSQL store; a refusal is rethrown as the database's own error, not drizzle's wrapper. */
const rawOn = (store: PgStore) => async (text: string) => {
  try {
    return ((await store.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  } catch (error) {
    throw error instanceof Error && error.cause instanceof Error ? error.cause : error;
  }
};

// One PGlite per test worker: it takes a second or more to start, and files in a worker run one by one.
let pglite: Promise<PgStore> | undefined;
export function sharedPglite(): Promise<PgStore> {
  pglite ??= openPglite().then(async (store) => {
    await store.migrate();
    return store;
  });
  return pglite;
}

/** A database of its own on the server, for one suite; dropped when the suite ends. */
export async function freshServerDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tcd_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

const SLOW_START = 120_000;

/** Registers the suite once per store. */
export function contract(name: string, body: (backend: () => Backend) => void): void {
  describe(`${name} — SQLite`, () => {
    let backend: Backend;
    beforeEach(async () => {
      await backend?.repos.close();
      const repos = repositories(openDatabase(":memory:"));
      const sqlite = sqliteOf(repos);
      backend = {
        kind: "sqlite",
        repos,
        raw: async (text) => {
          const statement = sqlite.prepare(text);
          if (statement.reader) return statement.all() as Record<string, unknown>[];
          statement.run();
          return [];
        },
      };
    });
    afterAll(() => backend?.repos.close());
    body(() => backend);
  });

  describe(`${name} — PGlite`, () => {
    let backend: Backend;
    beforeEach(async () => {
      const store = await sharedPglite();
      backend = { kind: "pglite", repos: await emptied(store), raw: rawOn(store) };
    }, SLOW_START);
    body(() => backend);
  });

  const url = serverUrl;
  const title = url
    ? `${name} — PostgreSQL server`
    : `${name} — PostgreSQL server (skipped: none answers; set TEST_DATABASE_URL)`;
  describe.skipIf(!url)(title, () => {
    let database: { url: string; drop(): Promise<void> } | undefined;
    let store: PgStore;
    const others: PgStore[] = [];
    let backend: Backend;
    beforeAll(async () => {
      database = await freshServerDatabase(url as string);
      store = openServer(database.url);
      await store.migrate();
    }, SLOW_START);
    afterAll(async () => {
      for (const other of others.splice(0)) await other.close();
      await store?.close();
      await database?.drop();
    });
    beforeEach(async () => {
      backend = {
        kind: "server",
        repos: await emptied(store),
        raw: rawOn(store),
        second: async () => {
          const other = openServer(database?.url as string);
          others.push(other);
          return pgRepositories(other);
        },
      };
    });
    body(() => backend);
  });
}
