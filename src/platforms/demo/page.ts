// The demo chat page. Each message typed here becomes a Telegram update for the very same bot;
// what the bot sends lands in the stand-in Bot API, and the page shows it, buttons included.
import type { Bot } from "grammy";
import { Hono } from "hono";
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
});

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

export function demoPages(bot: Bot | undefined, api: StandInBotApi): Hono {
  const pages = new Hono();
  let nextUpdateId = 1;
  const sentTo = (persona: DemoPersona, from = 0) =>
    api.calls
      .map((call, index) => ({ call, index }))
      .slice(from)
      .filter(
        ({ call }) =>
          call.method.startsWith("send") && String(call.payload.chat_id) === String(DEMO_PERSONAS[persona].telegramId),
      )
      .map(({ call, index }) => shown(call, index));
  let nextFileId = 1;

  pages.get("/", (c) => c.html(PAGE));

  pages.get("/demo/history", (c) => {
    const persona = c.req.query("persona") === "officer" ? "officer" : "chair";
    return c.json({ messages: sentTo(persona) });
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

  // A file chosen on the page becomes a document message, as if sent from Telegram.
  pages.post("/demo/upload", async (c) => {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get("file");
    const persona = form?.get("persona") === "officer" ? "officer" : "chair";
    if (!bot || !file || typeof file === "string") return c.json({ error: "Hãy chọn một tệp." }, 400);
    const fileId = `demo${nextFileId++}`;
    api.addFile(fileId, new Uint8Array(await file.arrayBuffer()));
    const who = DEMO_PERSONAS[persona];
    const update_id = nextUpdateId++;
    const before = api.calls.length;
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
    return c.json({ messages: sentTo(persona, before) });
  });

  pages.post("/demo/say", async (c) => {
    const parsed = sayBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success || !bot) return c.json({ error: "Yêu cầu không hợp lệ." }, 400);
    const { persona, text, data } = parsed.data;
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
    const before = api.calls.length;
    await bot.handleUpdate(update as Parameters<Bot["handleUpdate"]>[0]);
    return c.json({ messages: sentTo(persona, before) });
  });

  return pages;
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
  .who { display: flex; gap: 8px; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ccd; }
  .who button { border: 1px solid #1f5fa8; background: #fff; color: #1f5fa8; border-radius: 16px; padding: 6px 12px; cursor: pointer; }
  .who button.on { background: #1f5fa8; color: #fff; }
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
<div class="who">
  <button data-persona="chair" class="on">Chủ tịch CĐCS</button>
  <button data-persona="officer">Cán bộ LĐLĐ TP Thủ Đức</button>
</div>
<div id="log"></div>
<form id="f"><label class="up" title="Gửi tệp Excel (.xlsx, .csv)">📎<input id="file" type="file" accept=".xlsx,.csv" hidden></label><input id="t" autocomplete="off" placeholder="Ví dụ: kết nạp 5 đoàn viên" autofocus><button>Gửi</button></form>
<script>
let persona = "chair";
const log = document.getElementById("log");
function add(cls, text, buttons, file) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  div.textContent = text;
  if (file && file.image) {
    const img = document.createElement("img");
    img.src = file.url;
    img.alt = text;
    div.appendChild(img);
  } else if (file) {
    const a = document.createElement("a");
    a.href = file.url;
    a.textContent = "📄 " + file.name;
    a.download = file.name;
    div.appendChild(document.createElement("br"));
    div.appendChild(a);
  }
  for (const row of buttons || []) {
    const kb = document.createElement("div");
    kb.className = "kb";
    for (const b of row) {
      const btn = document.createElement("button");
      btn.textContent = b.label;
      btn.onclick = () => { add("me", "[" + b.label + "]"); say({ data: b.data }); };
      kb.appendChild(btn);
    }
    div.appendChild(kb);
  }
  log.appendChild(div);
  window.scrollTo(0, document.body.scrollHeight);
}
async function say(body) {
  const res = await fetch("/demo/say", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona, ...body }) });
  const json = await res.json();
  for (const m of json.messages || []) add("bot", m.text, m.buttons, m.file);
}
async function load() {
  log.textContent = "";
  const res = await fetch("/demo/history?persona=" + persona);
  const json = await res.json();
  if (json.messages.length === 0) add("bot", persona === "chair"
    ? "Chào anh/chị! Hãy thử: “kết nạp 5 đoàn viên”, “2 đv nghỉ việc”, “con thieu bao nhieu dv”, “tiến độ”."
    : "Chào anh/chị! Hãy thử: “còn thiếu bao nhiêu đoàn viên?”, “tiến độ”, “tiến độ của nđ xe ôm”, “xuất báo cáo”, “/phanbo thực tăng”, “kết nạp 3 đv cho CĐCS Trường THCS Bình Chiểu”, hoặc gửi một tệp Excel đơn vị hay chỉ tiêu bằng nút 📎.");
  for (const m of json.messages) add("bot", m.text, m.buttons, m.file);
}
document.getElementById("file").onchange = async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  add("me", "📎 " + file.name);
  const body = new FormData();
  body.append("persona", persona);
  body.append("file", file);
  const res = await fetch("/demo/upload", { method: "POST", body });
  const json = await res.json();
  for (const m of json.messages || []) add("bot", m.text, m.buttons, m.file);
  e.target.value = "";
};
document.querySelectorAll(".who button").forEach((b) => b.onclick = () => {
  persona = b.dataset.persona;
  document.querySelectorAll(".who button").forEach((x) => x.classList.toggle("on", x === b));
  load();
});
document.getElementById("f").onsubmit = (e) => {
  e.preventDefault();
  const input = document.getElementById("t");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  add("me", text);
  say({ text });
};
load();
</script>
</body>
</html>`;
