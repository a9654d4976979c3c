// Progress reports as an .xlsx laid out like the appendix tables of a Vietnamese union report,
// streamed row by row so that a province-wide table of ten thousand units stays quick.
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Alignment, Borders, CellValue, Fill, Font, Style, Worksheet } from "exceljs";

export interface ReportRow {
  code: string;
  name: string;
  /** Indent level under the report's unit, 0 = direct child. */
  depth: number;
  /** "percent": target, done and missing are percentages (98 means 98 %), as for member rates. */
  measure?: "count" | "percent";
  target: number | null;
  done: number;
  /** Share of the target reached, as a fraction (0.533 shows as 53,3 % on a Vietnamese Excel). */
  rate: number | null;
  missing: number | null;
  pace: "on" | "behind" | "reached" | null;
  /** state | non_state | informal; when any row of a sheet has one, the sheet gets a Khu vực column. */
  sector?: string | null;
  note?: string;
}

export interface ReportSheet {
  /** At most 31 characters and unique; longer or repeated names are shortened and numbered. */
  sheetName: string;
  /** "BÁO CÁO TIẾN ĐỘ CHỈ TIÊU KẾT NẠP ĐOÀN VIÊN" */
  title: string;
  /** Unit, period, date: "LĐLĐ TP Thủ Đức — năm 2026 — số liệu đến ngày 21/11/2026" */
  subtitle: string;
  rows: ReportRow[];
  totals: ReportRow;
  /** Shown under the table, e.g. allocation mismatches. */
  notes?: string[];
}

export const PACE_LABELS: Record<NonNullable<ReportRow["pace"]>, string> = {
  on: "Đúng tiến độ",
  behind: "Chậm tiến độ",
  reached: "Đã đạt",
};

const SECTOR_LABELS: Record<string, string> = {
  state: "Nhà nước",
  non_state: "Ngoài nhà nước",
  informal: "Phi chính thức",
};

/** The row of column headings; the table's rows start right under it. */
export const HEADING_ROW = 4;

// Excel shows these with the reader's separators: 12.000 and 53,3% on a Vietnamese machine, and a
// rate kept as a real fraction still sums, averages and charts in the officer's own formulas.
export const COUNT_FORMAT = "#,##0";
export const PERCENT_FORMAT = "0.0%";

export type Part = "data" | "totals";

interface Column {
  heading: string;
  width: number;
  value(row: ReportRow, position: number | null): CellValue;
  style(part: Part, row: ReportRow): Partial<Style>;
}

const thin = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADING_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const TOTALS_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const FONT: Partial<Font> = { name: "Times New Roman", size: 12 };
const BOLD: Partial<Font> = { ...FONT, bold: true };
const PACE_FONTS: Record<string, Partial<Font>> = {
  behind: { ...FONT, color: { argb: "FFC00000" } },
  reached: { ...FONT, color: { argb: "FF006100" } },
};

export const TITLE: Partial<Style> = {
  font: { ...BOLD, size: 14 },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
};
export const SUBTITLE: Partial<Style> = {
  font: { ...FONT, italic: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
};
export const HEADING: Partial<Style> = {
  font: BOLD,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border: BORDER,
  fill: HEADING_FILL,
};
const NOTES_HEADING: Partial<Style> = { font: { ...BOLD, italic: true } };
const NOTE: Partial<Style> = { font: FONT, alignment: { vertical: "top", wrapText: true } };

// exceljs remembers each style object it has seen, so one object per look keeps 10,000 rows cheap.
const cellStyles = new Map<string, Partial<Style>>();

export function cellStyle(
  part: Part,
  alignment: Partial<Alignment>,
  numFmt?: string,
  font?: Partial<Font>,
): Partial<Style> {
  const key = `${part}|${JSON.stringify(alignment)}|${numFmt ?? ""}|${JSON.stringify(font ?? null)}`;
  let found = cellStyles.get(key);
  if (!found) {
    found = {
      font: part === "totals" ? { ...(font ?? FONT), bold: true } : (font ?? FONT),
      alignment: { vertical: "middle", ...alignment },
      border: BORDER,
      ...(numFmt ? { numFmt } : {}),
      ...(part === "totals" ? { fill: TOTALS_FILL } : {}),
    };
    cellStyles.set(key, found);
  }
  return found;
}

/** A figure in the unit of its metric: a count, or a percentage stored as a fraction. */
const figure = (heading: string, width: number, pick: (row: ReportRow) => number | null): Column => ({
  heading,
  width,
  value: (row) => {
    const value = pick(row);
    return value !== null && row.measure === "percent" ? value / 100 : value;
  },
  style: (part, row) =>
    cellStyle(part, { horizontal: "right" }, row.measure === "percent" ? PERCENT_FORMAT : COUNT_FORMAT),
});

const rateColumn: Column = {
  heading: "Tỷ lệ đạt",
  width: 11,
  value: (row) => row.rate,
  style: (part) => cellStyle(part, { horizontal: "right" }, PERCENT_FORMAT),
};

function columnsFor(sheet: ReportSheet): Column[] {
  const withSector = sheet.rows.some((row) => row.sector);
  return [
    {
      heading: "STT",
      width: 7,
      value: (_row, position) => position,
      style: (part) => cellStyle(part, { horizontal: "center" }),
    },
    {
      heading: "Mã đơn vị",
      width: 14,
      value: (row) => row.code,
      style: (part) => cellStyle(part, { horizontal: "left" }),
    },
    {
      heading: "Tên đơn vị",
      width: 46,
      value: (row) => row.name,
      style: (part, row) =>
        cellStyle(part, {
          horizontal: "left",
          wrapText: true,
          indent: Math.min(Math.max(0, Math.floor(row.depth)), 15),
        }),
    },
    ...(withSector
      ? [
          {
            heading: "Khu vực",
            width: 16,
            value: (row: ReportRow) => (row.sector ? (SECTOR_LABELS[row.sector] ?? row.sector) : null),
            style: (part: Part) => cellStyle(part, { horizontal: "center" }),
          },
        ]
      : []),
    figure("Chỉ tiêu", 12, (row) => row.target),
    figure("Đã thực hiện", 13, (row) => row.done),
    rateColumn,
    figure("Còn thiếu", 11, (row) => row.missing),
    {
      heading: "Tiến độ",
      width: 15,
      value: (row) => (row.pace ? PACE_LABELS[row.pace] : null),
      style: (part, row) =>
        cellStyle(part, { horizontal: "center" }, undefined, row.pace ? PACE_FONTS[row.pace] : undefined),
    },
    {
      heading: "Ghi chú",
      width: 32,
      value: (row) => row.note ?? null,
      style: (part) => cellStyle(part, { horizontal: "left", wrapText: true }),
    },
  ];
}

export async function writeReportWorkbook(sheets: ReportSheet[]): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("a report workbook needs at least one sheet");
  return writeWorkbook((workbook, names) => {
    for (const sheet of sheets) writeSheet(workbook, uniqueSheetName(sheet.sheetName, names), sheet);
  });
}

/** A streamed workbook with the assistant's name on it; `fill` adds its sheets, each name unique. */
export async function writeWorkbook(
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, names: Set<string>) => void,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = "Trợ lý Công đoàn";
  workbook.lastModifiedBy = "Trợ lý Công đoàn";
  workbook.created = new Date();
  workbook.modified = workbook.created;
  fill(workbook, new Set<string>());
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A sheet frozen under its headings, printed on A4 landscape as wide as the page, pages numbered. */
export function addTableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string): Worksheet {
  return workbook.addWorksheet(name, {
    views: [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: HEADING_ROW,
        topLeftCell: `A${HEADING_ROW + 1}`,
        activeCell: `A${HEADING_ROW + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      printTitlesRow: `${HEADING_ROW}:${HEADING_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&CTrang &P/&N" },
  });
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, sheet: ReportSheet): void {
  const columns = columnsFor(sheet);
  const last = columns.length;
  const worksheet = addTableSheet(workbook, name);
  worksheet.columns = columns.map((column) => ({ width: column.width }));

  banner(worksheet, 1, last, sheet.title, TITLE, 24);
  banner(worksheet, 2, last, sheet.subtitle, SUBTITLE);
  worksheet.getRow(3).commit();

  const heading = worksheet.getRow(HEADING_ROW);
  columns.forEach((column, i) => {
    const cell = heading.getCell(i + 1);
    cell.value = column.heading;
    cell.style = HEADING;
  });
  heading.height = 33;
  heading.commit();

  let rowNumber = HEADING_ROW;
  sheet.rows.forEach((row, index) => {
    const line = worksheet.getRow(++rowNumber);
    columns.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      cell.value = column.value(row, index + 1);
      cell.style = column.style("data", row);
    });
    line.commit();
  });

  const totals = worksheet.getRow(++rowNumber);
  columns.forEach((column, i) => {
    const cell = totals.getCell(i + 1);
    cell.value = i === 0 ? "Tổng cộng" : i < 3 ? null : column.value(sheet.totals, null);
    cell.style = i === 0 ? cellStyle("totals", { horizontal: "center" }) : column.style("totals", sheet.totals);
  });
  worksheet.mergeCells(rowNumber, 1, rowNumber, 3);
  totals.commit();

  const notes = sheet.notes ?? [];
  if (notes.length > 0) {
    worksheet.getRow(++rowNumber).commit();
    banner(worksheet, ++rowNumber, last, "Ghi chú:", NOTES_HEADING);
    const lineWidth = columns.reduce((sum, column) => sum + column.width, 0);
    for (const note of notes) {
      const lines = Math.max(1, Math.ceil(note.length / lineWidth));
      banner(worksheet, ++rowNumber, last, `- ${note}`, NOTE, 16 * lines);
    }
  }
  worksheet.commit();
}

/** A line of text across the whole width of the table. */
export function banner(
  worksheet: Worksheet,
  rowNumber: number,
  last: number,
  text: string,
  look: Partial<Style>,
  height?: number,
): void {
  const row = worksheet.getRow(rowNumber);
  const cell = row.getCell(1);
  cell.value = text;
  cell.style = look;
  if (height) row.height = height;
  worksheet.mergeCells(rowNumber, 1, rowNumber, last);
  row.commit();
}

const SHEET_NAME_LIMIT = 31;

/** The longest start of a text that fits, cut between words when there is a space to cut at. */
function cutAtWord(text: string, limit: number): string {
  const letters = [...text];
  if (letters.length <= limit) return text;
  const cut = letters.slice(0, limit + 1).join("");
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : letters.slice(0, limit).join("")).trimEnd();
}

// Excel refuses sheet names over 31 characters, with []:*?/\ in them, starting or ending with an
// apostrophe, or used twice (in any case); "History" is its own.
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted
    .normalize("NFC")
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[' ]+|[' ]+$/g, "");
  const base = clean && clean.toLowerCase() !== "history" ? clean : "Báo cáo";
  let name = cutAtWord(base, SHEET_NAME_LIMIT);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${cutAtWord(base, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
