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
  root: Frame;
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

/** Who holds the gate, and the calls and transactions waiting for it, first come first served. */
function waitingLine(context: AsyncLocalStorage<Frame>) {
  let holder: Frame | undefined;
  const waiting: (() => void)[] = [];
  return {
    holder: () => holder,
    /** A call may run now when no transaction is open, or when it is made inside the open one. */
    mayRun: (): boolean => holder === undefined || context.getStore()?.root === holder,
    /** Runs `work` once the gate is free, resolving to what it returns. */
    later<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          try {
            resolve(work());
          } catch (error) {
            reject(error);
          }
        });
      });
    },
    /** Takes the gate for a new outermost transaction: at once when it is free, else in line. */
    acquire(frame: Frame): Promise<void> | undefined {
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
    },
    /** Frees the gate and runs who waited, up to the next transaction. */
    release(): void {
      holder = undefined;
      while (holder === undefined && waiting.length > 0) waiting.shift()?.();
    },
  };
}

type WaitingLine = ReturnType<typeof waitingLine>;

function guardAll<T extends object>(repository: T, line: WaitingLine): Async<T> {
  const guarded: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    if (typeof member !== "function") {
      guarded[name] = member;
      continue;
    }
    const method = member as (...args: unknown[]) => unknown;
    guarded[name] = (...args: unknown[]) => {
      if (!line.mayRun()) return line.later(() => method.apply(repository, args));
      try {
        return Promise.resolve(method.apply(repository, args));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return guarded as Async<T>;
}

/** Begins, runs `fn` in the frame's context, and commits, or rolls back and rethrows. */
async function inside<T>(
  sqlite: Database.Database,
  context: AsyncLocalStorage<Frame>,
  frame: Frame,
  savepoint: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
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

export function transactionGate(sqlite: Database.Database, writes: GroupCommit): TransactionGate {
  const context = new AsyncLocalStorage<Frame>();
  const line = waitingLine(context);
  let savepoints = 0;

  async function outermost<T>(fn: () => Promise<T>): Promise<T> {
    const frame = { tail: Promise.resolve() } as Frame;
    frame.root = frame;
    const inLine = line.acquire(frame);
    if (inLine) await inLine;
    const release = writes.hold();
    // Inside an open group-commit batch the transaction is a savepoint of it, committed with the batch.
    const name = sqlite.inTransaction ? `tx${++savepoints}` : undefined;
    try {
      return await inside(sqlite, context, frame, name, fn);
    } finally {
      line.release();
      release();
    }
  }

  async function nested<T>(parent: Frame, fn: () => Promise<T>): Promise<T> {
    const before = parent.tail;
    let done = () => undefined as void;
    parent.tail = new Promise<void>((resolve) => (done = resolve));
    await before;
    try {
      const frame: Frame = { root: parent.root, tail: Promise.resolve() };
      return await inside(sqlite, context, frame, `tx${++savepoints}`, fn);
    } finally {
      done();
    }
  }

  return {
    guard: (repository) => guardAll(repository, line),
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      const parent = context.getStore();
      const holder = line.holder();
      if (parent && holder !== undefined && parent.root === holder) return nested(parent, fn);
      return outermost(fn);
    },
  };
}
