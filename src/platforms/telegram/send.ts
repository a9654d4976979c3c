// Sends one outbox message through the Bot API for the dispatcher, which paces and retries itself:
// so this API has no auto-retry, and Telegram's answers are mapped, not thrown.
import { Api, GrammyError, HttpError } from "grammy";
import type { OutboxMessage, SendResult } from "#src/delivery/dispatcher.ts";
import { splitText } from "#src/platforms/split-text.ts";
import { keepAliveFetchConfig } from "./keep-alive.ts";
import { inlineKeyboard } from "./keyboard.ts";
import { MAX_TELEGRAM_TEXT } from "./render.ts";

export function telegramSender(token: string, apiRoot: string): (message: OutboxMessage) => Promise<SendResult> {
  // A short timeout: grammY's default of 500 s would hold up shutdown behind one stuck request.
  const api = new Api(token, { apiRoot, timeoutSeconds: 30, baseFetchConfig: keepAliveFetchConfig(apiRoot) });
  return async (message) => {
    const parts = splitText(message.payload.text, MAX_TELEGRAM_TEXT);
    const markup = inlineKeyboard(message.payload.choices);
    try {
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await api.sendMessage(message.chatId, part, last && markup ? { reply_markup: markup } : {});
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof GrammyError) {
        if (error.error_code === 429) return { ok: false, retryAfterSeconds: error.parameters.retry_after ?? 5 };
        if (error.error_code === 403) return { ok: false, blocked: true };
        return { ok: false, error: `${error.error_code} ${error.description}`, permanent: error.error_code === 400 };
      }
      if (error instanceof HttpError) return { ok: false, error: "network error" };
      throw error;
    }
  };
}
