// A small world for the dispatcher's specifications: a real SQLite file, a clock the test moves, and a
// stand-in platform that enforces Telegram's limits on its own and answers 429, 403 and errors.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "#db/client.ts";
import type { OutboxRepository } from "#db/contract.ts";
import { repositories } from "#db/index.ts";
import type { OutboxInput } from "#db/repositories/outbox.ts";
import type { Platform } from "#db/schema.ts";
import type { DispatchClock, OutboxMessage, SendResult } from "#src/delivery/dispatcher.ts";

export const T0 = Date.parse("2026-03-02T01:00:00.000Z");

/** Timers on a clock that moves only when the test says so. */
export class FakeClock implements DispatchClock {
  private timers: { id: number; at: number; run: () => void }[] = [];
  private nextId = 1;
  /** Timer callbacks run so far: an idle dispatcher must not spin. */
  fired = 0;

  constructor(private time = T0) {}

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Moves time forward, running each timer at its instant and letting the promises it starts settle. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (let steps = 0; ; steps++) {
      if (steps > 200_000) throw new Error("timers keep firing without time passing: a busy loop");
      await settle();
      const next = this.timers.reduce<(typeof this.timers)[number] | undefined>(
        (earliest, timer) => (timer.at <= until && (!earliest || timer.at < earliest.at) ? timer : earliest),
        undefined,
      );
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = Math.max(this.time, next.at);
      this.fired++;
      next.run();
    }
    this.time = until;
    await settle();
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}

/** Lets every promise chain that is ready run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface Delivery {
  key: string;
  platform: string;
  chatId: string;
  at: number;
}

export interface StandInLimits {
  overallPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

/**
 * A platform as strict as Telegram claims to be: a send over any limit is refused with 429 and counted
 * as a violation. Sends take `latencyMs` on the fake clock.
 */
export class StandInPlatform {
  readonly deliveries: Delivery[] = [];
  readonly violations: string[] = [];
  readonly calls: { key: string; at: number; answer: string }[] = [];
  latencyMs = 0;
  retryAfterSeconds = 3;
  inFlight = 0;
  maxInFlight = 0;
  private readonly blocked = new Set<string>();
  private readonly failures = new Map<string, { left: number; error: string; permanent: boolean; throws: boolean }>();
  private readonly scripted = new Map<string, SendResult[]>();

  constructor(
    private readonly clock: FakeClock,
    private readonly limits: StandInLimits = { overallPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
  ) {}

  blocks(chatId: string): void {
    this.blocked.add(chatId);
  }

  /** The next `times` sends to the chat fail (or throw). */
  fails(chatId: string, times: number, options: { permanent?: boolean; throws?: boolean } = {}): void {
    this.failures.set(chatId, {
      left: times,
      error: "Bad Gateway",
      permanent: options.permanent ?? false,
      throws: options.throws ?? false,
    });
  }

  /** The next sends to the chat get these answers, whatever the limits. */
  answers(chatId: string, ...results: SendResult[]): void {
    this.scripted.set(chatId, results);
  }

  readonly send = async (message: OutboxMessage): Promise<SendResult> => {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const at = this.clock.now();
    try {
      const answer = this.answer(message, at);
      this.calls.push({ key: message.key, at, answer: answer instanceof Error ? "throw" : describe(answer) });
      if (this.latencyMs > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.latencyMs));
      if (answer instanceof Error) throw answer;
      return answer;
    } finally {
      this.inFlight--;
    }
  };

  private answer(message: OutboxMessage, at: number): SendResult | Error {
    const script = this.scripted.get(message.chatId);
    const scripted = script?.shift();
    if (scripted) return scripted;
    if (this.blocked.has(message.chatId)) return { ok: false, blocked: true };
    const failure = this.failures.get(message.chatId);
    if (failure && failure.left > 0) {
      failure.left--;
      return failure.throws
        ? new Error("socket hang up")
        : { ok: false, error: failure.error, permanent: failure.permanent };
    }
    // Each platform counts its own messages.
    const recent = (ms: number, chatId?: string) =>
      this.deliveries.filter(
        (d) => d.platform === message.platform && d.at > at - ms && (chatId === undefined || d.chatId === chatId),
      ).length;
    const over =
      recent(1_000) >= this.limits.overallPerSecond
        ? "overall"
        : recent(1_000, message.chatId) >= this.limits.perChatPerSecond
          ? "per chat"
          : message.chatType === "group" && recent(60_000, message.chatId) >= this.limits.perGroupPerMinute
            ? "per group"
            : undefined;
    if (over) {
      this.violations.push(`${over} limit exceeded at +${at - T0} ms by ${message.key}`);
      return { ok: false, retryAfterSeconds: this.retryAfterSeconds };
    }
    this.deliveries.push({ key: message.key, platform: message.platform, chatId: message.chatId, at });
    return { ok: true };
  }

  /** How many times each key arrived. */
  copiesOf(key: string): number {
    return this.deliveries.filter((d) => d.key === key).length;
  }

  /** The most deliveries inside any window of `ms` (for one chat, if given) on one platform. */
  busiestWindow(ms: number, chatId?: string, platform = "telegram"): number {
    const times = this.deliveries
      .filter((d) => d.platform === platform && (chatId === undefined || d.chatId === chatId))
      .map((d) => d.at);
    let most = 0;
    for (let i = 0, j = 0; j < times.length; j++) {
      while ((times[i] as number) <= (times[j] as number) - ms) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }
}

function describe(result: SendResult): string {
  if (result.ok) return "ok";
  if ("retryAfterSeconds" in result) return `429 ${result.retryAfterSeconds}`;
  if ("blocked" in result) return "403";
  return result.permanent ? `permanent ${result.error}` : `error ${result.error}`;
}

export interface DeliveryWorld {
  db: Db;
  outbox: OutboxRepository;
  clock: FakeClock;
  platform: StandInPlatform;
  /** Queues one message per chat id, due now unless told otherwise. */
  enqueue(
    chats: string[],
    options?: {
      kind?: string;
      broadcastId?: number;
      chatType?: "private" | "group";
      notBefore?: number;
      tag?: string;
      platform?: Platform;
    },
  ): Promise<string[]>;
  /** A person with a Telegram account whose chat is `chatId`. */
  person(chatId: string): number;
  accountActive(chatId: string): boolean;
  statusOf(key: string): Promise<string | undefined>;
  close(): void;
}

export function deliveryWorld(): DeliveryWorld {
  const dir = mkdtempSync(join(tmpdir(), "outbox-"));
  const db = openDatabase(join(dir, "bot.sqlite"));
  const outbox = repositories(db).outbox;
  const clock = new FakeClock();
  const platform = new StandInPlatform(clock);
  const sqlite = db.$client;
  const personByChat = new Map<string, number>();
  return {
    db,
    outbox,
    clock,
    platform,
    async enqueue(chats, options = {}) {
      const kind = options.kind ?? "broadcast";
      const tag = options.tag ?? String(options.broadcastId ?? "x");
      const rows: OutboxInput[] = chats.map((chatId, i) => ({
        key: `${kind}:${tag}:${chatId}:${i}`,
        personId: personByChat.get(chatId) ?? null,
        platform: options.platform ?? "telegram",
        chatId,
        chatType: options.chatType ?? "private",
        kind,
        payload: { text: `Thông báo số ${tag}` },
        notBefore: new Date(options.notBefore ?? clock.now()).toISOString(),
        broadcastId: options.broadcastId ?? null,
      }));
      await outbox.enqueue(rows, new Date(clock.now()).toISOString());
      return rows.map((row) => row.key);
    },
    person(chatId) {
      const personId = Number(
        sqlite
          .prepare(`insert into people (display_name, created_at) values (?, ?)`)
          .run(`Người ${chatId}`, new Date(T0).toISOString()).lastInsertRowid,
      );
      sqlite
        .prepare(`insert into accounts (person_id, platform, external_id, chat_id) values (?, 'telegram', ?, ?)`)
        .run(personId, chatId, chatId);
      personByChat.set(chatId, personId);
      return personId;
    },
    accountActive(chatId) {
      const row = sqlite
        .prepare(`select active from accounts where platform = 'telegram' and chat_id = ?`)
        .get(chatId) as { active: number } | undefined;
      return row?.active === 1;
    },
    async statusOf(key) {
      return (await outbox.byKey(key))?.status;
    },
    close() {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** "c1", "c2", …: chat ids for a broadcast. */
export function chats(count: number, prefix = "c"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}
