// Pacing for one messaging platform: at most N sends in any window, overall (spread evenly), per chat and per
// group, plus the pauses a platform asks for with 429. Pure bookkeeping on the times the caller passes in.

/** At most `count` sends in any `perMs` milliseconds. */
export interface Rate {
  count: number;
  perMs: number;
}

export interface PlatformLimits {
  overall: Rate;
  /** A private chat. */
  perChat: Rate;
  /** A group chat (chatType "group"); its own per-chat limit is applied too. */
  perGroup: Rate;
  /**
   * Each window is held this much longer than the platform's own, so network jitter between us and the
   * platform never packs one send too many into its window.
   */
  slackMs: number;
  /** On 429, pause the whole platform and not only that chat: Telegram's flood limit may be per bot. */
  pausePlatformOn429: boolean;
}

/** Telegram's documented limits: about 30 messages/s overall, 1/s per chat, 20/min per group. */
export const TELEGRAM_LIMITS: PlatformLimits = {
  overall: { count: 30, perMs: 1_000 },
  perChat: { count: 1, perMs: 1_000 },
  perGroup: { count: 20, perMs: 60_000 },
  slackMs: 25,
  pausePlatformOn429: true,
};

/** Zalo publishes no limits: these assume Telegram-like per-chat pacing and a gentler overall rate. */
export const ZALO_LIMITS: PlatformLimits = {
  overall: { count: 20, perMs: 1_000 },
  perChat: { count: 1, perMs: 1_000 },
  perGroup: { count: 20, perMs: 60_000 },
  slackMs: 25,
  pausePlatformOn429: true,
};

/**
 * A sliding-window log per key: the times of the last `count` sends. Exact ("never N+1 in a window"),
 * unlike a token bucket, so it can be checked against the platform's own counting.
 */
export class SlidingWindowLimiter {
  private readonly sends = new Map<string, number[]>();
  private readonly windowMs: number;

  constructor(
    private readonly rate: Rate,
    slackMs = 0,
  ) {
    if (!(rate.count >= 1) || !(rate.perMs > 0)) throw new Error(`invalid rate ${rate.count}/${rate.perMs} ms`);
    this.windowMs = rate.perMs + slackMs;
  }

  /** Milliseconds until one more send to `key` is allowed; 0 when allowed now. */
  waitMs(key: string, now: number): number {
    const times = this.sends.get(key);
    if (!times || times.length < this.rate.count) return 0;
    // The log keeps exactly `count` entries once full, oldest first: the oldest must leave the window.
    const oldest = times[0] ?? now;
    return Math.max(0, oldest + this.windowMs - now);
  }

  /** How many sends to `key` are allowed right now. */
  room(key: string, now: number): number {
    const times = this.sends.get(key);
    if (!times) return this.rate.count;
    return this.rate.count - times.filter((t) => t > now - this.windowMs).length;
  }

  record(key: string, now: number): void {
    let times = this.sends.get(key);
    if (!times) this.sends.set(key, (times = []));
    times.push(now);
    if (times.length > this.rate.count) times.shift();
  }

  /** Forgets keys whose sends have all left the window, so a broadcast to many chats leaves no trace. */
  sweep(now: number): void {
    for (const [key, times] of this.sends) {
      const last = times[times.length - 1];
      if (last === undefined || last <= now - this.windowMs) this.sends.delete(key);
    }
  }

  get size(): number {
    return this.sends.size;
  }
}

/**
 * Sends spread evenly, one every `intervalMs`, instead of a window's worth at once. A send that is a little
 * late does not push the ones after it back: up to half an interval of lateness is made up.
 */
export class EvenPace {
  private next = -Infinity;

  constructor(readonly intervalMs: number) {}

  waitMs(now: number): number {
    return Math.max(0, this.next - now);
  }

  record(now: number): void {
    // Within half an interval of the plan, keep to the plan; further behind (or idle), start afresh from now.
    this.next = (now - this.next > this.intervalMs / 2 ? now : this.next) + this.intervalMs;
  }
}

export type ChatType = "private" | "group";

const OVERALL = "";

/** All the limits of one platform, and the pauses its 429 answers asked for. */
export class PlatformPacer {
  private readonly overall: SlidingWindowLimiter;
  private readonly pace: EvenPace;
  private readonly perChat: SlidingWindowLimiter;
  private readonly perGroup: SlidingWindowLimiter;
  private readonly pausedUntil = new Map<string, number>();
  private platformPausedUntil = 0;
  private lastSweep = 0;

  constructor(readonly limits: PlatformLimits) {
    this.overall = new SlidingWindowLimiter(limits.overall, limits.slackMs);
    this.pace = new EvenPace((limits.overall.perMs + limits.slackMs) / limits.overall.count);
    this.perChat = new SlidingWindowLimiter(limits.perChat, limits.slackMs);
    this.perGroup = new SlidingWindowLimiter(limits.perGroup, limits.slackMs);
  }

  /** Milliseconds until the platform takes any send at all. */
  platformWaitMs(now: number): number {
    return Math.max(0, this.platformPausedUntil - now, this.pace.waitMs(now), this.overall.waitMs(OVERALL, now));
  }

  /** How many sends the platform takes right now, whatever the chats: one at a time, evenly paced. */
  platformRoom(now: number): number {
    return this.platformWaitMs(now) > 0 ? 0 : Math.min(1, this.overall.room(OVERALL, now));
  }

  /** Milliseconds until this chat takes a send (the platform's own wait aside). */
  chatWaitMs(chatId: string, chatType: ChatType, now: number): number {
    const paused = (this.pausedUntil.get(chatId) ?? 0) - now;
    const group = chatType === "group" ? this.perGroup.waitMs(chatId, now) : 0;
    return Math.max(0, paused, group, this.perChat.waitMs(chatId, now));
  }

  /** Counts a send that is about to start. */
  take(chatId: string, chatType: ChatType, now: number): void {
    this.overall.record(OVERALL, now);
    this.pace.record(now);
    this.perChat.record(chatId, now);
    if (chatType === "group") this.perGroup.record(chatId, now);
    // Sweeping once per window keeps memory bounded by the chats of the last minute or so.
    if (now - this.lastSweep >= this.limits.perGroup.perMs) {
      this.lastSweep = now;
      this.perChat.sweep(now);
      this.perGroup.sweep(now);
      for (const [chat, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(chat);
    }
  }

  /** A 429: nothing more to this chat (and maybe the platform) before `until`. */
  pause(chatId: string, until: number): void {
    this.pausedUntil.set(chatId, Math.max(until, this.pausedUntil.get(chatId) ?? 0));
    if (this.limits.pausePlatformOn429) this.platformPausedUntil = Math.max(this.platformPausedUntil, until);
  }

  /** Chats the pacer remembers: bounded by the chats sent to in the last window. */
  get trackedChats(): number {
    return this.perChat.size + this.perGroup.size;
  }
}
