// Statements to a PostgreSQL server, handed to node-postgres directly, and prepared once per connection.
//
// Through drizzle, each statement costs the instance the building of a prepared-query object and its tracing
// wrappers, and costs the server a parse, analysis and plan of its text, every time: about half of a short
// statement's work on either side (bench/README: measured per round trip). Here the text drizzle renders is
// sent as node-postgres's own query, and a text seen before gets a name: the connection prepares it the first
// time it runs it (one Parse) and afterwards only binds values to it. PGlite keeps drizzle's path.
import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";

export interface RawResult<T> {
  rows: T[];
  rowCount?: number | null;
}

/** What a connection or the pool offers: node-postgres's query with a config object. */
interface Target {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * The value parsers drizzle-orm's node-postgres driver installs: timestamps, dates and intervals, and arrays
 * of them, stay as the server's text. Everything else as node-postgres parses it.
 */
const AS_TEXT = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231,
  1115,
  1185,
  1187,
  1182,
]);
const asText = (value: string) => value;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    AS_TEXT.has(oid) ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Texts named at most: a statement whose text is built from a list's length makes a new text per length. */
const MAX_NAMED = 1_000;
/** Texts counted at most while waiting for a second sighting. */
const MAX_COUNTED = 20_000;

/** Names a text the second time it is run: one-off texts are not kept prepared on every connection. */
function namer() {
  const names = new Map<string, string>();
  const once = new Set<string>();
  return (text: string): string | undefined => {
    const name = names.get(text);
    if (name !== undefined || names.size >= MAX_NAMED) return name;
    if (!once.has(text)) {
      if (once.size < MAX_COUNTED) once.add(text);
      return undefined;
    }
    once.delete(text);
    // Named after the text itself: repositories opened again over the same pool find the same names.
    const given = `t${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
    names.set(text, given);
    return given;
  };
}

/** The connection (or pool) under a drizzle node-postgres database or transaction; undefined for PGlite. */
export function serverClientOf(db: unknown): Target | undefined {
  const client = (db as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Pool || client instanceof pg.Client ? (client as Target) : undefined;
}

export function statementRunner(dialect: PgDialect) {
  const nameOf = namer();
  return async function run<T>(target: Target, query: SQL): Promise<RawResult<T>> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const name = nameOf(text);
    const config: pg.QueryConfig = { text, values: params, types };
    if (name !== undefined) config.name = name;
    return (await target.query(config)) as RawResult<T>;
  };
}
