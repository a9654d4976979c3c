// Dates that open a sentence, units named by heads the language layer long lacked ("sở"), and names typed
// without a head word that belong to a unit the person may not see.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "VC", name: "Công đoàn Viên chức tỉnh Bình Định", kind: "district" });
  await world.unit({ code: "YT", name: "CĐCS Sở Y tế", parent: "VC", sector: "state", members: 60, workers: 62 });
  await world.unit({ code: "GD", name: "CĐCS Sở Giáo dục và Đào tạo", parent: "VC", sector: "state" });
  await world.target("YT", "ket_nap", 10, "2026-12-31");
  await world.target("GD", "ket_nap", 7, "2026-12-31");
  await world.target("VC", "ket_nap", 17, "2026-12-31");
});
afterEach(() => world.close());

describe("a date that opens a sentence", () => {
  it("dates a report whose count comes after a comma", async () => {
    const chair = await world.personAt("YT");
    const reply = await chair.says("hom qua to chuc hoi nghi so ket, 1 hoat dong");
    expect(reply).toContain("Đã ghi nhận cho CĐCS Sở Y tế (ngày 14/06/2026)");
  });
});

describe("units whose name starts with “sở”", () => {
  it.each(["tiến độ của sở y tế", "sở y tế còn thiếu bao nhiêu", "tien do cua so y te"])(
    "answers %s for the department's union, not the roll-up",
    async (text) => {
      const officer = await world.personAt("VC", "officer");
      const reply = await officer.says(text);
      expect(reply).toContain("CĐCS Sở Y tế, năm 2026");
      expect(reply).toContain("Kết nạp đoàn viên: 0/10");
      expect(reply).not.toContain("Công đoàn Viên chức tỉnh Bình Định, năm");
    },
  );

  it("does not read “số” (a number) as “sở”", async () => {
    const officer = await world.personAt("VC", "officer");
    const reply = await officer.says("số lao động còn thiếu bao nhiêu");
    expect(reply).not.toContain("không tìm thấy");
    expect(reply).toContain("Công đoàn Viên chức tỉnh Bình Định, năm 2026");
  });

  it("records a report named for a department typed without marks", async () => {
    const officer = await world.personAt("VC", "officer");
    expect(await officer.says("ket nap 3 dv cho so giao duc")).toContain("Đã ghi nhận cho CĐCS Sở Giáo dục và Đào tạo");
  });
});

describe("a name typed without its head word", () => {
  beforeEach(async () => {
    await world.unit({ code: "DL", name: "LĐLĐ TP Đà Lạt", kind: "district" });
    await world.unit({ code: "HOA", name: "CĐCS Công ty TNHH Hoa Đà Lạt", parent: "DL", sector: "non_state" });
    await world.unit({ code: "DLS", name: "CĐCS Công ty CP Du lịch Langbiang", parent: "DL", sector: "non_state" });
    await world.target("HOA", "ket_nap", 12, "2026-12-31");
  });

  it("answers for a unit whose name holds “Đà Lạt”", async () => {
    const officer = await world.personAt("DL", "officer");
    const reply = await officer.says("hoa da lat con thieu bao nhieu");
    expect(reply).toContain("CĐCS Công ty TNHH Hoa Đà Lạt, năm 2026");
    expect(reply).toContain("Kết nạp đoàn viên: 0/12");
  });

  it("refuses a chair asking about another union instead of answering with their own figures", async () => {
    const chair = await world.personAt("DLS");
    const reply = await chair.says("hoa da lat con thieu bao nhieu");
    expect(reply).toContain("Tôi không tìm thấy “hoa da lat” trong phạm vi anh/chị phụ trách");
    expect(reply).not.toContain("CĐCS Công ty CP Du lịch Langbiang, năm");
  });

  it("refuses a chair's report for another union and records nothing", async () => {
    const chair = await world.personAt("DLS");
    const reply = await chair.says("Hoa Đà Lạt kết nạp 3 đv");
    expect(reply).toContain("không ghi nhận báo cáo cho “Hoa Đà Lạt”");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("still answers a chair who names their own union", async () => {
    const chair = await world.personAt("HOA");
    expect(await chair.says("hoa da lat con thieu bao nhieu")).toContain("Kết nạp đoàn viên: 0/12");
  });
});
