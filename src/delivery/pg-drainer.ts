// Drains the outbox on PostgreSQL, where several instances drain the same rows: rows are claimed with
// `for update skip locked` (the outbox repository), and each send takes an instant from the shared pacer
// (send_pacer), so the platforms' limits hold across all instances together. One call of `drain` is one
// pg-boss job: it sends what is due, lingers for what falls due within moments, and returns.
import type { SendSlots, SlotRules } from "#db/pg/send-slots.ts";
import type { OutboxMessage } from "#db/repositories/outbox.ts";
import type { Platform } from "#db/schema.ts";
import { systemClock, type DispatchClock, type DispatchLogger, type DrainSummary, type Send } from "./dispatcher.ts";
import { TELEGRAM_LIMITS, type PlatformLimits } from "./rate-limiter.ts";
import { attempt, DEFAULT_RETRY, outcomeOf, type RetryPolicy, type SendResult } from "./settle.ts";

/** The outbox as the drainers use it: the repository's methods, answered asynchronously. */
export interface DrainOutbox {
  claimDue(now: string, limit: number, platform?: Platform): Promise<OutboxMessage[]>;
  markSent(id: number, now: string): Promise<unknown>;
  markRetry(id: number, notBefore: string, error: string): Promise<unknown>;
  defer(id: number, notBefore: string, reason?: string): Promise<unknown>;
  markBlocked(id: number): Promise<unknown>;
  markFailed(id: number, error: string): Promise<unknown>;
  release(id: number): Promise<unknown>;
  recoverStale(olderThan: string): Promise<number>;
  nextDue(): Promise<string | null>;
}

export interface DrainerOptions {
  outbox: DrainOutbox;
  slots: SendSlots;
  send: Send;
  /** Per platform; a platform left out gets Telegram's limits. */
  limits?: Partial<Record<Platform, PlatformLimits>>;
  clock?: DispatchClock;
  /** Sends one drain job has in flight (each waiting for its instant or for the platform's answer). */
  concurrency?: number;
  /**
   * A send starts at most this long after its reserved instant, or takes another: the windows reserved are
   * this much wider than the platform's (plus its slack), so a late start never packs a window.
   */
  lateMs?: number;
  /** How far ahead an instant is reserved. */
  horizonMs?: number;
  /** Rows falling due within this long are waited for by the job instead of by the next one. */
  lingerMs?: number;
  /**
   * A claimed row not sent within this long goes back to pending unsent: well inside the time after which
   * the sweep takes a claim for a dead instance's, so a live drainer never sends a row another sends too.
   */
  holdMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  logger?: DispatchLogger;
}

export interface Drainer {
  /** Sends what is due until nothing is due within the linger, `until` passes, or `stopping()` says so. */
  drain(until: number, stopping?: () => boolean): Promise<DrainSummary>;
  /** Rows a dead instance left claimed before `olderThan` go back to pending; returns how many. */
  recover(olderThan: number): Promise<number>;
  /** The rules the pacer applies on a platform, from its limits. */
  rulesFor(platform: Platform): SlotRules;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** How long before its instant a send reads the 429 pauses. */
const PAUSE_CHECK_LEAD_MS = 20;

export function createDrainer(options: DrainerOptions): Drainer {
  const clock = options.clock ?? systemClock;
  // Instances reach the platform over a network whose delay varies from one request to the next, more so on a
  // loaded machine: each window is widened by this much more, so the platform never counts one send too many.
  const lateMs = options.lateMs ?? 100;
  const horizonMs = options.horizonMs ?? 1_000;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const limitsOf = (platform: Platform) => options.limits?.[platform] ?? TELEGRAM_LIMITS;
  const rulesFor = (platform: Platform) => slotRules(limitsOf(platform), lateMs, horizonMs);
  const sleep = (ms: number) =>
    ms > 0 ? new Promise<void>((resolve) => clock.setTimeout(resolve, ms)) : Promise.resolve();
  const ctx = { ...options, clock, lateMs, retry, random, limitsOf, rulesFor, sleep };
  return {
    drain: (until, stopping = () => false) => drainLoop(ctx, until, stopping, options.concurrency ?? 8),
    recover: (olderThan) => options.outbox.recoverStale(iso(olderThan)),
    rulesFor,
  };
}

/** The platform's limits as the pacer's rules: each window widened by the slack and the lateness allowed. */
export function slotRules(limits: PlatformLimits, lateMs: number, horizonMs: number): SlotRules {
  const widen = limits.slackMs + lateMs;
  return {
    spacingMs: (limits.overall.perMs + widen) / limits.overall.count,
    chatCount: limits.perChat.count,
    chatWindowMs: limits.perChat.perMs + widen,
    groupCount: limits.perGroup.count,
    groupWindowMs: limits.perGroup.perMs + widen,
    horizonMs,
  };
}

interface Context extends DrainerOptions {
  clock: DispatchClock;
  lateMs: number;
  retry: RetryPolicy;
  random: () => number;
  limitsOf(platform: Platform): PlatformLimits;
  rulesFor(platform: Platform): SlotRules;
  sleep(ms: number): Promise<void>;
}

type Tally = keyof DrainSummary;

async function drainLoop(ctx: Context, until: number, stopping: () => boolean, concurrency: number) {
  const summary: DrainSummary = { sent: 0, retried: 0, deferred: 0, failed: 0, blocked: 0 };
  const inFlight = new Set<Promise<void>>();
  const track = (message: OutboxMessage) => {
    const task = deliver(ctx, message, stopping)
      .then((tally) => {
        if (tally) summary[tally]++;
      })
      .catch((error: unknown) => {
        // The database refused a settle: the row stays claimed and is recovered once it is stale.
        ctx.logger?.error({ outboxId: message.id, error: String(error) }, "could not record a send");
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  while (!stopping() && ctx.clock.now() < until) {
    if (inFlight.size >= concurrency) {
      await Promise.race(inFlight);
      continue;
    }
    const claimed = await ctx.outbox.claimDue(iso(ctx.clock.now()), concurrency - inFlight.size);
    for (const message of claimed) track(message);
    if (claimed.length > 0) continue;
    if (inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    const next = await ctx.outbox.nextDue();
    const wait = next === null ? Infinity : Date.parse(next) - ctx.clock.now();
    if (wait > (ctx.lingerMs ?? 2_000) || ctx.clock.now() + wait >= until) break;
    await ctx.sleep(Math.max(1, wait));
  }
  await Promise.all(inFlight);
  return summary;
}

/**
 * One message: an instant from the pacer, then the send at that instant unless a 429 paused the chat or the
 * platform meanwhile, then its outcome recorded. A chat that must wait puts the message off; a platform whose
 * pace is taken is asked again as its next instant comes within reach.
 */
async function deliver(ctx: Context, message: OutboxMessage, stopping: () => boolean): Promise<Tally | undefined> {
  const { outbox, slots, clock } = ctx;
  const rules = ctx.rulesFor(message.platform);
  const group = message.chatType === "group";
  const giveBackAt = clock.now() + (ctx.holdMs ?? 60_000);
  for (;;) {
    if (stopping() || clock.now() > giveBackAt) {
      await outbox.release(message.id);
      return undefined;
    }
    const answer = await slots.reserve(message.platform, message.chatId, group, clock.now(), rules);
    if ("busy" in answer) {
      if (answer.busy === "platform") {
        await ctx.sleep(answer.until - rules.horizonMs - clock.now());
        continue;
      }
      await outbox.defer(message.id, iso(answer.until));
      return "deferred";
    }
    // The pause is read just before the instant, not after it: its round trip must not make the send late.
    await ctx.sleep(answer.slot - PAUSE_CHECK_LEAD_MS - clock.now());
    const paused = await slots.pausedUntil(message.platform, message.chatId);
    if (paused > answer.slot) {
      await outbox.defer(message.id, iso(paused), "paused by a 429");
      return "deferred";
    }
    await ctx.sleep(answer.slot - clock.now());
    // Checked and sent in the same turn of the event loop: nothing runs between the check and the send.
    if (clock.now() - answer.slot > ctx.lateMs) {
      await slots.forget(message.platform, message.chatId, answer.slot);
      continue;
    }
    const result = await attempt(ctx.send, message);
    return settle(ctx, message, result);
  }
}

/** Records the outcome the dispatcher's own rules give; a 429 pauses the chat (and platform) for every instance. */
async function settle(ctx: Context, message: OutboxMessage, result: SendResult): Promise<Tally> {
  const { outbox, clock, logger } = ctx;
  const now = clock.now();
  const fields = { outboxId: message.id, kind: message.kind, platform: message.platform };
  const outcome = outcomeOf(message, result, now, ctx.retry, ctx.random);
  switch (outcome.kind) {
    case "sent":
      await outbox.markSent(message.id, iso(now));
      return "sent";
    case "deferred": {
      const wholePlatform = ctx.limitsOf(message.platform).pausePlatformOn429;
      await ctx.slots.pause(message.platform, message.chatId, outcome.until, wholePlatform);
      await outbox.defer(message.id, iso(outcome.until), outcome.reason);
      logger?.warn({ ...fields, retryAfterSeconds: outcome.retryAfterSeconds }, "platform asked to slow down");
      return "deferred";
    }
    case "blocked":
      await outbox.markBlocked(message.id);
      logger?.info(fields, "recipient blocked the bot; account deactivated");
      return "blocked";
    case "failed":
      await outbox.markFailed(message.id, outcome.error);
      logger?.error({ ...fields, attempts: outcome.attempts, error: outcome.error }, "message given up");
      return "failed";
    case "retried":
      await outbox.markRetry(message.id, iso(outcome.at), outcome.error);
      logger?.warn({ ...fields, attempts: outcome.attempts, error: outcome.error }, "send failed; will retry");
      return "retried";
  }
}
