import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

let world: World;

async function workbookFrom(person: Person): Promise<ExcelJS.Workbook> {
  const [file] = person.files();
  if (!file) throw new Error("no file in the last reply");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  return book;
}

/** The data rows of a sheet (under the headings on row 4) up to and including Tổng cộng, by column heading. */
function table(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headings = Array.from(sheet.getRow(4).values as ExcelJS.CellValue[], String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 5; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    rows.push(Object.fromEntries(headings.map((h, i) => [h, values[i] ?? null])));
    if (values[1] === "Tổng cộng") break;
  }
  return rows;
}

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", sector: "non_state" });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Phú Riềng", parent: "D1", sector: "state" });
  // Entered before the member targets, so a sheet order by entry would put it first.
  await world.target("D1", "gioi_thieu_dang", 10, "2026-12-31");
  await world.target("D1", "ket_nap", 100, "2026-12-31");
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  await world.target("C2", "ket_nap", 40, "2026-12-31");
  // The district has no thực tăng target of its own, only what it gave its two unions.
  await world.target("C1", "thuc_tang", 30, "2026-12-31");
  await world.target("C2", "thuc_tang", 20, "2026-12-31");
});
afterEach(() => world.close());

describe("the exported report an officer forwards upward", () => {
  it("puts the members sheet first, stores rates as fractions, and gives every total its target", async () => {
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 31 đoàn viên");
    const admin = await world.personAt("D1", "admin");
    await admin.says("xuất báo cáo");
    const book = await workbookFrom(admin);

    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Kết nạp đoàn viên",
      "Phát triển thực tăng",
      "Giới thiệu đoàn viên ưu tú cho",
    ]);
    for (const sheet of book.worksheets) expect([...sheet.name].length).toBeLessThanOrEqual(31);

    const [ketNap, thucTang] = book.worksheets.map(table);
    const mayViet = ketNap?.find((row) => row["Mã đơn vị"] === "C1");
    expect(mayViet?.["Tỷ lệ đạt"]).toBe(Math.floor((31 * 1000) / 60) / 1000);
    expect(book.worksheets[0]?.getCell("G5").numFmt).toBe("0.0%");
    expect(ketNap?.at(-1)).toMatchObject({ "Chỉ tiêu": 100, "Đã thực hiện": 31, "Tỷ lệ đạt": 0.31, "Còn thiếu": 69 });
    expect(thucTang?.at(-1)).toMatchObject({
      "Chỉ tiêu": 30 + 20,
      "Đã thực hiện": 31,
      "Tỷ lệ đạt": 0.62,
      "Còn thiếu": 50 - 31,
    });
  });

  it("gives a grassroots chair a table with the union's own row", async () => {
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 12 đoàn viên");
    await chair.says("/xuatbaocao");
    const book = await workbookFrom(chair);
    const rows = table(book.worksheets[0] as ExcelJS.Worksheet);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      STT: 1,
      "Mã đơn vị": "C1",
      "Tên đơn vị": "CĐCS Công ty May Việt",
      "Chỉ tiêu": 60,
      "Đã thực hiện": 12,
      "Tỷ lệ đạt": 0.2,
      "Còn thiếu": 48,
    });
    expect(rows[1]).toMatchObject({ STT: "Tổng cộng", "Chỉ tiêu": 60, "Đã thực hiện": 12 });
  });
});
