// Checks a whole file of units or targets before anything is written, then applies it all or nothing.
import type { Repositories } from "../../db/index.ts";
import { SECTORS, UNIT_KINDS, type Sector, type UnitKind } from "../../db/schema.ts";
import { isWithin, type Unit, type UnitInput } from "../../db/repositories/units.ts";
import type { Target } from "../../db/repositories/targets.ts";
import { isValidDay } from "./calendar.ts";
import { isMetricKey } from "./metrics.ts";

/** One row of the file, with its line number in the file (the header is line 1). */
export interface Row {
  line: number;
  cells: Record<string, string>;
}

export interface RowError {
  line: number;
  reason: string;
}

export type ImportPlan =
  | { kind: "units"; rows: UnitInput[]; added: number; changed: number; errors: RowError[] }
  | { kind: "targets"; rows: Target[]; added: number; changed: number; errors: RowError[] };

export const UNIT_HEADER = ["code", "name", "parent_code", "kind", "sector", "members", "workers"] as const;
export const TARGET_HEADER = ["unit_code", "metric", "target", "deadline"] as const;

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** "1.578", "12000": a whole number of people; null when it is not one. */
function wholeNumber(text: string): number | null {
  const plain = text.trim();
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(plain)) return null;
  const value = Number(plain.replaceAll(".", ""));
  return Number.isSafeInteger(value) ? value : null;
}

/** YYYY-MM-DD or DD/MM/YYYY → YYYY-MM-DD; null when it is neither, or no such day. */
export function readDay(text: string): string | null {
  const plain = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(plain);
  const day = vn ? `${vn[3]}-${vn[2]?.padStart(2, "0")}-${vn[1]?.padStart(2, "0")}` : plain;
  return isValidDay(day) ? day : null;
}

export function detectKind(header: string[]): "units" | "targets" | null {
  const has = (names: readonly string[]) => names.every((n) => header.includes(n));
  if (has(UNIT_HEADER)) return "units";
  if (has(TARGET_HEADER)) return "targets";
  return null;
}

/** Plans a units import. Parents may come later in the file than their children. */
export function planUnits(rows: Row[], repos: Pick<Repositories, "units">): ImportPlan {
  const errors: RowError[] = [];
  const accepted = new Map<string, { line: number; input: UnitInput }>();
  for (const { line, cells } of rows) {
    const code = (cells.code ?? "").trim();
    const name = (cells.name ?? "").trim();
    const parentCode = (cells.parent_code ?? "").trim() || null;
    const kind = (cells.kind ?? "").trim();
    const sector = (cells.sector ?? "").trim();
    const members = wholeNumber(cells.members || "0");
    const workers = wholeNumber(cells.workers || "0");
    const problems: string[] = [];
    if (!CODE.test(code)) problems.push("code must be 1–64 letters, digits, dot, dash or underscore");
    else if (accepted.has(code)) problems.push(`code ${code} appears twice in the file (first on line ${accepted.get(code)?.line})`);
    if (!name) problems.push("name is empty");
    if (name.length > 200) problems.push("name is longer than 200 characters");
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) problems.push(`kind must be one of ${UNIT_KINDS.join(", ")}`);
    if (sector && !(SECTORS as readonly string[]).includes(sector)) problems.push(`sector must be one of ${SECTORS.join(", ")} or empty`);
    if (members === null) problems.push("members must be a whole number");
    if (workers === null) problems.push("workers must be a whole number");
    if (parentCode === code) problems.push("a unit cannot be its own parent");
    if (problems.length > 0) {
      errors.push({ line, reason: problems.join("; ") });
      continue;
    }
    accepted.set(code, {
      line,
      input: { code, name, parentCode, kind: kind as UnitKind, sector: (sector || null) as Sector | null, members: members ?? 0, workers: workers ?? 0 },
    });
  }

  // Order parents before children, and check every parent exists, in the file or the database.
  const ordered: UnitInput[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const broken = new Set<string>();
  const place = (code: string): boolean => {
    if (placed.has(code)) return true;
    if (broken.has(code)) return false;
    const entry = accepted.get(code);
    if (!entry) return repos.units.byCode(code) !== undefined;
    if (visiting.has(code)) {
      errors.push({ line: entry.line, reason: `parent_code makes a loop through ${code}` });
      broken.add(code);
      return false;
    }
    visiting.add(code);
    const parent = entry.input.parentCode;
    const ok = parent === null || place(parent);
    visiting.delete(code);
    if (!ok) {
      if (!broken.has(code)) {
        const known = parent !== null && (accepted.has(parent) || repos.units.byCode(parent));
        errors.push({ line: entry.line, reason: known ? `parent ${parent} has an error` : `parent_code ${parent} is not a known unit` });
      }
      broken.add(code);
      return false;
    }
    placed.add(code);
    ordered.push(entry.input);
    return true;
  };
  for (const code of accepted.keys()) place(code);

  let added = 0;
  let changed = 0;
  for (const input of ordered) {
    const line = accepted.get(input.code)?.line ?? 0;
    const existing = repos.units.byCode(input.code);
    if (existing) {
      const newParent = input.parentCode ? repos.units.byCode(input.parentCode)?.id : null;
      if (existing.parentId !== (newParent ?? null) && repos.units.children(existing.id).length > 0) {
        errors.push({ line, reason: `${input.code} has units below it and cannot move to another parent` });
        continue;
      }
      changed++;
    } else added++;
  }
  return { kind: "units", rows: ordered, added, changed, errors: errors.sort((a, b) => a.line - b.line) };
}

export function planTargets(rows: Row[], repos: Pick<Repositories, "units" | "targets">, today: string, scope?: Unit): ImportPlan {
  const errors: RowError[] = [];
  const planned: Target[] = [];
  const seen = new Map<string, number>();
  let added = 0;
  let changed = 0;
  for (const { line, cells } of rows) {
    const code = (cells.unit_code ?? "").trim();
    const metric = (cells.metric ?? "").trim();
    const value = wholeNumber(cells.target ?? "");
    const deadlineText = (cells.deadline ?? "").trim();
    const deadline = deadlineText ? readDay(deadlineText) : null;
    const unit = code ? repos.units.byCode(code) : undefined;
    const problems: string[] = [];
    if (!unit) problems.push(`unit_code ${code || "(empty)"} is not a known unit`);
    else if (scope && !isWithin(unit, scope)) problems.push(`${code} is outside your units`);
    if (!isMetricKey(metric)) problems.push(`metric ${metric || "(empty)"} is not known`);
    if (value === null) problems.push("target must be a whole number");
    if (deadlineText && !deadline) problems.push("deadline must be YYYY-MM-DD or DD/MM/YYYY");
    const period = (deadline ?? today).slice(0, 4);
    const key = `${code}|${metric}|${period}`;
    if (problems.length === 0 && seen.has(key)) problems.push(`same unit, metric and year as line ${seen.get(key)}`);
    if (problems.length > 0 || !unit || value === null) {
      errors.push({ line, reason: problems.join("; ") });
      continue;
    }
    seen.set(key, line);
    if (repos.targets.find(unit.id, metric, period)) changed++;
    else added++;
    planned.push({ unitId: unit.id, metric, period, value, deadline });
  }
  return { kind: "targets", rows: planned, added, changed, errors };
}

/** Writes a plan without errors in one transaction. */
export function applyPlan(plan: ImportPlan, repos: Repositories): void {
  if (plan.errors.length > 0) throw new Error("a plan with errors is never applied");
  repos.db.$client.transaction(() => {
    if (plan.kind === "units") for (const row of plan.rows) repos.units.upsert(row);
    else for (const row of plan.rows) repos.targets.upsert(row);
  })();
}
