// The member list as the national member software imports it. Which column holds what, and its heading, come
// from mappings/member-export.json, so a federation matches its own template by editing that file, not code.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { z } from "zod";

export const MEMBER_EXPORT_FIELDS = [
  "index",
  "fullName",
  "birthDate",
  "gender",
  "idNumber",
  "hometown",
  "ethnicity",
  "religion",
  "joinedOn",
  "cardNumber",
  "status",
  "unitCode",
  "unitName",
] as const;
export type MemberExportField = (typeof MEMBER_EXPORT_FIELDS)[number];

const mappingSchema = z.object({
  sheet: z.string().min(1).max(31),
  columns: z
    .array(z.object({ header: z.string().min(1).max(200), field: z.enum(MEMBER_EXPORT_FIELDS) }))
    .min(1)
    .max(100),
});
export type MemberExportMapping = z.infer<typeof mappingSchema>;

export const MEMBER_EXPORT_MAPPING = fileURLToPath(new URL("../../mappings/member-export.json", import.meta.url));

/** Reads and checks the mapping; a bad file throws naming what is wrong. */
export function loadMemberMapping(path: string = MEMBER_EXPORT_MAPPING): MemberExportMapping {
  return mappingSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** One member as the file writes it: every value already text (dates DD/MM/YYYY, gender in Vietnamese). */
export type MemberExportRow = Record<Exclude<MemberExportField, "index">, string>;

/** The workbook, every cell text: ID numbers keep their leading zeros, dates stay as typed in the template. */
export async function writeMemberWorkbook(rows: MemberExportRow[], mapping: MemberExportMapping): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(mapping.sheet);
  sheet.columns = mapping.columns.map((c) => ({
    header: c.header,
    width: Math.max(8, c.header.length + 4),
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => {
    sheet.addRow(mapping.columns.map((c) => (c.field === "index" ? i + 1 : row[c.field])));
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
