import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHART_WIDTH } from "#src/charts/progress-chart.ts";
import { World, type Person } from "#test/world.ts";

let world: World;
let admin: Person;

async function workbook(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const UNIT_HEADER = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Mã đơn vị cấp trên",
  "Loại hình",
  "Khu vực",
  "Số đoàn viên",
  "Số lao động",
];

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", parent: "P1", kind: "district" });
  await world.unit({
    code: "C1",
    name: "CĐCS Công ty May Việt",
    parent: "D1",
    sector: "non_state",
    members: 150,
    workers: 300,
  });
  await world.unit({
    code: "C2",
    name: "CĐCS Trường THCS Phú Riềng",
    parent: "D1",
    sector: "state",
    members: 48,
    workers: 50,
  });
  await world.unit({
    code: "C3",
    name: "CĐCS Công ty Cao su Sông Bé",
    parent: "D1",
    sector: "non_state",
    members: 400,
    workers: 500,
  });
  await world.unit({
    code: "N1",
    name: "Nghiệp đoàn xe ôm Phú Riềng",
    parent: "D1",
    kind: "guild",
    sector: "informal",
    members: 20,
  });
  await world.unit({ code: "X1", name: "CĐCS ngoài huyện", parent: "D2", workers: 80 });
  admin = await world.personAt("D1", "admin", "Cán bộ Phú Riềng");
});
afterEach(() => world.close());

describe("a catalogue of targets", () => {
  it("computes a member rate by sector and says how many members are still needed", async () => {
    await world.target("D1", "ty_le_ket_nap_nha_nuoc", 98, "2026-12-31");
    const reply = await admin.asks("còn thiếu bao nhiêu");
    expect(reply).toContain("Tỷ lệ kết nạp khu vực nhà nước: đạt 96% (chỉ tiêu 98%)");
    expect(reply).toContain("cần kết nạp thêm 1 đoàn viên");
    const chair = await world.personAt("C2");
    await chair.says("kết nạp 1 đoàn viên");
    expect(await admin.asks("còn thiếu bao nhiêu")).toContain("đạt 98% (chỉ tiêu 98%), đã đạt");
  });

  it("computes the share of grassroots unions with a rating", async () => {
    await world.target("D1", "ty_le_htt_ngoai_nha_nuoc", 60, "2026-12-31");
    await world.repos.figures.setRating((await world.repos.units.byCode("C1"))!.id, "2026", "tot");
    await world.repos.figures.setRating((await world.repos.units.byCode("C3"))!.id, "2026", "hoan_thanh");
    expect(await admin.asks("tiến độ")).toContain(
      "CĐCS khu vực ngoài nhà nước hoàn thành tốt nhiệm vụ: đạt 50% (chỉ tiêu 60%)",
    );
  });

  it("names the units that have not reached a per-unit minimum", async () => {
    await world.repos.targets.upsert({
      unitId: (await world.repos.units.byCode("D1"))!.id,
      metric: "hoat_dong",
      period: "2026",
      value: 1,
      deadline: "2026-12-31",
      scope: "each",
    });
    const chair = await world.personAt("C1");
    await chair.says("tổ chức 1 hoạt động xã hội");
    const reply = await admin.asks("tiến độ");
    expect(reply).toContain("(mỗi đơn vị ít nhất 1): 1/4 đơn vị đã đạt");
    expect(reply).toContain("CĐCS Trường THCS Phú Riềng");
    expect(reply).not.toMatch(/chưa đạt:[^\n]*May Việt/);
  });

  it("starts counts from zero in a new year and carries member totals forward", async () => {
    await world.target("C1", "ket_nap", 20, "2026-12-31");
    await world.target("C1", "ket_nap", 25, "2027-12-31");
    await world.target("C1", "tong_doan_vien", 170, "2027-12-31");
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 12 đoàn viên");
    world.now = new Date("2027-01-05T03:00:00Z");
    const reply = await chair.asks("còn thiếu bao nhiêu");
    expect(reply).toContain("Kết nạp đoàn viên: 0/25");
    expect(reply).toContain("Tổng số đoàn viên: 162/170");
  });
});

describe("adding a kind of target", () => {
  it("lets an admin add a count to the catalogue and set it from a file by its name", async () => {
    expect(await admin.says("/themchitieu Hoạt động văn hóa thể thao = hoạt động")).toContain(
      "Đã thêm chỉ tiêu “Hoạt động văn hóa thể thao”",
    );
    const csv = "Mã đơn vị,Chỉ tiêu,Số lượng,Hạn\nC1,Hoạt động văn hóa thể thao,2,31/12/2026\n";
    expect(await admin.sendsFile("chi-tieu.csv", new TextEncoder().encode(csv))).toContain("Sẽ thêm 1 chỉ tiêu");
    await admin.presses("✅ Xác nhận nhập");
    const chair = await world.personAt("C1");
    expect(await chair.says("tổ chức 1 hoạt động văn hóa")).toContain("Hoạt động văn hóa thể thao: 1/2");
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("/themchitieu Gì đó = hoạt động")).toContain("Chỉ quản trị");
  });
});

describe("allocating a target among units", () => {
  it("splits in proportion to workers who are not members yet, adding up exactly, once confirmed", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    const preview = await admin.says("/phanbo kết nạp");
    // Not yet members: C1 150, C2 2, C3 100, guild 0 → 59.5, 0.8, 39.7, 0 → 59, 1, 40, 0 by largest remainder.
    expect(preview).toContain("CĐCS Công ty May Việt: 59");
    expect(preview).toContain("Tổng phân bổ 100, khớp với chỉ tiêu");
    expect(await admin.presses("✅ Xác nhận phân bổ")).toContain("Đã ghi phân bổ: 4 đơn vị");
    const parts: number[] = [];
    for (const code of ["C1", "C2", "C3", "N1"]) {
      const unit = await world.repos.units.byCode(code);
      parts.push((await world.repos.targets.find(unit!.id, "ket_nap", "2026"))?.value ?? 0);
    }
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(parts).toEqual([59, 1, 40, 0]);
  });

  it("shows in chat where explicit parts do not add up to the target", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    const preview = await admin.says("/phanbo ket_nap C1=30 C2=20");
    expect(preview).toContain("Tổng phân bổ 50 còn thiếu 50 so với chỉ tiêu 100");
    await admin.presses("✅ Xác nhận phân bổ");
    expect(await admin.asks("tiến độ")).toContain("các đơn vị trực thuộc được giao 50/100, 2 đơn vị chưa được giao");
  });

  it("says why a unit gets nothing and warns of a part above what the unit can reach", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    await world.unit({ code: "C4", name: "CĐCS Công ty Đủ Người", parent: "D1", workers: 30, members: 30 });
    const proportional = await admin.says("/phanbo kết nạp");
    // The guild has no workers recorded.
    expect(proportional).toMatch(/Nghiệp đoàn xe ôm Phú Riềng: 0 \(0 vì chưa có số lao động/);
    expect(proportional).toContain("CĐCS Công ty Đủ Người: 0 (0 vì cả 30 lao động đã là đoàn viên)");
    // CĐCS Trường THCS Phú Riềng: 50 workers, 48 members, so 2 can still join.
    const explicit = await admin.says("/phanbo ket_nap C2=20 C1=80");
    expect(explicit).toContain("CĐCS Trường THCS Phú Riềng: 20 (⚠️ nhiều hơn 2 lao động chưa vào công đoàn)");
    expect(explicit).not.toMatch(/May Việt: 80 \(/);
  });

  it("warns when net growth given to a unit is above its admissions target", async () => {
    await world.target("D1", "thuc_tang", 50, "2026-12-31");
    await world.target("C1", "ket_nap", 10, "2026-12-31");
    const preview = await admin.says("/phanbo thuc_tang C1=30 C3=20");
    expect(preview).toContain("CĐCS Công ty May Việt: 30 (⚠️ lớn hơn chỉ tiêu kết nạp 10 của đơn vị)");
  });

  it("writes a confirmed allocation once, however often the button is pressed", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    await admin.says("/phanbo ket_nap C1=60 C3=40");
    const data = admin.buttonData("✅ Xác nhận phân bổ");
    expect(await admin.pressesData(data)).toContain("Đã ghi phân bổ: 2 đơn vị");
    const again = await admin.pressesData(data);
    expect(again).toContain("Phân bổ này đã được xử lý rồi");
    expect(again).not.toContain("Tệp");
    expect((await world.repos.targets.find((await world.repos.units.byCode("C1"))!.id, "ket_nap", "2026"))?.value).toBe(
      60,
    );
  });

  it("refuses allocation to anyone but an admin", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("/phanbo kết nạp")).toContain("Chỉ quản trị");
  });
});

describe("importing units and targets from Excel in chat", () => {
  it("checks every row, and changes nothing when any row is bad", async () => {
    const file = await workbook([
      ["DANH SÁCH ĐƠN VỊ"],
      [],
      UNIT_HEADER,
      ["C4", "CĐCS Công ty Gỗ Phú Riềng", "D1", "CĐCS", "Ngoài nhà nước", 10, 40],
      ["C5", "", "D1", "CĐCS", "Nhà nước", 5, 9],
      ["C6", "CĐCS Công ty Điều", "D9", "Xí nghiệp", "", 1, 1],
    ]);
    const reply = await admin.sendsFile("don-vi.xlsx", file);
    expect(reply).toContain("Tệp có 2 dòng lỗi");
    expect(reply).toContain("Dòng 5: thiếu tên đơn vị");
    expect(reply).toMatch(/Dòng 6: .*loại hình “Xí nghiệp” không đúng/);
    expect(await world.repos.units.byCode("C4")).toBeUndefined();
  });

  it("imports a valid file of units only after the admin confirms, once", async () => {
    const file = await workbook([
      UNIT_HEADER,
      ["C4", "CĐCS Công ty Gỗ Phú Riềng", "D1", "CĐCS", "Ngoài nhà nước", "1.578", 2000],
      ["C1", "CĐCS Công ty May Việt", "D1", "CĐCS", "Ngoài nhà nước", 160, 300],
    ]);
    const summary = await admin.sendsFile("don-vi.xlsx", file);
    expect(summary).toContain("Sẽ thêm 1 đơn vị và cập nhật 1 đơn vị");
    expect(await world.repos.units.byCode("C4")).toBeUndefined();
    const confirm = admin.buttonData("✅ Xác nhận nhập");
    expect(await admin.pressesData(confirm)).toContain("Đã nhập: thêm 1 đơn vị, cập nhật 1 đơn vị");
    expect((await world.repos.units.byCode("C4"))?.members).toBe(1578);
    expect((await world.repos.units.byCode("C1"))?.members).toBe(160);
    expect(await admin.pressesData(confirm)).toContain("đã được xử lý rồi");
  });

  it("refuses an import that reaches outside the admin's subtree", async () => {
    const file = await workbook([
      UNIT_HEADER,
      ["X1", "CĐCS ngoài huyện (đổi tên)", "D2", "CĐCS", "", 0, 80],
      ["X2", "CĐCS mới", "D2", "CĐCS", "", 0, 10],
    ]);
    const reply = await admin.sendsFile("don-vi.xlsx", file);
    expect(reply).toContain("Dòng 2: X1 nằm ngoài phạm vi LĐLĐ huyện Phú Riềng");
    expect(reply).toContain("Dòng 3: X2 nằm ngoài phạm vi");
    expect((await world.repos.units.byCode("X1"))?.name).toBe("CĐCS ngoài huyện");
  });

  it("imports targets with the words officers use, from CSV too", async () => {
    const csv =
      "\uFEFFMã đơn vị;Chỉ tiêu;Số lượng;Hạn\nC1;Kết nạp đoàn viên;30;31/12/2026\nC2;Thành lập CĐCS;1;30/09/2026\n";
    expect(await admin.sendsFile("chi-tieu.csv", new TextEncoder().encode(csv))).toContain("Sẽ thêm 2 chỉ tiêu");
    await admin.presses("✅ Xác nhận nhập");
    expect(
      (await world.repos.targets.find((await world.repos.units.byCode("C2"))!.id, "thanh_lap_cdcs", "2026"))?.deadline,
    ).toBe("2026-09-30");
  });

  it("lets only admins import", async () => {
    const chair = await world.personAt("C1");
    expect(await chair.sendsFile("x.xlsx", await workbook([UNIT_HEADER]))).toContain("Chỉ quản trị");
  });

  it("answers a file that is not a workbook without changing anything", async () => {
    const reply = await admin.sendsFile("anh.pdf", new Uint8Array([37, 80, 68, 70]));
    expect(reply).toContain("không đọc được tệp");
  });
});

describe("progress you can see and export", () => {
  beforeEach(async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    await world.target("C1", "ket_nap", 60, "2026-12-31");
    await world.target("C3", "ket_nap", 40, "2026-12-31");
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 31 đoàn viên");
    const other = await world.personAt("C3");
    await other.says("kết nạp 5 đoàn viên");
    const guild = await world.personAt("N1");
    await guild.says("kết nạp 4 đv phi chính thức");
  });

  it("sends a chart with the text, a forecast, and the breakdown by sector", async () => {
    const reply = await admin.says("/tiendo");
    expect(reply).toContain("Kết nạp đoàn viên: 40/100");
    // 40 in the 182 days to 1 July: the other 60 take about 273 days more, past the year's end.
    expect(reply).toContain("Kết nạp đoàn viên: theo tốc độ hiện nay sẽ không đạt trước hạn 31/12/2026");
    expect(reply).toContain("Theo khu vực (Kết nạp đoàn viên): Ngoài nhà nước 36 · Phi chính thức 4");
    const [photo] = admin.files();
    expect(photo?.method).toBe("sendPhoto");
    const png = photo?.bytes ?? new Uint8Array();
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(CHART_WIDTH);
    expect(view.getUint32(20)).toBeGreaterThan(100);
  });

  it("forecasts the day a unit on a good pace reaches its target", async () => {
    // A unit with room to admit 12: at a unit with fewer workers left to join, 12 is asked about first.
    await world.target("X1", "ket_nap", 20, "2026-12-31");
    const chair = await world.personAt("X1");
    await chair.says("kết nạp 12 đoàn viên");
    // 12 in 182 days: the other 8 take ceil(8 × 182 / 12) = 122 days more, to 31/10/2026.
    expect(await chair.says("tiến độ")).toContain(
      "theo tốc độ hiện nay sẽ đạt chỉ tiêu vào khoảng 31/10/2026, kịp hạn 31/12/2026",
    );
  });

  it("exports the subtree as a workbook with the right figures", async () => {
    const reply = await admin.says("xuất báo cáo");
    expect(reply).toContain("Báo cáo tiến độ của LĐLĐ huyện Phú Riềng");
    const [file] = admin.files();
    expect(file?.name).toMatch(/^bao-cao-D1-2026-07-01\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file?.bytes ?? []) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[] = [];
    sheet?.eachRow((row) => rows.push(JSON.stringify(row.values)));
    const text = rows.join("\n");
    expect(text).toContain("LĐLĐ huyện Phú Riềng");
    expect(text).toMatch(/CĐCS Công ty May Việt","Ngoài nhà nước",60,31,0.516,29,/);
    expect(text).toContain("Tổng cộng");
    expect(text).toContain("Chậm tiến độ");
  });
});
