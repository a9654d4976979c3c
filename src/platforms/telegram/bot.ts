// The grammY bot: Telegram updates → plain incoming messages → the conversation → replies rendered back.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, BotError, Composer, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Conversation, Incoming } from "#src/conversation.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Logger } from "#src/logger.ts";
import { messageOf, RetryLater, type Intake } from "#src/platforms/intake.ts";
import { keepAliveFetchConfig } from "./keep-alive.ts";
import { sendReply, type WebhookReply } from "./render.ts";

/** Telegram bots can download files up to 20 MB; imports stop at 10 MB. */
const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  conversation: Conversation;
  intake: Intake;
  translate: TranslateIn;
  logger: Logger;
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
  const { intake, logger } = options;
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot, baseFetchConfig: keepAliveFetchConfig(options.apiRoot) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  // Updates that arrived by webhook, with the slot for the one call their response may carry. grammY's own
  // webhook reply (webhookCallback, canUseWebhookReply) answers the request the moment that call is made:
  // before the group commit, so a lost batch could no longer be answered 503, and Telegram would show a
  // reply whose report was not kept. It also hands the response to the first eligible call, where a long
  // reply must go out whole through the API to keep its parts in order. Hence this slot, read after the commit.
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
        err: messageOf(error.error),
      },
      "update not handled",
    ),
  );

  // The answering handlers on a composer of their own: the intake may run an update's handling twice (again
  // alone, when a transaction it shared was lost), and grammY lets a middleware's `next` be called only once.
  const answers = new Composer<Context>();
  answerMessages(answers, options, replySlot);
  const answer = answers.middleware();

  bot.use((ctx) => {
    const chat = ctx.chat;
    return intake.take({
      platform: "telegram",
      id: String(ctx.update.update_id),
      ...(ctx.from ? { from: String(ctx.from.id) } : {}),
      handle: async () => void (await answer(ctx, async () => {})),
      // A text is answered after its commit and nothing is sent before: it may share a transaction.
      short: ctx.message?.text !== undefined,
      ...(chat ? { say: (text: string) => ctx.api.sendMessage(chat.id, text) } : {}),
    });
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

/** The conversation's side of the bot: texts, button presses and files in; replies out. */
function answerMessages(
  bot: Composer<Context>,
  options: TelegramBotOptions,
  replySlot: (ctx: Context) => WebhookReply | undefined,
) {
  const { conversation } = options;

  bot.on("message:text", async (ctx) => {
    const sender = senderOf(ctx);
    const group = ctx.chat.type !== "private";
    // In a group only a command or a mention is answered, with a note: other talk there is not for the bot.
    const addressed = ctx.message.text.startsWith("/") || ctx.message.text.includes(`@${ctx.me.username}`);
    if (!sender || (group && !addressed)) return;
    const reply = await conversation.handle({
      sender,
      source: `telegram:${ctx.update.update_id}`,
      text: ctx.message.text,
      // Someone else's words, whatever they report; clients before Bot API 7.0 mark them with forward_date.
      ...(ctx.message.forward_origin !== undefined || "forward_date" in ctx.message ? { forwarded: true } : {}),
      ...(group ? { group } : {}),
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
      // A button under a message forwarded or sent into a group is pressed there, for all to see.
      ...(ctx.chat && ctx.chat.type !== "private" ? { group: true } : {}),
    });
    await sendReply(ctx.api, sender.chatId, reply, replySlot(ctx));
  });

  bot.on("message:document", async (ctx) => {
    const sender = senderOf(ctx);
    if (!sender || ctx.chat.type !== "private") return;
    const document = ctx.message.document;
    // Someone who may not import is answered without their file being fetched: the command refuses it unread.
    const data = (await conversation.mayUpload(sender))
      ? await download(ctx, document.file_size, options)
      : new Uint8Array();
    const reply = await conversation.handle({
      sender,
      source: `telegram:${ctx.update.update_id}`,
      document: { name: document.file_name ?? "tep", data },
    });
    await sendReply(ctx.api, ctx.chat.id, reply);
  });

  // Stickers, photos, voice: say what the bot can read, in private chats only.
  bot.on("message", async (ctx) => {
    if (ctx.chat.type !== "private" || ctx.from?.is_bot) return;
    await ctx.reply(options.translate("vi", "unsupported"));
  });
}

/** The file of a document message; one too large to download stands in as that many bytes plus one. */
async function download(ctx: Context, size: number | undefined, options: TelegramBotOptions): Promise<Uint8Array> {
  // Larger files are refused by the import itself; this only avoids downloading them.
  if ((size ?? 0) > MAX_DOWNLOAD_BYTES) return new Uint8Array(MAX_DOWNLOAD_BYTES + 1);
  const file = await ctx.getFile();
  const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path ?? ""}`);
  if (!response.ok) throw new Error(`file download answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
