// Plain replies → Telegram messages: choices become inline buttons, images photos, files documents.
import { InputFile, type Api, type RawApi } from "grammy";
import type { Reply } from "#commands/index.ts";
import { splitText } from "#src/platforms/split-text.ts";
import { inlineKeyboard } from "./keyboard.ts";

/** Telegram refuses texts longer than 4,096 characters. */
export const MAX_TELEGRAM_TEXT = 4096;

/** Takes the one API call a webhook response may carry; see sendReply. */
export type WebhookReply = (payload: Record<string, unknown>) => void;

/**
 * Sends a reply. A reply that is one message goes back in the webhook's response when `webhookReply`
 * is given, which Telegram executes as if it were an API call: no outbound request on the hot path.
 * Anything longer goes through the API, so parts, photos and files keep their order.
 */
export async function sendReply(
  api: Api<RawApi>,
  chatId: number | string,
  reply: Reply,
  webhookReply?: WebhookReply,
): Promise<void> {
  const markup = inlineKeyboard(reply.choices);
  const parts = splitText(reply.text, MAX_TELEGRAM_TEXT);
  if (webhookReply && parts.length === 1 && !reply.image && !reply.file) {
    webhookReply({
      method: "sendMessage",
      chat_id: chatId,
      text: parts[0],
      ...(markup ? { reply_markup: markup } : {}),
    });
    return;
  }
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await api.sendMessage(chatId, part, last && markup ? { reply_markup: markup } : {});
  }
  if (reply.image) {
    await api.sendPhoto(chatId, new InputFile(reply.image.png, "tien-do.png"), {
      ...(reply.image.caption ? { caption: reply.image.caption } : {}),
    });
  }
  if (reply.file) await api.sendDocument(chatId, new InputFile(reply.file.data, reply.file.name));
}
