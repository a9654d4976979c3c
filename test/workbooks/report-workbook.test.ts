import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  uniqueSheetName,
  writeReportWorkbook,
  type ReportRow,
  type ReportSheet,
} from "#src/workbooks/report-workbook.ts";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const texts = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);

const unit = (code: string, name: string, depth: number, figures: Partial<ReportRow> = {}): ReportRow => ({
  code,
  name,
  depth,
  target: 250,
  done: 200,
  rate: 0.8,
  missing: 50,
  pace: "on",
  ...figures,
});

const KET_NAP: ReportSheet = {
  sheetName: "Kết nạp",
  title: "BÁO CÁO TIẾN ĐỘ CHỈ TIÊU KẾT NẠP ĐOÀN VIÊN",
  subtitle: "LĐLĐ TP Thủ Đức — năm 2026 — số liệu đến ngày 21/11/2026",
  rows: [
    unit("TD-KCN", "Công đoàn các KCN", 0, { target: 12000, done: 9876, rate: 0.823, missing: 2124, pace: "behind" }),
    unit("TD-MV", "CĐCS Công ty May Việt", 1, {
      target: 250,
      done: 260,
      rate: 1.04,
      missing: 0,
      pace: "reached",
      note: "Vượt chỉ tiêu",
    }),
    unit("TD-XO", "Nghiệp đoàn xe ôm", 1, { target: null, done: 3, rate: null, missing: null, pace: null }),
  ],
  totals: unit("", "", 0, { target: 12250, done: 10139, rate: 0.828, missing: 2111, pace: "behind" }),
  notes: ["Tổng chỉ tiêu phân bổ cho đơn vị trực thuộc (12.250) lớn hơn chỉ tiêu được giao (12.000)."],
};

describe("the progress report workbook", () => {
  it("is laid out like a report appendix: title, subtitle, headings, one row per unit, totals, notes", async () => {
    const workbook = await open(await writeReportWorkbook([KET_NAP]));
    const sheet = sheetOf(workbook, "Kết nạp");

    expect(sheet.getCell("A1").value).toBe("BÁO CÁO TIẾN ĐỘ CHỈ TIÊU KẾT NẠP ĐOÀN VIÊN");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A1").alignment?.horizontal).toBe("center");
    expect(sheet.getCell("I1").isMerged).toBe(true);
    expect(sheet.getCell("A2").value).toBe("LĐLĐ TP Thủ Đức — năm 2026 — số liệu đến ngày 21/11/2026");

    expect(texts(sheet.getRow(4))).toEqual([
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "Chỉ tiêu",
      "Đã thực hiện",
      "Tỷ lệ đạt",
      "Còn thiếu",
      "Tiến độ",
      "Ghi chú",
    ]);
    expect(texts(sheet.getRow(5))).toEqual([
      1,
      "TD-KCN",
      "Công đoàn các KCN",
      12000,
      9876,
      0.823,
      2124,
      "Chậm tiến độ",
    ]);
    expect(texts(sheet.getRow(6))).toEqual([
      2,
      "TD-MV",
      "CĐCS Công ty May Việt",
      250,
      260,
      1.04,
      0,
      "Đã đạt",
      "Vượt chỉ tiêu",
    ]);
    expect(sheet.getCell("C6").alignment?.indent).toBe(1);
    // A unit without a target shows what it did and leaves the rest blank.
    expect(texts(sheet.getRow(7))).toEqual([3, "TD-XO", "Nghiệp đoàn xe ôm", undefined, 3]);

    expect(sheet.getCell("A8").value).toBe("Tổng cộng");
    expect(sheet.getCell("A8").font?.bold).toBe(true);
    expect(sheet.getCell("D8").font?.bold).toBe(true);
    expect([sheet.getCell("D8").value, sheet.getCell("E8").value, sheet.getCell("G8").value]).toEqual([
      12250, 10139, 2111,
    ]);

    expect(sheet.getCell("A10").value).toBe("Ghi chú:");
    expect(sheet.getCell("A11").value).toBe(
      "- Tổng chỉ tiêu phân bổ cho đơn vị trực thuộc (12.250) lớn hơn chỉ tiêu được giao (12.000).",
    );
  });

  it("formats counts with thousands grouping and stores the rate as a fraction shown as a percentage", async () => {
    const sheet = sheetOf(await open(await writeReportWorkbook([KET_NAP])), "Kết nạp");
    expect(["D5", "E5", "G5", "D8"].map((address) => sheet.getCell(address).numFmt)).toEqual([
      "#,##0",
      "#,##0",
      "#,##0",
      "#,##0",
    ]);
    expect(sheet.getCell("F5").value).toBe(0.823);
    expect(sheet.getCell("F5").numFmt).toBe("0.0%");
    expect(sheet.getCell("F8").numFmt).toBe("0.0%");
    expect(sheet.getCell("B5").border?.left?.style).toBe("thin");
  });

  it("freezes the headings, sets widths and prints landscape A4 one page wide", async () => {
    const workbook = await open(await writeReportWorkbook([KET_NAP]));
    const sheet = sheetOf(workbook, "Kết nạp");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
    expect(sheet.getColumn(3).width).toBeGreaterThan(30);
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe("4:4");
    expect(workbook.creator).toBe("Trợ lý Công đoàn");
  });

  it("adds a Khu vực column when units carry a sector", async () => {
    const sheet: ReportSheet = {
      ...KET_NAP,
      rows: [
        unit("C1", "CĐCS Trường Tiểu học An Phú", 0, { sector: "state" }),
        unit("C2", "CĐCS Công ty A", 0, { sector: "non_state" }),
      ],
    };
    const opened = sheetOf(await open(await writeReportWorkbook([sheet])), "Kết nạp");
    expect(texts(opened.getRow(4)).slice(0, 5)).toEqual(["STT", "Mã đơn vị", "Tên đơn vị", "Khu vực", "Chỉ tiêu"]);
    expect([opened.getCell("D5").value, opened.getCell("D6").value]).toEqual(["Nhà nước", "Ngoài nhà nước"]);
  });

  it("gives every sheet a name Excel accepts", async () => {
    const long = "Giới thiệu đoàn viên ưu tú cho Đảng năm 2026";
    const workbook = await open(
      await writeReportWorkbook([
        { ...KET_NAP, sheetName: long },
        { ...KET_NAP, sheetName: long },
        { ...KET_NAP, sheetName: "Q1/2026" },
      ]),
    );
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(["Giới thiệu đoàn viên ưu tú cho", "Giới thiệu đoàn viên ưu tú (2)", "Q1 2026"]);
  });

  it("cuts long names between words, keeps them unique in any case and free of []:*?/\\", () => {
    const taken = new Set<string>();
    const wanted = [
      "Tỷ lệ CĐCS khu vực ngoài nhà nước hoàn thành tốt nhiệm vụ",
      "Tỷ lệ CĐCS khu vực ngoài nhà nước hoàn thành tốt nhiệm vụ (2025)",
      "TỶ LỆ CĐCS KHU VỰC NGOÀI NHÀ NƯỚC HOÀN THÀNH TỐT NHIỆM VỤ",
      "Kết nạp [đợt 1]: ngành *Y tế*? / Giáo dục \\ Văn hoá",
      "Thànhlậpcôngđoàncơsởkhuvựcngoàinhànước",
      "'History'",
    ];
    const names = wanted.map((name) => uniqueSheetName(name, taken));
    expect(names).toEqual([
      "Tỷ lệ CĐCS khu vực ngoài nhà",
      "Tỷ lệ CĐCS khu vực ngoài (2)",
      "TỶ LỆ CĐCS KHU VỰC NGOÀI (3)",
      "Kết nạp đợt 1 ngành Y tế Giáo",
      "Thànhlậpcôngđoàncơsởkhuvựcngoài",
      "Báo cáo",
    ]);
    for (const [i, name] of names.entries()) {
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      // Every word kept is a whole word of the name asked for, but for a name with no space to cut at.
      if (i !== 4 && name !== "Báo cáo") {
        const words = wanted[i]?.replace(/[[\]:*?/\\]/g, " ").split(/\s+/) ?? [];
        for (const word of name.replace(/ \(\d+\)$/, "").split(" ")) expect(words).toContain(word);
      }
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("stores the figures of a rate metric as fractions too", async () => {
    const rates: ReportSheet = {
      ...KET_NAP,
      rows: [unit("C1", "CĐCS Trường Tiểu học An Phú", 0, { measure: "percent", target: 98, done: 95.5, rate: 0.974 })],
      totals: unit("", "", 0, { measure: "percent", target: 98, done: 95.5, rate: 0.974, missing: 2.5 }),
    };
    const sheet = sheetOf(await open(await writeReportWorkbook([rates])), "Kết nạp");
    expect(["D5", "E5", "F5", "D6", "G6"].map((a) => sheet.getCell(a).value)).toEqual([
      0.98, 0.955, 0.974, 0.98, 0.025,
    ]);
    expect(["D5", "E5", "G6"].map((a) => sheet.getCell(a).numFmt)).toEqual(["0.0%", "0.0%", "0.0%"]);
  });

  it("writes 10,000 units into a workbook that opens", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      unit(`U${i}`, `CĐCS Công ty số ${i + 1}`, i % 3, {
        target: 100,
        done: i % 150,
        rate: (i % 150) / 100,
        missing: Math.max(0, 100 - (i % 150)),
      }),
    );
    const bytes = await writeReportWorkbook([{ ...KET_NAP, rows }]);
    const sheet = sheetOf(await open(bytes), "Kết nạp");
    expect(sheet.getCell("B10004").value).toBe("U9999");
    expect(sheet.getCell("A10005").value).toBe("Tổng cộng");
  });
});
