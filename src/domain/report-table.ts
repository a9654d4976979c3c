// The figures of an exported report: one row per unit of a subtree for each metric that has targets.
// Built from three queries over the subtree, whatever its size.
import type { Repositories } from "#db/index.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { Unit } from "#db/repositories/units.ts";
import { allocationService, type AllocationGap } from "./allocation.ts";
import { periodOf, standingService, type TargetStanding } from "./standing.ts";

export interface ReportLine {
  unit: Unit;
  /** Levels below the report's unit; the unit itself is -1 and goes into the totals. */
  depth: number;
  standing: TargetStanding | null;
  /** What was done when the unit has no target on the metric (counts only). */
  done: number;
  /** For the totals of a unit without a target of its own: what its direct children were given. */
  allocated?: number;
}

// The member sheets lead the workbook: they are what a report upward is mostly read for.
const MAIN_METRICS = ["ket_nap", "thuc_tang", "tong_doan_vien", "ket_nap_phi_chinh_thuc"];
const sheetRank = (metric: string) => {
  const rank = MAIN_METRICS.indexOf(metric);
  return rank < 0 ? MAIN_METRICS.length : rank;
};

export interface MetricReport {
  metric: string;
  name: string;
  lines: ReportLine[];
  totals: ReportLine;
  gaps: (AllocationGap & { unit: Unit })[];
}

export async function buildReport(repos: Repositories, root: Unit, today: string): Promise<MetricReport[]> {
  const period = periodOf(today);
  const standing = standingService(repos);
  const allocation = allocationService(repos);
  const units = await repos.units.subtreeInTreeOrder(root);
  const targets = await repos.targets.inSubtree(root.path, period);
  const tallies = await repos.ledger.subtreeTallies(root.path, period);
  const byMetric = new Map<string, Map<number, Target>>();
  for (const target of targets) {
    let map = byMetric.get(target.metric);
    if (!map) byMetric.set(target.metric, (map = new Map()));
    map.set(target.unitId, target);
  }
  const none = new Map<string, number>();
  const reports: MetricReport[] = [];
  for (const [key, unitTargets] of byMetric) {
    const metric = await repos.metrics.get(key);
    if (!metric) continue;
    const lineOf = async (unit: Unit): Promise<ReportLine> => {
      const target = unitTargets.get(unit.id);
      const unitTallies = tallies.get(unit.id) ?? none;
      const done = metric.events.reduce((sum, e) => sum + (unitTallies.get(e) ?? 0), 0);
      return {
        unit,
        depth: unit.depth - root.depth - 1,
        standing: target ? await standing.measure(unit, metric, target, today, unitTallies) : null,
        done,
      };
    };
    // A grassroots chair's subtree is the unit alone: its own row is the table.
    const below = units.filter((u) => u.id !== root.id);
    const lines = below.length > 0 ? await Promise.all(below.map(lineOf)) : [{ ...(await lineOf(root)), depth: 0 }];
    const totals = await lineOf(root);
    if (!totals.standing && metric.kind === "count") {
      const given = lines.filter((l) => l.depth === 0 && l.standing?.scope === "total");
      if (given.length > 0) totals.allocated = given.reduce((sum, l) => sum + (l.standing?.target ?? 0), 0);
    }
    const gaps: MetricReport["gaps"] = [];
    for (const unit of units) {
      const gap = unitTargets.has(unit.id) ? await allocation.gap(unit, key, period) : undefined;
      if (gap) gaps.push({ ...gap, unit });
    }
    reports.push({ metric: key, name: metric.name, lines, totals, gaps });
  }
  return reports.sort((a, b) => sheetRank(a.metric) - sheetRank(b.metric));
}
