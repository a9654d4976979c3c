// The demo chat page. Each message typed here becomes a Telegram update for the very same bot;
// what the bot sends lands in the stand-in Bot API, and the page shows it, buttons included. The
// conversation, both sides, is kept here so a reload shows it; the page asks for what came since.
import type { Bot } from "grammy";
import { Hono, type MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { RecordedCall, StandInBotApi } from "#src/platforms/telegram/stand-in-api.ts";
import { DEMO_PERSONAS, type DemoPersona } from "./seed.ts";

interface ShownMessage {
  text: string;
  buttons: { label: string; data: string }[][];
  /** A photo or document the bot sent, served by this page. */
  file?: { url: string; name: string; image: boolean };
}

const sayBody = z.object({
  persona: z.enum(["chair", "officer"]),
  text: z.string().max(5000).optional(),
  data: z.string().max(64).optional(),
  /** The label of the button pressed, shown as what the person did. */
  label: z.string().max(200).optional(),
});

interface Entry {
  seq: number;
  persona: DemoPersona;
  from: "me" | "bot";
  message: ShownMessage;
}

const PERSONA_COOKIE = "demo_persona";
const personaOf = (value: string | undefined | null): DemoPersona | undefined =>
  value === "chair" || value === "officer" ? value : undefined;

/** Both sides of each persona's chat, in order: what they sent, and every message the bot sent them. */
function transcript(api: StandInBotApi) {
  const entries: Entry[] = [];
  let scanned = 0;
  const personaByChat = new Map(
    (Object.keys(DEMO_PERSONAS) as DemoPersona[]).map((p) => [String(DEMO_PERSONAS[p].telegramId), p]),
  );
  const push = (persona: DemoPersona, from: Entry["from"], message: ShownMessage) =>
    entries.push({ seq: entries.length + 1, persona, from, message });
  // Replies, announcements and reminders all reach the stand-in; each is taken in once, in order.
  const sync = () => {
    for (; scanned < api.calls.length; scanned++) {
      const call = api.calls[scanned];
      const persona = call && personaByChat.get(String(call.payload.chat_id));
      if (call && persona && call.method.startsWith("send")) push(persona, "bot", shown(call, scanned));
    }
  };
  return {
    said(persona: DemoPersona, text: string): void {
      sync();
      push(persona, "me", { text, buttons: [] });
    },
    since(persona: DemoPersona, after: number, from?: Entry["from"]): Entry[] {
      sync();
      return entries.filter((e) => e.persona === persona && e.seq > after && (!from || e.from === from));
    },
    last: () => (sync(), entries.length),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** One chat bubble; the page and the later-messages endpoint both draw with it. */
function bubble(from: Entry["from"], { text, buttons, file }: ShownMessage): string {
  const picture = file?.image ? `<img src="${file.url}" alt="${escapeHtml(text)}">` : "";
  const download =
    file && !file.image
      ? `<br><a href="${file.url}" download="${escapeHtml(file.name)}">📄 ${escapeHtml(file.name)}</a>`
      : "";
  const keyboard = buttons
    .filter((row) => row.length > 0)
    .map(
      (row) =>
        `<div class="kb">${row.map((b) => `<button type="button" data-data="${escapeHtml(b.data)}">${escapeHtml(b.label)}</button>`).join("")}</div>`,
    )
    .join("");
  return `<div class="msg ${from}">${escapeHtml(text)}${picture}${download}${keyboard}</div>`;
}

const HINTS: Record<DemoPersona, string> = {
  chair:
    "Chào anh/chị! Hãy thử: “kết nạp 3 đoàn viên” rồi bấm “Nhập danh sách 3 người” và gửi từng người, ví dụ “Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026”; hoặc “2 đv nghỉ việc”, “con thieu bao nhieu dv”, “tiến độ”.",
  officer:
    "Chào anh/chị! Hãy thử: “còn thiếu bao nhiêu đoàn viên?”, “tiến độ”, “tiến độ của nđ xe ôm”, “xuất báo cáo”, “/phanbo thực tăng”, “/thongbao Họp giao ban thứ Hai”, “kết nạp 3 đv cho CĐCS Trường THCS Bình Chiểu”, “/duyetdv” (duyệt danh sách đoàn viên), “/xuatdanhsach”, hoặc gửi một tệp Excel đơn vị hay chỉ tiêu bằng nút 📎.",
};

const ROLE_LABELS: Record<DemoPersona, string> = { chair: "Chủ tịch", officer: "Cán bộ" };

const DASHBOARD_BUTTON = `<form class="dash" method="post" action="/demo/dashboard" target="_blank"><button type="submit">🖥️ Mở trang quản lý (Open the dashboard)</button></form>`;

function shown(call: RecordedCall, index: number): ShownMessage {
  const markup = call.payload.reply_markup as
    | { inline_keyboard?: { text: string; callback_data?: string }[][] }
    | undefined;
  const buttons = (markup?.inline_keyboard ?? []).map((row) =>
    row.map((b) => ({ label: b.text, data: b.callback_data ?? "" })),
  );
  const upload = Object.values(call.files)[0];
  if (call.method === "sendMessage" || !upload)
    return { text: String(call.payload.text ?? call.payload.caption ?? ""), buttons };
  return {
    text: String(call.payload.caption ?? ""),
    buttons,
    file: { url: `/demo/files/${index}`, name: upload.name, image: call.method === "sendPhoto" },
  };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The page speaks as a persona to whoever can reach it, so only the page itself may call it: a request must
 * name one of the demo's own hosts (a name rebound to loopback by another site does not), and the Origin a
 * browser sends must be that host (another site's form or script is refused).
 */
function ownOrigin(publicUrl: string | undefined): MiddlewareHandler {
  const publicHost = publicUrl ? new URL(publicUrl).host : undefined;
  const isOwn = (host: string) => host === publicHost || LOOPBACK.has(host.replace(/:\d+$/, ""));
  const hostOf = (origin: string) => {
    try {
      return new URL(origin).host;
    } catch {
      return undefined; // "null", from a sandboxed frame or a file
    }
  };
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!isOwn(host)) return c.text("Địa chỉ này không phải của bản dùng thử. Hãy mở http://localhost.", 421);
    const origin = c.req.header("origin");
    if (origin !== undefined && hostOf(origin) !== host)
      return c.json({ error: "Yêu cầu không đến từ trang dùng thử. Hãy mở trang dùng thử rồi nhắn từ đó." }, 403);
    await next();
  };
}

type Chats = ReturnType<typeof transcript>;

/**
 * The demo's routes; `unitName` names the unit each persona speaks for, on its button. `publicUrl`, when
 * the demo is served behind one, is a host of its own beside loopback.
 */
export function demoPages(
  bot: Bot | undefined,
  api: StandInBotApi,
  unitName: (persona: DemoPersona) => Promise<string>,
  publicUrl?: string,
  dashboardLink?: () => Promise<string | undefined>,
): Hono {
  const pages = new Hono();
  const guard = ownOrigin(publicUrl);
  pages.use("/", guard);
  pages.use("/demo/*", guard);
  const chats = transcript(api);
  showChats(pages, api, chats, unitName);
  talkToBot(pages, bot, api, chats);
  // The demo officer opens the dashboard as if they had sent /web: a one-time link, used at once.
  pages.post("/demo/dashboard", async (c) => {
    const link = await dashboardLink?.();
    return link ? c.redirect(link, 303) : c.json({ error: "Trang quản lý chưa sẵn sàng." }, 503);
  });
  return pages;
}

/** The page, what arrived since it last looked, and the files the bot sent. */
function showChats(
  pages: Hono,
  api: StandInBotApi,
  chats: Chats,
  unitName: (persona: DemoPersona) => Promise<string>,
): void {
  // ?persona= picks a persona and a cookie remembers it, so a reload comes back to the same chat.
  pages.get("/", async (c) => {
    const asked = personaOf(c.req.query("persona"));
    if (asked) setCookie(c, PERSONA_COOKIE, asked, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax" });
    const persona = asked ?? personaOf(getCookie(c, PERSONA_COOKIE)) ?? "chair";
    const entries = chats.since(persona, 0);
    const log =
      entries.length > 0
        ? entries.map((e) => bubble(e.from, e.message)).join("")
        : bubble("bot", { text: HINTS[persona], buttons: [] });
    const links: string[] = [];
    for (const p of Object.keys(DEMO_PERSONAS) as DemoPersona[]) {
      const label = `${ROLE_LABELS[p]} · ${await unitName(p)}`;
      links.push(`<a href="/?persona=${p}"${p === persona ? ' class="on"' : ""}>${escapeHtml(label)}</a>`);
    }
    const choices = links.join("") + (persona === "officer" ? DASHBOARD_BUTTON : "");
    return c.html(
      // Replaced by functions: a "$&" someone typed must stay as typed.
      PAGE.replace("{{choices}}", () => choices)
        .replace("{{persona}}", () => persona)
        .replace("{{after}}", () => String(chats.last()))
        .replace("{{log}}", () => log),
    );
  });

  // What arrived since the page last looked: replies, and announcements, delivery counts and reminders sent later.
  pages.get("/demo/messages", (c) => {
    const persona = personaOf(c.req.query("persona")) ?? "chair";
    const after = Number(c.req.query("after") ?? 0) || 0;
    const entries = chats.since(persona, after);
    return c.json({
      after: chats.last(),
      messages: entries.map((e) => ({ seq: e.seq, from: e.from, ...e.message })),
      html: entries.map((e) => bubble(e.from, e.message)).join(""),
    });
  });

  pages.get("/demo/files/:index", (c) => {
    const call = api.calls[Number(c.req.param("index"))];
    const upload = call && Object.values(call.files)[0];
    if (!upload) return c.json({ error: "Không có tệp này." }, 404);
    const image = call.method === "sendPhoto";
    return c.body(upload.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": image ? "image/png" : "application/octet-stream",
      ...(image ? {} : { "content-disposition": `attachment; filename="${encodeURIComponent(upload.name)}"` }),
    });
  });
}

/** What a persona types or uploads on the page reaches the bot as a Telegram update. */
function talkToBot(pages: Hono, bot: Bot | undefined, api: StandInBotApi, chats: Chats): void {
  let nextUpdateId = 1;
  let nextFileId = 1;
  const botSaid = (persona: DemoPersona, after: number) => chats.since(persona, after, "bot").map((e) => e.message);

  // A file chosen on the page becomes a document message, as if sent from Telegram.
  pages.post("/demo/upload", async (c) => {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get("file");
    const persona = personaOf(String(form?.get("persona"))) ?? "chair";
    if (!bot || !file || typeof file === "string") return c.json({ error: "Hãy chọn một tệp." }, 400);
    const fileId = `demo${nextFileId++}`;
    api.addFile(fileId, new Uint8Array(await file.arrayBuffer()));
    const who = DEMO_PERSONAS[persona];
    const update_id = nextUpdateId++;
    chats.said(persona, `📎 ${file.name}`);
    const before = chats.last();
    await bot.handleUpdate({
      update_id,
      message: {
        message_id: update_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: who.telegramId, type: "private", first_name: who.name },
        from: { id: who.telegramId, is_bot: false, first_name: who.name },
        document: { file_id: fileId, file_unique_id: fileId, file_name: file.name, file_size: file.size },
      },
    } as Parameters<Bot["handleUpdate"]>[0]);
    return c.json({ messages: botSaid(persona, before) });
  });

  pages.post("/demo/say", async (c) => {
    const parsed = sayBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success || !bot) return c.json({ error: "Yêu cầu không hợp lệ." }, 400);
    const { persona, text, data, label } = parsed.data;
    const who = DEMO_PERSONAS[persona];
    const from = { id: who.telegramId, is_bot: false, first_name: who.name, language_code: "vi" };
    const chat = { id: who.telegramId, type: "private" as const, first_name: who.name };
    const date = Math.floor(Date.now() / 1000);
    const update_id = nextUpdateId++;
    const update =
      data !== undefined
        ? {
            update_id,
            callback_query: {
              id: String(update_id),
              from,
              chat_instance: "demo",
              data,
              message: { message_id: 1, date, chat },
            },
          }
        : { update_id, message: { message_id: update_id, date, chat, from, text: text ?? "" } };
    chats.said(persona, data !== undefined ? `[${label ?? data}]` : (text ?? ""));
    const before = chats.last();
    await bot.handleUpdate(update as Parameters<Bot["handleUpdate"]>[0]);
    return c.json({ messages: botSaid(persona, before) });
  });
}

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trợ lý Công đoàn — bản dùng thử</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #e7ebf0; }
  header { background: #1f5fa8; color: #fff; padding: 10px 16px; }
  header h1 { font-size: 18px; margin: 0 0 4px; }
  header p { margin: 0; font-size: 13px; opacity: .9; }
  .who { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccd; }
  .who a { border: 1px solid #1f5fa8; background: #fff; color: #1f5fa8; border-radius: 16px; padding: 6px 12px; text-decoration: none; }
  .who a.on { background: #1f5fa8; color: #fff; }
  .who form.dash { position: static; display: inline; padding: 0; border: 0; background: none; }
  .who form.dash button { font-size: 14px; padding: 6px 12px; border-radius: 16px; background: #116329; }
  #log { max-width: 760px; margin: 0 auto; padding: 12px 16px 100px; }
  .msg { white-space: pre-wrap; padding: 8px 12px; border-radius: 12px; margin: 6px 0; max-width: 85%; line-height: 1.4; }
  .me { background: #d9fdd3; margin-left: auto; }
  .bot { background: #fff; }
  .kb { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
  .kb button { border: 1px solid #1f5fa8; background: #f2f7fd; color: #1f5fa8; border-radius: 8px; padding: 6px 10px; cursor: pointer; }
  form { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 8px; padding: 10px 16px; background: #fff; border-top: 1px solid #ccd; }
  form input { flex: 1; font-size: 16px; padding: 10px; border: 1px solid #bbc; border-radius: 20px; }
  .up { font-size: 22px; cursor: pointer; align-self: center; }
  .msg img { max-width: 100%; display: block; margin-top: 6px; border-radius: 8px; }
  form button { font-size: 16px; padding: 10px 18px; border: 0; border-radius: 20px; background: #1f5fa8; color: #fff; }
</style>
</head>
<body>
<header>
  <h1>Trợ lý Công đoàn — bản dùng thử</h1>
  <p>Dữ liệu minh họa theo chương trình năm 2024 của LĐLĐ TP Thủ Đức, chuyển sang năm nay. Đây là trợ lý tự động; tin nhắn được gửi tới đúng con bot thật qua một bản giả lập Telegram.</p>
</header>
<nav class="who">{{choices}}</nav>
<div id="log" data-persona="{{persona}}" data-after="{{after}}">{{log}}</div>
<form id="f"><label class="up" title="Gửi tệp Excel (.xlsx, .csv)">📎<input id="file" type="file" accept=".xlsx,.csv" hidden></label><input id="t" autocomplete="off" placeholder="Ví dụ: kết nạp 5 đoàn viên" autofocus><button>Gửi</button></form>
<script>
// The server draws every bubble; this asks for what came since, on sending and every few seconds.
const log = document.getElementById("log");
const persona = log.dataset.persona;
let after = Number(log.dataset.after);
let queue = Promise.resolve();
const poll = () => (queue = queue.then(async () => {
  const res = await fetch("/demo/messages?persona=" + persona + "&after=" + after);
  const json = await res.json();
  after = json.after;
  if (json.html) { log.insertAdjacentHTML("beforeend", json.html); window.scrollTo(0, document.body.scrollHeight); }
}).catch(() => {}));
const send = (body) => fetch("/demo/say", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona, ...body }) }).then(poll);
log.onclick = (e) => { const b = e.target.closest("button[data-data]"); if (b) send({ data: b.dataset.data, label: b.textContent }); };
document.getElementById("file").onchange = async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const body = new FormData();
  body.append("persona", persona);
  body.append("file", file);
  e.target.value = "";
  await fetch("/demo/upload", { method: "POST", body }).then(poll);
};
document.getElementById("f").onsubmit = (e) => {
  e.preventDefault();
  const input = document.getElementById("t");
  const text = input.value.trim();
  if (text) send({ text });
  input.value = "";
};
setInterval(poll, 3000);
window.scrollTo(0, document.body.scrollHeight);
</script>
</body>
</html>`;
