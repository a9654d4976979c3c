import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

describe("linking an account with an invite", () => {
  it("links with /start CODE and greets the person by the unit's name", async () => {
    const person = world.stranger("Lê Thị Hoa");
    const reply = await person.says(`/start ${await world.invite("C1")}`);
    expect(reply).toContain("Chào mừng Lê Thị Hoa");
    expect(reply).toContain("CĐCS Công ty May Việt");
    expect(reply).toContain("chủ tịch");
    expect(reply).toContain("trợ lý tự động");
    expect(await person.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 60");
  });

  it("links with the code pasted on its own, in any case", async () => {
    const person = world.stranger();
    const reply = await person.says(`  ${(await world.invite("C1")).toLowerCase()} `);
    expect(reply).toContain("Chào mừng");
  });

  it("refuses a wrong code and says what to do", async () => {
    const reply = await world.stranger().says("/start ABCDEFGHJK");
    expect(reply).toContain("Mã mời này không đúng");
    expect(reply).toContain("xin cán bộ LĐLĐ");
  });

  it("refuses a code that was used already", async () => {
    const code = await world.invite("C1");
    await world.stranger().says(`/start ${code}`);
    expect(await world.stranger("Người khác").says(`/start ${code}`)).toContain("đã được dùng");
  });

  it("refuses an expired code", async () => {
    const code = await world.invite("C1");
    world.now = new Date(world.now.getTime() + 15 * 86_400_000);
    expect(await world.stranger().says(`/start ${code}`)).toContain("đã hết hạn");
  });

  it("tells a person who is not linked how to get linked, and shows no figures", async () => {
    const stranger = world.stranger();
    for (const text of ["còn thiếu bao nhiêu đoàn viên", "kết nạp 5 đoàn viên", "/tiendo", "xin chào"]) {
      const reply = await stranger.says(text);
      expect(reply).toContain("chưa được liên kết");
      expect(reply).toContain("mã mời");
      expect(reply).not.toMatch(/\d+\/\d+/);
    }
    expect(await world.ledgerCount()).toBe(0);
  });
});
