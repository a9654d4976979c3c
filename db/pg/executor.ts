// How the PostgreSQL repositories reach the database: through the transaction the current async context is
// in, or the database itself. `transaction(fn)` starts one (or, inside one, a savepoint) and runs fn in it;
// every repository call fn makes, however deep, finds it through AsyncLocalStorage without being passed it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
import type { PgDialect } from "drizzle-orm/pg-core";
import { randomInt } from "node:crypto";
import { BatchLost } from "#db/group-commit.ts";
import type { PgDb } from "./client.ts";
import type { Frame } from "./frame.ts";
import { SHARING, sharedWork, type Sharing } from "./shared-work.ts";
import { serverClientOf, statementRunner, type RawResult } from "./statements.ts";

export interface Executor {
  /** The drizzle database or transaction of the current context, for the query builder. */
  db(): PgDb;
  rows<T>(query: SQL): Promise<T[]>;
  one<T>(query: SQL): Promise<T | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(query: SQL): Promise<number>;
  /** All or nothing: a throw rolls back fn's writes (to the savepoint when nested) and is rethrown. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn in a transaction that commits when fn calls `committed()`, or when fn resolves if it never does;
   * fn then carries on outside it. A throw before the commit rolls everything back and is rethrown.
   */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Inside a unit of work (not inside a transaction of its own within it): commits it now, and rejects with
   * BatchLost if the commit failed. Anywhere else every write is committed already.
   */
  committed(): Promise<void>;
  /** True inside transaction(fn). */
  inTransaction(): boolean;
  /**
   * Inside a transaction: the same read asked again (same key) is answered from the first answer, as long as
   * the transaction has run no other statement since; any other statement, a nested transaction or `db()`
   * forgets every remembered read. A report's reply reads the same targets and metric definitions many times
   * in a row, each a round trip to the server otherwise. Outside a transaction, `load` runs every time.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Inside a transaction: answers the next `memo(key)` with `value`, under the same rules, as if it had read it. */
  remember<T>(key: string, value: T): void;
  /**
   * Inside a transaction: notes that it wrote `what`, for the rest of the outermost transaction (a cache kept
   * across transactions must neither answer it nor keep what it reads, which others must not see yet).
   */
  noteWrite(what: string): void;
  /** Whether the current transaction, or one it is nested in, noted writing `what`. */
  wrote(what: string): boolean;
  /**
   * Like unitOfWork, but under load fn may share its transaction with other units of work (shared-work.ts).
   * Rejects with RunAlone, once fn has unwound, when that transaction did not commit: nothing of fn's was
   * kept, and the caller runs fn again through unitOfWork.
   */
  together<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Which of `count` shards of a hot total the current transaction writes to: drawn at random once per
   * transaction (and shared transaction), so that a transaction holds one shard's lock of each total, however
   * many reports it records. Outside a transaction, drawn afresh each time.
   */
  shard(count: number): number;
}

/** The remembered reads of each transaction (Executor.memo), and how a statement forgets them. */
function readMemory(current: AsyncLocalStorage<Frame>) {
  // Set while a remembered read's own statement starts (synchronously, inside load), so it does not forget itself.
  let remembering = false;
  /** Forgets the remembered reads of the current transaction: a statement may have changed what they read. */
  const forget = () => {
    const frame = current.getStore();
    if (frame?.memo && !remembering) frame.memo.clear();
  };
  function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const frame = current.getStore();
    if (!frame?.db) return load();
    frame.memo ??= new Map();
    const known = frame.memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    remembering = true;
    let answer: Promise<T>;
    try {
      answer = load();
    } finally {
      remembering = false;
    }
    const memory = frame.memo;
    memory.set(key, answer);
    answer.catch(() => memory.delete(key));
    return answer;
  }
  function remember<T>(key: string, value: T): void {
    const frame = current.getStore();
    if (!frame?.db) return;
    frame.memo ??= new Map();
    frame.memo.set(key, Promise.resolve(value));
  }
  return { forget, memo, remember };
}

/** What a transaction noted writing (Executor.noteWrite), for caches kept across transactions. */
function writeNotes(current: AsyncLocalStorage<Frame>): Pick<Executor, "noteWrite" | "wrote"> {
  return {
    noteWrite(what) {
      const frame = current.getStore();
      if (frame?.db) frame.writes?.add(what);
    },
    wrote(what) {
      const frame = current.getStore();
      return frame?.db !== undefined && (frame.writes?.has(what) ?? false);
    },
  };
}

/**
 * Runs a statement in the current context. On a server, statements go to node-postgres directly and are prepared
 * once per connection (statements.ts); on PGlite, through drizzle.
 */
function statementsOver(root: PgDb, db: () => PgDb) {
  const direct = serverClientOf(root) ? statementRunner((root as unknown as { dialect: PgDialect }).dialect) : null;
  return async <T>(query: SQL): Promise<RawResult<T>> => {
    const target = db();
    const client = direct && serverClientOf(target);
    if (client && direct) return await direct<T>(client, query);
    return (await target.execute(query)) as unknown as RawResult<T>;
  };
}

/** Executor.unitOfWork: one transaction, committed when fn asks (Executor.committed) or ends. */
function unitsOfWork(root: PgDb, current: AsyncLocalStorage<Frame>) {
  return async function unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    if (current.getStore()?.db) return fn();
    let askCommit = () => {};
    const asked = new Promise<void>((resolve) => (askCommit = resolve));
    let work: Promise<T> | undefined;
    const frame: Frame = { db: undefined, writes: new Set(), luck: {} };
    const done = root
      .transaction(async (tx) => {
        frame.db = tx as unknown as PgDb;
        work = current.run(frame, fn);
        // Whichever comes first: fn asks for the commit, fn ends, or fn throws (and the transaction rolls back).
        await Promise.race([asked, work]);
      })
      .finally(() => {
        frame.db = undefined;
      });
    frame.commit = () => {
      askCommit();
      return done.catch((error: unknown) => {
        throw new BatchLost("the transaction could not commit", { cause: error });
      });
    };
    let failure: { cause: unknown } | undefined;
    await done.catch((cause: unknown) => (failure = { cause }));
    const started = work as Promise<T> | undefined;
    if (!started) throw new BatchLost("the transaction could not begin", failure);
    // fn threw before the commit: its own error is passed on. Else it carried on, told the commit's outcome.
    const result = await started;
    if (failure) throw new BatchLost("the transaction could not commit", failure);
    return result;
  };
}

/** Executor.shard: drawn once per transaction, kept in its frame. */
function shardOf(current: AsyncLocalStorage<Frame>, count: number): number {
  const frame = current.getStore();
  const luck = frame?.db ? frame.luck : undefined;
  if (!luck) return randomInt(count);
  luck.shard ??= randomInt(count);
  return luck.shard % count;
}

export function executor(root: PgDb, sharing: Sharing = SHARING): Executor {
  const current = new AsyncLocalStorage<Frame>();
  const { forget, memo, remember } = readMemory(current);
  const db = () => {
    forget();
    return current.getStore()?.db ?? root;
  };
  const send = statementsOver(root, db);
  const execute = async <T>(query: SQL): Promise<RawResult<T>> => {
    try {
      return await send<T>(query);
    } catch (error) {
      const frame = current.getStore();
      if (frame?.db && frame.failed) frame.failed.statement = true;
      throw error;
    }
  };

  async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    const outer = current.getStore();
    const nested = outer?.db !== undefined;
    const frame: Frame = {
      db: undefined,
      writes: (nested && outer.writes) || new Set(),
      luck: (nested && outer.luck) || {},
    };
    try {
      return await db().transaction((tx) => {
        frame.db = tx as unknown as PgDb;
        return current.run(frame, fn);
      });
    } finally {
      frame.db = undefined;
      // What the nested transaction wrote, or undid, is not what the outer one remembered.
      outer?.memo?.clear();
    }
  }

  const unitOfWork = unitsOfWork(root, current);
  const together = sharedWork(root, current, sharing);

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
    transaction,
    unitOfWork,
    async committed() {
      const frame = current.getStore();
      if (frame?.commit && frame.db) await frame.commit();
    },
    inTransaction: () => current.getStore()?.db !== undefined,
    memo,
    remember,
    ...writeNotes(current),
    together: <T>(fn: () => Promise<T>) => (current.getStore()?.db ? fn() : together(fn)),
    shard: (count) => shardOf(current, count),
  };
}
