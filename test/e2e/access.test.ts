import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "../world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", kind: "district" });
  world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  world.unit({ code: "C2", name: "CĐCS Công ty Cao su Phú Riềng", parent: "D1", workers: 900 });
  world.unit({ code: "C3", name: "CĐCS Trường THCS số 2", parent: "D2", workers: 50 });
  for (const code of ["C1", "C2", "C3"]) world.target(code, "ket_nap", 30, "2026-12-31");
});
afterEach(() => world.close());

describe("who may see and report what", () => {
  it("refuses a chair who reports for another unit, and records nothing", async () => {
    const chair = await world.personAt("C1");
    const reply = await chair.says("kết nạp 5 đv cho CĐCS Công ty Cao su Phú Riềng");
    expect(reply).toContain("chỉ báo cáo được cho CĐCS Công ty May Việt");
    expect(world.ledgerCount()).toBe(0);
  });

  it("accepts a chair who names their own unit", async () => {
    const chair = await world.personAt("C1");
    expect(await chair.says("kết nạp 5 đv cho cđcs cty may viet")).toContain("5/30");
  });

  it("refuses a chair who asks about another unit", async () => {
    const chair = await world.personAt("C1");
    const reply = await chair.asks("tiến độ của CĐCS Công ty Cao su Phú Riềng");
    expect(reply).toContain("Tôi không tìm thấy");
    expect(reply).not.toContain("/30");
  });

  it("lets a district officer report for a unit below, by name", async () => {
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("kết nạp 4 đv cho CĐCS Công ty Cao su Phú Riềng")).toContain("Đã ghi nhận cho CĐCS Công ty Cao su Phú Riềng");
    const chair = await world.personAt("C2");
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 26");
  });

  it("asks a district officer which unit a report is for when none is named", async () => {
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("kết nạp 4 đoàn viên")).toContain("cần ghi rõ báo cáo cho đơn vị nào");
    expect(world.ledgerCount()).toBe(0);
  });

  it("refuses a district officer who reports for another district's unit", async () => {
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("kết nạp 4 đv cho CĐCS Trường THCS số 2")).toContain("không ghi nhận");
    expect(world.ledgerCount()).toBe(0);
  });

  it("records nothing and lists the candidates when a name fits several units", async () => {
    world.unit({ code: "N1", name: "Nghiệp đoàn xe ôm thành phố Phú Riềng", parent: "D1", kind: "guild" });
    world.unit({ code: "N2", name: "Nghiệp đoàn xe ôm công nghệ", parent: "D1", kind: "guild" });
    const officer = await world.personAt("D1", "officer");
    const reply = await officer.says("kết nạp 4 đv cho nđ xe ôm");
    expect(reply).toContain("“nđ xe ôm” khớp với nhiều đơn vị");
    expect(reply).toContain("• Nghiệp đoàn xe ôm thành phố Phú Riềng");
    expect(reply).toContain("• Nghiệp đoàn xe ôm công nghệ");
    expect(world.ledgerCount()).toBe(0);
    expect(await officer.says("kết nạp 4 đv cho nđ xe ôm công nghệ")).toContain("Đã ghi nhận cho Nghiệp đoàn xe ôm công nghệ");
  });
});
