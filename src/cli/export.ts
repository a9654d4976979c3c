// `npm run cli -- export <unit_code> <file.xlsx>`: the same workbook /xuatbaocao sends.
import { writeFileSync } from "node:fs";
import type { Repositories } from "#db/index.ts";
import { audit, operator } from "#domain/audit.ts";
import { reportSheets } from "#domain/report-sheets.ts";
import { writeReportWorkbook } from "#src/workbooks/report-workbook.ts";
import type { CliIo } from "./import.ts";

export async function runExport(args: string[], repos: Repositories, today: string, io: CliIo): Promise<number> {
  const [code, file] = args;
  if (!code || !file) {
    io.err("usage: npm run cli -- export <unit_code> <file.xlsx>");
    return 2;
  }
  const unit = await repos.units.byCode(code);
  if (!unit) {
    io.err(`unknown unit ${code}`);
    return 1;
  }
  const sheets = await reportSheets(repos, unit, today);
  if (sheets.length === 0) {
    io.err(`${unit.name} has no targets for ${today.slice(0, 4)} in its subtree; nothing to export`);
    return 1;
  }
  writeFileSync(file, await writeReportWorkbook(sheets));
  await audit(repos, operator(new Date()), "workbook_exported", unit, { after: { sheets: sheets.length } });
  io.out(`${file}: ${sheets.length} sheet(s), ${sheets[0]?.rows.length ?? 0} unit row(s) each.`);
  return 0;
}
