// A small typed client for the Zalo Bot Platform: POST JSON to <apiRoot>/bot<TOKEN>/<method>, read the
// {ok, result, description, error_code} envelope, and turn every failure into one ZaloApiError.
import { z } from "zod";
import { parseZaloUpdate, type ZaloUpdate } from "./update.ts";

export const ZALO_API_ROOT = "https://bot-api.zaloplatforms.com";
export const MAX_ZALO_TEXT = 2000;

/** Long polling waits this long for an update unless told otherwise (the docs' default). */
const DEFAULT_POLL_SECONDS = 30;
/** What a long poll may take beyond its own timeout before we stop waiting for the answer. */
const POLL_GRACE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 15_000;

export interface ZaloClientOptions {
  token: string;
  /** https://bot-api.zaloplatforms.com, or a stand-in's loopback address in tests. */
  apiRoot: string;
  /**
   * Defaults to the global fetch, which keeps connections to the API open between calls (undici pools
   * keep-alive sockets), so a reply costs no new TLS handshake.
   */
  fetch?: typeof fetch;
  /** Per call, except getUpdates, which waits its own timeout plus a grace period. */
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Any failed call: the API said no (errorCode from the envelope), or it could not be reached (errorCode undefined). */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";

  constructor(
    readonly method: string,
    readonly errorCode: number | undefined,
    readonly description: string,
    /** Seconds the API asked us to wait, when it said so (parameters.retry_after or a Retry-After header). */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    // The request URL holds the bot token, so it never goes into the message.
    super(`Zalo ${method} failed: ${errorCode ?? "network"} ${description}`, options);
  }

  /** The API could not be reached or did not answer in time. */
  get isNetworkError(): boolean {
    return this.errorCode === undefined;
  }

  /** getUpdates found nothing new before its timeout. */
  get isPollTimeout(): boolean {
    return this.errorCode === 408;
  }
}

const envelope = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().optional(),
  error_code: z.number().int().optional(),
  parameters: z.looseObject({ retry_after: z.number().nonnegative().optional() }).optional(),
});

const idText = z.union([z.string(), z.number()]).transform(String);

// Results are read leniently: a message that was sent must never look like a failure because a field moved.
const botInfo = z.looseObject({
  id: idText,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
const webhookInfo = z.looseObject({
  url: z.string().catch(""),
  updated_at: z.number().optional().catch(undefined),
});
const sentMessage = z.looseObject({
  message_id: idText.optional().catch(undefined),
  date: z.number().optional().catch(undefined),
});

export type ZaloBotInfo = z.infer<typeof botInfo>;
export type ZaloWebhookInfo = z.infer<typeof webhookInfo>;
export type ZaloSentMessage = z.infer<typeof sentMessage>;

type Call = (method: string, params: object, per?: CallOptions & { timeoutMs?: number }) => Promise<unknown>;

/** POSTs one method's JSON and reads the envelope; every failure, the network's included, is a ZaloApiError. */
function caller(options: ZaloClientOptions): Call {
  const doFetch = options.fetch ?? fetch;
  const root = options.apiRoot.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (method, params, per = {}) => {
    const limit = per.timeoutMs ?? timeoutMs;
    const timeout = AbortSignal.timeout(limit);
    const signal = per.signal ? AbortSignal.any([per.signal, timeout]) : timeout;
    let response: Response;
    let raw: string;
    try {
      response = await doFetch(`${root}/bot${options.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
      raw = await response.text();
    } catch (error) {
      const why = per.signal?.aborted
        ? "aborted"
        : timeout.aborted
          ? `no answer within ${limit} ms`
          : networkReason(error);
      throw new ZaloApiError(method, undefined, why, undefined, { cause: error });
    }
    return resultOf(method, response, raw);
  };
}

/** The result in an answer's {ok, result} envelope; a refusal or anything unreadable throws. */
function resultOf(method: string, response: Response, raw: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ZaloApiError(method, response.status, `answer is not JSON (HTTP ${response.status})`);
  }
  const answer = envelope.safeParse(body);
  if (!answer.success)
    throw new ZaloApiError(method, response.status, `answer is not a Zalo envelope (HTTP ${response.status})`);
  if (!answer.data.ok) {
    throw new ZaloApiError(
      method,
      answer.data.error_code ?? response.status,
      answer.data.description ?? `HTTP ${response.status}`,
      answer.data.parameters?.retry_after ?? retryAfterHeader(response.headers.get("retry-after")),
    );
  }
  return answer.data.result;
}

export function createZaloClient(options: ZaloClientOptions) {
  const call = caller(options);

  return {
    async getMe(options?: CallOptions): Promise<ZaloBotInfo> {
      const result = botInfo.safeParse(await call("getMe", {}, options));
      if (!result.success) throw new ZaloApiError("getMe", undefined, "answer has no bot id");
      return result.data;
    },

    /**
     * Waits up to `timeout` seconds for the next update. Zalo hands out one update per call; an array is
     * accepted too. Nothing new is a ZaloApiError with errorCode 408 (isPollTimeout).
     */
    async getUpdates(params: { timeout?: number } = {}, options?: CallOptions): Promise<ZaloUpdate[]> {
      const seconds = params.timeout ?? DEFAULT_POLL_SECONDS;
      // The parameter table types timeout as a string.
      const result = await call(
        "getUpdates",
        { timeout: String(seconds) },
        { ...options, timeoutMs: seconds * 1000 + POLL_GRACE_MS },
      );
      if (result === undefined || result === null) return [];
      const items = Array.isArray(result) ? result : [result];
      const updates = items.map(parseZaloUpdate);
      if (updates.some((u) => u === undefined))
        throw new ZaloApiError("getUpdates", undefined, "answer holds an update of unknown shape");
      return updates as ZaloUpdate[];
    },

    /** `secret_token` (8–256 characters) comes back in the X-Bot-Api-Secret-Token header of every delivery. */
    async setWebhook(params: { url: string; secret_token: string }, options?: CallOptions): Promise<ZaloWebhookInfo> {
      return lenient(webhookInfo, await call("setWebhook", params, options));
    },

    async deleteWebhook(options?: CallOptions): Promise<ZaloWebhookInfo> {
      return lenient(webhookInfo, await call("deleteWebhook", {}, options));
    },

    async getWebhookInfo(options?: CallOptions): Promise<ZaloWebhookInfo> {
      return lenient(webhookInfo, await call("getWebhookInfo", {}, options));
    },

    /** `text` is 1–2,000 characters; longer replies are split by the renderer before they get here. */
    async sendMessage(params: { chat_id: string; text: string }, options?: CallOptions): Promise<ZaloSentMessage> {
      return lenient(sentMessage, await call("sendMessage", params, options));
    },

    /** `photo` is a URL Zalo fetches itself; there is no upload. */
    async sendPhoto(
      params: { chat_id: string; photo: string; caption?: string },
      options?: CallOptions,
    ): Promise<ZaloSentMessage> {
      return lenient(sentMessage, await call("sendPhoto", params, options));
    },

    /** Only "typing" is available; "upload_photo" is announced as coming. */
    async sendChatAction(
      params: { chat_id: string; action: "typing" | "upload_photo" },
      options?: CallOptions,
    ): Promise<void> {
      await call("sendChatAction", params, options);
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;

/** The result read by `schema`, or what the schema makes of an empty object when the result is something else. */
function lenient<T>(schema: z.ZodType<T>, result: unknown): T {
  const read = schema.safeParse(result);
  return read.success ? read.data : schema.parse({});
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

function retryAfterHeader(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
