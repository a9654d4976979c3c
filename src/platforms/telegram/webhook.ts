// POST /webhook/telegram: Telegram's updates by webhook, through the shared webhook route.
import type { Hono } from "hono";
import { z } from "zod";
import type { Logger } from "#src/logger.ts";
import type { Intake } from "#src/platforms/intake.ts";
import { webhookRoute } from "#src/platforms/webhook.ts";
import type { TelegramBot } from "./bot.ts";

export const TELEGRAM_WEBHOOK_PATH = "/webhook/telegram";

/** Telegram updates are a few kilobytes; anything far larger is not one. */
const MAX_UPDATE_BYTES = 1024 * 1024;

const telegramUpdate = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface TelegramWebhookOptions {
  bot: Pick<TelegramBot, "handleWebhookUpdate">;
  /** Undefined only in the loopback demo, where nobody else can reach the route. */
  secret: string | undefined;
  intake: Pick<Intake, "accepting">;
  logger: Logger;
}

/** A Hono app with POST /webhook/telegram, to mount at the root of the server. */
export function telegramWebhook(options: TelegramWebhookOptions): Hono {
  return webhookRoute(
    {
      platform: "telegram",
      path: TELEGRAM_WEBHOOK_PATH,
      secretHeader: "x-telegram-bot-api-secret-token",
      secret: options.secret,
      maxBytes: MAX_UPDATE_BYTES,
      parse: (body) => {
        const update = telegramUpdate.safeParse(body);
        return update.success ? (update.data as { update_id: number }) : undefined;
      },
      notAnUpdate: "not a Telegram update",
      idOf: (update) => update.update_id,
      // A reply that fits one message comes back as the API call the response carries.
      take: (update) => options.bot.handleWebhookUpdate(update),
    },
    options.intake,
    options.logger,
  );
}
