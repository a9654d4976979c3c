// "Còn thiếu bao nhiêu đoàn viên" is about members: every member target the unit has, never "no targets" when it has some.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "TD", workers: 300, members: 200 });
  await world.unit({ code: "C2", name: "CĐCS Công ty Cơ khí Linh Trung", parent: "TD", workers: 120, members: 50 });
  await world.unit({
    code: "N1",
    name: "Nghiệp đoàn xe ôm Linh Trung",
    parent: "TD",
    kind: "guild",
    sector: "informal",
  });
  // LĐLĐ TP Thủ Đức's 2024 programme: net growth 12.000, 100 of them informal; 60 new CĐCS; 90 referrals.
  await world.target("TD", "thuc_tang", 12_000, "2026-12-31");
  await world.target("TD", "ket_nap_phi_chinh_thuc", 100, "2026-12-31");
  await world.target("TD", "thanh_lap_cdcs", 60, "2026-12-31");
  await world.target("TD", "gioi_thieu_dang", 90, "2026-12-31");
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  await world.target("C2", "thuc_tang", 20, "2026-12-31");
});
afterEach(() => world.close());

describe("asking what is still missing about members", () => {
  it("answers a district officer with the district's member targets, not 'no targets'", async () => {
    const chairC1 = await world.personAt("C1");
    await chairC1.says("kết nạp 7 đoàn viên");
    await chairC1.says("2 đv nghỉ việc");
    const officer = await world.personAt("TD", "officer", "Lê Thị Hoa");
    const reply = await officer.asks("còn thiếu bao nhiêu đoàn viên?");
    const net = 7 - 2;
    expect(reply).not.toContain("chưa được giao chỉ tiêu nào");
    expect(reply).toContain(`Phát triển thực tăng: ${net}/12000`.replace("12000", "12.000"));
    expect(reply).toContain(`còn thiếu ${(12_000 - net).toLocaleString("vi-VN")}`);
    expect(reply).toContain("Kết nạp đoàn viên phi chính thức: 0/100");
    // Targets about something else are left out of an ask about members.
    expect(reply).not.toContain("Thành lập CĐCS");
  });

  it("answers a chair whose only target is net growth, typed without diacritics", async () => {
    const chair = await world.personAt("C2");
    await chair.says("ket nap 4 dv");
    const reply = await chair.asks("con thieu bao nhieu dv");
    expect(reply).toContain("Phát triển thực tăng: 4/20");
    expect(reply).toContain(`còn thiếu ${20 - 4}`);
    expect(reply).not.toContain("chưa được giao chỉ tiêu nào");
  });

  it("says which targets the unit has when the one named is not among them, and answers for those", async () => {
    const chair = await world.personAt("C2");
    const reply = await chair.asks("còn thiếu bao nhiêu kết nạp");
    expect(reply).toContain("chưa được giao chỉ tiêu Kết nạp đoàn viên");
    expect(reply).toContain("Phát triển thực tăng: 0/20");
  });

  it("answers an ask about new CĐCS with the founding target only", async () => {
    const officer = await world.personAt("TD", "officer", "Lê Thị Hoa");
    const reply = await officer.asks("còn thiếu bao nhiêu CĐCS");
    expect(reply).toContain("Thành lập CĐCS: 0/60");
    expect(reply).not.toContain("Phát triển thực tăng");
  });

  it("says there are no targets only when there truly are none", async () => {
    const chair = await world.personAt("N1");
    const reply = await chair.asks("còn thiếu bao nhiêu đoàn viên?");
    expect(reply).toContain("Nghiệp đoàn xe ôm Linh Trung chưa được giao chỉ tiêu nào cho năm 2026");
  });
});
