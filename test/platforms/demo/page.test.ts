import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Service } from "#src/assemble.ts";
import { loadConfig } from "#src/config.ts";
import { createLogger } from "#src/logger.ts";
import { startDemo } from "#src/platforms/demo/start.ts";

let dir: string;
let demo: Service;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-demo-"));
  const config = loadConfig({ DEMO_DATABASE_PATH: join(dir, "demo.sqlite"), LOG_LEVEL: "silent" });
  // Mid-morning in Hồ Chí Minh City, away from the quiet hours in which nothing is sent.
  const offset = Date.parse("2026-06-15T03:00:00Z") - Date.now();
  demo = await startDemo(config, createLogger("silent"), () => new Date(Date.now() + offset));
});
afterEach(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = async (query = "", cookie?: string) => {
  const response = await demo.app.request(`/${query}`, cookie ? { headers: { cookie } } : {});
  return { html: await response.text(), cookie: response.headers.get("set-cookie") };
};

const say = async (persona: string, body: object) => {
  const response = await demo.app.request("/demo/say", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ persona, ...body }),
  });
  return (await response.json()) as { messages: { text: string; buttons: { label: string; data: string }[][] }[] };
};

interface Later {
  after: number;
  messages: { from: string; text: string }[];
  html: string;
}
const later = async (persona: string, after: number): Promise<Later> =>
  (await (await demo.app.request(`/demo/messages?persona=${persona}&after=${after}`)).json()) as Later;

const afterOf = (html: string) => Number(/data-after="(\d+)"/.exec(html)?.[1]);

describe("the demo chat page", () => {
  it("shows both sides of the conversation after a reload, buttons pressed included", async () => {
    const reply = await say("chair", { text: "kết nạp 5 đoàn viên" });
    const undo = reply.messages[0]?.buttons.flat().find((b) => b.label.includes("Hoàn tác"));
    expect(undo).toBeDefined();
    await say("chair", { data: undo?.data, label: undo?.label });
    const { html } = await page("?persona=chair");
    const mine = html.indexOf('<div class="msg me">kết nạp 5 đoàn viên</div>');
    const answer = html.indexOf("Đã ghi nhận cho CĐCS Công ty TNHH May Linh Xuân");
    const pressed = html.indexOf(`<div class="msg me">[${undo?.label}]</div>`);
    expect(mine).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(mine);
    expect(pressed).toBeGreaterThan(answer);
    // The other persona's chat is its own.
    expect((await page("?persona=officer")).html).not.toContain(`<div class="msg me">kết nạp 5 đoàn viên`);
  });

  it("escapes what a person typed", async () => {
    await say("chair", { text: "<b>kết nạp</b> $& 2 đv" });
    const { html } = await page("?persona=chair");
    expect(html).toContain("&lt;b&gt;kết nạp&lt;/b&gt; $&amp; 2 đv");
    expect(html).not.toContain("<b>kết nạp</b>");
  });

  it("hands the page an announcement sent after it loaded, without a reload", async () => {
    const { html } = await page("?persona=chair");
    const loaded = afterOf(html);
    expect(await later("chair", loaded)).toMatchObject({ messages: [] });

    const announced = await say("officer", { text: "/thongbao Họp giao ban công đoàn thứ Hai tuần sau" });
    expect(announced.messages.map((m) => m.text).join("\n")).toMatch(/thông báo/i);
    const send = announced.messages.flatMap((m) => m.buttons.flat()).find((b) => b.label.includes("Gửi thông báo"));
    await say("officer", { data: send?.data, label: send?.label });
    await demo.dispatcher.drainOnce();

    const arrived = await later("chair", loaded);
    expect(arrived.messages.map((m) => m.text).join("\n")).toContain("Họp giao ban công đoàn thứ Hai tuần sau");
    expect(arrived.html).toContain("Họp giao ban công đoàn thứ Hai tuần sau");
    expect(arrived.after).toBeGreaterThan(loaded);
    // Asked again from where it left off, nothing comes twice.
    expect((await later("chair", arrived.after)).messages).toEqual([]);
  });

  it("names each persona's unit on its button and remembers the one chosen", async () => {
    const chosen = await page("?persona=officer");
    expect(chosen.html).toContain("Chủ tịch · CĐCS Công ty TNHH May Linh Xuân");
    expect(chosen.html).toContain("Cán bộ · LĐLĐ TP Thủ Đức");
    expect(chosen.html).toContain('<a href="/?persona=officer" class="on">');
    expect(chosen.cookie).toMatch(/^demo_persona=officer;/);

    const back = await page("", chosen.cookie?.split(";")[0]);
    expect(back.html).toContain('<a href="/?persona=officer" class="on">');
    expect(back.html).toContain('data-persona="officer"');
    expect((await page()).html).toContain('<a href="/?persona=chair" class="on">');
  });
});

describe("the demo's dashboard button", () => {
  it("signs the demo officer in to the dashboard beside the chat", async () => {
    const { html } = await page("?persona=officer");
    expect(html).toContain('action="/demo/dashboard"');
    expect((await page("?persona=chair")).html).not.toContain('action="/demo/dashboard"');
    const pressed = await demo.app.request("/demo/dashboard", {
      method: "POST",
      headers: { origin: "http://localhost", host: "localhost" },
    });
    expect(pressed.status).toBe(303);
    const link = pressed.headers.get("location") ?? "";
    expect(link).toMatch(/^\/quanly\/dang-nhap\/[A-Za-z0-9_-]{43}$/);
    const token = link.slice(link.lastIndexOf("/") + 1);
    const signedIn = await demo.app.request("/quanly/dang-nhap", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token}`,
    });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const overview = await demo.app.request("/quanly", { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain("LĐLĐ TP Thủ Đức — năm 2026");
  });
});
