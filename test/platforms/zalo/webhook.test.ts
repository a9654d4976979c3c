import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holdWriteLock } from "#test/write-lock.ts";
import { ZaloWorld } from "./zalo-world.ts";

let world: ZaloWorld;
beforeEach(async () => {
  world = await ZaloWorld.create();
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

const sentMessages = () => world.calls.filter((c) => c.method === "sendMessage");

describe("the Zalo webhook", () => {
  it("answers 401 without the X-Bot-Api-Secret-Token header, and handles nothing", async () => {
    const event = world.stranger().event("message.text.received", { text: "xin chào" });
    const response = await world.post(JSON.stringify(event), null);
    expect(response.status).toBe(401);
    expect(world.processedCount()).toBe(0);
    expect(sentMessages()).toHaveLength(0);
  });

  it("answers 401 to a wrong secret before reading the body, even a malformed one", async () => {
    for (const body of ["{not json", JSON.stringify(world.stranger().event("message.text.received", { text: "x" }))]) {
      for (const secret of ["wrong-secret", "", "zalo-test-secret_12", "zalo-test-secret_1234"]) {
        expect((await world.post(body, secret)).status, `${secret}: ${body}`).toBe(401);
      }
    }
    expect(world.processedCount()).toBe(0);
    expect(sentMessages()).toHaveLength(0);
  });

  it("answers 400, never 5xx, to malformed JSON and to JSON that is no Zalo event", async () => {
    const bodies = [
      "{not json",
      "",
      "[]",
      "null",
      "42",
      "{}",
      '{"ok":true}',
      '{"ok":true,"result":{}}',
      '{"event_name":""}',
      '{"event_name":"message.text.received","message":{"from":{},"chat":{"id":"1"},"message_id":"m"}}',
      '{"event_name":"message.text.received","message":{"from":{"id":"1"},"chat":{"id":"1"}}}',
    ];
    for (const body of bodies) expect((await world.post(body)).status, body).toBe(400);
    expect(world.processedCount()).toBe(0);
    expect(sentMessages()).toHaveLength(0);
  });

  it("answers 413 to a body far larger than any Zalo event", async () => {
    const response = await world.post(
      JSON.stringify({ event_name: "message.text.received", padding: "x".repeat(100_000) }),
    );
    expect(response.status).toBe(413);
  });

  it("accepts the event bare, as bots receive it, and wrapped in {ok, result}, as the docs show it", async () => {
    const person = world.stranger();
    const bare = await person.says("xin chào", { shape: "bare" });
    const wrapped = await person.says("xin chào", { shape: "wrapped" });
    expect(bare).toContain("chưa được liên kết");
    expect(wrapped).toBe(bare);
  });

  it("handles a message Zalo delivers twice only once", async () => {
    const chair = await world.personAt("C1");
    const first = await chair.says("kết nạp 5 đoàn viên", { messageId: "2d758cb5e222177a4e35" });
    const again = await chair.says("kết nạp 5 đoàn viên", { messageId: "2d758cb5e222177a4e35", shape: "wrapped" });
    expect(first).toContain("Kết nạp đoàn viên: 5/60");
    expect(again).toBe("");
    expect(await world.ledgerCount()).toBe(1);
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 55");
  });

  it("stays silent in group chats and to other bots", async () => {
    const person = world.stranger();
    const inGroup = person.event("message.text.received", {
      text: "kết nạp 5 đv",
      chat: { id: "g-1", chat_type: "GROUP" },
    });
    const fromBot = person.event("message.text.received", {
      text: "xin chào",
      from: { id: "b-1", display_name: "Bot khác", is_bot: true },
    });
    for (const body of [inGroup, fromBot]) expect((await world.post(JSON.stringify(body))).status).toBe(200);
    expect(sentMessages()).toHaveLength(0);
  });

  it.each(["message.sticker.received", "message.image.received", "message.unsupported.received"])(
    "answers %s with one short line on what the bot reads",
    async (eventName) => {
      const person = world.stranger();
      const reply = await person.sends(eventName, { sticker: "bfe3f5c1d1e0", photo_url: "https://example.com/a.jpg" });
      expect(person.lastTexts).toHaveLength(1);
      expect(reply).toContain("tin nhắn chữ");
    },
  );

  it("answers 200 and sends nothing for events it does not know", async () => {
    const person = world.stranger();
    const response = await world.post(JSON.stringify(person.event("message.reaction.received")));
    expect(response.status).toBe(200);
    expect(sentMessages()).toHaveLength(0);
  });

  it("answers 503 when the database cannot take a message in, and counts it once when Zalo sends it again", async () => {
    const chair = await world.personAt("C1");
    const release = holdWriteLock(sqliteOf(world.repos), 100);
    const body = JSON.stringify(
      chair.event("message.text.received", { text: "kết nạp 3 đoàn viên" }, "7a1c0d9e33b2f4c5a6d7"),
    );
    const before = world.calls.length;
    expect((await world.post(body)).status).toBe(503);
    expect(world.calls.slice(before)).toHaveLength(0);
    release();
    expect((await world.post(body)).status).toBe(200);
    expect((await world.post(body)).status).toBe(200);
    expect(await world.ledgerCount()).toBe(1);
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 57");
  });

  it("answers 200 when handling fails, and tells the person to try again", async () => {
    const person = world.stranger();
    world.api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    const response = await world.post(JSON.stringify(person.event("message.text.received", { text: "xin chào" })));
    expect(response.status).toBe(200);
    expect(world.api.textsTo(person.zaloId).at(-1)).toContain("đã có lỗi");
  });
});
