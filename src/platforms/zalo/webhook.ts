// POST /webhook/zalo: Zalo's events by webhook, through the shared webhook route.
import type { Hono } from "hono";
import type { Logger } from "#src/logger.ts";
import type { Intake } from "#src/platforms/intake.ts";
import { webhookRoute } from "#src/platforms/webhook.ts";
import { parseZaloUpdate, type ZaloUpdate } from "./update.ts";

export const ZALO_WEBHOOK_PATH = "/webhook/zalo";

/** A Zalo event is a few hundred bytes; anything near this is not one. */
const MAX_EVENT_BYTES = 64 * 1024;

export interface ZaloWebhookOptions {
  /** 8–256 characters, as Zalo requires of the secret it sends back in X-Bot-Api-Secret-Token. */
  secret: string;
  take: (update: ZaloUpdate) => Promise<void>;
  intake: Pick<Intake, "accepting">;
  logger: Logger;
}

/** A Hono app with POST /webhook/zalo, to mount at the root of the server. */
export function zaloWebhook(options: ZaloWebhookOptions): Hono {
  if (options.secret.length < 8 || options.secret.length > 256)
    throw new RangeError("the Zalo webhook secret must be 8–256 characters");
  return webhookRoute(
    {
      platform: "zalo",
      path: ZALO_WEBHOOK_PATH,
      secretHeader: "x-bot-api-secret-token",
      secret: options.secret,
      maxBytes: MAX_EVENT_BYTES,
      parse: parseZaloUpdate,
      notAnUpdate: "not a Zalo event",
      idOf: (update) => update.message?.message_id,
      take: async (update) => {
        await options.take(update);
        return undefined;
      },
    },
    options.intake,
    options.logger,
  );
}
