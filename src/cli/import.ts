// `npm run cli -- import <file.csv>`: units or targets, checked whole, applied all or nothing.
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import type { Repositories } from "../../db/index.ts";
import { applyPlan, detectKind, planTargets, planUnits, TARGET_HEADER, UNIT_HEADER, type Row } from "../domain/import.ts";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export function readCsvRows(text: string): { header: string[]; rows: Row[] } {
  const records = parseCsv(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const rows: Row[] = [];
  records.slice(1).forEach((record, i) => {
    if (record.every((cell) => cell.trim() === "")) return;
    const cells: Record<string, string> = {};
    header.forEach((name, column) => (cells[name] = record[column] ?? ""));
    rows.push({ line: i + 2, cells });
  });
  return { header, rows };
}

export function runImport(args: string[], repos: Repositories, today: string, io: CliIo): number {
  const file = args[0];
  if (!file) {
    io.err("usage: npm run cli -- import <file.csv>");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    io.err(`cannot read ${file}`);
    return 2;
  }
  let parsed: { header: string[]; rows: Row[] };
  try {
    parsed = readCsvRows(text);
  } catch (error) {
    io.err(`${file}: not a readable CSV file (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  const kind = detectKind(parsed.header);
  if (!kind) {
    io.err(`${file}: line 1: header must be "${UNIT_HEADER.join(",")}" (units) or "${TARGET_HEADER.join(",")}" (targets)`);
    return 1;
  }
  const plan = kind === "units" ? planUnits(parsed.rows, repos) : planTargets(parsed.rows, repos, today);
  if (plan.errors.length > 0) {
    for (const error of plan.errors) io.err(`${file}: line ${error.line}: ${error.reason}`);
    io.err(`${plan.errors.length} bad row(s); nothing was imported.`);
    return 1;
  }
  applyPlan(plan, repos);
  io.out(`${kind}: ${plan.added} added, ${plan.changed} updated.`);
  return 0;
}
