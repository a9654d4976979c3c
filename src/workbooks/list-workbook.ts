// Lists that are not progress figures (tasks, announcements) as an .xlsx with the look of the progress
// report: the same title and subtitle, heading row, numbered rows, borders, fonts and page setup.
import type { Alignment, CellValue } from "exceljs";
import {
  addTableSheet,
  banner,
  cellStyle,
  COUNT_FORMAT,
  HEADING,
  HEADING_ROW,
  PERCENT_FORMAT,
  SUBTITLE,
  TITLE,
  uniqueSheetName,
  writeWorkbook,
} from "./report-workbook.ts";

/** "text" wraps; "count" is a whole number; "rate" a fraction shown as a percentage. */
export type ListKind = "text" | "short" | "count" | "rate";

export interface ListColumn {
  heading: string;
  width: number;
  kind: ListKind;
}

export interface ListSheet {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: ListColumn[];
  /** One value per column, after the row number. */
  rows: (string | number | null)[][];
  /** Sums under the count columns, when given: the label in the first cell. */
  totals?: boolean;
}

const ALIGN: Record<ListKind, Partial<Alignment>> = {
  text: { horizontal: "left", wrapText: true },
  short: { horizontal: "center" },
  count: { horizontal: "right" },
  rate: { horizontal: "right" },
};
const FORMAT: Partial<Record<ListKind, string>> = { count: COUNT_FORMAT, rate: PERCENT_FORMAT };
const NUMBER: ListColumn = { heading: "STT", width: 7, kind: "short" };

export async function writeListWorkbook(sheets: ListSheet[]): Promise<Uint8Array> {
  if (sheets.length === 0) throw new Error("a list workbook needs at least one sheet");
  return writeWorkbook((workbook, names) => {
    for (const sheet of sheets) {
      const columns = [NUMBER, ...sheet.columns];
      const worksheet = addTableSheet(workbook, uniqueSheetName(sheet.sheetName, names));
      worksheet.columns = columns.map((column) => ({ width: column.width }));
      banner(worksheet, 1, columns.length, sheet.title, TITLE, 24);
      banner(worksheet, 2, columns.length, sheet.subtitle, SUBTITLE);
      worksheet.getRow(3).commit();
      const heading = worksheet.getRow(HEADING_ROW);
      columns.forEach((column, i) => {
        const cell = heading.getCell(i + 1);
        cell.value = column.heading;
        cell.style = HEADING;
      });
      heading.height = 33;
      heading.commit();
      const put = (rowNumber: number, values: CellValue[], part: "data" | "totals") => {
        const line = worksheet.getRow(rowNumber);
        columns.forEach((column, i) => {
          const cell = line.getCell(i + 1);
          cell.value = values[i] ?? null;
          cell.style = cellStyle(part, ALIGN[column.kind], FORMAT[column.kind]);
        });
        line.commit();
      };
      sheet.rows.forEach((values, index) => put(HEADING_ROW + 1 + index, [index + 1, ...values], "data"));
      if (sheet.totals) put(HEADING_ROW + 1 + sheet.rows.length, totalsOf(sheet), "totals");
      worksheet.commit();
    }
  });
}

/** "Tổng cộng", then the sum of each count column; other columns left empty. */
function totalsOf(sheet: ListSheet): CellValue[] {
  return [
    "Tổng cộng",
    ...sheet.columns.map((column, i) =>
      column.kind === "count" ? sheet.rows.reduce((sum, row) => sum + Number(row[i] ?? 0), 0) : null,
    ),
  ];
}
