// The sheets of an .xlsx, read straight from its XML with the table limits checked row by row: no
// workbook object of the whole file is ever built, so a hostile file costs at most the limits.
import {
  cellTooLong,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_EXPANDED_BYTES,
  MAX_ROWS,
  tooExpanded,
  tooManyColumns,
  tooManyRows,
} from "./table-limits.ts";
import { openZip, ZipTooLarge, ZipUnreadable, type ZipArchive } from "./zip-archive.ts";

export type Cell = string | number;

export interface Line {
  /** The row number the officer sees in Excel. */
  line: number;
  cells: Cell[];
}

export interface Sheet {
  /** Where the table is, for messages: "trang “Danh sách”, " or "". */
  place: string;
  lines: Line[];
}

export { ZipUnreadable as XlsxUnreadable };

/** Throws TableTooLarge past a limit and XlsxUnreadable on anything that is not a workbook. */
export function xlsxSheets(data: Uint8Array): Iterable<Sheet> {
  let zip: ZipArchive;
  try {
    zip = openZip(data, MAX_EXPANDED_BYTES);
  } catch (error) {
    throw error instanceof ZipTooLarge ? tooExpanded() : error;
  }
  const text = (name: string): string | undefined => {
    try {
      const bytes = zip.read(name);
      return bytes && new TextDecoder().decode(bytes);
    } catch (error) {
      throw error instanceof ZipTooLarge ? tooExpanded() : error;
    }
  };
  const workbook = text("xl/workbook.xml");
  if (workbook === undefined) throw new ZipUnreadable();
  const targets = relationships(text("xl/_rels/workbook.xml.rels") ?? "");
  const shared = sharedStrings(text("xl/sharedStrings.xml") ?? "");
  const dates = dateStyles(text("xl/styles.xml") ?? "");
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)>/g)].map((m) => ({
    name: decode(attribute(m[1] ?? "", "name") ?? ""),
    target: targets.get(attribute(m[1] ?? "", "r:id") ?? "") ?? "",
  }));
  return (function* () {
    for (const { name, target } of sheets) {
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      const xml = text(path);
      if (xml === undefined) continue;
      yield { place: `trang “${name}”, `, lines: sheetLines(xml, { shared, dates, date1904 }) };
    }
  })();
}

interface Context {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

function sheetLines(xml: string, context: Context): Line[] {
  const lines: Line[] = [];
  const rows = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
  let previous = 0;
  for (const row of xml.matchAll(rows)) {
    const line = Number(attribute(row[1] ?? "", "r") ?? previous + 1);
    previous = line;
    const cells = rowCells(row[3] ?? "", line, context);
    if (cells.every((cell) => cell === "")) continue;
    if (lines.length >= MAX_ROWS) throw tooManyRows();
    lines.push({ line, cells });
  }
  return lines;
}

function rowCells(xml: string, line: number, { shared, dates, date1904 }: Context): Cell[] {
  const cells: Cell[] = [];
  for (const cell of xml.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = cell[1] ?? "";
    const reference = attribute(attributes, "r");
    const column = reference ? columnIndex(reference) : cells.length;
    if (column >= MAX_COLUMNS) throw tooManyColumns(line);
    const body = cell[3] ?? "";
    const value = cellValue(attributes, body, shared, dates, date1904);
    if (typeof value === "string" && value.length > MAX_CELL_CHARS) throw cellTooLong(line);
    while (cells.length < column) cells.push("");
    cells[column] = value;
  }
  return cells;
}

function cellValue(attributes: string, body: string, shared: string[], dates: boolean[], date1904: boolean): Cell {
  const type = attribute(attributes, "t") ?? "n";
  const raw = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
  switch (type) {
    case "s":
      return shared[Number(raw)] ?? "";
    case "inlineStr":
      return runsText(body);
    case "str":
      return decode(raw ?? "");
    case "b":
      return raw === "1" ? "TRUE" : "FALSE";
    case "e":
      return decode(raw ?? "");
    default: {
      if (raw === undefined || raw.trim() === "") return "";
      const number = Number(raw);
      if (Number.isNaN(number)) return decode(raw);
      return dates[Number(attribute(attributes, "s") ?? 0)] ? isoDay(number, date1904) : number;
    }
  }
}

/** A date cell holds days since 1899-12-30 (or 1904-01-01); half a second absorbs 23:59:59.9998. */
function isoDay(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const time = epoch + serial * 86_400_000 + 500;
  return Number.isFinite(time) && Math.abs(serial) < 3_000_000 ? new Date(time).toISOString().slice(0, 10) : "";
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => runsText(m[1] ?? ""));
}

/** The text of a string item: its runs joined, phonetic guides left out. */
function runsText(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  for (const m of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += decode(m[1] ?? "");
  return text;
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1] ?? "", "Id");
    const target = attribute(m[1] ?? "", "Target");
    if (id && target) map.set(id, decode(target));
  }
  return map;
}

// Built-in number formats that show a date (ECMA-376 §18.8.30), and custom ones with day, month or year codes.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const code = decode(attribute(m[1] ?? "", "formatCode") ?? "")
      .replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")
      .toLowerCase();
    custom.set(Number(attribute(m[1] ?? "", "numFmtId")), /[dmy]/.test(code));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => {
    const id = Number(attribute(m[1] ?? "", "numFmtId") ?? 0);
    return custom.get(id) ?? DATE_FORMAT_IDS.has(id);
  });
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** "AB12" → 27 (zero-based). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    if (index > MAX_COLUMNS) break;
  }
  return index - 1;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
