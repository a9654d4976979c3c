import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holdWriteLock } from "#test/write-lock.ts";
import { ZaloWorld } from "./zalo-world.ts";

let world: ZaloWorld;
beforeEach(async () => {
  world = await ZaloWorld.create();
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

/** Resolves once the bot has sent `count` texts to the chat, or fails after a while. */
async function textsTo(chatId: string, count: number, withinMs = 5_000): Promise<string[]> {
  const until = Date.now() + withinMs;
  while (world.api.textsTo(chatId).length < count) {
    if (Date.now() > until)
      throw new Error(`expected ${count} texts to ${chatId}, got ${world.api.textsTo(chatId).length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return world.api.textsTo(chatId);
}

const callsOf = (method: string) => world.calls.filter((c) => c.method === method);

describe("polling Zalo with getUpdates", () => {
  it("deletes the webhook first, since getUpdates answers nothing while one is set", async () => {
    await world.adapter.registerWebhook("zalo-test-secret_123");
    expect(world.api.webhookUrl).toBe("https://bot.example.vn/webhook/zalo");
    world.adapter.startPolling();
    const person = world.stranger();
    world.api.queueUpdate(person.event("message.text.received", { text: "xin chào" }));
    expect((await textsTo(person.zaloId, 1))[0]).toContain("chưa được liên kết");
    expect(world.api.webhookUrl).toBe("");
    const methods = world.calls.map((c) => c.method);
    expect(methods.indexOf("deleteWebhook")).toBeLessThan(methods.indexOf("getUpdates"));
  });

  it("handles queued events one per call, in both shapes, and each message once", async () => {
    const person = world.stranger();
    const invite = await world.invite("C1");
    world.adapter.startPolling();
    world.api.queueUpdate(person.event("message.text.received", { text: invite }));
    world.api.queueUpdate({
      ok: true,
      result: person.event("message.text.received", { text: "kết nạp 5 đoàn viên" }, "m-report"),
    });
    world.api.queueUpdate(person.event("message.text.received", { text: "kết nạp 5 đoàn viên" }, "m-report"));
    world.api.queueUpdate(person.event("message.text.received", { text: "còn thiếu bao nhiêu" }));
    const texts = await textsTo(person.zaloId, 3);
    await world.adapter.stopPolling();
    expect(texts[0]).toContain("Chào mừng");
    expect(texts[1]).toContain("Kết nạp đoàn viên: 5/60");
    expect(texts[2]).toContain("còn thiếu 55");
    expect(world.api.textsTo(person.zaloId)).toHaveLength(3);
    expect(await world.ledgerCount()).toBe(1);
  });

  it("keeps a polled message the database could not take in, and handles it once the database is free", async () => {
    const person = world.stranger();
    world.adapter.startPolling();
    world.api.queueUpdate(person.event("message.text.received", { text: await world.invite("C1") }));
    await textsTo(person.zaloId, 1);
    const release = holdWriteLock(sqliteOf(world.repos), 50);
    world.api.queueUpdate(person.event("message.text.received", { text: "kết nạp 2 đoàn viên" }));
    // Long enough for several attempts, each refused.
    await new Promise((r) => setTimeout(r, 300));
    expect(world.api.textsTo(person.zaloId)).toHaveLength(1);
    release();
    const texts = await textsTo(person.zaloId, 2);
    await world.adapter.stopPolling();
    expect(texts[1]).toContain("Kết nạp đoàn viên: 2/60");
    expect(await world.ledgerCount()).toBe(1);
  });

  it("asks again at once after a 408, which only means nothing new came", async () => {
    // A backoff far longer than the test, so a 408 taken for an error would show.
    await world.close();
    world = await ZaloWorld.create({ polling: { timeoutSeconds: 1, backoffMs: 5_000 } });
    world.adapter.startPolling();
    // The stand-in answers 408 after 100 ms without an event: three asks take about 300 ms, and well under
    // the 5 s backoff even on a loaded machine, so waiting up to 4 s for them still catches a backoff.
    const until = Date.now() + 4_000;
    while (callsOf("getUpdates").length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(callsOf("getUpdates").length).toBeGreaterThanOrEqual(3);
    const person = world.stranger();
    world.api.queueUpdate(person.event("message.sticker.received", { sticker: "abc" }));
    expect((await textsTo(person.zaloId, 1))[0]).toContain("tin nhắn chữ");
  });

  it("backs off after other errors and keeps polling", async () => {
    world.api.failNext("getUpdates", { error_code: 500, description: "Internal Server Error" });
    world.api.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" });
    world.adapter.startPolling();
    const person = world.stranger();
    world.api.queueUpdate(person.event("message.text.received", { text: "xin chào" }));
    expect((await textsTo(person.zaloId, 1))[0]).toContain("chưa được liên kết");
    const polls = callsOf("getUpdates");
    // Backoff 20 ms, then 40 ms, as configured for the test world.
    expect((polls[1]?.at ?? 0) - (polls[0]?.at ?? 0)).toBeGreaterThanOrEqual(15);
    expect((polls[2]?.at ?? 0) - (polls[1]?.at ?? 0)).toBeGreaterThanOrEqual(35);
  });

  it("stops: stopPolling resolves once the loop has ended, and nothing is fetched after", async () => {
    world.adapter.startPolling();
    await new Promise((r) => setTimeout(r, 50));
    await world.adapter.stopPolling();
    expect(world.adapter.isPolling).toBe(false);
    // Let the stand-in finish the long poll that was cut off, as Zalo would.
    await new Promise((r) => setTimeout(r, 150));
    const polls = callsOf("getUpdates").length;
    world.api.queueUpdate(world.stranger().event("message.text.received", { text: "xin chào" }));
    await new Promise((r) => setTimeout(r, 150));
    expect(callsOf("getUpdates").length).toBe(polls);
    expect(world.api.queued).toBe(1);
  });
});
