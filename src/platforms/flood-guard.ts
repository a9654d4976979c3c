// One account sending many messages a second is slowed, not served: a token bucket per account, in memory
// (one process serves the webhooks), so one person's flood never delays everyone else's reports.

export interface FloodLimit {
  /** Messages an account may send at once … */
  messages: number;
  /** … and the seconds in which the bucket fills again. */
  seconds: number;
}

/** About what a quick typist can send; far more than a person reporting, far less than a script. */
export const FLOOD_LIMIT: FloodLimit = { messages: 20, seconds: 10 };

/** "take": handle it; "warn": over the limit, tell the person once; "drop": over the limit, told already. */
export type FloodVerdict = "take" | "warn" | "drop";

interface Bucket {
  tokens: number;
  at: number;
  warnedAt: number | null;
}

export function floodGuard(limit: FloodLimit = FLOOD_LIMIT, now: () => number = Date.now) {
  const windowMs = limit.seconds * 1000;
  const perMs = limit.messages / windowMs;
  const buckets = new Map<string, Bucket>();
  let sweptAt = now();

  /** Buckets that have filled up again hold nothing worth keeping. */
  function sweep(at: number): void {
    sweptAt = at;
    for (const [key, bucket] of buckets) if (at - bucket.at >= windowMs) buckets.delete(key);
  }

  return {
    admit(account: string): FloodVerdict {
      const at = now();
      if (at - sweptAt >= windowMs) sweep(at);
      const bucket = buckets.get(account) ?? { tokens: limit.messages, at, warnedAt: null };
      // A clock set back (a test's, or the system's) refills nothing and takes nothing away.
      bucket.tokens = Math.min(limit.messages, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
      bucket.at = Math.max(at, bucket.at);
      buckets.set(account, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return "take";
      }
      // One notice per burst: a flood that goes on is told again once a window has passed.
      if (bucket.warnedAt !== null && at - bucket.warnedAt < windowMs) return "drop";
      bucket.warnedAt = at;
      return "warn";
    },
    /** Accounts tracked now, for tests of the sweep. */
    get size(): number {
      return buckets.size;
    },
  };
}
