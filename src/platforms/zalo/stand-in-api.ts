// An in-process stand-in for the Zalo Bot Platform API: it records every call and answers like Zalo
// (the {ok, result, description, error_code} envelope), can be told to fail the next call of a method, and
// hands queued events to getUpdates one per call, answering 408 when none came in time.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";

export interface RecordedZaloCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface ZaloFailure {
  error_code: number;
  description: string;
  /** Sent as parameters.retry_after, as a 429 may carry it. */
  retry_after?: number;
}

export interface StandInZaloOptions {
  /** Calls with another token are answered 401. */
  token?: string;
  /** The longest a getUpdates waits for an event before answering 408, whatever its timeout says. */
  maxPollWaitMs?: number;
}

export const STAND_IN_ZALO_TOKEN = "1234567890:stand-in-zalo-token";

export const STAND_IN_ZALO_BOT = {
  id: "7000000001",
  account_name: "bot.TroLyCongDoan",
  account_type: "BASIC",
  can_join_groups: false,
};

const MAX_TEXT = 2000;

export class StandInZaloApi {
  readonly calls: RecordedZaloCall[] = [];
  readonly app = new Hono();
  private readonly token: string;
  private readonly maxPollWaitMs: number;
  private failures: { method: string; failure: ZaloFailure }[] = [];
  private queue: object[] = [];
  private waiters = new Set<() => void>();
  private listeners = new Set<(call: RecordedZaloCall) => void>();
  private webhook = { url: "", updated_at: 0 };

  constructor(options: StandInZaloOptions = {}) {
    this.token = options.token ?? STAND_IN_ZALO_TOKEN;
    this.maxPollWaitMs = options.maxPollWaitMs ?? 200;
    this.app.post("/bot:token/:method", async (c) => {
      const method = c.req.param("method");
      let payload: Record<string, unknown> = {};
      try {
        const body: unknown = await c.req.json();
        if (body && typeof body === "object" && !Array.isArray(body)) payload = body as Record<string, unknown>;
      } catch {
        return c.json({ ok: false, error_code: 400, description: "Bad Request: body is not JSON" }, 400);
      }
      const call: RecordedZaloCall = { method, payload, at: Date.now() };
      this.calls.push(call);
      for (const listener of this.listeners) listener(call);
      if (c.req.param("token") !== this.token)
        return c.json({ ok: false, error_code: 401, description: "Unauthorized" }, 401);
      const index = this.failures.findIndex((f) => f.method === method);
      const failed = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
      if (failed) return this.fail(failed.failure);
      const answer = await this.answer(method, payload);
      return "failure" in answer
        ? this.fail(answer.failure)
        : c.json({ ok: true, ...(answer.result === undefined ? {} : { result: answer.result }) });
    });
  }

  /** Makes the next call of a method fail as Zalo would (401 bad token, 429 slow down, 500…). */
  failNext(method: string, failure: ZaloFailure): void {
    this.failures.push({ method, failure });
  }

  /** Queues an event for getUpdates, as if a person had just written to the bot. */
  queueUpdate(event: object): void {
    this.queue.push(event);
    for (const wake of this.waiters) wake();
  }

  get queued(): number {
    return this.queue.length;
  }

  get webhookUrl(): string {
    return this.webhook.url;
  }

  onCall(listener: (call: RecordedZaloCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Texts sent to one chat, in order. */
  textsTo(chatId: string): string[] {
    return this.calls
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  /** Photo URLs sent to one chat, in order. */
  photosTo(chatId: string): { photo: string; caption?: string }[] {
    return this.calls
      .filter((c) => c.method === "sendPhoto" && String(c.payload.chat_id) === chatId)
      .map((c) => ({
        photo: String(c.payload.photo),
        ...(typeof c.payload.caption === "string" ? { caption: c.payload.caption } : {}),
      }));
  }

  /** Answers every waiting getUpdates at once: for shutting the stand-in down. */
  release(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private fail(failure: ZaloFailure): Response {
    const body = {
      ok: false,
      error_code: failure.error_code,
      description: failure.description,
      ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
    };
    const status = failure.error_code >= 400 && failure.error_code <= 599 ? failure.error_code : 400;
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }

  private async answer(
    method: string,
    payload: Record<string, unknown>,
  ): Promise<{ result: unknown } | { failure: ZaloFailure }> {
    const sent = () => ({ result: { message_id: randomBytes(10).toString("hex"), date: Date.now() } });
    const badRequest = (description: string) => ({
      failure: { error_code: 400, description: `Bad Request: ${description}` },
    });
    const chatId = payload.chat_id;
    switch (method) {
      case "getMe":
        return { result: STAND_IN_ZALO_BOT };
      case "sendMessage": {
        const text = payload.text;
        if (typeof chatId !== "string" || chatId === "") return badRequest("chat_id is required");
        if (typeof text !== "string" || text.length < 1 || text.length > MAX_TEXT)
          return badRequest("text must be 1-2000 characters");
        return sent();
      }
      case "sendPhoto": {
        if (typeof chatId !== "string" || chatId === "") return badRequest("chat_id is required");
        if (typeof payload.photo !== "string" || !/^https?:\/\//.test(payload.photo))
          return badRequest("photo must be a URL");
        if (
          payload.caption !== undefined &&
          (typeof payload.caption !== "string" || payload.caption.length > MAX_TEXT)
        ) {
          return badRequest("caption must be 1-2000 characters");
        }
        return sent();
      }
      case "sendChatAction":
        if (typeof chatId !== "string" || chatId === "") return badRequest("chat_id is required");
        return { result: undefined };
      case "setWebhook": {
        const secret = payload.secret_token;
        if (typeof payload.url !== "string" || !payload.url.startsWith("https://"))
          return badRequest("url must be HTTPS");
        if (typeof secret !== "string" || secret.length < 8 || secret.length > 256)
          return badRequest("secret_token must be 8-256 characters");
        this.webhook = { url: payload.url, updated_at: Date.now() };
        return { result: this.webhook };
      }
      case "deleteWebhook":
        this.webhook = { url: "", updated_at: Date.now() };
        return { result: this.webhook };
      case "getWebhookInfo":
        return { result: this.webhook };
      case "getUpdates": {
        // Zalo's code for this case is undocumented; Telegram answers 409 Conflict.
        if (this.webhook.url) return { failure: { error_code: 409, description: "Conflict: a webhook is set" } };
        const seconds = Number(payload.timeout ?? 30);
        const event = await this.nextEvent(Math.min(Number.isFinite(seconds) ? seconds * 1000 : 0, this.maxPollWaitMs));
        return event ? { result: event } : { failure: { error_code: 408, description: "Request Timeout" } };
      }
      default:
        return { failure: { error_code: 404, description: "Not Found" } };
    }
  }

  private async nextEvent(waitMs: number): Promise<object | undefined> {
    if (this.queue.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.waiters.add(wake);
      });
    }
    return this.queue.shift();
  }
}
