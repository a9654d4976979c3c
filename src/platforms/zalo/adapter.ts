// The Zalo side of the bot: Zalo events (webhook or long polling) → plain incoming messages → the
// conversation → replies rendered back as Zalo messages. Also sends what the outbox dispatcher hands it.
import type { Hono } from "hono";
import type { Reply } from "#commands/types.ts";
import type { ChatChoiceRepository } from "#db/contract.ts";
import type { Conversation, Incoming } from "#src/conversation.ts";
import type { SendResult } from "#src/delivery/dispatcher.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Logger } from "#src/logger.ts";
import type { Intake } from "#src/platforms/intake.ts";
import type { ZaloClient } from "./client.ts";
import type { MediaStore } from "./image-store.ts";
import { createPoller, type PollingOptions } from "./polling.ts";
import { readChoice, renderForZalo, type ZaloTranslate } from "./render.ts";
import { sendResultOf } from "./send-result.ts";
import { ZALO_EVENTS, type ZaloMessage, type ZaloUpdate } from "./update.ts";
import { ZALO_WEBHOOK_PATH, zaloWebhook } from "./webhook.ts";

export type { PollingOptions } from "./polling.ts";
export { ZALO_WEBHOOK_PATH } from "./webhook.ts";

const KNOWN_EVENTS = new Set<string>(Object.values(ZALO_EVENTS));

export interface ZaloAdapterOptions {
  client: ZaloClient;
  conversation: Pick<Conversation, "handle">;
  intake: Intake;
  choices: ChatChoiceRepository;
  translate: TranslateIn;
  logger: Logger;
  /** PUBLIC_URL; needed only to register the webhook. */
  publicUrl?: string;
  /** Where charts and workbooks are served from; without it they are left out (Zalo takes URLs only). */
  images?: MediaStore;
  clock?: () => Date;
  polling?: PollingOptions;
}

export function createZaloAdapter(options: ZaloAdapterOptions) {
  const { client, intake, logger } = options;
  const replies = zaloReplies(options);
  const poller = createPoller(client, takeUpdate, logger, options.polling);

  /** Takes one event in through the intake; events the bot does not answer are dropped here. */
  async function takeUpdate(update: ZaloUpdate): Promise<void> {
    const message = update.message;
    if (!message || message.from.is_bot) return;
    const chatType = message.chat.chat_type?.toUpperCase();
    // Group chats are in beta on Zalo and a report there would be recorded for whoever typed it: ignored.
    if (chatType !== undefined && chatType !== "PRIVATE") return;
    if (!KNOWN_EVENTS.has(update.event_name)) {
      logger.info({ event: update.event_name, message: message.message_id }, "zalo event ignored");
      return;
    }
    // Zalo events carry no update_id, and a webhook may be delivered again: each message is handled once.
    await intake.take({
      platform: "zalo",
      id: message.message_id,
      from: message.from.id,
      handle: () => replies.answer(update.event_name, message),
      // A text is answered after its commit and nothing is sent before: it may share a transaction.
      short: update.event_name === ZALO_EVENTS.text && Boolean(message.text?.trim()),
      say: (text) => client.sendMessage({ chat_id: message.chat.id, text }),
    });
  }

  return {
    /** A Hono app with POST /webhook/zalo, to mount at the root of the server. */
    webhookRoute(secret: string): Hono {
      return zaloWebhook({ secret, take: takeUpdate, intake, logger });
    },

    /** Tells Zalo to deliver events to PUBLIC_URL/webhook/zalo with this secret. */
    async registerWebhook(secret: string): Promise<string> {
      if (!options.publicUrl) throw new Error("PUBLIC_URL is needed to register the Zalo webhook");
      const url = `${options.publicUrl.replace(/\/+$/, "")}${ZALO_WEBHOOK_PATH}`;
      await client.setWebhook({ url, secret_token: secret });
      return url;
    },

    /** Deletes the webhook, then asks for updates one at a time until stopPolling. */
    startPolling: () => poller.start(),
    /** Resolves once the loop has ended and the update it was handling is done. */
    stopPolling: () => poller.stop(),
    get isPolling(): boolean {
      return poller.isPolling;
    },

    /** For the outbox dispatcher: sends a reminder or an announcement to a Zalo chat. */
    async send(chatId: string, reply: Reply): Promise<SendResult> {
      try {
        await replies.deliver(chatId, reply);
        return { ok: true };
      } catch (error) {
        return sendResultOf(error);
      }
    },

    /** Stops polling; the intake drains what is being handled. */
    close: () => poller.stop(),
  };
}

export type ZaloAdapter = ReturnType<typeof createZaloAdapter>;

/** Messages in, replies out: what the conversation makes of a Zalo message, and how it goes back. */
function zaloReplies(options: ZaloAdapterOptions) {
  const { client, conversation, choices } = options;
  const clock = options.clock ?? (() => new Date());
  const t: ZaloTranslate = (key, args) => options.translate("vi", key, args);

  /** Sends a rendered reply and remembers its choices, so a number answers them. Throws ZaloApiError. */
  async function deliver(chatId: string, reply: Reply): Promise<void> {
    const rendered = renderForZalo(reply, t, options.images);
    // Zalo fetches the chart, and a phone the file, through any instance: stored first, then linked.
    await options.images?.settled?.();
    await choices.remember("zalo", chatId, reply.choices ?? [], clock().toISOString());
    for (const text of rendered.texts) await client.sendMessage({ chat_id: chatId, text });
    if (rendered.photo) {
      await client.sendPhoto({
        chat_id: chatId,
        photo: rendered.photo.url,
        ...(rendered.photo.caption ? { caption: rendered.photo.caption } : {}),
      });
    }
  }

  async function answer(eventName: string, message: ZaloMessage): Promise<void> {
    const chatId = message.chat.id;
    const text = message.text?.trim();
    if (eventName !== ZALO_EVENTS.text || !text) {
      // Stickers, photos, voice, content Zalo withholds: say what the bot reads.
      await client.sendMessage({ chat_id: chatId, text: t("unsupported") });
      return;
    }
    const sender: Incoming["sender"] = {
      platform: "zalo",
      externalId: message.from.id,
      chatId,
      displayName: message.from.display_name?.trim() || t("zalo-nameless"),
    };
    const source = `zalo:${message.message_id}`;
    const offered = await choices.recall("zalo", chatId, clock().toISOString());
    const chosen = offered ? readChoice(text, offered) : undefined;
    const reply = await conversation.handle(
      chosen ? { sender, source, action: chosen.action } : { sender, source, text },
    );
    await deliver(chatId, reply);
  }

  return { deliver, answer };
}
