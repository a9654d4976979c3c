// An in-process stand-in for the Telegram Bot API: it records every call and answers like Telegram.
// Used by the tokenless demo (its chat page shows what the bot "sent") and by the tests.
import type { UserFromGetMe } from "grammy/types";
import { Hono } from "hono";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Uploaded files (photos, documents), by field name. */
  files: Record<string, { name: string; bytes: Uint8Array }>;
  at: number;
  /** The error code the stand-in answered with, when it refused the call. */
  failedWith?: number;
}

export interface StandInFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export const STAND_IN_BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Trợ lý Công đoàn",
  username: "TroLyCongDoanDemoBot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

export class StandInBotApi {
  readonly calls: RecordedCall[] = [];
  private nextMessageId = 1;
  private failures: { method: string; failure: StandInFailure }[] = [];
  private listeners = new Set<(call: RecordedCall) => void>();
  private files = new Map<string, Uint8Array>();
  readonly app = new Hono();

  constructor() {
    this.app.get("/file/bot:token/documents/:fileId", (c) => {
      const bytes = this.files.get(c.req.param("fileId"));
      return bytes
        ? c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": "application/octet-stream" })
        : c.json({ ok: false }, 404);
    });
    this.app.post("/bot:token/:method", async (c) => {
      const method = c.req.param("method");
      const { payload, files } = await readBody(c.req.raw);
      const call: RecordedCall = { method, payload, files, at: Date.now() };
      this.calls.push(call);
      for (const listener of this.listeners) listener(call);
      const failureIndex = this.failures.findIndex((f) => f.method === method);
      if (failureIndex >= 0) {
        const [entry] = this.failures.splice(failureIndex, 1);
        if (entry) {
          call.failedWith = entry.failure.error_code;
          return c.json({ ok: false, ...entry.failure }, entry.failure.error_code as 400);
        }
      }
      return c.json({ ok: true, result: this.answer(method, payload) });
    });
  }

  /**
   * Carries out a method a webhook response returned, as Telegram does with such replies, and records
   * it like any other call.
   */
  executeWebhookReply(reply: Record<string, unknown>): void {
    const { method, ...payload } = reply;
    if (typeof method !== "string") return;
    const call: RecordedCall = { method, payload, files: {}, at: Date.now() };
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
  }

  /** Makes a file available to getFile and download, as if a person had sent it. */
  addFile(fileId: string, bytes: Uint8Array): void {
    this.files.set(fileId, bytes);
  }

  /** Makes the next call of a method fail as Telegram would (429 with retry_after, 403 blocked…). */
  failNext(method: string, failure: StandInFailure): void {
    this.failures.push({ method, failure });
  }

  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Texts sent to one chat, in order. */
  textsTo(chatId: number | string): string[] {
    return this.calls
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId))
      .map((c) => String(c.payload.text));
  }

  private answer(method: string, payload: Record<string, unknown>): unknown {
    const now = Math.floor(Date.now() / 1000);
    const chat = { id: Number(payload.chat_id), type: "private" };
    switch (method) {
      case "getMe":
        return STAND_IN_BOT;
      case "sendMessage":
        return { message_id: this.nextMessageId++, date: now, chat, text: payload.text };
      case "sendPhoto":
        return { message_id: this.nextMessageId++, date: now, chat, photo: [] };
      case "sendDocument":
        return { message_id: this.nextMessageId++, date: now, chat, document: { file_id: "f", file_unique_id: "f" } };
      case "getFile": {
        const fileId = String(payload.file_id);
        const bytes = this.files.get(fileId);
        return {
          file_id: fileId,
          file_unique_id: fileId,
          file_size: bytes?.byteLength ?? 0,
          file_path: `documents/${fileId}`,
        };
      }
      case "getUpdates":
        return [];
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      default:
        return true;
    }
  }
}

async function readBody(request: Request): Promise<Pick<RecordedCall, "payload" | "files">> {
  const type = request.headers.get("content-type") ?? "";
  const payload: Record<string, unknown> = {};
  const files: RecordedCall["files"] = {};
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (type.includes("multipart/form-data") && boundary) {
    for (const part of splitMultipart(new Uint8Array(await request.arrayBuffer()), boundary[1] ?? boundary[2] ?? "")) {
      if (part.filename !== undefined) files[part.name] = { name: part.filename, bytes: part.body };
      else payload[part.name] = parseField(new TextDecoder().decode(part.body));
    }
    // grammY sends an uploaded file as "attach://<field>"; point the payload at what was uploaded.
    for (const [key, value] of Object.entries(payload)) {
      if (typeof value === "string" && value.startsWith("attach://")) payload[key] = { attached: value.slice(9) };
    }
  } else if (type.includes("application/json")) {
    Object.assign(payload, (await request.json()) as Record<string, unknown>);
  }
  return { payload, files };
}

/**
 * Reads multipart/form-data as Telegram does: grammY writes `filename=a.png` without quotes, which
 * Telegram accepts and the strict WHATWG parser in Node does not.
 */
function splitMultipart(body: Uint8Array, boundary: string): { name: string; filename?: string; body: Uint8Array }[] {
  const text = Buffer.from(body).toString("latin1");
  const parts: { name: string; filename?: string; body: Uint8Array }[] = [];
  for (const chunk of text.split(`--${boundary}`)) {
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = chunk.slice(0, headerEnd);
    const name = /name=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    if (!name) continue;
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    const content = chunk.slice(headerEnd + 4).replace(/\r\n$/, "");
    parts.push({
      name: (name[1] ?? name[2] ?? "").trim(),
      ...(filename
        ? { filename: Buffer.from((filename[1] ?? filename[2] ?? "").trim(), "latin1").toString("utf8") }
        : {}),
      body: new Uint8Array(Buffer.from(content, "latin1")),
    });
  }
  return parts;
}

function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
