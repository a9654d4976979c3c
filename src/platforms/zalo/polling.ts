// Long polling Zalo with getUpdates, for servers no webhook can reach: one update at a time, backing off
// after failures, and retrying an update the database could not take in (a polled update is not sent again).
import type { Logger } from "#src/logger.ts";
import { messageOf, RetryLater } from "#src/platforms/intake.ts";
import { ZaloApiError, type ZaloClient } from "./client.ts";
import type { ZaloUpdate } from "./update.ts";

export interface PollingOptions {
  /** Seconds each getUpdates waits for an update. */
  timeoutSeconds?: number;
  /** First wait after a failed poll; it doubles up to `maxBackoffMs` and resets after a good one. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface Poller {
  /** Deletes the webhook, then asks for updates one at a time until stop. */
  start(): void;
  /** Resolves once the loop has ended and the update it was handling is done. */
  stop(): Promise<void>;
  readonly isPolling: boolean;
}

export function createPoller(
  client: ZaloClient,
  take: (update: ZaloUpdate) => Promise<void>,
  logger: Logger,
  options: PollingOptions = {},
): Poller {
  const pollSeconds = options.timeoutSeconds ?? 30;
  const firstBackoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let polling: { controller: AbortController; loop: Promise<void> } | undefined;

  /** A polled event is not delivered again: one the database could not take in is retried here. */
  async function takePolled(update: ZaloUpdate, signal: AbortSignal): Promise<void> {
    let wait = firstBackoffMs;
    for (;;) {
      try {
        await take(update);
        return;
      } catch (error) {
        if (!(error instanceof RetryLater) || signal.aborted) throw error;
        logger.warn(
          { message: update.message?.message_id, err: error.message, retryInMs: wait },
          "zalo event not taken in",
        );
        await sleep(wait, signal);
        wait = Math.min(wait * 2, maxBackoffMs);
      }
    }
  }

  async function pollLoop(signal: AbortSignal): Promise<void> {
    let backoff = firstBackoffMs;
    let webhookDeleted = false;
    while (!signal.aborted) {
      try {
        // getUpdates answers nothing while a webhook is set.
        if (!webhookDeleted) {
          await client.deleteWebhook({ signal });
          webhookDeleted = true;
          logger.info("polling Zalo for updates");
        }
        const batch = await client.getUpdates({ timeout: pollSeconds }, { signal });
        backoff = firstBackoffMs;
        for (const update of batch) await takePolled(update, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && error.isPollTimeout) {
          backoff = firstBackoffMs;
          continue;
        }
        logger.warn({ err: messageOf(error), retryInMs: backoff }, "zalo polling failed");
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  }

  return {
    start() {
      if (polling) return;
      const controller = new AbortController();
      polling = { controller, loop: pollLoop(controller.signal) };
    },
    async stop() {
      const current = polling;
      if (!current) return;
      current.controller.abort();
      await current.loop;
      polling = undefined;
    },
    get isPolling() {
      return polling !== undefined;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
