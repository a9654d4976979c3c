// How the PostgreSQL repositories reach the database: through the transaction the current async context is
// in, or the database itself. `transaction(fn)` starts one (or, inside one, a savepoint) and runs fn in it;
// every repository call fn makes, however deep, finds it through AsyncLocalStorage without being passed it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
import type { PgDb } from "./client.ts";

interface RawResult<T> {
  rows: T[];
  /** node-postgres and PGlite both report the rows a command touched. */
  rowCount?: number | null;
}

export interface Executor {
  /** The drizzle database or transaction of the current context, for the query builder. */
  db(): PgDb;
  rows<T>(query: SQL): Promise<T[]>;
  one<T>(query: SQL): Promise<T | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(query: SQL): Promise<number>;
  /** All or nothing: a throw rolls back fn's writes (to the savepoint when nested) and is rethrown. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** True inside transaction(fn). */
  inTransaction(): boolean;
}

export function executor(root: PgDb): Executor {
  const current = new AsyncLocalStorage<PgDb>();
  const db = () => current.getStore() ?? root;
  const execute = async <T>(query: SQL) => (await db().execute(query)) as unknown as RawResult<T>;
  return {
    db,
    async rows<T>(query: SQL) {
      return (await execute<T>(query)).rows;
    },
    async one<T>(query: SQL) {
      return (await execute<T>(query)).rows[0];
    },
    async run(query: SQL) {
      return (await execute(query)).rowCount ?? 0;
    },
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      return db().transaction((tx) => current.run(tx as unknown as PgDb, fn));
    },
    inTransaction: () => current.getStore() !== undefined,
  };
}
