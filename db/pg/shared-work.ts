// Units of work sharing a transaction on PostgreSQL, the way SQLite's group commit shares a commit.
//
// Each update is one unit of work: its claim, its reads and writes, then the commit, then the reply. Alone,
// that is a `begin` and a `commit` around three or four statements, and the commit (a WAL flush) is the
// dearest of them. Under load, units arriving while a few transactions are already open join one of them
// instead: the members of a shared transaction run one after the other, each up to the point where it asks
// for its commit (or ends), and the transaction commits once no member is left waiting. Run one at a time,
// members never interleave their statements, so each sees what the ones before it wrote, as if they had
// committed in turn. When few updates come, every unit still opens its own transaction at once.
//
// All or nothing, for every member: if one member throws before its commit, a statement fails (a deadlock,
// say) or the commit itself fails, the transaction rolls back and every member is told RunAlone. Nothing any
// of them wrote was kept and nobody was answered yet (replies wait for the commit), so each is run again in a
// transaction of its own, where a failure is its own again.
import type { AsyncLocalStorage } from "node:async_hooks";
import { randomInt } from "node:crypto";
import { RunAlone } from "#db/group-commit.ts";
import type { PgDb } from "./client.ts";
import type { Frame } from "./frame.ts";

export interface Sharing {
  /** Shared transactions open at once; a unit arriving while fewer are open opens one of its own. */
  lanes: number;
  /** Members of one shared transaction at most. */
  most: number;
  /**
   * A member running longer than this holds its transaction up: nobody new joins it, and a unit arriving while
   * every open transaction is so held opens one more, up to `spare` more than `lanes`.
   */
  stuckMs: number;
  spare: number;
}

/**
 * Sharing on a server: two transactions at a time, each of up to 16 updates; while both are held by a slow
 * member (a national chart, say), up to six more of their own, as the pool allows.
 */
export const SHARING: Sharing = { lanes: 2, most: 16, stuckMs: 20, spare: 6 };

interface Member {
  fn: () => Promise<unknown>;
  /** Settles once the shared transaction has committed, or rejects with RunAlone. */
  outcome: Promise<void>;
  settle: (lost?: RunAlone) => void;
  frame?: Frame;
  work?: Promise<unknown>;
}

interface Shared {
  /** Members not started yet, in the order they came. */
  waiting: Member[];
  /** Members started. */
  taken: Member[];
  /** Set as the last member is done: the transaction commits and takes no more. */
  closing: boolean;
  /** When the member now running started (performance.now()). */
  since: number;
  /** The shard of the hot totals it writes to (Executor.shard): none of this instance's other open ones'. */
  shard: number;
}

/**
 * Shards are drawn from a wide range and taken modulo the number of shards (Executor.shard), so an instance's
 * open shared transactions are kept on different shards for the usual 8.
 */
const SHARD_RANGE = 1 << 20;
const SHARD_SPREAD = 8;

function member(fn: () => Promise<unknown>): Member {
  let settle: Member["settle"] = () => {};
  const outcome = new Promise<void>((resolve, reject) => {
    settle = (lost) => (lost ? reject(lost) : resolve());
  });
  // Rejections are awaited by the member's commit or by `together`; this only keeps an unstarted one quiet.
  outcome.catch(() => undefined);
  return { fn, outcome, settle };
}

/** Runs the members one after the other in one transaction, then tells each how it ended. */
async function run(root: PgDb, current: AsyncLocalStorage<Frame>, shared: Shared): Promise<void> {
  // What any member wrote, every member is taken to have written (Executor.noteWrite); one shard for all.
  const common: Pick<Frame, "writes" | "luck" | "failed"> = {
    writes: new Set(),
    luck: { shard: shared.shard },
    failed: { statement: false },
  };
  try {
    await root.transaction(async (tx) => {
      for (let next = shared.waiting.shift(); next; next = shared.waiting.shift()) {
        const done = await runMember(current, shared, next, { ...common, db: tx as unknown as PgDb });
        // A statement that failed outside a savepoint aborted the transaction, even if a member caught it:
        // PostgreSQL would answer the commit with a rollback, and the members before would believe it.
        if (!done || common.failed?.statement) {
          shared.closing = true;
          throw new RunAlone("a unit of work in the shared transaction failed");
        }
      }
      // No await between the last look at `waiting` and this: nobody joins a transaction that is committing.
      shared.closing = true;
    });
    finish(shared);
  } catch (error) {
    shared.closing = true;
    finish(shared, new RunAlone("the shared transaction did not commit", { cause: error }));
  }
}

/** Runs one member up to its commit or its end; false if it threw first. */
async function runMember(
  current: AsyncLocalStorage<Frame>,
  shared: Shared,
  next: Member,
  frame: Frame,
): Promise<boolean> {
  shared.taken.push(next);
  shared.since = performance.now();
  let reach = () => {};
  const reached = new Promise<boolean>((resolve) => (reach = () => resolve(true)));
  frame.commit = () => {
    reach();
    return next.outcome;
  };
  next.frame = frame;
  next.work = current.run(frame, next.fn);
  return await Promise.race([
    reached,
    next.work.then(
      () => true,
      () => false,
    ),
  ]);
}

/** Every member, past its commit, carries on outside the transaction, or learns it has to run alone. */
function finish(shared: Shared, lost?: RunAlone): void {
  for (const m of shared.taken) if (m.frame) m.frame.db = undefined;
  for (const m of [...shared.taken, ...shared.waiting.splice(0)]) m.settle(lost);
}

export function sharedWork(root: PgDb, current: AsyncLocalStorage<Frame>, sharing: Sharing) {
  const open = new Set<Shared>();
  const backlog: Member[] = [];

  /**
   * A new shared transaction if fewer than `lanes` are open; else the open one with the fewest waiting that is
   * neither full nor held up; else, while every one is held up and the spare allow, a new one again.
   */
  function place(newcomer: Member): void {
    if (open.size < sharing.lanes) return start([newcomer]);
    const now = performance.now();
    let best: Shared | undefined;
    for (const shared of open) {
      const size = shared.taken.length + shared.waiting.length;
      if (shared.closing || size >= sharing.most || now - shared.since > sharing.stuckMs) continue;
      if (!best || shared.waiting.length < best.waiting.length) best = shared;
    }
    if (best) best.waiting.push(newcomer);
    else if (open.size < sharing.lanes + sharing.spare) start([newcomer]);
    else backlog.push(newcomer);
  }

  function start(members: Member[]): void {
    const taken = new Set([...open].map((other) => other.shard % SHARD_SPREAD));
    let shard = randomInt(SHARD_RANGE);
    for (let tries = 0; tries < 16 && taken.has(shard % SHARD_SPREAD); tries++) shard = randomInt(SHARD_RANGE);
    const shared: Shared = { waiting: members, taken: [], closing: false, since: performance.now(), shard };
    open.add(shared);
    void run(root, current, shared).finally(() => {
      open.delete(shared);
      if (backlog.length > 0) start(backlog.splice(0, sharing.most));
    });
  }

  /**
   * Runs fn as a member of a shared transaction and resolves to what it resolves to, after the commit.
   * Rejects with RunAlone when the transaction did not commit, once fn has unwound: the caller then runs fn
   * again alone (Executor.unitOfWork).
   */
  return async function together<T>(fn: () => Promise<T>): Promise<T> {
    const newcomer = member(fn);
    place(newcomer);
    try {
      await newcomer.outcome;
    } catch (error) {
      await newcomer.work?.catch(() => undefined);
      throw error;
    }
    return (await newcomer.work) as T;
  };
}
