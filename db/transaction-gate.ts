// Transactions that may await, on one SQLite connection shared by every request.
//
// A transaction's callback awaits, and while it waits other requests run and call repositories too. On
// one connection their statements would land inside the open transaction: its rollback would undo them,
// its commit would commit their half-done work. So while a transaction is open, it holds a gate: calls
// made inside it (known by an AsyncLocalStorage context) go straight through, and calls from anywhere else
// wait in line, first come first served, until it ends. With no transaction open a call costs one check.
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type { GroupCommit } from "./group-commit.ts";

/** One open transaction: the outermost one holds the gate, nested ones are savepoints in it. */
interface Frame {
  root: Frame | undefined;
  /** Nested transactions of this frame run one after another: a savepoint's rollback must undo only its own. */
  tail: Promise<void>;
}

/** A synchronous repository's methods, each returning a promise of what it returned. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

export interface TransactionGate {
  /** Wraps every method of a synchronous repository: run now when the gate allows, else once it opens. */
  guard<T extends object>(repository: T): Async<T>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export function transactionGate(sqlite: Database.Database, writes: GroupCommit): TransactionGate {
  const context = new AsyncLocalStorage<Frame>();
  let holder: Frame | undefined;
  const waiting: (() => void)[] = [];
  let savepoints = 0;

  const mayRun = (): boolean => holder === undefined || context.getStore()?.root === holder;

  function drain(): void {
    while (holder === undefined && waiting.length > 0) waiting.shift()?.();
  }

  function later<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  function guard<T extends object>(repository: T): Async<T> {
    const guarded: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(repository)) {
      if (typeof member !== "function") {
        guarded[name] = member;
        continue;
      }
      const method = member as (...args: unknown[]) => unknown;
      guarded[name] = (...args: unknown[]) => {
        if (!mayRun()) return later(() => method.apply(repository, args));
        try {
          return Promise.resolve(method.apply(repository, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    }
    return guarded as Async<T>;
  }

  /** Takes the gate for a new outermost transaction: at once when it is free, else in line. */
  function acquire(frame: Frame): Promise<void> | undefined {
    if (holder === undefined) {
      holder = frame;
      return undefined;
    }
    return new Promise<void>((resolve) =>
      waiting.push(() => {
        holder = frame;
        resolve();
      }),
    );
  }

  async function outermost<T>(fn: () => Promise<T>): Promise<T> {
    const frame: Frame = { root: undefined, tail: Promise.resolve() };
    frame.root = frame;
    const inLine = acquire(frame);
    if (inLine) await inLine;
    const release = writes.hold();
    // Inside an open group-commit batch the transaction is a savepoint of it, committed with the batch.
    const name = sqlite.inTransaction ? `tx${++savepoints}` : undefined;
    try {
      return await inside(frame, name, fn);
    } finally {
      holder = undefined;
      release();
      drain();
    }
  }

  /** Begins, runs `fn` in the frame's context, and commits, or rolls back and rethrows. */
  async function inside<T>(frame: Frame, savepoint: string | undefined, fn: () => Promise<T>): Promise<T> {
    sqlite.exec(savepoint ? `SAVEPOINT ${savepoint}` : "BEGIN");
    let result: T;
    try {
      result = await context.run(frame, fn);
    } catch (error) {
      // SQLite may have rolled everything back already (an I/O error, a full disk).
      if (sqlite.inTransaction) {
        sqlite.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : "ROLLBACK");
      }
      throw error;
    }
    try {
      sqlite.exec(savepoint ? `RELEASE ${savepoint}` : "COMMIT");
    } catch (error) {
      if (!savepoint && sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
    return result;
  }

  async function nested<T>(parent: Frame, fn: () => Promise<T>): Promise<T> {
    const before = parent.tail;
    let done = () => undefined as void;
    parent.tail = new Promise<void>((resolve) => (done = resolve));
    await before;
    try {
      return await inside({ root: parent.root, tail: Promise.resolve() }, `tx${++savepoints}`, fn);
    } finally {
      done();
    }
  }

  return {
    guard,
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      const parent = context.getStore();
      if (parent && holder !== undefined && parent.root === holder) return nested(parent, fn);
      return outermost(fn);
    },
  };
}
