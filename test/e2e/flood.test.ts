import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FLOOD_LIMIT } from "#src/platforms/flood-guard.ts";
import { World } from "#test/world.ts";

const SLOW_DOWN = "Anh/chị gửi nhanh quá, tôi tạm dừng nhận tin trong ít giây. Hãy đợi một chút rồi gửi lại.";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true, flood: FLOOD_LIMIT });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1" });
  await world.unit({ code: "C2", name: "CĐCS Công ty Dệt Thủ Đức", parent: "D1" });
  await world.target("C1", "ket_nap", 500, "2026-12-31");
  await world.target("C2", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

describe("one account flooding the bot", () => {
  it("is told once to slow down, has at most the limit handled, and others are answered as before", async () => {
    const flooder = await world.personAt("C1", "chair", "Người Gửi Nhanh");
    const other = await world.personAt("C2", "chair", "Trần Thị Bình");
    // Linking took one message of the flooder's bucket; the clock stands still, so nothing refills it.
    const allowed = FLOOD_LIMIT.messages - 1;
    const ledgerBefore = await world.ledgerCount();
    const replies: string[] = [];
    let otherReply = "";
    for (let i = 0; i < 50; i++) {
      replies.push(await flooder.says("kết nạp 1 đoàn viên"));
      if (i === 25) otherReply = await other.says("kết nạp 3 đoàn viên");
    }
    expect(replies.filter((r) => r.includes("Đã ghi nhận"))).toHaveLength(allowed);
    expect(replies.filter((r) => r === SLOW_DOWN)).toHaveLength(1);
    expect(replies.filter((r) => r === "")).toHaveLength(50 - allowed - 1);
    expect(otherReply).toContain("Kết nạp đoàn viên: 3/60");
    expect((await world.ledgerCount()) - ledgerBefore).toBe(allowed + 1);

    // The bucket fills again as time passes: a person who waits is served.
    world.now = new Date(world.now.getTime() + FLOOD_LIMIT.seconds * 1000);
    expect(await flooder.says("còn thiếu bao nhiêu")).toContain(`còn thiếu ${500 - allowed}`);
  });

  it("tells a flood that goes on once a window, and limits Zalo accounts too", async () => {
    const onZalo = world.zaloStranger("Lê Văn Cường");
    await onZalo.says(`start ${await world.invite("C1")}`);
    const texts: string[] = [];
    for (let i = 0; i < FLOOD_LIMIT.messages + 5; i++) texts.push(await onZalo.says("tiến độ"));
    expect(texts.filter((t) => t === SLOW_DOWN)).toHaveLength(1);
    // Half a window on, the bucket has room for half the limit; the notice is not repeated yet.
    world.now = new Date(world.now.getTime() + (FLOOD_LIMIT.seconds * 1000) / 2);
    const later: string[] = [];
    for (let i = 0; i < FLOOD_LIMIT.messages; i++) later.push(await onZalo.says("tiến độ"));
    expect(later.filter((t) => t.includes("Kết nạp đoàn viên"))).toHaveLength(FLOOD_LIMIT.messages / 2);
    expect(later.filter((t) => t === SLOW_DOWN)).toHaveLength(0);
    // A window after the first notice, a flood still going on is told again.
    world.now = new Date(world.now.getTime() + (FLOOD_LIMIT.seconds * 1000) / 2);
    const after: string[] = [];
    for (let i = 0; i < FLOOD_LIMIT.messages + 1; i++) after.push(await onZalo.says("tiến độ"));
    expect(after.filter((t) => t === SLOW_DOWN)).toHaveLength(1);
  });
});
