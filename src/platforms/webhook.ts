// What every platform's webhook does the same way: check the secret before anything else, refuse bodies far
// larger than an update, and answer for the intake (503 when the update should come again, 200 otherwise).
import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import type { Platform } from "#db/schema.ts";
import type { Logger } from "#src/logger.ts";
import { messageOf, RetryLater, type Intake } from "./intake.ts";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares secrets in constant time, whatever their lengths. */
export function secretMatches(given: string | undefined, expected: string | Buffer): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), typeof expected === "string" ? digest(expected) : expected);
}

export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

/**
 * The request body as text, refused past `maxBytes`. Under @hono/node-server it is read straight from Node's
 * request: building the web Request and its stream for a two-kilobyte body took a tenth of the webhook's time
 * per update (measured at 2,000 updates/s).
 */
export function readBody(c: Context, maxBytes: number): Promise<string> {
  // Served by @hono/node-server the bindings hold Node's request; in app.request() they are empty.
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) {
    return c.req.text().then((text) => {
      if (Buffer.byteLength(text) > maxBytes) throw new BodyTooLarge();
      return text;
    });
  }
  return new Promise((resolve, reject) => {
    if (Number(incoming.headers["content-length"] ?? 0) > maxBytes) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    incoming.once("end", () =>
      size > maxBytes ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks, size).toString("utf8")),
    );
    incoming.once("error", reject);
    incoming.once("aborted", () => reject(new Error("the request was aborted")));
  });
}

export interface WebhookSpec<Update> {
  platform: Platform;
  path: string;
  secretHeader: string;
  /** Undefined only where nobody else can reach the route (the loopback demo). */
  secret: string | undefined;
  /** Bodies larger than this are answered 413 without being read further. */
  maxBytes: number;
  /** The update in a JSON body; undefined answers 400 with `notAnUpdate`. */
  parse(body: unknown): Update | undefined;
  notAnUpdate: string;
  /** The update's id, for the logs. */
  idOf(update: Update): string | number | undefined;
  /** Takes the update in; resolves to an API call for the response to carry, if the platform has such. */
  take(update: Update): Promise<Record<string, unknown> | undefined>;
}

/** A Hono app with the platform's POST route, to mount at the root of the server. */
export function webhookRoute<Update>(
  spec: WebhookSpec<Update>,
  intake: Pick<Intake, "accepting">,
  logger: Logger,
): Hono {
  // Hashed once: the check compares digests of equal length, in constant time.
  const secret = spec.secret === undefined ? undefined : digest(spec.secret);
  const app = new Hono();
  app.post(spec.path, async (c) => {
    if (secret !== undefined && !secretMatches(c.req.header(spec.secretHeader), secret)) {
      return c.json({ ok: false }, 401);
    }
    // During shutdown the update is refused so that the platform delivers it again later.
    if (!intake.accepting) return c.json({ ok: false, error: "shutting down" }, 503);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(c, spec.maxBytes));
    } catch (error) {
      if (error instanceof BodyTooLarge) return c.json({ ok: false, error: "body too large" }, 413);
      return c.json({ ok: false, error: "body is not JSON" }, 400);
    }
    const update = spec.parse(body);
    if (update === undefined) return c.json({ ok: false, error: spec.notAnUpdate }, 400);
    const fields = { platform: spec.platform, update: spec.idOf(update) };
    try {
      const reply = await spec.take(update);
      if (reply) return c.json(reply);
    } catch (error) {
      if (error instanceof RetryLater) {
        logger.warn({ ...fields, err: error.message }, "webhook update not taken in; it will be delivered again");
        return c.json({ ok: false, error: "try again later" }, 503);
      }
      // Any other failure is answered 200 all the same: a redelivery would fail the same way.
      logger.error({ ...fields, err: messageOf(error) }, "webhook update failed");
    }
    return c.json({ ok: true });
  });
  return app;
}
