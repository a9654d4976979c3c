// Another process holding SQLite's write lock, as a long import from the CLI would.
import Database from "better-sqlite3";

/**
 * Takes the write lock of the database behind a connection, after shortening that connection's busy
 * timeout so a refused write shows quickly; returns the release.
 */
export function holdWriteLock(sqlite: Database.Database, busyTimeoutMs = 100): () => void {
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const other = new Database(sqlite.name);
  other.exec("BEGIN IMMEDIATE");
  return () => {
    other.exec("ROLLBACK");
    other.close();
  };
}
