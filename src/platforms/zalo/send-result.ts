// How a failed Zalo send is settled by the outbox: Zalo publishes no error table, so this follows its
// HTTP-like codes.
import type { SendResult } from "#src/delivery/dispatcher.ts";
import { messageOf } from "#src/platforms/intake.ts";
import { ZaloApiError } from "./client.ts";

/** What a 429 without retry_after makes a message wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

export function sendResultOf(error: unknown): SendResult {
  if (!(error instanceof ZaloApiError)) return { ok: false, error: messageOf(error) };
  switch (error.errorCode) {
    case 429:
      return { ok: false, retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
    case 403:
      // The person blocked or left the bot: sending again cannot succeed.
      return { ok: false, blocked: true };
    case 400:
    case 404:
      // A malformed message or an unknown chat fails the same way every time.
      return { ok: false, error: error.message, permanent: true };
    default:
      // 401 (token rejected) included: the operator fixes the token and the backed-off retries go out.
      return { ok: false, error: error.message };
  }
}
