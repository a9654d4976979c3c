// The Zalo side of the bot: Zalo events (webhook or long polling) → plain incoming messages → the
// conversation → replies rendered back as Zalo messages. Also sends what the outbox dispatcher hands it.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Reply } from "#commands/types.ts";
import { BatchLost } from "#db/group-commit.ts";
import type { UpdateRepository } from "#db/repositories/updates.ts";
import type { Conversation, Incoming } from "#src/conversation.ts";
import type { SendResult } from "#src/delivery/dispatcher.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Logger } from "#src/logger.ts";
import { RetryLater, secretMatches } from "#src/server.ts";
import type { ChatChoiceRepository } from "./choices.ts";
import { ZaloApiError, type ZaloClient } from "./client.ts";
import type { MediaStore } from "./image-store.ts";
import { readChoice, renderForZalo } from "./render.ts";
import { parseZaloUpdate, ZALO_EVENTS, type ZaloUpdate } from "./update.ts";

export const ZALO_WEBHOOK_PATH = "/webhook/zalo";
const SECRET_HEADER = "x-bot-api-secret-token";
/** A Zalo event is a few hundred bytes; anything near this is not one. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
/** What a 429 without retry_after makes a message wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;
const KNOWN_EVENTS = new Set<string>(Object.values(ZALO_EVENTS));

export interface PollingOptions {
  /** Seconds each getUpdates waits for an update. */
  timeoutSeconds?: number;
  /** First wait after a failed poll; it doubles up to `maxBackoffMs` and resets after a good one. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface ZaloAdapterOptions {
  client: ZaloClient;
  conversation: Pick<Conversation, "handle">;
  updates: Pick<UpdateRepository, "claim" | "committed">;
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

/** How a failed send is settled by the outbox: Zalo publishes no error table, so this follows its HTTP-like codes. */
export function sendResultOf(error: unknown): SendResult {
  if (!(error instanceof ZaloApiError))
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
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

export function createZaloAdapter(options: ZaloAdapterOptions) {
  const { client, conversation, updates, choices, translate, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const pollSeconds = options.polling?.timeoutSeconds ?? 30;
  const firstBackoffMs = options.polling?.backoffMs ?? 1_000;
  const maxBackoffMs = options.polling?.maxBackoffMs ?? 30_000;

  let inFlight = 0;
  let accepting = true;
  let polling: { controller: AbortController; loop: Promise<void> } | undefined;

  /** Sends a rendered reply and remembers its choices, so a number answers them. Throws ZaloApiError. */
  async function deliver(chatId: string, reply: Reply): Promise<void> {
    const rendered = renderForZalo(reply, options.images);
    choices.remember("zalo", chatId, reply.choices ?? [], clock().toISOString());
    for (const text of rendered.texts) await client.sendMessage({ chat_id: chatId, text });
    if (rendered.photo) {
      await client.sendPhoto({
        chat_id: chatId,
        photo: rendered.photo.url,
        ...(rendered.photo.caption ? { caption: rendered.photo.caption } : {}),
      });
    }
  }

  async function handleUpdate(update: ZaloUpdate): Promise<void> {
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
    let claimed: boolean;
    try {
      claimed = updates.claim("zalo", message.message_id, clock().toISOString());
    } catch (error) {
      throw new RetryLater("the message could not be claimed", { cause: error });
    }
    if (!claimed) {
      logger.info({ message: message.message_id }, "duplicate zalo message ignored");
      return;
    }
    const chatId = message.chat.id;
    try {
      const text = message.text?.trim();
      if (update.event_name !== ZALO_EVENTS.text || !text) {
        // Stickers, photos, voice, content Zalo withholds: say what the bot reads.
        await client.sendMessage({ chat_id: chatId, text: translate("vi", "unsupported") });
        return;
      }
      const sender: Incoming["sender"] = {
        platform: "zalo",
        externalId: message.from.id,
        chatId,
        displayName: message.from.display_name?.trim() || "bạn",
      };
      const source = `zalo:${message.message_id}`;
      const offered = choices.recall("zalo", chatId, clock().toISOString());
      const chosen = offered ? readChoice(text, offered) : undefined;
      const reply = await conversation.handle(
        chosen ? { sender, source, action: chosen.action } : { sender, source, text },
      );
      await deliver(chatId, reply);
      await updates.committed();
    } catch (error) {
      // The batch was lost with the claim in it: nothing was kept and nobody told otherwise, so it may come again.
      if (error instanceof BatchLost) throw new RetryLater("the message's writes were lost", { cause: error });
      // The message stays claimed: what it wrote was one transaction, recorded whole or not at all.
      logger.error(
        { message: message.message_id, err: error instanceof Error ? error.message : String(error) },
        "zalo message failed",
      );
      await client.sendMessage({ chat_id: chatId, text: translate("vi", "error") }).catch(() => undefined);
    }
  }

  /** Handles one event body in either shape; a body that is no Zalo event is logged and dropped. */
  async function handleEvent(body: unknown): Promise<void> {
    const update = parseZaloUpdate(body);
    if (!update) {
      logger.warn("zalo body of unknown shape dropped");
      return;
    }
    await handleUpdate(update);
  }

  async function tracked(work: () => Promise<void>): Promise<void> {
    inFlight++;
    try {
      await work();
    } finally {
      inFlight--;
    }
  }

  function webhookRoute(secret: string): Hono {
    if (secret.length < 8 || secret.length > 256)
      throw new RangeError("the Zalo webhook secret must be 8–256 characters");
    const app = new Hono();
    app.post(
      ZALO_WEBHOOK_PATH,
      async (c, next) => {
        if (!secretMatches(c.req.header(SECRET_HEADER), secret)) return c.json({ ok: false }, 401);
        await next();
      },
      bodyLimit({ maxSize: MAX_WEBHOOK_BYTES, onError: (c) => c.json({ ok: false, error: "body too large" }, 413) }),
      async (c) => {
        // Like /webhook/telegram: during shutdown the event is refused so that Zalo delivers it again later.
        if (!accepting) return c.json({ ok: false, error: "shutting down" }, 503);
        let body: unknown;
        try {
          body = await c.req.json();
        } catch {
          return c.json({ ok: false, error: "body is not JSON" }, 400);
        }
        const update = parseZaloUpdate(body);
        if (!update) return c.json({ ok: false, error: "not a Zalo event" }, 400);
        try {
          await tracked(() => handleUpdate(update));
        } catch (error) {
          if (error instanceof RetryLater) {
            logger.warn(
              { message: update.message?.message_id, err: error.message },
              "zalo event not taken in; Zalo will deliver it again",
            );
            return c.json({ ok: false, error: "try again later" }, 503);
          }
          // Answered 200 all the same: a redelivery would fail the same way.
          logger.error(
            { message: update.message?.message_id, err: error instanceof Error ? error.message : String(error) },
            "zalo webhook event failed",
          );
        }
        return c.json({ ok: true });
      },
    );
    return app;
  }

  /** A polled event is not delivered again: one the database could not take in is retried here. */
  async function handlePolled(update: ZaloUpdate, signal: AbortSignal): Promise<void> {
    let wait = firstBackoffMs;
    for (;;) {
      try {
        await tracked(() => handleUpdate(update));
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
        for (const update of batch) await handlePolled(update, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && error.isPollTimeout) {
          backoff = firstBackoffMs;
          continue;
        }
        logger.warn(
          { err: error instanceof Error ? error.message : String(error), retryInMs: backoff },
          "zalo polling failed",
        );
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  }

  /** Deletes the webhook, then asks for updates one at a time until stopPolling. */
  function startPolling(): void {
    if (polling) return;
    const controller = new AbortController();
    polling = { controller, loop: pollLoop(controller.signal) };
  }

  /** Resolves once the loop has ended and the update it was handling is done. */
  async function stopPolling(): Promise<void> {
    const current = polling;
    if (!current) return;
    current.controller.abort();
    await current.loop;
    polling = undefined;
  }

  return {
    handleEvent,

    /** A Hono app with POST /webhook/zalo, to mount at the root of the server. */
    webhookRoute,

    /** Tells Zalo to deliver events to PUBLIC_URL/webhook/zalo with this secret. */
    async registerWebhook(secret: string): Promise<string> {
      if (!options.publicUrl) throw new Error("PUBLIC_URL is needed to register the Zalo webhook");
      const url = `${options.publicUrl.replace(/\/+$/, "")}${ZALO_WEBHOOK_PATH}`;
      await client.setWebhook({ url, secret_token: secret });
      return url;
    },

    startPolling,
    stopPolling,

    get isPolling(): boolean {
      return polling !== undefined;
    },

    /** For the outbox dispatcher: sends a reminder or an announcement to a Zalo chat. */
    async send(chatId: string, reply: Reply): Promise<SendResult> {
      try {
        await deliver(chatId, reply);
        return { ok: true };
      } catch (error) {
        return sendResultOf(error);
      }
    },

    /** Stops polling and taking webhook events, and waits (up to the timeout) for those being handled. */
    async close(timeoutMs = 10_000): Promise<void> {
      accepting = false;
      await stopPolling();
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    },
  };
}

export type ZaloAdapter = ReturnType<typeof createZaloAdapter>;

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
