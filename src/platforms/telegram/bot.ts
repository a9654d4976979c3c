// The grammY bot: Telegram updates → plain incoming messages → the conversation → replies rendered back.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, BotError, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { BatchLost } from "#db/group-commit.ts";
import type { UpdateRepository } from "#db/repositories/updates.ts";
import type { Conversation, Incoming } from "#src/conversation.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Logger } from "#src/logger.ts";
import { RetryLater } from "#src/server.ts";
import { sendReply, type WebhookReply } from "./render.ts";

/** Telegram bots can download files up to 20 MB; imports stop at 10 MB. */
const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  conversation: Conversation;
  updates: UpdateRepository;
  translate: TranslateIn;
  logger: Logger;
  clock?: () => Date;
  /** Known in advance in tests and the demo, so start-up needs no getMe round trip. */
  botInfo?: UserFromGetMe;
}

function senderOf(ctx: Context): Incoming["sender"] | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot) return undefined;
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ").trim() || "bạn";
  const languageCode = from.language_code;
  return { platform: "telegram", externalId: String(from.id), chatId: String(chat.id), displayName, languageCode };
}

export interface TelegramBot {
  bot: Bot;
  /** Handles a webhook update; resolves to the API call to put in the response, if the reply fits one. */
  handleWebhookUpdate(update: { update_id: number }): Promise<Record<string, unknown> | undefined>;
}

export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { conversation, updates, logger } = options;
  // Keep-alive connections to the Bot API: a new TLS handshake per message would dominate the reply time.
  const agent = options.apiRoot.startsWith("https:")
    ? new HttpsAgent({ keepAlive: true })
    : new HttpAgent({ keepAlive: true });
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot, baseFetchConfig: { agent } as object },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  // Updates that arrived by webhook, with the slot for the one call their response may carry.
  const webhookReplies = new Map<number, { payload?: Record<string, unknown> }>();
  const replySlot = (ctx: Context): WebhookReply | undefined => {
    const slot = webhookReplies.get(ctx.update.update_id);
    return slot && !slot.payload ? (payload) => (slot.payload = payload) : undefined;
  };

  // When polling, a failure is logged and the bot goes on; grammY's default would stop it. By webhook the
  // server answers for it (503 when the update should come again).
  bot.catch((error) =>
    logger.error(
      {
        update: error.ctx.update.update_id,
        err: error.error instanceof Error ? error.error.message : String(error.error),
      },
      "update not handled",
    ),
  );

  // Telegram redelivers an update until it sees a 2xx, so each update_id is handled once.
  bot.use(async (ctx, next) => {
    const updateId = ctx.update.update_id;
    let claimed: boolean;
    try {
      claimed = updates.claim("telegram", String(updateId), (options.clock ?? (() => new Date()))().toISOString());
    } catch (error) {
      throw new RetryLater("the update could not be claimed", { cause: error });
    }
    if (!claimed) {
      logger.info({ update: updateId }, "duplicate update ignored");
      return;
    }
    try {
      await next();
      // The claim itself is durable before Telegram hears 200, even when the update wrote nothing else.
      await updates.committed();
    } catch (error) {
      // The batch was lost with the claim in it: nothing of this update was kept, and nobody was told
      // otherwise (replies wait for the commit), so Telegram may deliver it again.
      if (error instanceof BatchLost) throw new RetryLater("the update's writes were lost", { cause: error });
      // The update stays claimed: what it wrote was one transaction, so it is recorded whole or not at all.
      logger.error({ update: updateId, err: error instanceof Error ? error.message : String(error) }, "update failed");
      if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, options.translate("vi", "error")).catch(() => undefined);
    }
  });

  bot.on("message:text", async (ctx) => {
    const sender = senderOf(ctx);
    if (!sender || ctx.chat.type !== "private") return;
    const reply = await conversation.handle({
      sender,
      source: `telegram:${ctx.update.update_id}`,
      text: ctx.message.text,
    });
    await sendReply(ctx.api, ctx.chat.id, reply, replySlot(ctx));
  });

  bot.on("callback_query:data", async (ctx) => {
    const sender = senderOf(ctx);
    await ctx.answerCallbackQuery();
    if (!sender) return;
    const reply = await conversation.handle({
      sender,
      source: `telegram:${ctx.update.update_id}`,
      action: ctx.callbackQuery.data,
    });
    await sendReply(ctx.api, sender.chatId, reply, replySlot(ctx));
  });

  bot.on("message:document", async (ctx) => {
    const sender = senderOf(ctx);
    if (!sender || ctx.chat.type !== "private") return;
    const document = ctx.message.document;
    const name = document.file_name ?? "tep";
    let data = new Uint8Array();
    // Larger files are refused by the import itself; this only avoids downloading them.
    if ((document.file_size ?? 0) <= MAX_DOWNLOAD_BYTES) {
      const file = await ctx.getFile();
      const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path ?? ""}`);
      if (!response.ok) throw new Error(`file download answered ${response.status}`);
      data = new Uint8Array(await response.arrayBuffer());
    } else data = new Uint8Array(MAX_DOWNLOAD_BYTES + 1);
    const reply = await conversation.handle({
      sender,
      source: `telegram:${ctx.update.update_id}`,
      document: { name, data },
    });
    await sendReply(ctx.api, ctx.chat.id, reply);
  });

  // Stickers, photos, voice: say what the bot can read, in private chats only.
  bot.on("message", async (ctx) => {
    if (ctx.chat.type !== "private" || ctx.from?.is_bot) return;
    await ctx.reply(options.translate("vi", "unsupported"));
  });

  return {
    bot,
    async handleWebhookUpdate(update) {
      const slot: { payload?: Record<string, unknown> } = {};
      webhookReplies.set(update.update_id, slot);
      try {
        await bot.handleUpdate(update as Parameters<Bot["handleUpdate"]>[0]);
      } catch (error) {
        // grammY wraps what middleware throws; the server needs to see a RetryLater as one.
        throw error instanceof BotError && error.error instanceof RetryLater ? error.error : error;
      } finally {
        webhookReplies.delete(update.update_id);
      }
      return slot.payload;
    },
  };
}
