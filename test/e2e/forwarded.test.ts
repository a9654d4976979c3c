// A message forwarded from someone else is their words, not the forwarder's report.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

let world: World;
let chair: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  chair = await world.personAt("C1");
});
afterEach(() => world.close());

/** Delivers a text as Telegram does when the person forwards it; resolves to what the bot sent back. */
async function forwards(person: Person, text: string, marker: Record<string, unknown>): Promise<string> {
  const updateId = world.nextUpdateId();
  const chat = { id: person.telegramId, type: "private", first_name: person.name };
  const from = { id: person.telegramId, is_bot: false, first_name: person.name };
  const date = Math.floor(world.now.getTime() / 1000);
  const sent = await world.deliver({
    update_id: updateId,
    message: { message_id: updateId, date, chat, from, text, ...marker },
  });
  return sent.map((c) => String(c.payload.text ?? "")).join("\n\n");
}

const FORWARD_ORIGIN = {
  forward_origin: { type: "user", date: 1_780_000_000, sender_user: { id: 77, is_bot: false, first_name: "Lan" } },
};
const OLDER_FORWARD = { forward_from: { id: 77, is_bot: false, first_name: "Lan" }, forward_date: 1_780_000_000 };

describe("forwarded reports", () => {
  it.each([
    ["forward_origin", FORWARD_ORIGIN],
    ["forward_from and forward_date", OLDER_FORWARD],
  ])("records nothing from a message marked with %s and says how to report", async (_, marker) => {
    const reply = await forwards(chair, "kết nạp 5 đoàn viên", marker);
    expect(reply).toContain("Đây là tin nhắn chuyển tiếp nên tôi không ghi nhận");
    expect(reply).toContain("hãy tự gõ báo cáo, ví dụ: kết nạp 3 đoàn viên");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("still records the same words typed by the person", async () => {
    expect(await chair.says("kết nạp 5 đoàn viên")).toContain("Đã ghi nhận cho CĐCS Công ty May Việt");
    expect(await world.ledgerCount()).toBe(1);
  });

  it("still answers a forwarded question", async () => {
    expect(await forwards(chair, "còn thiếu bao nhiêu", FORWARD_ORIGIN)).toContain("Kết nạp đoàn viên: 0/60");
  });
});
