// How far a unit is from its targets: the figures behind "còn thiếu" and "tiến độ".
import type { Repositories } from "../../db/index.ts";
import type { Unit } from "../../db/repositories/units.ts";
import { daysBetween } from "./calendar.ts";
import { isMetricKey, METRICS, type MetricKey } from "./metrics.ts";

export interface TargetStanding {
  metric: MetricKey;
  target: number;
  done: number;
  /** Whole percent, floored so that 99.6% is not shown as reached. */
  percent: number;
  missing: number;
  /** YYYY-MM-DD: the target's deadline, or the end of its period. */
  deadline: string;
  daysLeft: number;
  /** True when done is below the share of the target the elapsed part of the period calls for. */
  behindPace: boolean;
}

export interface UnitStanding {
  unit: Unit;
  period: string;
  targets: TargetStanding[];
}

export interface ChildStanding {
  unitId: number;
  name: string;
  standing: TargetStanding;
}

export function periodOf(day: string): string {
  return day.slice(0, 4);
}

function measure(
  metric: MetricKey,
  target: number,
  deadline: string | null,
  tallies: ReadonlyMap<string, number>,
  period: string,
  today: string,
): TargetStanding {
  const done = METRICS[metric].value(tallies);
  const due = deadline ?? `${period}-12-31`;
  const start = `${period}-01-01`;
  const span = Math.max(1, daysBetween(start, due));
  const elapsed = Math.min(span, Math.max(0, daysBetween(start, today) + 1));
  const expected = (target * elapsed) / span;
  return {
    metric,
    target,
    done,
    percent: target > 0 ? Math.floor((done * 100) / target) : 100,
    missing: Math.max(0, target - done),
    deadline: due,
    daysLeft: daysBetween(today, due),
    behindPace: done < Math.floor(expected),
  };
}

export function standingService(repos: Pick<Repositories, "targets" | "ledger">) {
  return {
    /** Every target the unit has this period, with its subtree's figures. */
    ofUnit(unit: Unit, today: string): UnitStanding {
      const period = periodOf(today);
      const tallies = repos.ledger.tallies(unit.id, period);
      const targets = repos.targets
        .forUnit(unit.id, period)
        .filter((t) => isMetricKey(t.metric))
        .map((t) => measure(t.metric as MetricKey, t.value, t.deadline, tallies, period, today));
      return { unit, period, targets };
    },

    /** The direct children with a target on this metric, furthest behind first (lowest percent, then most missing). */
    childrenBehind(unit: Unit, metric: MetricKey, today: string, limit = 5): { count: number; behind: ChildStanding[] } {
      const period = periodOf(today);
      const rows = repos.targets.forChildren(unit.id, period, metric);
      const tallies = rows.length > 0 ? repos.ledger.childTallies(unit.id, period) : new Map<number, Map<string, number>>();
      const none = new Map<string, number>();
      const children = rows.map((row) => ({
        unitId: row.unitId,
        name: row.name,
        standing: measure(metric, row.value, row.deadline, tallies.get(row.unitId) ?? none, period, today),
      }));
      const behind = children
        .filter((c) => c.standing.missing > 0)
        .sort((a, b) => a.standing.percent - b.standing.percent || b.standing.missing - a.standing.missing)
        .slice(0, limit);
      return { count: children.length, behind };
    },
  };
}

export type StandingService = ReturnType<typeof standingService>;
