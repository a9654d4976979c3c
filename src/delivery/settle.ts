// What a platform's answer to one send comes to, decided once for both outboxes: the in-process dispatcher
// on SQLite and the pg-boss drainers on PostgreSQL record the same outcomes under the same retry policy.
import type { OutboxMessage } from "#db/repositories/outbox.ts";

/** What a platform answered: sent; 429 with its retry_after; 403 (the recipient blocked the bot); anything else. */
export type SendResult =
  | { ok: true }
  | { ok: false; retryAfterSeconds: number }
  | { ok: false; blocked: true }
  | { ok: false; error: string; permanent?: boolean };

export interface RetryPolicy {
  /** Wait after the 1st, 2nd, … failed attempt; the last one repeats. */
  delaysMs: number[];
  /** Failed attempts after which a row is given up as failed. */
  maxAttempts: number;
  /** Each wait is spread by ± this fraction, so rows that failed together do not retry together. */
  jitter: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000],
  maxAttempts: 6,
  jitter: 0.2,
};

export type Outcome =
  | { kind: "sent" }
  /** The platform asked to wait: the chat (and maybe the platform) pauses until `until`; no attempt counted. */
  | { kind: "deferred"; until: number; reason: string; retryAfterSeconds: number }
  | { kind: "blocked" }
  | { kind: "failed"; attempts: number; error: string }
  | { kind: "retried"; attempts: number; at: number; error: string };

/** Decides what becomes of a message after `result` at `now`; `random` in [0, 1) spreads the retries. */
export function outcomeOf(
  message: Pick<OutboxMessage, "attempts">,
  result: SendResult,
  now: number,
  retry: RetryPolicy,
  random: () => number,
): Outcome {
  if (result.ok) return { kind: "sent" };
  if ("retryAfterSeconds" in result) {
    const until = Math.ceil(now + Math.max(1, result.retryAfterSeconds) * 1_000);
    const reason = `429: retry after ${result.retryAfterSeconds} s`;
    return { kind: "deferred", until, reason, retryAfterSeconds: result.retryAfterSeconds };
  }
  if ("blocked" in result) return { kind: "blocked" };
  const attempts = message.attempts + 1;
  if (result.permanent || attempts >= retry.maxAttempts) return { kind: "failed", attempts, error: result.error };
  const base = retry.delaysMs[Math.min(attempts, retry.delaysMs.length) - 1] ?? 60_000;
  const wait = Math.round(base * (1 - retry.jitter + 2 * retry.jitter * random()));
  return { kind: "retried", attempts, at: Math.ceil(now + wait), error: result.error };
}

/** Calls `send`, turning a throw into a failed attempt: a settle step always has a result to record. */
export async function attempt(
  send: (message: OutboxMessage) => Promise<SendResult>,
  message: OutboxMessage,
): Promise<SendResult> {
  try {
    return await send(message);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
