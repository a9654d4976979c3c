// A Zalo group (in beta there) is where a report would be recorded for whoever typed it: the bot stays out.
import { afterEach, beforeEach, expect, it } from "vitest";
import { World, ZALO_SECRET } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

it("neither records nor answers a report written in a Zalo group", async () => {
  const chair = world.zaloStranger("Nguyễn Thị Lan");
  expect(await chair.says(`start ${await world.invite("C1")}`)).toContain("Chào mừng");
  const sentBefore = world.zalo?.api.calls.length;
  const message = {
    from: { id: chair.zaloId, display_name: chair.name, is_bot: false },
    chat: { id: "g-phu-rieng", chat_type: "GROUP" },
    text: "kết nạp 5 đoàn viên",
    message_id: "group-1",
    date: world.now.getTime(),
  };
  const response = await world.request("/webhook/zalo", {
    method: "POST",
    headers: { "content-type": "application/json", "x-bot-api-secret-token": ZALO_SECRET },
    body: JSON.stringify({ event_name: "message.text.received", message }),
  });
  expect(response.status).toBe(200);
  expect(await world.ledgerCount()).toBe(0);
  expect(world.zalo?.api.calls.length).toBe(sentBefore);
  // The same words in private are recorded.
  expect(await chair.says("kết nạp 5 đoàn viên")).toContain("Đã ghi nhận");
  expect(await world.ledgerCount()).toBe(1);
});
