// Checks a whole file of units or targets before anything is written, then applies it all or nothing.
// Problems are Fluent keys with arguments: the CLI prints them in English, the bot in Vietnamese.
import type { Repositories } from "#db/index.ts";
import { RATINGS, SECTORS, UNIT_KINDS, type Rating, type Sector, type UnitKind } from "#db/schema.ts";
import type { Unit, UnitInput } from "#db/repositories/units.ts";
import { isWithin } from "#db/tree.ts";
import type { Target } from "#db/repositories/targets.ts";
import { auditImport, type Doer, type ImportVia } from "./audit.ts";
import { restAfter, slices } from "./background-turn.ts";
import { isValidDay } from "./calendar.ts";
import { findMetricByName } from "./metric-lookup.ts";
import { mayUseMetric } from "./metric-owner.ts";
import type { Metric } from "#db/repositories/metrics.ts";
import { storedRows } from "./import-payload.ts";

/** One row of the file, with its line number in the file (the header is line 1). */
export interface Row {
  line: number;
  cells: Record<string, string>;
}

export interface Problem {
  key: string;
  args?: Record<string, string | number>;
}

export interface RowError {
  line: number;
  problems: Problem[];
}

export type ImportKind = "units" | "targets" | "ratings";

export interface RatingInput {
  unitId: number;
  year: string;
  rating: Rating;
}

export type ImportPlan =
  | { kind: "units"; rows: UnitInput[]; added: number; changed: number; errors: RowError[] }
  | { kind: "targets"; rows: Target[]; added: number; changed: number; errors: RowError[] }
  | { kind: "ratings"; rows: RatingInput[]; added: number; changed: number; errors: RowError[] };

export const UNIT_HEADER = ["code", "name", "parent_code", "kind", "sector", "members", "workers"] as const;
export const TARGET_HEADER = ["unit_code", "metric", "target", "deadline"] as const;
export const RATING_HEADER = ["unit_code", "year", "rating"] as const;

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

export function detectKind(header: string[]): ImportKind | null {
  const has = (names: readonly string[]) => names.every((n) => header.includes(n));
  if (has(TARGET_HEADER)) return "targets";
  if (has(RATING_HEADER)) return "ratings";
  if (has(UNIT_HEADER)) return "units";
  return null;
}

/** Renders a row's problems in one line. */
export function describeProblems(
  error: RowError,
  t: (key: string, args?: Record<string, string | number>) => string,
): string {
  return error.problems.map((p) => t(p.key, p.args)).join("; ");
}

type Fail = (line: number, key: string, args?: Problem["args"]) => void;

interface AcceptedUnit {
  line: number;
  input: UnitInput;
}

/**
 * Where a row about a unit falls for an admin: the admin's own unit is kept by the level above, so a file
 * may touch only the units strictly below it.
 */
function outsideScope(unit: Unit, scope: Unit | undefined, ownKey: string): Problem | undefined {
  if (!scope) return undefined;
  if (unit.id === scope.id) return { key: ownKey, args: { code: unit.code } };
  return isWithin(unit, scope) ? undefined : { key: "import-outside", args: { code: unit.code, scope: scope.name } };
}

/**
 * Plans a units import. Parents may come later in the file than their children. With a scope (an
 * admin's unit), every row must stay below it: existing units within it, new ones under a parent within it,
 * and never the admin's own unit.
 */
export async function planUnits(rows: Row[], repos: Pick<Repositories, "units">, scope?: Unit): Promise<ImportPlan> {
  const errors: RowError[] = [];
  const fail: Fail = (line, key, args) => errors.push({ line, problems: [{ key, ...(args ? { args } : {}) }] });
  const accepted = readUnitRows(rows, errors);
  const ordered = await parentsFirst(accepted, repos, fail);
  const { kept, added, changed } = await keepInScope(ordered, accepted, repos, fail, scope);
  return { kind: "units", rows: kept, added, changed, errors: errors.sort((a, b) => a.line - b.line) };
}

/** Each row checked on its own; the good ones by code, the bad ones' problems added to the errors. */
function readUnitRows(rows: Row[], errors: RowError[]): Map<string, AcceptedUnit> {
  const accepted = new Map<string, AcceptedUnit>();
  for (const { line, cells } of rows) {
    const code = (cells.code ?? "").trim();
    const name = (cells.name ?? "").trim();
    const parentCode = (cells.parent_code ?? "").trim() || null;
    const kind = (cells.kind ?? "").trim();
    const sector = (cells.sector ?? "").trim();
    const members = wholeNumber(cells.members || "0");
    const workers = wholeNumber(cells.workers || "0");
    const problems: Problem[] = [];
    if (!CODE.test(code)) problems.push({ key: "import-bad-code" });
    else if (accepted.has(code))
      problems.push({ key: "import-duplicate-code", args: { code, first: accepted.get(code)?.line ?? 0 } });
    if (!name) problems.push({ key: "import-empty-name" });
    if (name.length > 200) problems.push({ key: "import-long-name" });
    if (!(UNIT_KINDS as readonly string[]).includes(kind))
      problems.push({ key: "import-bad-kind", args: { value: kind || "—" } });
    if (sector && !(SECTORS as readonly string[]).includes(sector))
      problems.push({ key: "import-bad-sector", args: { value: sector } });
    if (members === null) problems.push({ key: "import-bad-members" });
    if (workers === null) problems.push({ key: "import-bad-workers" });
    if (parentCode !== null && parentCode === code) problems.push({ key: "import-own-parent" });
    if (problems.length > 0) {
      errors.push({ line, problems });
      continue;
    }
    accepted.set(code, {
      line,
      input: {
        code,
        name,
        parentCode,
        kind: kind as UnitKind,
        sector: (sector || null) as Sector | null,
        members: members ?? 0,
        workers: workers ?? 0,
      },
    });
  }
  return accepted;
}

/** Orders parents before children, and checks every parent exists, in the file or the database. */
async function parentsFirst(
  accepted: Map<string, AcceptedUnit>,
  repos: Pick<Repositories, "units">,
  fail: Fail,
): Promise<UnitInput[]> {
  const ordered: UnitInput[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const broken = new Set<string>();
  const place = async (code: string): Promise<boolean> => {
    if (placed.has(code)) return true;
    if (broken.has(code)) return false;
    const entry = accepted.get(code);
    if (!entry) return (await repos.units.byCode(code)) !== undefined;
    if (visiting.has(code)) {
      fail(entry.line, "import-parent-loop", { code });
      broken.add(code);
      return false;
    }
    visiting.add(code);
    const parent = entry.input.parentCode;
    const ok = parent === null || (await place(parent));
    visiting.delete(code);
    if (!ok) {
      if (!broken.has(code)) {
        const known = parent !== null && (accepted.has(parent) || (await repos.units.byCode(parent)) !== undefined);
        fail(entry.line, known ? "import-parent-broken" : "import-unknown-parent", { code: parent ?? "" });
      }
      broken.add(code);
      return false;
    }
    placed.add(code);
    ordered.push(entry.input);
    return true;
  };
  for (const code of accepted.keys()) await place(code);
  return ordered;
}

/** The units an admin may write (inside their scope) and that do not move a unit with units below it. */
async function keepInScope(
  ordered: UnitInput[],
  accepted: Map<string, AcceptedUnit>,
  repos: Pick<Repositories, "units">,
  fail: Fail,
  scope: Unit | undefined,
): Promise<{ kept: UnitInput[]; added: number; changed: number }> {
  let added = 0;
  let changed = 0;
  const inScope = new Set<string>();
  const kept: UnitInput[] = [];
  for (const input of ordered) {
    const line = accepted.get(input.code)?.line ?? 0;
    const existing = await repos.units.byCode(input.code);
    const parent = input.parentCode ? await repos.units.byCode(input.parentCode) : undefined;
    if (scope) {
      const parentInside =
        input.parentCode !== null &&
        (inScope.has(input.parentCode) || (parent !== undefined && isWithin(parent, scope)));
      if (existing?.id === scope.id) {
        fail(line, "import-own-unit-row", { code: input.code });
        continue;
      }
      const ok = existing ? isWithin(existing, scope) && parentInside : parentInside;
      if (!ok) {
        fail(line, "import-outside", { code: input.code, scope: scope.name });
        continue;
      }
      inScope.add(input.code);
    }
    if (
      existing &&
      existing.parentId !== (parent?.id ?? null) &&
      (await repos.units.children(existing.id)).length > 0
    ) {
      fail(line, "import-cannot-move", { code: input.code });
      continue;
    }
    kept.push(input);
    if (existing) changed++;
    else added++;
  }
  return { kept, added, changed };
}

export async function planTargets(
  rows: Row[],
  repos: Pick<Repositories, "units" | "targets" | "metrics" | "plans">,
  today: string,
  scope?: Unit,
): Promise<ImportPlan> {
  const checker = targetChecker(repos, today, scope);
  for await (const chunk of withUnits(rows, repos)) for (const row of chunk.rows) await checker.check(row, chunk.units);
  return checker.plan();
}

/** Checks a targets file row by row, so that a long file can be checked in slices. */
function targetChecker(
  repos: Pick<Repositories, "units" | "targets" | "metrics" | "plans">,
  today: string,
  scope: Unit | undefined,
) {
  const errors: RowError[] = [];
  const planned: Target[] = [];
  const seen = new Map<string, number>();
  let added = 0;
  let changed = 0;
  // A file names a handful of metrics and deadlines over and over: each is read once.
  const metricKeys = new Map<string, string>();
  const metricKeyOf = async (text: string): Promise<string> => {
    let key = metricKeys.get(text);
    if (key === undefined) {
      // Metrics an admin added are known by their name too, not only the ones with fixed spellings.
      key =
        ((await repos.metrics.get(text)) ?? findMetricByName(text, (await repos.metrics.all()).values()))?.key ?? text;
      metricKeys.set(text, key);
    }
    return key;
  };
  const metrics = new Map<string, Metric | undefined>();
  const metricOf = async (key: string) => {
    if (!metrics.has(key)) metrics.set(key, await repos.metrics.get(key));
    return metrics.get(key);
  };
  const days = new Map<string, string | null>();
  const dayOf = (text: string): string | null => {
    if (!days.has(text)) days.set(text, readDay(text));
    return days.get(text) ?? null;
  };
  const check = async ({ line, cells }: Row, units: Map<string, Unit>): Promise<void> => {
    const code = (cells.unit_code ?? "").trim();
    const metric = await metricKeyOf((cells.metric ?? "").trim());
    const value = wholeNumber(cells.target ?? "");
    const deadlineText = (cells.deadline ?? "").trim();
    const deadline = deadlineText ? dayOf(deadlineText) : null;
    const scopeText = (cells.scope ?? "").trim().toLowerCase();
    const planNumber = (cells.plan ?? "").trim();
    const plan = planNumber ? (await repos.plans.byNumber(planNumber))[0] : undefined;
    const unit = units.get(code);
    const problems: Problem[] = [];
    const known = await metricOf(metric);
    const outside = unit && outsideScope(unit, scope, "import-own-unit-target");
    if (!unit) problems.push({ key: "import-unknown-unit", args: { code: code || "—" } });
    else if (outside) problems.push(outside);
    if (!known) problems.push({ key: "import-unknown-metric", args: { value: metric || "—" } });
    else if (scope && !mayUseMetric(known, scope)) {
      const owner = known.ownerUnitId === null ? undefined : await repos.units.byId(known.ownerUnitId);
      problems.push({ key: "import-metric-not-yours", args: { value: known.name, owner: owner?.name ?? "—" } });
    }
    if (value === null) problems.push({ key: "import-bad-target" });
    if (deadlineText && !deadline) problems.push({ key: "import-bad-deadline" });
    if (scopeText && scopeText !== "each" && scopeText !== "total") problems.push({ key: "import-bad-scope" });
    if (planNumber && !plan) problems.push({ key: "import-unknown-plan", args: { value: planNumber } });
    const period = (deadline ?? today).slice(0, 4);
    const key = `${code}|${metric}|${period}`;
    if (problems.length === 0 && seen.has(key))
      problems.push({ key: "import-duplicate-target", args: { first: seen.get(key) ?? 0 } });
    if (problems.length > 0 || !unit || value === null) {
      errors.push({ line, problems });
      return;
    }
    seen.set(key, line);
    if (await repos.targets.find(unit.id, metric, period)) changed++;
    else added++;
    planned.push({
      unitId: unit.id,
      metric,
      period,
      value,
      deadline,
      scope: scopeText === "each" ? "each" : "total",
      planId: plan?.id ?? null,
    });
  };
  return { check, plan: (): ImportPlan => ({ kind: "targets", rows: planned, added, changed, errors }) };
}

/** Yearly ratings of grassroots unions: unit_code, year, rating. */
export async function planRatings(rows: Row[], repos: Pick<Repositories, "units">, scope?: Unit): Promise<ImportPlan> {
  const checker = ratingChecker(scope);
  for await (const chunk of withUnits(rows, repos)) for (const row of chunk.rows) checker.check(row, chunk.units);
  return checker.plan();
}

function ratingChecker(scope: Unit | undefined) {
  const errors: RowError[] = [];
  const planned: RatingInput[] = [];
  const check = ({ line, cells }: Row, units: Map<string, Unit>): void => {
    const code = (cells.unit_code ?? "").trim();
    const year = (cells.year ?? "").trim();
    const rating = (cells.rating ?? "").trim();
    const unit = units.get(code);
    const problems: Problem[] = [];
    const outside = unit && outsideScope(unit, scope, "import-own-unit-target");
    if (!unit) problems.push({ key: "import-unknown-unit", args: { code: code || "—" } });
    else if (outside) problems.push(outside);
    if (!/^(19|20)\d\d$/.test(year)) problems.push({ key: "import-bad-year" });
    if (!(RATINGS as readonly string[]).includes(rating))
      problems.push({ key: "import-bad-rating", args: { value: rating || "—" } });
    if (problems.length > 0 || !unit) {
      errors.push({ line, problems });
      return;
    }
    planned.push({ unitId: unit.id, year, rating: rating as Rating });
  };
  return {
    check,
    plan: (): ImportPlan => ({ kind: "ratings", rows: planned, added: planned.length, changed: 0, errors }),
  };
}

export async function planImport(
  kind: ImportKind,
  rows: Row[],
  repos: Pick<Repositories, "units" | "targets" | "metrics" | "plans">,
  today: string,
  scope?: Unit,
): Promise<ImportPlan> {
  if (kind === "units") return await planUnits(rows, repos, scope);
  if (kind === "ratings") return await planRatings(rows, repos, scope);
  return await planTargets(rows, repos, today, scope);
}

/** Rows are checked this many at a time, their units looked up in one query. */
const CHUNK_ROWS = 256;

/** The file's rows a chunk at a time, with the units their unit_code names (one query per chunk, not per row). */
async function* withUnits(
  rows: Row[],
  repos: Pick<Repositories, "units">,
): AsyncGenerator<{ rows: Row[]; units: Map<string, Unit> }> {
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const chunk = rows.slice(at, at + CHUNK_ROWS);
    const codes = new Set(chunk.map((row) => (row.cells.unit_code ?? "").trim()).filter((code) => code !== ""));
    yield { rows: chunk, units: await repos.units.byCodes([...codes]) };
  }
}

/** The longest the server's event loop is held by checking a file before other requests get a turn. */
const SLICE_MS = 6;

/**
 * planImport for the chat, where other people's reports wait while a file is checked: targets and ratings
 * are checked in slices of about SLICE_MS, letting the event loop serve others in between. A units file
 * is checked in one go (its parents may come after its children); a province's units are few.
 */
export async function planImportInSlices(
  kind: ImportKind,
  rows: Row[],
  repos: Pick<Repositories, "units" | "targets" | "metrics" | "plans">,
  today: string,
  scope?: Unit,
): Promise<ImportPlan> {
  if (kind === "units") return await planUnits(rows, repos, scope);
  const checker = kind === "ratings" ? ratingChecker(scope) : targetChecker(repos, today, scope);
  const slice = slices(SLICE_MS);
  for await (const chunk of withUnits(rows, repos)) {
    // A target's check reads metrics; a rating's reads nothing. The slice is timed row by row: a chunk's
    // 256 checks can take longer than a slice, and awaiting a check alone does not give others a turn.
    for (const row of chunk.rows) {
      await Promise.resolve(checker.check(row, chunk.units));
      await slice.between();
    }
  }
  return checker.plan();
}

/** Writes a plan without errors in one transaction. */
export async function applyPlan(
  plan: ImportPlan,
  repos: Repositories,
  by?: { who: Doer; via: ImportVia },
): Promise<void> {
  if (plan.errors.length > 0) throw new Error("a plan with errors is never applied");
  await repos.transaction(() => writeRows(plan, repos, by));
}

async function writeRows(
  plan: ImportPlan,
  repos: Repositories,
  by: { who: Doer; via: ImportVia } | undefined,
): Promise<void> {
  await auditImport(repos, plan, by);
  if (plan.kind === "units") for (const row of plan.rows) await repos.units.upsert(row);
  else if (plan.kind === "ratings")
    for (const row of plan.rows) await repos.figures.setRating(row.unitId, row.year, row.rating);
  else for (const row of plan.rows) await repos.targets.upsert(row);
}

/**
 * Rows written per transaction when a confirmed targets or ratings file is applied. Each chunk holds the event
 * loop while it is written (better-sqlite3 writes synchronously) and the write lock that reports need, so a
 * chunk aims at CHUNK_MS: it starts at FIRST_CHUNK_ROWS and each next chunk is sized from how long the last
 * took, within the bounds (a busy machine writes fewer rows in the same time).
 */
const CHUNK_MS = 8;
const FIRST_CHUNK_ROWS = 200;
const MIN_CHUNK_ROWS = 20;
const MAX_CHUNK_ROWS = 1_000;

/** The next chunk's rows, from how long `rows` rows took. */
function nextChunkRows(rows: number, tookMs: number): number {
  const scaled = Math.round((rows * CHUNK_MS) / Math.max(tookMs, 0.1));
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, scaled));
}

/** What a confirmed import's switch stages: who applies it, and what its rows are checked against again at a restart. */
interface Staged {
  by: { who: Doer; via: ImportVia };
  today: string;
  scopeUnitId: number | null;
}

function rowsFrom(plan: ImportPlan, from: number, to: number): ImportPlan {
  if (plan.kind === "units") return { ...plan, rows: plan.rows.slice(from, to) };
  if (plan.kind === "ratings") return { ...plan, rows: plan.rows.slice(from, to) };
  return { ...plan, rows: plan.rows.slice(from, to) };
}

/** Writes one chunk with its audit entries, and moves the import's count of written rows, all in one transaction. */
async function applyChunk(
  id: number,
  plan: ImportPlan,
  by: Staged["by"],
  from: number,
  rows: number,
  repos: Repositories,
): Promise<number> {
  const to = Math.min(plan.rows.length, from + rows);
  await repos.transaction(async () => {
    await writeRows(rowsFrom(plan, from, to), repos, by);
    await repos.pendingImports.advance(id, to);
  });
  return to;
}

/**
 * Applies a confirmed import all or nothing without holding the write lock for the whole of it. A 50,000-row
 * file is a second of writing: in one transaction, every report sent meanwhile would wait, and so would the
 * event loop, for better-sqlite3 waits for the lock synchronously. So the decision and the writing are apart:
 *
 * - The switch: one small transaction settles the pending import and stages who applies it. Before it,
 *   nothing of the file is written; after it, the file is applied whole, whatever happens. The file's rows
 *   are in the pending import already; the plan is not written again (50,000 rows of JSON would hold the
 *   event loop as long as a chunk of writing).
 * - The writing: a chunk of rows per transaction, with the staged import's count of rows written moved in the
 *   same transaction, and the event loop let go in between. A write batch of the group commit
 *   (db/group-commit.ts) that is open then takes the chunk as a savepoint and commits it with the reports of
 *   the same turn; the count moves with it, so a chunk is never written twice nor skipped.
 * - A stop in between (a crash, a deploy) leaves it staged; `resumeImports` checks the file's rows again and
 *   writes the rest at the next start.
 *
 * Meanwhile, someone reading the targets sees a file partly written (each target either as it was or as the
 * file has it), for the second or so it takes. A units file is small (a province's units) and is written in
 * one transaction, moves and all, as before.
 */
export async function applyConfirmed(
  id: number,
  now: string,
  plan: ImportPlan,
  repos: Repositories,
  staged: Staged,
): Promise<boolean> {
  if (plan.errors.length > 0) throw new Error("a plan with errors is never applied");
  if (plan.kind === "units")
    return repos.transaction(async () => {
      if (!(await repos.pendingImports.settle(id, now))) return false;
      await applyPlan(plan, repos, staged.by);
      return true;
    });
  if (!(await repos.pendingImports.stage(id, now, JSON.stringify(staged)))) return false;
  let at = 0;
  let rows = FIRST_CHUNK_ROWS;
  while (at < plan.rows.length) {
    const started = performance.now();
    const to = await applyChunk(id, plan, staged.by, at, rows, repos);
    const took = performance.now() - started;
    rows = nextChunkRows(to - at, took);
    at = to;
    if (at < plan.rows.length) await restAfter(took);
  }
  await finished(id, repos);
  return true;
}

/** Every row is in: the import is no longer staged, and its rows are not kept. */
async function finished(id: number, repos: Repositories): Promise<void> {
  await repos.transaction(async () => {
    await repos.pendingImports.finish(id);
    await repos.pendingImports.dropParts(id);
  });
}

/**
 * Writes what a stop left of confirmed imports; at start, before any request. The file's rows are checked
 * again as they were when confirmed; should the units or metrics they name have changed meanwhile so that a
 * row no longer passes, the rest is not written and the import is reported as `stale`.
 */
export async function resumeImports(repos: Repositories): Promise<{ finished: number; stale: number[] }> {
  const result = { finished: 0, stale: [] as number[] };
  for (const row of await repos.pendingImports.unfinished()) {
    const pending = await repos.pendingImports.get(row.id);
    const parsed = JSON.parse(row.staged) as Omit<Staged, "by"> & {
      by: { who: Omit<Doer, "at"> & { at: string }; via: ImportVia };
    };
    const by = { ...parsed.by, who: { ...parsed.by.who, at: new Date(parsed.by.who.at) } };
    const scope = parsed.scopeUnitId === null ? undefined : await repos.units.byId(parsed.scopeUnitId);
    const kind = (pending?.kind === "allocation" ? "targets" : pending?.kind) as ImportKind;
    const plan = await planImport(
      kind,
      pending ? await storedRows<Row>(repos, pending) : [],
      repos,
      parsed.today,
      scope,
    );
    if (plan.errors.length > 0) result.stale.push(row.id);
    else {
      for (let at = row.appliedRows; at < plan.rows.length; )
        at = await applyChunk(row.id, plan, by, at, MAX_CHUNK_ROWS, repos);
      result.finished++;
    }
    await finished(row.id, repos);
  }
  return result;
}
