// `npm run cli -- import <file>`: units, targets or ratings from .csv or .xlsx, with the headers officers
// use or the English ones; checked whole and applied all or nothing.
import { readFileSync } from "node:fs";
import type { Repositories } from "#db/index.ts";
import { operator } from "#domain/audit.ts";
import { applyPlan, describeProblems, planImport, RATING_HEADER, TARGET_HEADER, UNIT_HEADER } from "#domain/import.ts";
import { loadTranslations } from "#src/i18n.ts";
import { readTable } from "#src/workbooks/read-table.ts";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runImport(args: string[], repos: Repositories, today: string, io: CliIo): Promise<number> {
  const file = args[0];
  if (!file) {
    io.err("usage: npm run cli -- import <file.csv|file.xlsx>");
    return 2;
  }
  let data: Uint8Array;
  try {
    data = readFileSync(file);
  } catch {
    io.err(`cannot read ${file}`);
    return 2;
  }
  const table = await readTable(data, file);
  if (!table.kind) {
    for (const problem of table.problems) io.err(`${file}: ${problem}`);
    io.err(
      `${file}: line 1: header must be "${UNIT_HEADER.join(",")}" (units), "${TARGET_HEADER.join(",")}" (targets) or "${RATING_HEADER.join(",")}" (ratings)`,
    );
    return 1;
  }
  if (table.kind === "members" || table.kind === "cards") {
    io.err(`${file}: a member list or card numbers: use npm run cli -- members import|cards …`);
    return 1;
  }
  const plan = await planImport(table.kind, table.rows, repos, today);
  if (plan.errors.length > 0) {
    const { translate } = loadTranslations();
    const t = (key: string, args?: Record<string, string | number>) => translate("en", key, args);
    for (const error of plan.errors) io.err(`${file}: line ${error.line}: ${describeProblems(error, t)}`);
    io.err(`${plan.errors.length} bad row(s); nothing was imported.`);
    return 1;
  }
  await applyPlan(plan, repos, { who: operator(new Date()), via: "cli" });
  io.out(`${table.kind}: ${plan.added} added, ${plan.changed} updated.`);
  return 0;
}
