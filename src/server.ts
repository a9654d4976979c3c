// The Hono app: routes only. Webhooks check their secret before anything else runs.
import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Logger } from "./logger.ts";

/**
 * An update that could not be taken in (the database refused its claim, or lost its writes): nothing
 * of it was kept, so the webhook answers 503 and Telegram delivers it again later.
 */
export class RetryLater extends Error {
  override name = "RetryLater";
}

export interface UpdateHandler {
  /**
   * Resolves to an API call for the webhook response to carry, when the reply fits in one; rejects with
   * RetryLater when the update should be delivered again.
   */
  handleWebhookUpdate(update: { update_id: number }): Promise<Record<string, unknown> | undefined>;
}

export interface AppOptions {
  logger: Logger;
  /** Answers true while the database is open and migrated. */
  healthy: () => boolean;
  telegram?: { handler: UpdateHandler; secret: string | undefined };
  /** Extra routes mounted at the root: the demo chat page, Zalo's webhook, served charts. */
  pages?: Hono;
  routes?: Hono[];
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares secrets in constant time, whatever their lengths. */
export function secretMatches(given: string | undefined, expected: string | Buffer): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), typeof expected === "string" ? digest(expected) : expected);
}

const telegramUpdate = z.looseObject({ update_id: z.number().int().nonnegative() });

/** Telegram updates are a few kilobytes; anything far larger is not one. */
const MAX_UPDATE_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

/**
 * The request body as text. Under @hono/node-server it is read straight from Node's request: building the
 * web Request and its stream for a two-kilobyte body took a tenth of the webhook's time per update.
 */
function bodyText(c: Context): Promise<string> {
  // Served by @hono/node-server the bindings hold Node's request; in app.request() they are empty.
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) {
    return c.req.text().then((text) => {
      if (Buffer.byteLength(text) > MAX_UPDATE_BYTES) throw new BodyTooLarge();
      return text;
    });
  }
  return new Promise((resolve, reject) => {
    if (Number(incoming.headers["content-length"] ?? 0) > MAX_UPDATE_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_UPDATE_BYTES) chunks.push(chunk);
    });
    incoming.once("end", () =>
      size > MAX_UPDATE_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks, size).toString("utf8")),
    );
    incoming.once("error", reject);
    incoming.once("aborted", () => reject(new Error("the request was aborted")));
  });
}

export function createApp(options: AppOptions) {
  const { logger } = options;
  const app = new Hono();
  let inFlight = 0;
  let accepting = true;
  // Hashed once: the webhook compares digests of equal length, in constant time.
  const telegramSecret = options.telegram?.secret === undefined ? undefined : digest(options.telegram.secret);

  app.get("/healthz", (c) => (options.healthy() ? c.json({ ok: true }) : c.json({ ok: false }, 503)));

  app.post("/webhook/telegram", async (c) => {
    const telegram = options.telegram;
    if (!telegram) return c.json({ ok: false, error: "telegram is not configured" }, 404);
    if (
      telegramSecret !== undefined &&
      !secretMatches(c.req.header("x-telegram-bot-api-secret-token"), telegramSecret)
    ) {
      return c.json({ ok: false }, 401);
    }
    if (!accepting) return c.json({ ok: false, error: "shutting down" }, 503);
    let body: unknown;
    try {
      body = JSON.parse(await bodyText(c));
    } catch (error) {
      if (error instanceof BodyTooLarge) return c.json({ ok: false, error: "body too large" }, 413);
      return c.json({ ok: false, error: "body is not JSON" }, 400);
    }
    const update = telegramUpdate.safeParse(body);
    if (!update.success) return c.json({ ok: false, error: "not a Telegram update" }, 400);
    inFlight++;
    try {
      const reply = await telegram.handler.handleWebhookUpdate(update.data as { update_id: number });
      if (reply) return c.json(reply);
    } catch (error) {
      const err = error instanceof Error ? error.message : String(error);
      if (error instanceof RetryLater) {
        logger.warn(
          { update: update.data.update_id, err },
          "webhook update not taken in; Telegram will deliver it again",
        );
        return c.json({ ok: false, error: "try again later" }, 503);
      }
      // Any other failure is answered 200 all the same: a redelivery would fail the same way.
      logger.error({ update: update.data.update_id, err }, "webhook update failed");
    } finally {
      inFlight--;
    }
    return c.json({ ok: true });
  });

  for (const routes of options.routes ?? []) app.route("/", routes);
  if (options.pages) app.route("/", options.pages);

  app.notFound((c) => c.json({ ok: false, error: "not found" }, 404));
  app.onError((error, c) => {
    logger.error({ err: error.message, path: c.req.path }, "request failed");
    return c.json({ ok: false, error: "bad request" }, 400);
  });

  return {
    app,
    /** Stops taking updates and resolves once those in flight are done. */
    async drain(timeoutMs = 10_000): Promise<void> {
      accepting = false;
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    },
  };
}
