// Moving a SQLite deployment onto PostgreSQL: every row of every table the two schemas share, with its id,
// into a migrated and empty PostgreSQL database, in one transaction; then the identity sequences set past
// the largest id, and the rows counted on both sides.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import { openDatabase } from "../client.ts";
import { openServer } from "./client.ts";

export interface CopyReport {
  /** Rows copied, by table, in the order they were copied. */
  tables: { name: string; rows: number }[];
}

export class CopyRefused extends Error {
  override name = "CopyRefused";
}

/** Parents before children: the order the foreign keys need. */
const ORDER = [
  "units",
  "unit_words",
  "people",
  "link_codes",
  "code_attempts",
  "accounts",
  "roles",
  "invites",
  "plans",
  "metrics",
  "targets",
  "ledger",
  "tallies",
  "audit_log",
  "processed_updates",
  "settings",
  "unit_ratings",
  "pending_imports",
  "pending_import_parts",
  "pending_reports",
  "broadcasts",
  "outbox",
  "tasks",
  "task_done",
  "reminder_policies",
  "reminder_mutes",
  "reminder_snoozes",
  "chat_choices",
  "member_consents",
  "member_lists",
  "members",
  "member_invites",
  "member_accounts",
];

/** Rows per insert statement: each column goes as one array, so the statement has one parameter per column. */
const BATCH = 5_000;

interface Column {
  name: string;
  type: string;
  /** The type's own name (int4, text…): the array a column's values are bound as is of it. */
  udt: string;
  identity: boolean;
}

type PgClient = PoolClient;

/** The target's columns of a table, as PostgreSQL describes them. */
async function columnsOf(client: PgClient, table: string): Promise<Column[]> {
  const { rows } = await client.query<{
    column_name: string;
    data_type: string;
    udt_name: string;
    is_identity: string;
  }>(
    `select column_name, data_type, udt_name, is_identity from information_schema.columns
      where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type,
    udt: r.udt_name,
    identity: r.is_identity === "YES",
  }));
}

/** A SQLite value as the PostgreSQL column takes it: booleans were stored as 0 and 1. */
function converted(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return Boolean(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Tables that already hold rows in the target; the built-in metrics the bot adds at start do not count. */
async function occupied(client: PgClient, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const filter = table === "metrics" ? " where not builtin" : "";
    const { rows } = await client.query<{ any: boolean }>(`select exists (select 1 from ${table}${filter}) as any`);
    if (rows[0]?.any) found.push(table);
  }
  return found;
}

async function copyTable(client: PgClient, sqlite: Database.Database, table: string): Promise<number> {
  const target = await columnsOf(client, table);
  const present = new Set(
    (sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name),
  );
  const columns = target.filter((c) => present.has(c.name));
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  // One array per column, unnested into rows: the same short statement for every batch, whatever its size.
  const arrays = columns.map((c, j) => `$${j + 1}::"${c.udt}"[]`).join(", ");
  const insert = `insert into "${table}" (${names}) overriding system value select * from unnest(${arrays})`;
  let copied = 0;
  for (const batch of batches(sqlite.prepare(`select ${names} from "${table}" order by rowid`).raw(), BATCH)) {
    const values = columns.map((column, j) => batch.map((row) => converted(row[j], column.type)));
    await client.query(insert, values);
    copied += batch.length;
  }
  // New rows continue after the largest id copied.
  for (const column of target.filter((c) => c.identity)) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column.name}") from "${table}"), 0) + 1, false)`,
      [table, column.name],
    );
  }
  return copied;
}

/** Rows of a statement, `size` at a time, read as they are needed: a full ledger does not fit in memory twice. */
function* batches(statement: Database.Statement, size: number): Generator<unknown[][]> {
  let batch: unknown[][] = [];
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Copies the SQLite database at `path` into the PostgreSQL database at `url` (migrated first, under the
 * advisory lock). Refuses a target holding any row, and rolls everything back when a count differs.
 */
export async function copyFromSqlite(path: string, url: string): Promise<CopyReport> {
  if (!existsSync(path)) throw new CopyRefused(`${path} does not exist`);
  // Opened as the bot opens it: migrations the file lacks are applied first, so both schemas agree.
  openDatabase(path).$client.close();
  const sqlite = new Database(path, { readonly: true });
  const store = openServer(url, { max: 1 });
  try {
    await store.migrate();
    const pool = (store.db as unknown as { $client: Pool }).$client;
    const client = await pool.connect();
    try {
      const inSource = new Set(
        (sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map(
          (t) => t.name,
        ),
      );
      const tables = ORDER.filter((t) => inSource.has(t));
      const full = await occupied(client, tables);
      if (full.length > 0) throw new CopyRefused(`the target already holds rows in ${full.join(", ")}`);
      await client.query("begin");
      try {
        await client.query("delete from metrics where builtin");
        const report: CopyReport = { tables: [] };
        for (const name of tables) report.tables.push({ name, rows: await copyTable(client, sqlite, name) });
        for (const { name, rows } of report.tables) {
          const { rows: counted } = await client.query<{ n: string }>(`select count(*) as n from "${name}"`);
          if (Number(counted[0]?.n) !== rows) throw new Error(`${name}: ${rows} rows read, ${counted[0]?.n} written`);
        }
        await client.query("commit");
        return report;
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
    } finally {
      client.release();
    }
  } finally {
    sqlite.close();
    await store.close();
  }
}
