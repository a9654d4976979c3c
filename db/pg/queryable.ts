// What the pacer and the media table need of PostgreSQL: one statement at a time, with bound values. A
// node-postgres Pool is one; each statement runs in its own transaction unless it is several in one string.
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Rows as the caller declares them: the statements here name their columns. */
export async function rowsOf<T>(db: Queryable, text: string, values?: unknown[]): Promise<T[]> {
  return (await db.query(text, values)).rows as T[];
}

/**
 * Runs DDL once however many instances start together: several statements in one string run as one
 * transaction, and the advisory lock makes a second instance wait instead of racing `create … if not exists`.
 */
export async function ensureOnce(db: Queryable, lock: number, ddl: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(${Math.trunc(lock)});\n${ddl}`);
}
