// The figures of the web dashboard's units table: every unit below one, on one metric, with the flags
// district staff chase (behind pace, silent, no chair). Built from a few subtree queries whatever its
// size, and measured with the same standing functions as the chat.
import type { Repositories } from "#db/index.ts";
import type { UnitFacts } from "#db/repositories/dashboard.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { Unit } from "#db/repositories/units.ts";
import { daysBetween } from "./calendar.ts";
import { isLeaf } from "./leaf-unit.ts";
import type { PolicyService } from "./reminder-policy.ts";
import type { ReportLine } from "./report-table.ts";
import { silentSince } from "./silence.ts";
import { measureFromTallies, periodOf, type StandingService } from "./standing.ts";

export interface UnitRow extends ReportLine {
  lastReport: string | null;
  /** Null for a unit above the grassroots, which has staff rather than a chair. */
  hasChair: boolean | null;
  behind: boolean;
  /** Days without a report, for a grassroots unit silent at least its policy's silent days. */
  silentDays: number | null;
}

export interface UnitTable {
  metric: string;
  /** The metrics the subtree has targets on this period, most widely set first. */
  metrics: string[];
  rows: UnitRow[];
}

type DashboardRepos = Pick<Repositories, "units" | "targets" | "ledger" | "metrics" | "dashboard">;

/** Metrics with targets in a subtree, those set on the most units first. */
function metricsByUse(targets: Target[]): string[] {
  const uses = new Map<string, number>();
  for (const target of targets) uses.set(target.metric, (uses.get(target.metric) ?? 0) + 1);
  return [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([metric]) => metric);
}

/**
 * Days a grassroots unit has been silent, when at least its policy's silent days; null otherwise. A report
 * within those days settles it without reading the time zone, which thousands of units would pay for.
 */
function silentFor(fact: UnitFacts, silentDays: number, timeZone: string, today: string): number | null {
  if (fact.firstRole === null) return null;
  if (fact.lastReport !== null && daysBetween(fact.lastReport, today) < silentDays) return null;
  const since = silentSince(fact.lastReport, fact.firstRole, timeZone);
  const quiet = since === null ? null : daysBetween(since, today);
  return quiet !== null && quiet >= silentDays ? quiet : null;
}

export async function unitTable(
  repos: DashboardRepos,
  services: { standing: StandingService; policies: PolicyService; timeZone: string },
  top: Unit,
  wanted: string | undefined,
  today: string,
): Promise<UnitTable> {
  const period = periodOf(today);
  const [units, targets, facts, policyOf] = await Promise.all([
    repos.units.subtreeInTreeOrder(top),
    repos.targets.inSubtree(top.path, period),
    repos.dashboard.unitFacts(top.path),
    services.policies.forSubtree(top),
  ]);
  const metrics = metricsByUse(targets.filter((t) => t.unitId !== top.id));
  const given = await repos.targets.childMetrics(top.id, period);
  const known = wanted !== undefined && (metrics.includes(wanted) || (await repos.metrics.get(wanted)) !== undefined);
  const metric = known ? wanted : (given[0] ?? metrics[0] ?? "ket_nap");
  const definition = await repos.metrics.get(metric);
  // Only the metric's events: a subtree's other tallies would be read for nothing.
  const tallies = await repos.ledger.subtreeTallies(top.path, period, definition?.events ?? []);
  const byUnit = new Map(targets.filter((t) => t.metric === metric).map((t) => [t.unitId, t]));
  const none = new Map<string, number>();
  const rows: UnitRow[] = [];
  for (const unit of units) {
    if (unit.id === top.id) continue;
    const target = byUnit.get(unit.id);
    const unitTallies = tallies.get(unit.id) ?? none;
    const done = definition ? definition.events.reduce((sum, e) => sum + (unitTallies.get(e) ?? 0), 0) : 0;
    // A count towards a total, the usual case, is worked out from the tallies at hand, without waiting.
    const standing =
      target && definition
        ? (measureFromTallies(definition, target, today, unitTallies) ??
          (await services.standing.measure(unit, definition, target, today, unitTallies)))
        : null;
    const fact = facts.get(unit.id);
    const leaf = isLeaf(unit);
    rows.push({
      unit,
      depth: unit.depth - top.depth - 1,
      standing,
      done,
      lastReport: fact?.lastReport ?? null,
      hasChair: leaf ? (fact?.hasChair ?? false) : null,
      behind: standing?.behindPace ?? false,
      silentDays: leaf && fact ? silentFor(fact, policyOf(unit).silentDays, services.timeZone, today) : null,
    });
  }
  return { metric, metrics: metrics.includes(metric) ? metrics : [metric, ...metrics], rows };
}
