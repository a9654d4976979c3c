import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Person, tableRows, World } from "#test/world.ts";

let world: World;
let chair: Person;
const HEADERS = [
  "Họ và tên",
  "Ngày sinh",
  "Giới tính",
  "Số CCCD",
  "Quê quán",
  "Ngày vào công đoàn",
  "Số thẻ đoàn viên",
  "Dân tộc",
  "Tôn giáo",
];
const GOOD = [
  ["Nguyễn Thị Lan", "12/03/1995", "Nữ", "079195001234", "Bến Tre", "20/11/2026", "", "Kinh", ""],
  ["Trần Văn Tú", "02/02/1992", "Nam", "083092000111", "Mỏ Cày, Bến Tre", "21/11/2026", "", "", ""],
];
const csv = (rows: string[][]) =>
  new TextEncoder().encode([HEADERS, ...rows].map((r) => r.map((c) => `"${c}"`).join(",")).join("\n"));
const members = () => tableRows(world, ["members"]).members as Record<string, unknown>[];

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Linh Trung", parent: "D1", workers: 50 });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  await chair.says("/nhapdv");
  await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
});
afterEach(() => world.close());

describe("a member list sent as a file", () => {
  it("names every bad row and writes nothing", async () => {
    const bad = [
      ...GOOD,
      ["Le Thi Hoa", "05/06/1988", "Nữ", "083188000222", "Ba Tri", "22/11/2026", "", "", ""],
      ["Phạm Văn Nam", "31/02/1990", "Nam", "083090000333", "", "22/11/2026", "", "", ""],
      ["Võ Thị Mai", "01/01/1995", "Nữ", "079195001234", "Giồng Trôm", "22/11/2026", "", "", ""],
    ];
    const answer = await chair.sendsFile("doan-vien.csv", csv(bad));
    expect(answer).toContain("Dòng 4");
    expect(answer).toContain("chưa có dấu");
    expect(answer).toContain("Dòng 5");
    expect(answer).toContain("Thiếu quê quán");
    expect(answer).toContain("Không có ngày 31/02/1990");
    expect(answer).toContain("Dòng 6");
    expect(answer).toContain("Số CCCD trùng với dòng 2");
    expect(members()).toHaveLength(0);
  });

  it("adds the whole list after confirmation, ethnicity only with the separate consent", async () => {
    const answer = await chair.sendsFile("doan-vien.csv", csv(GOOD));
    expect(answer).toContain("2 đoàn viên hợp lệ");
    expect(answer).toContain("1 người có dân tộc hoặc tôn giáo");
    expect(members()).toHaveLength(0);
    const plain = chair.buttonData("Lưu, không lưu dân tộc, tôn giáo");
    expect(await chair.pressesData(plain)).toContain("Đã thêm 2 đoàn viên");
    expect(members().map((m) => [m.full_name, m.ethnicity, m.approval])).toEqual([
      ["Nguyễn Thị Lan", null, "pending"],
      ["Trần Văn Tú", null, "pending"],
    ]);
    expect(await chair.pressesData(plain)).toContain("đã được xử lý");
    expect(members()).toHaveLength(2);
  });

  it("reads an .xlsx with real date cells and ID numbers typed as numbers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("DS");
    sheet.addRow(["DANH SÁCH ĐOÀN VIÊN MỚI KẾT NẠP"]);
    sheet.addRow(HEADERS);
    sheet.addRow([
      "Nguyễn Thị Lan",
      new Date(Date.UTC(1995, 2, 12)),
      "Nữ",
      79195001234,
      "Bến Tre",
      new Date(Date.UTC(2026, 10, 20)),
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const answer = await chair.sendsFile("ds.xlsx", bytes);
    expect(answer).toContain("1 đoàn viên hợp lệ");
    await chair.presses("✅ Xác nhận nhập");
    expect(members()[0]).toMatchObject({ full_name: "Nguyễn Thị Lan", joined_on: "2026-11-20" });
  });

  it("refuses a person another unit holds, naming that unit", async () => {
    const other = await world.personAt("C2", "chair", "Lê Văn Cường");
    await other.says("/nhapdv");
    await other.presses("✅ Tôi đã thông báo cho đoàn viên");
    await other.sendsFile("ds.csv", csv([GOOD[1] as string[]]));
    await other.presses("✅ Xác nhận nhập");
    const answer = await chair.sendsFile("doan-vien.csv", csv(GOOD));
    expect(answer).toContain("Dòng 3: Số CCCD đã có hồ sơ ở CĐCS Trường THCS Linh Trung");
    expect(members()).toHaveLength(1);
  });
});
