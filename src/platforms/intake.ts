// Taking an update in, the same on every platform: claim its id once, run it, wait for the group commit,
// and say what went wrong. One intake serves all platforms, so shutdown drains them together.
import { BatchLost, RunAlone } from "#db/group-commit.ts";
import type { UpdateRepository } from "#db/contract.ts";
import type { Platform } from "#db/schema.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Logger } from "#src/logger.ts";
import { floodGuard, type FloodLimit } from "./flood-guard.ts";

/**
 * An update that could not be taken in (the database refused its claim, or lost its writes): nothing of it
 * was kept, so a webhook answers 503 and the platform delivers it again later.
 */
export class RetryLater extends Error {
  override name = "RetryLater";
}

export interface Arrival {
  platform: Platform;
  /** The platform's id for the update: Telegram's update_id, Zalo's message_id. */
  id: string;
  /** The account that sent it (the platform's user id): floods are counted per account. */
  from?: string;
  /** Runs the update through the conversation and sends its reply. */
  handle: () => Promise<void>;
  /**
   * A text message: short to handle, with nothing sent before its commit, so it may share a transaction
   * with other updates (IntakeOptions.together) and, should that fail, be handled again alone.
   */
  short?: boolean;
  /** Tells the person their message failed; left out where there is nobody to tell. */
  say?: (text: string) => Promise<unknown>;
}

export interface IntakeOptions {
  updates: Pick<UpdateRepository, "claim" | "committed">;
  /**
   * Runs the claim and the handling as one unit (Repositories.unitOfWork): on PostgreSQL one transaction,
   * committed before the reply is sent. Without it, they run as they come (SQLite's group commit).
   */
  unitOfWork?: <T>(fn: () => Promise<T>) => Promise<T>;
  /**
   * The same for a short update, which may share its transaction with others' (Repositories.together);
   * RunAlone from it runs the update again through unitOfWork.
   */
  together?: <T>(fn: () => Promise<T>) => Promise<T>;
  translate: TranslateIn;
  logger: Logger;
  clock?: () => Date;
  /** How fast one account may send; FLOOD_LIMIT unless told. */
  flood?: FloodLimit;
}

export interface Intake {
  /**
   * Handles an update once, however often it is delivered. Rejects with RetryLater when nothing of it was
   * kept; any other failure is logged and told to the person, and the update stays claimed.
   */
  take(arrival: Arrival): Promise<void>;
  /** False once shutdown has begun: webhooks answer 503 so the platform delivers the update again later. */
  readonly accepting: boolean;
  /** Stops taking updates and resolves once those in flight are done, or the timeout has passed. */
  drain(timeoutMs?: number): Promise<void>;
}

type Runner = <T>(fn: () => Promise<T>) => Promise<T>;

/** A short update shares a transaction when it can; if that transaction is lost, it is run again alone. */
function unitRunner(unitOfWork: Runner, together: Runner) {
  return async (short: boolean, fn: () => Promise<void>): Promise<void> => {
    if (!short) return await unitOfWork(fn);
    try {
      await together(fn);
    } catch (error) {
      if (!(error instanceof RunAlone)) throw error;
      await unitOfWork(fn);
    }
  };
}

export function createIntake(options: IntakeOptions): Intake {
  const { updates, translate, logger } = options;
  const unitOfWork = options.unitOfWork ?? (<T>(fn: () => Promise<T>) => fn());
  const runUnit = unitRunner(unitOfWork, options.together ?? unitOfWork);
  const clock = options.clock ?? (() => new Date());
  const flooding = floodGuard(options.flood, () => clock().getTime());
  let inFlight = 0;
  let accepting = true;

  async function takeOnce({ platform, id, from, handle, say, short }: Arrival): Promise<void> {
    // Over the limit, an update is neither claimed nor handled, yet answered 200: the platform must not
    // deliver it again, and the database is spared the flood.
    const verdict = from === undefined ? "take" : flooding.admit(`${platform}:${from}`);
    if (verdict !== "take") {
      if (verdict === "warn") {
        logger.warn({ platform, update: id }, "account flooding: its updates are dropped for a while");
        await say?.(translate("vi", "flood-slow-down")).catch(() => undefined);
      }
      return;
    }
    // Platforms deliver an update again until they hear it was taken, so each id is handled once.
    const at = clock().toISOString();
    let claimed = false;
    try {
      await runUnit(short === true, async () => {
        claimed = await claimOrRetry(platform, id, at, from);
        if (!claimed) return;
        await handle();
        // The claim itself is durable before the platform hears 200, even when the update wrote nothing else.
        await updates.committed();
      });
    } catch (error) {
      if (error instanceof RetryLater) throw error;
      // The batch or transaction was lost with the claim in it, or the database gave way (a dropped
      // connection, a deadlock): nothing of this update was kept, and nobody was told otherwise (replies
      // wait for the commit), so the platform may deliver it again.
      if (error instanceof BatchLost || isTransient(error)) {
        throw new RetryLater("the update's writes were lost", { cause: error });
      }
      // The person's request failed: the update stays claimed (on PostgreSQL its transaction rolled back with
      // the claim, so it is claimed again alone), and what it wrote was one transaction, kept whole or not at all.
      await claimOrRetry(platform, id, at);
      logger.error({ platform, update: id, err: messageOf(error) }, "update failed");
      await say?.(translate("vi", "error")).catch(() => undefined);
      return;
    }
    if (!claimed) logger.info({ platform, update: id }, "duplicate update ignored");
  }

  async function claimOrRetry(platform: Platform, id: string, at: string, from?: string): Promise<boolean> {
    try {
      return await updates.claim(platform, id, at, from);
    } catch (error) {
      throw new RetryLater("the update could not be claimed", { cause: error });
    }
  }

  return {
    async take(arrival) {
      inFlight++;
      try {
        await takeOnce(arrival);
      } finally {
        inFlight--;
      }
    },
    get accepting() {
      return accepting;
    },
    async drain(timeoutMs = 10_000) {
      accepting = false;
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    },
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure of the database rather than of the request: the connection dropped, the server is shutting
 * down or out of resources, or the transaction lost a deadlock or serialisation race. SQLSTATE classes
 * 08, 53, 57 and 40 (PostgreSQL's codes, found on the error or its causes), or node-postgres losing its
 * connection; another try may well succeed. A platform's network failing while a reply is sent is not one.
 */
export function isTransient(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^(08|53|57|40)[0-9A-Z]{3}$/.test(code)) return true;
    if (/^Connection terminated|^Client has encountered a connection error/.test(e.message)) return true;
  }
  return false;
}
