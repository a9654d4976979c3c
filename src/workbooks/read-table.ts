// Turns a units or targets table that an officer sends as .xlsx or .csv into the rows the import
// domain checks: Vietnamese headings and words mapped to canonical ones, numbers and dates made plain.
import { parse as parseCsv } from "csv-parse/sync";
import type { Row } from "#domain/import.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";
import {
  EXPECTED_HEADINGS,
  isHeading,
  readHeading,
  type Heading,
  type NearMiss,
  type TableKind,
} from "./header-names.ts";
import {
  cellTooLong,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_ROWS,
  TableTooLarge,
  tooManyColumns,
  tooManyRows,
} from "./table-limits.ts";
import { normalizeKind, normalizeMetric, normalizeRating, normalizeSector } from "./value-words.ts";
import { xlsxSheets, type Cell, type Sheet } from "./xlsx-sheets.ts";

export type { TableKind } from "./header-names.ts";
export { normalizeKind, normalizeMetric, normalizeSector } from "./value-words.ts";

export interface ReadTable {
  kind: TableKind | null;
  /** Canonical names, in the CLI's order; every row's cells has each of them ("" when the file has no such column). */
  header: string[];
  rows: Row[];
  /** In Vietnamese, for the officer. Non-empty means the table cannot be imported as it is. */
  problems: string[];
  /** The file passed a reading limit (size, rows, columns, cell length); the one problem says which. */
  tooLarge?: boolean;
}

// Title rows ("DANH SÁCH ĐƠN VỊ", the issuing unit, the date) come before the heading row.
const HEADING_SEARCH_ROWS = 30;

const NUMERIC_COLUMNS = new Set(["members", "workers", "target"]);
const DATE_COLUMNS = new Set(["birth_date", "joined_on"]);
const VALUE_WORDS: Record<string, (text: string) => string> = {
  kind: normalizeKind,
  sector: normalizeSector,
  metric: normalizeMetric,
  rating: normalizeRating,
};

const NOT_A_TABLE_FILE = "Tệp phải là .xlsx hoặc .csv";
const UNREADABLE_XLSX =
  "Không đọc được tệp Excel này (tệp hỏng, có mật khẩu, hoặc là tệp .xls cũ). " +
  "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.";
const NOT_UTF8 =
  "Tệp CSV không dùng mã UTF-8 nên tiếng Việt bị lỗi. " +
  "Trong Excel hãy chọn Lưu thành (Save As) dạng “CSV UTF-8 (Comma delimited)” rồi gửi lại.";

const failed = (problem: string): ReadTable => ({ kind: null, header: [], rows: [], problems: [problem] });

export async function readTable(data: Uint8Array, fileName: string): Promise<ReadTable> {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  try {
    if (extension === "xlsx") {
      try {
        return tableFrom(xlsxSheets(data));
      } catch (error) {
        if (error instanceof TableTooLarge) throw error;
        // A zip that is not a workbook can also fail later, while its sheets are read.
        return failed(UNREADABLE_XLSX);
      }
    }
    if (extension === "csv") return readCsv(data);
  } catch (error) {
    if (error instanceof TableTooLarge) return { ...failed(error.message), tooLarge: true };
    throw error;
  }
  return failed(NOT_A_TABLE_FILE);
}

/** Reads the first sheet that has a heading row; sheets are produced lazily, so later ones cost nothing. */
function tableFrom(sheets: Iterable<Sheet>): ReadTable {
  let nearest: { place: string; line: number; miss: NearMiss } | null = null;
  for (const sheet of sheets) {
    const searched = sheet.lines.slice(0, HEADING_SEARCH_ROWS);
    for (const [index, { line, cells }] of searched.entries()) {
      const heading = readHeading(cells.map(cellText));
      if (isHeading(heading)) return rowsBelow(sheet, index, heading);
      if (heading.found.length >= 2 && heading.found.length > (nearest?.miss.found.length ?? 0)) {
        nearest = { place: sheet.place, line, miss: heading };
      }
    }
  }
  const { place = "", line = 0, miss } = nearest ?? {};
  const hint = miss
    ? ` ${capitalise(`${place}dòng ${line} có cột ${miss.found.join(", ")} nhưng thiếu cột ${miss.missing.join(", ")}.`)}`
    : "";
  return failed(`Không tìm thấy dòng tiêu đề của bảng.${hint} ${EXPECTED_HEADINGS}`);
}

function rowsBelow(sheet: Sheet, headingIndex: number, heading: Heading): ReadTable {
  const rows: Row[] = [];
  const headingLine = sheet.lines[headingIndex]?.line ?? 0;
  sheet.lines.slice(headingIndex + 1).forEach((line, offset) => {
    if (offset === 0 && isColumnNumbering(line.cells)) return;
    const cells: Record<string, string> = {};
    for (const name of heading.header) {
      const position = heading.positions.get(name);
      cells[name] = position === undefined ? "" : columnValue(name, line.cells[position] ?? "");
    }
    if (Object.values(cells).every((value) => value === "")) return;
    if (isTotalsRow(line.cells, cells)) return;
    rows.push({ line: line.line, cells });
  });
  const problems =
    rows.length === 0
      ? [capitalise(`${sheet.place}bảng không có dòng số liệu nào dưới dòng tiêu đề (dòng ${headingLine}).`)]
      : [];
  return { kind: heading.kind, header: heading.header, rows, problems };
}

/** Excel keeps a date as days since 30/12/1899; member dates are read back as DD/MM/YYYY. */
function excelDate(serial: number): string {
  const day = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

function columnValue(name: string, cell: Cell): string {
  if (DATE_COLUMNS.has(name) && typeof cell === "number") return excelDate(cell);
  // A 12-digit ID number typed into a number cell loses its leading zeros.
  if (name === "id_number" && typeof cell === "number") return numberText(cell).padStart(12, "0");
  if (NUMERIC_COLUMNS.has(name)) return typeof cell === "number" ? numberText(cell) : wholeNumberText(cleanText(cell));
  const text = cellText(cell);
  return VALUE_WORDS[name]?.(text) ?? text;
}

// Vietnamese tables number their columns on the row under the headings: "(1) (2) (3)" or "A B 1 2".
function isColumnNumbering(cells: Cell[]): boolean {
  const filled = cells.map(cellText).filter((text) => text !== "");
  return filled.length >= 2 && filled.every((text) => /^\(?[0-9A-Za-z]{1,2}\)?$/.test(text));
}

// A "Tổng cộng" row at the bottom of the table sums the figures; it is not a unit or a target.
function isTotalsRow(cells: Cell[], row: Record<string, string>): boolean {
  const code = row.code ?? row.unit_code ?? "";
  return (
    code === "" && cells.some((cell) => ["tong cong", "tong", "cong", "tong so"].includes(foldWords(cellText(cell))))
  );
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function cellText(cell: Cell): string {
  return typeof cell === "number" ? numberText(cell) : cleanText(cell);
}

function numberText(value: number): string {
  // A count computed by a formula can come back as 1577.9999999999998.
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-9 ? String(whole) : String(value);
}

/**
 * "1.578", "12.000", "12 000" → "1578", "12000". The columns hold whole counts, so a comma between
 * groups of three digits ("1,578", typed on an English-locale machine) also separates thousands.
 * Anything else is left for the domain to report.
 */
function wholeNumberText(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(compact) || /^\d+$/.test(compact)) return compact.replace(/[.,]/g, "");
  if (/^\d{1,3}( \d{3})+$/.test(text)) return compact;
  return text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ----------------------------------------------------------------------------------------------- csv

// Excel in Vietnamese settings saves CSV with ';' because ',' is the decimal mark; some tools use tabs.
const DELIMITERS = [",", ";", "\t"];

function readCsv(data: Uint8Array): ReadTable {
  const text = decodeCsv(data);
  if (text === null) return failed(NOT_UTF8);
  // A record spans at least one line: counting lines first refuses a long file before csv-parse, which
  // spends tens of microseconds on each short line, has read it all.
  if (lineCount(text) > MAX_ROWS + HEADING_SEARCH_ROWS) throw tooManyRows();
  // Try the delimiter that occurs most near the top first; the first that yields a heading row wins.
  const top = text.slice(0, 4000);
  const order = [...DELIMITERS].sort((a, b) => top.split(b).length - top.split(a).length);
  let likeliest: ReadTable | null = null;
  for (const delimiter of order) {
    let records: string[][];
    try {
      records = parseCsv(text, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        // Checked as each record is parsed, so a hostile file stops at the limit.
        max_record_size: MAX_COLUMNS * (MAX_CELL_CHARS + 3),
        on_record: (record: string[], { lines, records }: { lines: number; records: number }) => {
          if (records > MAX_ROWS + HEADING_SEARCH_ROWS) throw tooManyRows();
          if (record.length > MAX_COLUMNS) throw tooManyColumns(lines);
          if (record.some((cell) => cell.length > MAX_CELL_CHARS)) throw cellTooLong(lines);
          return record;
        },
      }) as string[][];
    } catch (error) {
      if (error instanceof TableTooLarge) throw error;
      if ((error as { code?: string }).code === "CSV_MAX_RECORD_SIZE")
        throw cellTooLong(Number((error as { lines?: number }).lines ?? 0));
      const line = error instanceof Error && "lines" in error ? ` ở dòng ${String(error.lines)}` : "";
      likeliest ??= failed(
        `Tệp CSV bị lỗi định dạng${line}. Hãy mở tệp bằng Excel, lưu lại dạng “CSV UTF-8” rồi gửi lại.`,
      );
      continue;
    }
    const table = tableFrom([{ place: "", lines: records.map((cells, i) => ({ line: i + 1, cells })) }]);
    if (table.kind !== null) return table;
    likeliest ??= table;
  }
  return likeliest ?? failed(`Không tìm thấy dòng tiêu đề của bảng. ${EXPECTED_HEADINGS}`);
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

function decodeCsv(data: Uint8Array): string | null {
  try {
    const utf16 = data[0] === 0xff && data[1] === 0xfe;
    const text = new TextDecoder(utf16 ? "utf-16le" : "utf-8", { fatal: true }).decode(data);
    return text.replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}
