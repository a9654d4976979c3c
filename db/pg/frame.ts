// What the PostgreSQL executor keeps for each async context: the transaction it is in and that
// transaction's own memory. Shared by the executor and the shared transactions (shared-work.ts).
import type { PgDb } from "./client.ts";

/**
 * The transaction a context is in. `db` is cleared once it has ended, so what a unit of work does after its
 * commit (sending the reply) runs on the database itself. `commit` is set on a unit of work's own frame.
 */
export interface Frame {
  db: PgDb | undefined;
  commit?: () => Promise<void>;
  /** Reads remembered for the rest of this transaction until it runs any other statement (see `memo`). */
  memo?: Map<string, Promise<unknown>>;
  /** What this transaction, and those it is nested in, noted writing (see `noteWrite`). */
  writes?: Set<string>;
  /** What this transaction drew at random once for all its statements (see `shard`), shared with nested ones. */
  luck?: { shard?: number };
  /**
   * Set on a shared transaction's members (shared-work.ts): marked when a statement fails at their top level,
   * which aborts the transaction whatever the member does with the error.
   */
  failed?: { statement: boolean };
}
