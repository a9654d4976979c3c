import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Công ty Cao su Phú Riềng", parent: "D1", workers: 900 });
  await world.unit({ code: "C3", name: "CĐCS Trường THCS số 2", parent: "D2", workers: 50 });
  for (const code of ["C1", "C2", "C3"]) await world.target(code, "ket_nap", 30, "2026-12-31");
});
afterEach(() => world.close());

describe("who may see and report what", () => {
  it("refuses a chair who reports for another unit, and records nothing", async () => {
    const chair = await world.personAt("C1");
    const reply = await chair.says("kết nạp 5 đv cho CĐCS Công ty Cao su Phú Riềng");
    expect(reply).toContain("chỉ báo cáo được cho CĐCS Công ty May Việt");
    expect(await world.ledgerCount()).toBe(0);
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
    expect(await officer.says("kết nạp 4 đv cho CĐCS Công ty Cao su Phú Riềng")).toContain(
      "Đã ghi nhận cho CĐCS Công ty Cao su Phú Riềng",
    );
    const chair = await world.personAt("C2");
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 26");
  });

  it("asks a district officer which unit a report is for when none is named", async () => {
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("kết nạp 4 đoàn viên")).toContain("cần ghi rõ báo cáo cho đơn vị nào");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("refuses a district officer who reports for another district's unit", async () => {
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("kết nạp 4 đv cho CĐCS Trường THCS số 2")).toContain("không ghi nhận");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("records nothing and lists the candidates when a name fits several units", async () => {
    await world.unit({ code: "N1", name: "Nghiệp đoàn xe ôm thành phố Phú Riềng", parent: "D1", kind: "guild" });
    await world.unit({ code: "N2", name: "Nghiệp đoàn xe ôm công nghệ", parent: "D1", kind: "guild" });
    const officer = await world.personAt("D1", "officer");
    const reply = await officer.says("kết nạp 4 đv cho nđ xe ôm");
    expect(reply).toContain("“nđ xe ôm” khớp với nhiều đơn vị");
    expect(reply).toContain("• Nghiệp đoàn xe ôm thành phố Phú Riềng");
    expect(reply).toContain("• Nghiệp đoàn xe ôm công nghệ");
    expect(await world.ledgerCount()).toBe(0);
    expect(await officer.says("kết nạp 4 đv cho nđ xe ôm công nghệ")).toContain(
      "Đã ghi nhận cho Nghiệp đoàn xe ôm công nghệ",
    );
  });

  it("does not guess between units of the very same name: lists them with the union above", async () => {
    await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
    for (const code of ["D1", "D2"]) {
      const district = await world.repos.units.byCode(code);
      await world.unit({ code, name: district?.name ?? code, parent: "P1", kind: "district" });
    }
    await world.unit({ code: "S1", name: "CĐCS Trường THCS Nguyễn Du", parent: "D1", workers: 40 });
    await world.unit({ code: "S2", name: "CĐCS Trường THCS Nguyễn Du", parent: "D2", workers: 60 });
    const officer = await world.personAt("P1", "officer");
    const reply = await officer.says("kết nạp 2 đv cho trường thcs nguyễn du");
    expect(reply).toContain("• CĐCS Trường THCS Nguyễn Du (LĐLĐ huyện Phú Riềng)");
    expect(reply).toContain("• CĐCS Trường THCS Nguyễn Du (LĐLĐ huyện Bù Đăng)");
    expect(reply).toContain("nhờ cán bộ của công đoàn cấp trên");
    expect(await world.ledgerCount()).toBe(0);
    // The district's officer reaches one of them only: no doubt there.
    const district = await world.personAt("D2", "officer");
    expect(await district.says("kết nạp 2 đv cho trường thcs nguyễn du")).toContain(
      "Đã ghi nhận cho CĐCS Trường THCS Nguyễn Du",
    );
  });
});

describe("naming a unit among thousands", () => {
  it("finds it through the name index, with or without diacritics, and by its new name once renamed", async () => {
    await world.unit({ code: "P1", name: "LĐLĐ TP Hồ Chí Minh", kind: "province" });
    const places = ["Kim Long", "Tân Phát", "Hòa Bình", "Xuân Mai", "Phước Lộc", "An Khánh", "Bình Minh", "Đông Hải"];
    const trades = ["May mặc", "Xây dựng", "Thủy sản", "Vận tải", "Cơ khí", "Dệt", "Giày da", "Điện tử"];
    await world.repos.transaction(async () => {
      for (let d = 1; d <= 5; d++) {
        await world.unit({ code: `Q${d}`, name: `LĐLĐ Quận ${d}`, parent: "P1", kind: "district" });
        for (let i = 0; i < 420; i++) {
          const name = `CĐCS Công ty TNHH ${trades[i % 8]} ${places[Math.floor(i / 8) % 8]} ${d * 1000 + i}`;
          await world.unit({ code: `Q${d}-${i}`, name, parent: `Q${d}`, workers: 200 });
        }
      }
      await world.unit({ code: "G1", name: "CĐCS Công ty TNHH Thiết bị Y tế Trường Sinh", parent: "Q3", workers: 120 });
    });
    await world.target("G1", "ket_nap", 20, "2026-12-31");
    const officer = await world.personAt("P1", "officer");
    expect(await world.repos.units.countInSubtree((await world.repos.units.byCode("P1"))!)).toBeGreaterThan(2_000);
    expect(await officer.says("kết nạp 3 đv cho cty thiết bị y tế Trường Sinh")).toContain(
      "Đã ghi nhận cho CĐCS Công ty TNHH Thiết bị Y tế Trường Sinh",
    );
    expect(await officer.asks("cty thiet bi y te truong sinh còn thiếu bao nhiêu")).toContain("còn thiếu 17");
    expect(await officer.asks("cty thiết bị y tế trường sinh còn thiếu bao nhiêu")).toContain(
      "Kết nạp đoàn viên: 3/20",
    );
    // Renamed: found by its new name, no longer by the old one.
    await world.unit({ code: "G1", name: "CĐCS Công ty CP Dược phẩm Trường Sinh", parent: "Q3", workers: 120 });
    expect(await officer.asks("cty dược phẩm trường sinh còn thiếu bao nhiêu")).toContain("còn thiếu 17");
    expect(await officer.asks("cty thiết bị y tế bảo an còn thiếu bao nhiêu")).not.toContain("còn thiếu 17");
  });
});
