// The shared intake, seen through both webhooks of one server: Telegram and Zalo take updates in alike.
import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holdWriteLock } from "#test/write-lock.ts";
import { World, ZALO_SECRET } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ zalo: true });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

function telegramText(telegramId: number, updateId: number, text: string): string {
  const person = { id: telegramId, first_name: "Bình" };
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { ...person, type: "private" },
      from: { ...person, is_bot: false },
      text,
    },
  });
}

function zaloText(zaloId: string, messageId: string, text: string): string {
  return JSON.stringify({
    event_name: "message.text.received",
    message: {
      from: { id: zaloId, display_name: "Lan", is_bot: false },
      chat: { id: zaloId, chat_type: "PRIVATE" },
      message_id: messageId,
      text,
    },
  });
}

const postZalo = (body: string) =>
  world.request("/webhook/zalo", {
    method: "POST",
    headers: { "content-type": "application/json", "x-bot-api-secret-token": ZALO_SECRET },
    body,
  });

describe("the intake both platforms share", () => {
  it("answers 503 on both webhooks while the database cannot take updates in, then takes each once", async () => {
    const onTelegram = await world.personAt("C1");
    const onZalo = world.zaloStranger();
    await onZalo.says(await world.invite("C1"));
    const telegram = telegramText(onTelegram.telegramId, world.nextUpdateId(), "kết nạp 3 đoàn viên");
    const zalo = zaloText(onZalo.zaloId, "4f2a9c0d1e", "kết nạp 4 đoàn viên");
    const release = holdWriteLock(sqliteOf(world.repos), 100);
    expect((await world.post(telegram)).status).toBe(503);
    expect((await postZalo(zalo)).status).toBe(503);
    release();
    for (let delivery = 1; delivery <= 2; delivery++) {
      expect((await world.post(telegram)).status).toBe(200);
      expect((await postZalo(zalo)).status).toBe(200);
    }
    expect(await world.ledgerCount()).toBe(2);
    expect(await onTelegram.asks("còn thiếu bao nhiêu")).toContain(`còn thiếu ${60 - 3 - 4}`);
  });

  it("answers 503 on both webhooks once shutdown has begun, so the platforms deliver again later", async () => {
    const onTelegram = await world.personAt("C1");
    const onZalo = world.zaloStranger();
    const closing = world.service.close();
    const telegram = await world.post(telegramText(onTelegram.telegramId, world.nextUpdateId(), "kết nạp 2 đv"));
    const zalo = await postZalo(zaloText(onZalo.zaloId, "9b8c7d6e5f", "xin chào"));
    await closing;
    expect(telegram.status).toBe(503);
    expect(zalo.status).toBe(503);
    expect(await zalo.json()).toEqual({ ok: false, error: "shutting down" });
  });
});
