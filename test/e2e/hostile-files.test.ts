// Files built to hurt the server, sent by a district admin through the real webhook: each is refused with
// one sentence naming the limit, nothing is imported, and other people are answered meanwhile.
import { crc32, deflateRawSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_EXPANDED_BYTES, MAX_ROWS } from "#src/workbooks/table-limits.ts";
import { World, type Person } from "#test/world.ts";

let world: World;
let admin: Person;

beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", members: 100, workers: 200 });
  admin = await world.personAt("D1", "admin", "Phạm Thị Dung");
});

afterEach(() => world.close());

interface ZipFile {
  name: string;
  data: Uint8Array;
  /** What the zip's directory claims the file inflates to, when it lies. */
  declaredSize?: number;
}

/** A zip written by hand, so that a test can make its directory lie. */
function zip(files: ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const packed = deflateRawSync(file.data, { level: 9 });
    const size = file.declaredSize ?? file.data.byteLength;
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** An .xlsx with one sheet whose XML is `sheetData`; `lie` makes the directory claim a small sheet. */
function xlsx(sheetData: string | Uint8Array, options: { lie?: boolean } = {}): Uint8Array {
  const sheet = typeof sheetData === "string" ? utf8(sheetData) : sheetData;
  return zip([
    {
      name: "[Content_Types].xml",
      data: utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    {
      name: "xl/workbook.xml",
      data: utf8('<workbook><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: utf8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet, ...(options.lie ? { declaredSize: 2_000 } : {}) },
  ]);
}

const cell = (text: string) => `<c t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
const row = (line: number, cells: (string | number)[]) =>
  `<row r="${line}">${cells.map((c) => (typeof c === "number" ? `<c><v>${c}</v></c>` : cell(c))).join("")}</row>`;
const sheetOf = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

const UNIT_HEADER = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Mã đơn vị cấp trên",
  "Loại hình",
  "Khu vực",
  "Số đoàn viên",
  "Số lao động",
];

/** `count` grassroots units under D1, one row each, as a workbook's sheet XML. */
function unitRows(count: number): string {
  const rows = [row(1, UNIT_HEADER)];
  for (let i = 1; i <= count; i++)
    rows.push(row(i + 1, [`N${i}`, `CĐCS Công ty số ${i}`, "D1", "CĐCS", "Ngoài nhà nước", 10, 40]));
  return sheetOf(rows.join(""));
}

async function unitCount(): Promise<number> {
  return await world.repos.units.countInSubtree((await world.repos.units.byCode("P1"))!);
}

async function refusedWithNothingChanged(name: string, file: Uint8Array, limit: RegExp): Promise<void> {
  const before = await unitCount();
  const answer = await admin.sendsFile(name, file);
  expect(answer).toMatch(limit);
  expect(answer).toMatch(/chưa nhập gì/);
  expect(admin.buttons()).toEqual([]);
  expect(await unitCount()).toBe(before);
  // The server is still there for everyone.
  expect(await admin.says("còn thiếu bao nhiêu")).not.toBe("");
}

describe("a workbook built to exhaust the server", () => {
  it("refuses a tiny zip whose sheet inflates past the limit", async () => {
    const padding = " ".repeat(MAX_EXPANDED_BYTES + 1024);
    const bomb = xlsx(sheetOf(`${row(1, UNIT_HEADER)}${padding}`));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await refusedWithNothingChanged("don-vi.xlsx", bomb, /giải nén lớn hơn 50 MB/);
  });

  it("refuses the same zip when its directory claims the sheet is small", async () => {
    const padding = " ".repeat(MAX_EXPANDED_BYTES + 1024);
    const bomb = xlsx(sheetOf(`${row(1, UNIT_HEADER)}${padding}`), { lie: true });
    await refusedWithNothingChanged("don-vi.xlsx", bomb, /giải nén lớn hơn 50 MB/);
  });

  it("refuses a workbook with more rows than one import takes", async () => {
    const rows = [row(1, UNIT_HEADER)];
    for (let i = 1; i <= MAX_ROWS + 100_000; i++) rows.push(`<row r="${i + 1}"><c><v>${i}</v></c></row>`);
    await refusedWithNothingChanged("don-vi.xlsx", xlsx(sheetOf(rows.join(""))), /hơn 200\.000 dòng/);
  });

  it("refuses a row of 10,000 columns", async () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `C${i}`);
    const file = xlsx(sheetOf(row(1, UNIT_HEADER) + row(2, wide)));
    await refusedWithNothingChanged("don-vi.xlsx", file, new RegExp(`Dòng 2 có hơn ${MAX_COLUMNS} cột`));
  });

  it("refuses a cell of a million characters", async () => {
    const file = xlsx(sheetOf(row(1, UNIT_HEADER) + row(2, ["N1", "x".repeat(1_000_000), "D1", "CĐCS", "", 1, 1])));
    await refusedWithNothingChanged("don-vi.xlsx", file, /ô ở dòng 2 dài hơn 2\.000 ký tự/);
    expect(MAX_CELL_CHARS).toBe(2_000);
  });
});

describe("a CSV built to exhaust the server", () => {
  const header = `${UNIT_HEADER.join(",")}\n`;

  it("refuses more rows than one import takes", async () => {
    const file = utf8(header + "1\n".repeat(MAX_ROWS + 100_000));
    await refusedWithNothingChanged("don-vi.csv", file, /hơn 200\.000 dòng/);
  });

  it("refuses a row of 10,000 columns", async () => {
    const file = utf8(`${header}${Array.from({ length: 10_000 }, (_, i) => i).join(",")}\n`);
    await refusedWithNothingChanged("don-vi.csv", file, /Dòng 2 có hơn 100 cột/);
  });

  it("refuses a cell of a million characters", async () => {
    const file = utf8(`${header}N1,${"x".repeat(1_000_000)},D1,CĐCS,,1,1\n`);
    await refusedWithNothingChanged("don-vi.csv", file, /ô ở dòng 2 dài hơn 2\.000 ký tự/);
  });
});

describe("a large workbook", () => {
  it("is read while other people are answered", async () => {
    const count = 50_000;
    const chair = await world.personAt("C1", "chair", "Lê Văn Em");
    const file = xlsx(unitRows(count));
    let imported = false;
    const importing = admin.sendsFile("don-vi.xlsx", file).then((answer) => ((imported = true), answer));
    // The workbook is read in a worker thread, so the chair's report is answered before it is done.
    const reported = await chair.says("kết nạp 3 đoàn viên");
    const answeredDuringImport = !imported;
    const summary = await importing;
    expect(reported).toContain("Đã ghi nhận");
    expect(answeredDuringImport).toBe(true);
    expect(summary).toContain(`Sẽ thêm ${count.toLocaleString("vi-VN")} đơn vị`);
  }, 120_000);
});
