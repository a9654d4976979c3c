import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectKind } from "#domain/import.ts";
import { readTable } from "#src/workbooks/read-table.ts";

type Value = ExcelJS.CellValue;

/** An .xlsx as an officer would send it: one worksheet per entry, rows from row 1. */
async function xlsx(
  sheets: Record<string, Value[][]>,
  dress?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((values, r) => values.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = value)));
    dress?.(sheet);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const bom = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);
const utf8 = (text: string) => new TextEncoder().encode(text);

const UNIT_HEADINGS = [
  "STT",
  "Mã đơn vị",
  "Tên đơn vị",
  "Mã đơn vị cấp trên",
  "Loại hình",
  "Khu vực",
  "Số đoàn viên",
  "Số lao động",
];

const EXPECTED_UNITS = [
  {
    line: 4,
    cells: {
      code: "TD",
      name: "LĐLĐ TP Thủ Đức",
      parent_code: "",
      kind: "district",
      sector: "",
      members: "12000",
      workers: "15000",
    },
  },
  {
    line: 5,
    cells: {
      code: "TD-MV",
      name: "CĐCS Công ty May Việt",
      parent_code: "TD",
      kind: "grassroots",
      sector: "non_state",
      members: "1578",
      workers: "2000",
    },
  },
  {
    line: 7,
    cells: {
      code: "TD-XO",
      name: "Nghiệp đoàn xe ôm",
      parent_code: "TD",
      kind: "guild",
      sector: "informal",
      members: "25",
      workers: "0",
    },
  },
];

describe("reading a units table from .xlsx", () => {
  it("finds the headings under the title rows and reads Vietnamese words, numbers and text numbers", async () => {
    const data = await xlsx(
      {
        "Danh sách": [
          ["DANH SÁCH ĐƠN VỊ"],
          [],
          UNIT_HEADINGS,
          [1, "TD", "LĐLĐ TP Thủ Đức", null, "LĐLĐ thành phố", null, 12000, 15000],
          [2, " TD-MV ", "CĐCS Công ty May Việt", "TD", "CĐCS", "Ngoài nhà nước", "1.578", "2.000"],
          [],
          [
            3,
            "TD-XO",
            { richText: [{ text: "Nghiệp đoàn " }, { text: "xe ôm", font: { bold: true } }] },
            "TD",
            "NĐ",
            "kinh tế phi chính thức",
            { formula: "20+5", result: 25 },
            0,
          ],
        ],
      },
      (sheet) => sheet.mergeCells("A1:H1"),
    );
    const table = await readTable(data, "Danh sach don vi.xlsx");
    expect(table.problems).toEqual([]);
    expect(table.kind).toBe("units");
    expect(table.rows).toEqual(EXPECTED_UNITS);
    expect(detectKind(table.header)).toBe("units");
  });

  it("matches headings without diacritics, in capitals, abbreviated or with a note in brackets", async () => {
    const data = await xlsx({
      Sheet1: [
        ["MA DV", "TEN DON VI", "Mã cấp trên", "loai hinh", "KHU VỰC:", "Số ĐV (người)", "Số CNLĐ"],
        ["C1", "CĐCS Trường Tiểu học An Phú", "TD", "Công đoàn cơ sở", "KVNN", 40, 45],
      ],
    });
    const table = await readTable(data, "units.XLSX");
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: {
          code: "C1",
          name: "CĐCS Trường Tiểu học An Phú",
          parent_code: "TD",
          kind: "grassroots",
          sector: "state",
          members: "40",
          workers: "45",
        },
      },
    ]);
  });

  it("skips a cover sheet, the column-numbering row and the Tổng cộng row", async () => {
    const data = await xlsx({
      "Hướng dẫn": [["Điền danh sách vào trang sau."]],
      "Đơn vị": [
        UNIT_HEADINGS,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        [1, "C1", "CĐCS Công ty A", "TD", "CĐCS", "ngoài NN", 10, 12],
        [null, null, "Tổng cộng", null, null, null, 10, 12],
      ],
    });
    const table = await readTable(data, "units.xlsx");
    expect(table.rows.map((row) => [row.line, row.cells.code])).toEqual([[3, "C1"]]);
  });
});

describe("reading a targets table from .xlsx", () => {
  it("reads an Excel date as YYYY-MM-DD and leaves a typed date for the domain", async () => {
    const data = await xlsx(
      {
        "Chỉ tiêu 2026": [
          ["CHỈ TIÊU PHÁT TRIỂN ĐOÀN VIÊN NĂM 2026"],
          ["Mã ĐV", "Chỉ tiêu", "Số lượng", "Hạn hoàn thành"],
          ["TD-MV", "Kết nạp đoàn viên", 250, new Date(Date.UTC(2026, 11, 31))],
          ["TD-XO", "thực tăng", "1.578", "31/12/2026"],
          ["TD", "Giới thiệu ĐVƯT", 90, null],
        ],
      },
      (sheet) => (sheet.getCell("D3").numFmt = "dd/mm/yyyy"),
    );
    const table = await readTable(data, "chi-tieu.xlsx");
    expect(table.kind).toBe("targets");
    expect(table.rows).toEqual([
      { line: 3, cells: { unit_code: "TD-MV", metric: "ket_nap", target: "250", deadline: "2026-12-31" } },
      { line: 4, cells: { unit_code: "TD-XO", metric: "thuc_tang", target: "1578", deadline: "31/12/2026" } },
      { line: 5, cells: { unit_code: "TD", metric: "gioi_thieu_dang", target: "90", deadline: "" } },
    ]);
    expect(detectKind(table.header)).toBe("targets");
  });
});

describe("reading CSV", () => {
  it("reads the same table saved by Vietnamese Excel: ';' between cells and a BOM", async () => {
    const csv = [
      "DANH SÁCH ĐƠN VỊ;;;;;;;",
      ";;;;;;;",
      UNIT_HEADINGS.join(";"),
      "1;TD;LĐLĐ TP Thủ Đức;;LĐLĐ thành phố;;12.000;15.000",
      '2; TD-MV ;CĐCS Công ty May Việt;TD;CĐCS;Ngoài nhà nước;"1.578";2000',
      ";;;;;;;",
      "3;TD-XO;Nghiệp đoàn xe ôm;TD;NĐ;kinh tế phi chính thức;25;0",
    ].join("\r\n");
    const table = await readTable(bom(csv), "don-vi.csv");
    expect(table.problems).toEqual([]);
    expect(table.rows).toEqual(EXPECTED_UNITS);
  });

  it("keeps reading the English headings of the operator CLI, commas inside quotes included", async () => {
    const csv = `code,name,parent_code,kind,sector,members,workers
C1,"CĐCS Công ty May Việt, chi nhánh 2",TD,grassroots,non_state,120,150
`;
    const table = await readTable(utf8(csv), "units.csv");
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: {
          code: "C1",
          name: "CĐCS Công ty May Việt, chi nhánh 2",
          parent_code: "TD",
          kind: "grassroots",
          sector: "non_state",
          members: "120",
          workers: "150",
        },
      },
    ]);
  });

  it("reads English targets headings", async () => {
    const table = await readTable(
      utf8('unit_code,metric,target,deadline\nC1,ket_nap,"1,578",2026-12-31\n'),
      "targets.csv",
    );
    expect(table.kind).toBe("targets");
    expect(table.rows).toEqual([
      { line: 2, cells: { unit_code: "C1", metric: "ket_nap", target: "1578", deadline: "2026-12-31" } },
    ]);
  });

  it("tells the officer to save as CSV UTF-8 when the file is in an old Vietnamese code page", async () => {
    // "Mã" in Windows-1258: M, 0xE3.
    const table = await readTable(new Uint8Array([0x4d, 0xe3, 0x3b, 0x54, 0xea, 0x6e, 0x0a]), "ds.csv");
    expect(table.kind).toBeNull();
    expect(table.problems[0]).toContain("CSV UTF-8");
  });
});

describe("refusing what cannot be read", () => {
  it("names the headings it expects when none is recognised", async () => {
    const table = await readTable(utf8("Họ và tên,Ngày sinh\nNguyễn Văn A,01/01/1990\n"), "ds.csv");
    expect(table.kind).toBeNull();
    expect(table.rows).toEqual([]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toContain("Không tìm thấy dòng tiêu đề");
    expect(table.problems[0]).toContain("Mã đơn vị, Tên đơn vị, Loại hình");
    expect(table.problems[0]).toContain("Mã đơn vị, Chỉ tiêu, Số lượng");
  });

  it("says which heading is missing when a row is nearly a heading row", async () => {
    const data = await xlsx({
      "Đơn vị": [
        ["Mã đơn vị", "Tên đơn vị", "Số đoàn viên"],
        ["C1", "CĐCS A", 10],
      ],
    });
    const table = await readTable(data, "ds.xlsx");
    expect(table.kind).toBeNull();
    expect(table.problems[0]).toContain(
      "Trang “Đơn vị”, dòng 1 có cột Mã đơn vị, Tên đơn vị, Số đoàn viên nhưng thiếu cột Loại hình.",
    );
  });

  it("reports a table with headings and no rows", async () => {
    const table = await readTable(utf8("Mã đơn vị;Chỉ tiêu;Số lượng\n;;\n"), "ct.csv");
    expect(table.kind).toBe("targets");
    expect(table.problems).toEqual(["Bảng không có dòng số liệu nào dưới dòng tiêu đề (dòng 1)."]);
  });

  it("reports a corrupt .xlsx instead of throwing", async () => {
    // The same 4 KiB of noise every run (a linear congruential generator), opening with a zip signature.
    let state = 7;
    const bytes = Uint8Array.from({ length: 4096 }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const table = await readTable(bytes, "bao-cao.xlsx");
    expect(table.kind).toBeNull();
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toContain("Không đọc được tệp Excel");
  });

  it("refuses anything that is not .xlsx or .csv", async () => {
    const table = await readTable(utf8("%PDF-1.7"), "ke-hoach.pdf");
    expect(table).toEqual({ kind: null, header: [], rows: [], problems: ["Tệp phải là .xlsx hoặc .csv"] });
    expect((await readTable(utf8("x"), "cu.xls")).problems).toEqual(["Tệp phải là .xlsx hoặc .csv"]);
  });
});
