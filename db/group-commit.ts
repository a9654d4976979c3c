// Group commit: the writes of every update handled in one turn of the event loop share one transaction.
//
// A commit costs far more than the rows it carries: its pages go to the WAL, and every thousand pages the
// WAL is copied back into the database file. Busy webhooks handle several updates per turn, and most of
// their pages are the same ones (the ledger's last page, the province and national tallies), so committing
// them together writes each page once. Writes made while a batch is open run inside it (better-sqlite3
// turns a nested transaction into a savepoint, so each report is still all or nothing), and nobody is told
// "recorded" before the batch is on disk: replies wait for `committed()`.
import type Database from "better-sqlite3";

/** A batch SQLite rolled back or could not commit: none of its writes were kept. */
export class BatchLost extends Error {
  override name = "BatchLost";
}

/**
 * A transaction shared by several updates' units of work did not commit (db/pg/shared-work.ts): nothing of
 * this one was kept and nobody was answered, so it is run again in a transaction of its own.
 */
export class RunAlone extends BatchLost {
  override name = "RunAlone";
}

export interface GroupCommit {
  /**
   * Opens a batch unless one is open; it commits once the current turn of the event loop is over.
   * Throws when the write lock cannot be had (another process held it past the busy timeout).
   */
  open(): void;
  /** Resolves once everything written so far is committed; rejects if the batch it joined was lost. */
  committed(): Promise<void>;
  /** Commits the open batch now, before the database is closed. */
  commitNow(): void;
  /**
   * Keeps the batch from committing until the returned release is called: a transaction that awaits
   * must not have its half-done work committed with the batch when the turn ends.
   */
  hold(): () => void;
}

export function groupCommit(sqlite: Database.Database): GroupCommit {
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const rollback = sqlite.prepare("ROLLBACK");
  let open = false;
  let holds = 0;
  let dueWhileHeld = false;
  let waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];

  function close(): void {
    if (!open) return;
    if (holds > 0) {
      dueWhileHeld = true;
      return;
    }
    open = false;
    const waiters = waiting;
    waiting = [];
    let failure: BatchLost | undefined;
    if (!sqlite.open || !sqlite.inTransaction) {
      // Only SQLite itself ends a batch early: an I/O error or a full disk rolls the whole of it back.
      failure = new BatchLost("the batch was rolled back before it could commit");
    } else {
      try {
        commit.run();
      } catch (error) {
        failure = new BatchLost(
          `the batch could not commit: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (sqlite.inTransaction) rollback.run();
      }
    }
    for (const waiter of waiters) {
      if (failure) waiter.reject(failure);
      else waiter.resolve();
    }
  }

  return {
    open() {
      if (open || sqlite.inTransaction || !sqlite.open) return;
      begin.run();
      open = true;
      setImmediate(close);
    },
    committed() {
      if (!open) return Promise.resolve();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    commitNow: close,
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0 && dueWhileHeld) {
          dueWhileHeld = false;
          setImmediate(close);
        }
      };
    },
  };
}
