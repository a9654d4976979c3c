// Sends what the outbox holds, outside the webhook path: claims due rows, paces them to each platform's
// limits, and settles every row as sent, retried, failed or blocked. A row is claimed before it is sent, so
// a crash can repeat only the sends that were in flight (at most `concurrency`), never lose one.
import type { OutboxRepository } from "#db/contract.ts";
import type { OutboxMessage } from "#db/repositories/outbox.ts";
import { PLATFORMS, type Platform } from "#db/schema.ts";
import { PlatformPacer, TELEGRAM_LIMITS, type PlatformLimits } from "./rate-limiter.ts";
import { attempt, DEFAULT_RETRY, outcomeOf, type RetryPolicy, type SendResult } from "./settle.ts";

export type { OutboxMessage } from "#db/repositories/outbox.ts";
export type { PlatformLimits, Rate } from "./rate-limiter.ts";
export { TELEGRAM_LIMITS } from "./rate-limiter.ts";
export { DEFAULT_RETRY, type RetryPolicy, type SendResult } from "./settle.ts";

/** Sends one message on the message's platform. A thrown error counts as a failed attempt. */
export type Send = (message: OutboxMessage) => Promise<SendResult>;

/** Time and timers, injectable so tests run on a clock they move themselves. */
export interface DispatchClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: DispatchClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DispatchLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DispatcherOptions {
  outbox: OutboxRepository;
  send: Send;
  clock?: DispatchClock;
  /** Per platform; a platform left out gets Telegram's limits. */
  limits?: Partial<Record<Platform, PlatformLimits>>;
  /** Sends in flight at once. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** How often an idle dispatcher looks for new rows; `wake()` makes it look at once. */
  pollMs?: number;
  /** Random numbers in [0, 1) for the jitter. */
  random?: () => number;
  logger?: DispatchLogger;
}

export interface DrainSummary {
  sent: number;
  retried: number;
  deferred: number;
  failed: number;
  blocked: number;
}

export interface Dispatcher {
  /** Recovers rows a crash left in `sending`, then sends due rows as the limits allow until stopped. */
  start(): Promise<void>;
  /** Stops claiming and gives back claimed rows not yet sent; resolves once the sends in flight are settled. */
  stop(): Promise<void>;
  /** Looks for due rows now instead of at the next poll: call after enqueueing. */
  wake(): void;
  /**
   * Sends everything due now, paced as always (it waits on the clock), and resolves once all of it is sent,
   * failed, blocked or put back for a later retry. For tests and one-off runs; not while `start()` runs.
   */
  drainOnce(): Promise<DrainSummary>;
  readonly inFlight: number;
}

/** Most rows a platform claims at once; claimed rows not yet sent are recovered after a crash, not repeated. */
const MAX_BATCH = 100;
const iso = (ms: number) => new Date(ms).toISOString();
const emptySummary = (): DrainSummary => ({ sent: 0, retried: 0, deferred: 0, failed: 0, blocked: 0 });

/** One platform's share of the dispatcher: its pacing and the rows it has claimed but not yet sent. */
interface Lane {
  pacer: PlatformPacer;
  held: OutboxMessage[];
  batch: number;
  /** No due rows were found for this platform; it is not asked again before this instant (or wake()). */
  quietUntil: number;
}

/** What the dispatcher's parts share: the outbox, time, the lanes, the sends in flight and their tally. */
interface Engine {
  outbox: OutboxRepository;
  clock: DispatchClock;
  pollMs: number;
  concurrency: number;
  lanes: Map<Platform, Lane>;
  inFlight: Set<Promise<void>>;
  summary: DrainSummary;
  logger: DispatchLogger | undefined;
}

function createEngine(options: DispatcherOptions): Engine {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  return {
    outbox: options.outbox,
    clock: options.clock ?? systemClock,
    pollMs: options.pollMs ?? 1_000,
    concurrency,
    lanes: createLanes(options.limits, concurrency),
    inFlight: new Set(),
    summary: emptySummary(),
    logger: options.logger,
  };
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const engine = createEngine(options);
  const { outbox, clock, inFlight, logger, concurrency } = engine;
  const settle = settler(engine, { ...DEFAULT_RETRY, ...options.retry }, options.random ?? Math.random);
  let running = false;
  let timer: { handle: unknown; at: number } | undefined;
  // One round at a time: a timer that fires while a round awaits the database asks for another after it.
  let pumping = false;
  let again = false;

  function launch(message: OutboxMessage): void {
    const task = sendAndSettle(message, options.send, settle, logger);
    inFlight.add(task);
    void task.finally(() => {
      inFlight.delete(task);
      if (running) schedule(clock.now());
    });
  }

  function schedule(at: number): void {
    if (!running) return;
    if (timer && timer.at <= at) return;
    if (timer) clock.clearTimeout(timer.handle);
    const handle = clock.setTimeout(() => void tick(), Math.max(0, at - clock.now()));
    timer = { handle, at };
  }

  async function tick(): Promise<void> {
    timer = undefined;
    if (!running) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    let wakeAt: number;
    try {
      wakeAt = (await pump(engine, launch)).wakeAt;
    } catch (error) {
      logger?.error({ error: String(error) }, "dispatch round failed");
      wakeAt = clock.now() + engine.pollMs;
    } finally {
      pumping = false;
    }
    if (again) {
      again = false;
      wakeAt = clock.now();
    }
    // A full house wakes when a send settles (see launch), not on a timer.
    if (inFlight.size < concurrency) schedule(wakeAt);
  }

  return {
    async start() {
      if (running) return;
      const recovered = await outbox.recoverStale(iso(clock.now() + 1));
      if (recovered > 0) logger?.warn({ recovered }, "sends interrupted by a restart go out again");
      running = true;
      wakeLanes(engine);
      schedule(clock.now());
    },
    async stop() {
      running = false;
      if (timer) clock.clearTimeout(timer.handle);
      timer = undefined;
      await releaseHeld(engine);
      await Promise.all([...inFlight]);
    },
    wake() {
      wakeLanes(engine);
      schedule(clock.now());
    },
    drainOnce: () => drainOnce(engine, launch),
    get inFlight() {
      return inFlight.size;
    },
  };
}

/** Sends one message and records what came of it; never rejects. */
async function sendAndSettle(
  message: OutboxMessage,
  send: Send,
  settle: (message: OutboxMessage, result: SendResult) => Promise<void>,
  logger: DispatchLogger | undefined,
): Promise<void> {
  const result = await attempt(send, message);
  try {
    await settle(message, result);
  } catch (error) {
    // The database refused: the row stays `sending` and start-up recovery sends it again.
    logger?.error({ outboxId: message.id, error: String(error) }, "could not record a send");
  }
}

function createLanes(limits: DispatcherOptions["limits"], concurrency: number): Map<Platform, Lane> {
  return new Map(
    PLATFORMS.map((platform) => {
      const platformLimits = limits?.[platform] ?? TELEGRAM_LIMITS;
      const batch = Math.min(MAX_BATCH, Math.max(concurrency, platformLimits.overall.count));
      return [platform, { pacer: new PlatformPacer(platformLimits), held: [], batch, quietUntil: -Infinity }];
    }),
  );
}

/** Records what a send came to: sent, deferred as the platform asked, blocked, retried later, or given up. */
function settler(engine: Engine, retry: RetryPolicy, random: () => number) {
  const { outbox, clock, logger } = engine;
  return async (message: OutboxMessage, result: SendResult): Promise<void> => {
    const now = clock.now();
    const summary = engine.summary;
    const fields = { outboxId: message.id, kind: message.kind, platform: message.platform };
    const outcome = outcomeOf(message, result, now, retry, random);
    if (outcome.kind === "sent") {
      await outbox.markSent(message.id, iso(now));
      summary.sent++;
    } else if (outcome.kind === "deferred") {
      // The platform asked us to wait: the chat (and maybe the bot) waits; the message is not at fault.
      engine.lanes.get(message.platform)?.pacer.pause(message.chatId, outcome.until);
      await outbox.defer(message.id, iso(outcome.until), outcome.reason);
      summary.deferred++;
      logger?.warn({ ...fields, retryAfterSeconds: outcome.retryAfterSeconds }, "platform asked to slow down");
    } else if (outcome.kind === "blocked") {
      await outbox.markBlocked(message.id);
      summary.blocked++;
      logger?.info(fields, "recipient blocked the bot; account deactivated");
    } else if (outcome.kind === "failed") {
      await outbox.markFailed(message.id, outcome.error);
      summary.failed++;
      logger?.error({ ...fields, attempts: outcome.attempts, error: outcome.error }, "message given up");
    } else {
      await outbox.markRetry(message.id, iso(outcome.at), outcome.error);
      summary.retried++;
      logger?.warn({ ...fields, attempts: outcome.attempts, error: outcome.error }, "send failed; will retry");
    }
  };
}

/**
 * Starts every send the limits allow at this instant. Each platform claims a batch (about a second's worth)
 * and sends it at its pace; a row whose chat must wait goes back to pending with the instant it may go, so
 * it never holds a slot. Returns how many sends started and when there is work again.
 */
async function pump(
  engine: Engine,
  launch: (message: OutboxMessage) => void,
  paced?: Set<number>,
): Promise<{ started: number; wakeAt: number }> {
  const now = engine.clock.now();
  let started = 0;
  let wakeAt = now + engine.pollMs;
  for (const [platform, lane] of engine.lanes) {
    const lanePumped = await pumpLane(engine, platform, lane, now, launch, paced);
    started += lanePumped.started;
    wakeAt = Math.min(wakeAt, lanePumped.wakeAt);
  }
  const next = await nextDueAfter(engine.outbox, now);
  if (next !== undefined) wakeAt = Math.min(wakeAt, next);
  // Instants are stored to the millisecond: never come back within the same one for nothing.
  if (started === 0) wakeAt = Math.max(wakeAt, now + 1);
  return { started, wakeAt };
}

/** One platform's part of pump(): sends from its held rows, claiming a batch when they run out. */
async function pumpLane(
  engine: Engine,
  platform: Platform,
  lane: Lane,
  now: number,
  launch: (message: OutboxMessage) => void,
  paced?: Set<number>,
): Promise<{ started: number; wakeAt: number }> {
  const { outbox, inFlight } = engine;
  const { pacer, held } = lane;
  let started = 0;
  for (let round = 0; round < 10_000 && inFlight.size < engine.concurrency; round++) {
    const wait = pacer.platformWaitMs(now);
    if (wait > 0) return { started, wakeAt: now + wait };
    if (held.length === 0) {
      if (lane.quietUntil > now) return { started, wakeAt: lane.quietUntil };
      held.push(...(await outbox.claimDue(iso(now), lane.batch, platform)));
      if (held.length === 0) {
        // Nothing due here: look again when the next row falls due, at the next poll, or on wake(), not
        // on every tick. (The due index has no platform, so asking costs a scan when others have a backlog.)
        lane.quietUntil = Math.min(now + engine.pollMs, (await nextDueAfter(outbox, now)) ?? Infinity);
        return { started, wakeAt: lane.quietUntil };
      }
    }
    const message = held.shift() as OutboxMessage;
    const chatWait = pacer.chatWaitMs(message.chatId, message.chatType, now);
    if (chatWait > 0) {
      await outbox.defer(message.id, iso(Math.ceil(now + chatWait)));
      engine.summary.deferred++;
      paced?.add(message.id);
      continue;
    }
    paced?.delete(message.id);
    pacer.take(message.chatId, message.chatType, now);
    launch(message);
    started++;
  }
  return { started, wakeAt: Infinity };
}

/**
 * Sends everything due now, paced as always, and resolves once all of it is sent, failed, blocked or put
 * back for a later retry.
 */
async function drainOnce(engine: Engine, launch: (message: OutboxMessage) => void): Promise<DrainSummary> {
  const { outbox, clock, inFlight } = engine;
  engine.summary = emptySummary();
  wakeLanes(engine);
  // Rows put back only to keep the pace are still due now; rows put back for a retry are not.
  const paced = new Set<number>();
  for (let round = 0; round < 10_000_000; round++) {
    const { started, wakeAt } = await pump(engine, launch, paced);
    if (started > 0) continue;
    const now = clock.now();
    if (inFlight.size === 0 && paced.size === 0 && held(engine) === 0) {
      const next = await outbox.nextDue();
      if (next === null || Date.parse(next) > now) break;
      wakeLanes(engine);
    }
    // Until a send settles or the limits allow the next one, whichever comes first.
    let timer: unknown;
    const allowed = new Promise<void>((resolve) => (timer = clock.setTimeout(resolve, Math.max(1, wakeAt - now))));
    await Promise.race([allowed, ...inFlight]);
    clock.clearTimeout(timer);
  }
  return engine.summary;
}

/** When the earliest pending row falls due, if that is still to come. */
async function nextDueAfter(outbox: OutboxRepository, now: number): Promise<number | undefined> {
  const next = await outbox.nextDue();
  const at = next === null ? NaN : Date.parse(next);
  return at > now ? at : undefined;
}

function held(engine: Engine): number {
  let count = 0;
  for (const lane of engine.lanes.values()) count += lane.held.length;
  return count;
}

function wakeLanes(engine: Engine): void {
  for (const lane of engine.lanes.values()) lane.quietUntil = -Infinity;
}

/** Claimed rows not sent yet go back as they were, so a graceful stop leaves nothing for recovery. */
async function releaseHeld(engine: Engine): Promise<void> {
  for (const lane of engine.lanes.values()) {
    for (const message of lane.held.splice(0)) await engine.outbox.release(message.id);
  }
}
