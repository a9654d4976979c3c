// How far a unit is from its targets: the figures behind "còn thiếu", "tiến độ", the chart and the export.
import type { Repositories } from "#db/index.ts";
import type { Metric } from "#db/repositories/metrics.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { UnitFigure, UnitRef } from "#db/repositories/figures.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import { addDays, daysBetween } from "./calendar.ts";
import { isLeaf } from "./leaf-unit.ts";

export interface TargetStanding {
  metric: string;
  name: string;
  /** "count": whole numbers; "percent": done and target are percentages of something. */
  measure: "count" | "percent";
  scope: "total" | "each";
  target: number;
  done: number;
  /** Whole percent of the target, floored so that 99.6% is not shown as reached. */
  percent: number;
  missing: number;
  /** YYYY-MM-DD: the target's deadline, or the end of its period. */
  deadline: string;
  daysLeft: number;
  /** What the elapsed share of the period calls for by today (counts only). */
  expected: number;
  behindPace: boolean;
  /** Whether the target counts up from zero over its period, so that a pace and a forecast mean something. */
  paced: boolean;
  /** When the pace since the start of the period would reach the target; null if it never would. */
  forecast: string | null;
  /** For a member rate: members still to admit to reach it. */
  membersNeeded?: number;
  /**
   * For a per-unit minimum: the first SHORT_LISTED units below it (by name) that have not reached it (`missing`
   * counts them all), and how many units there are in all.
   */
  unitsShort?: UnitFigure[];
  unitsTotal?: number;
  /** For a per-unit minimum set on a unit above ("mỗi CĐCS ít nhất 01"): the name of that unit. */
  setBy?: string;
}

export interface UnitStanding {
  unit: Unit;
  period: string;
  targets: TargetStanding[];
}

export interface ChildStanding {
  unitId: number;
  code: string;
  name: string;
  standing: TargetStanding;
}

/**
 * Units short of a per-unit minimum listed by name: a national minimum has a hundred thousand of them, and
 * reading, sorting and carrying them all took a national /tiendo most of a second. `missing` counts them all.
 */
export const SHORT_LISTED = 20;

export function periodOf(day: string): string {
  return day.slice(0, 4);
}

const sumOf = (tallies: ReadonlyMap<string, number>, events: string[]) =>
  events.reduce((s, e) => s + (tallies.get(e) ?? 0), 0);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Share of the period from its first day to the deadline that has passed by today, 0–1. */
function elapsedShare(period: string, deadline: string, today: string): { share: number; elapsedDays: number } {
  const start = `${period}-01-01`;
  const span = Math.max(1, daysBetween(start, deadline) + 1);
  const elapsedDays = Math.min(span, Math.max(0, daysBetween(start, today) + 1));
  return { share: elapsedDays / span, elapsedDays };
}

function finish(
  base: Pick<TargetStanding, "metric" | "name" | "measure" | "scope" | "target" | "done">,
  target: Target,
  today: string,
  paced: boolean,
): TargetStanding {
  const deadline = target.deadline ?? `${target.period}-12-31`;
  const missing = Math.max(
    0,
    base.measure === "percent" ? oneDecimal(base.target - base.done) : base.target - base.done,
  );
  const { share, elapsedDays } = elapsedShare(target.period, deadline, today);
  const expected = paced ? Math.floor(base.target * share) : 0;
  let forecast: string | null = null;
  if (paced && missing > 0 && base.done > 0) forecast = addDays(today, Math.ceil((missing * elapsedDays) / base.done));
  return {
    ...base,
    percent: base.target > 0 ? Math.floor((base.done * 100) / base.target) : 100,
    missing,
    deadline,
    daysLeft: daysBetween(today, deadline),
    expected,
    behindPace: paced && base.done < expected,
    paced,
    forecast,
  };
}

/** Of children's standings, those that have not reached their target, furthest behind pace first. */
export function furthestBehind(children: ChildStanding[], limit = 5): ChildStanding[] {
  const gap = (c: ChildStanding) =>
    c.standing.percent - (c.standing.target > 0 ? (c.standing.expected * 100) / c.standing.target : 0);
  return children
    .filter((c) => c.standing.missing > 0)
    .sort(
      (a, b) => gap(a) - gap(b) || a.standing.percent - b.standing.percent || b.standing.missing - a.standing.missing,
    )
    .slice(0, limit);
}

type StandingRepos = Pick<Repositories, "units" | "targets" | "ledger" | "metrics" | "figures">;

/**
 * A standing that needs no figure but the unit's own tallies (a count towards a total), worked out without
 * waiting; undefined for every other kind, which reads figures of the units below.
 */
export function measureFromTallies(
  metric: Metric,
  target: Target,
  today: string,
  tallies: ReadonlyMap<string, number>,
): TargetStanding | undefined {
  if (metric.kind !== "count" || target.scope === "each") return undefined;
  const base = { metric: metric.key, name: metric.name, scope: target.scope, target: target.value };
  return finish({ ...base, measure: "count", done: sumOf(tallies, metric.events) }, target, today, true);
}

/** How far a unit's subtree is along one of its targets, whatever kind of figure the target's metric is. */
function measurer(repos: StandingRepos) {
  /** `counted`: a count target's total when the caller read it already. */
  return async function measure(
    unit: UnitRef,
    metric: Metric,
    target: Target,
    today: string,
    tallies?: ReadonlyMap<string, number>,
    counted?: number,
  ): Promise<TargetStanding> {
    const base = { metric: metric.key, name: metric.name, scope: target.scope, target: target.value };
    switch (metric.kind) {
      case "count": {
        if (target.scope === "each") {
          const { total, short, first } = await repos.figures.shortOfMinimum(
            unit,
            metric.events,
            target.period,
            target.value,
            SHORT_LISTED,
          );
          const standing = finish(
            { ...base, measure: "count", target: total, done: total - short },
            target,
            today,
            false,
          );
          return { ...standing, target: target.value, unitsShort: first, unitsTotal: total, missing: short };
        }
        if (counted !== undefined) return finish({ ...base, measure: "count", done: counted }, target, today, true);
        const read = tallies ?? (await repos.ledger.tallies(unit.id, target.period));
        return measureFromTallies(metric, target, today, read) as TargetStanding;
      }
      case "members":
        return finish({ ...base, measure: "count", done: await repos.figures.members(unit) }, target, today, false);
      case "member_rate": {
        const { members, workers } = await repos.figures.memberRate(unit, metric.sector);
        const done = workers > 0 ? oneDecimal((members * 100) / workers) : 0;
        const membersNeeded = Math.max(0, Math.ceil((target.value * workers) / 100) - members);
        return { ...finish({ ...base, measure: "percent", done }, target, today, false), membersNeeded };
      }
      case "rating_share": {
        const { rated, total } = await repos.figures.ratingShare(unit, metric.sector, metric.ratings, target.period);
        const done = total > 0 ? oneDecimal((rated * 100) / total) : 0;
        return { ...finish({ ...base, measure: "percent", done }, target, today, false), unitsTotal: total };
      }
    }
  };
}

/**
 * Per-unit minimums set on the units above ("mỗi CĐCS giới thiệu ít nhất 01 đoàn viên ưu tú") apply to
 * a unit too: a grassroots union's own progress on the minimum, or how many units below reached it.
 */
function inheritedMinimums(repos: StandingRepos, measure: ReturnType<typeof measurer>) {
  return async function inherited(
    unit: Unit,
    today: string,
    tallies: ReadonlyMap<string, number>,
    own: Set<string>,
    targetsOf: ReadonlyMap<number, Target[]>,
  ) {
    const found: TargetStanding[] = [];
    for (const aboveId of lineage(unit).filter((id) => id !== unit.id)) {
      for (const target of targetsOf.get(aboveId) ?? []) {
        const metric = await repos.metrics.get(target.metric);
        if (target.scope !== "each" || own.has(target.metric) || metric?.kind !== "count") continue;
        own.add(target.metric);
        const setBy = (await repos.units.byId(aboveId))?.name;
        if (!isLeaf(unit)) {
          found.push({ ...(await measure(unit, metric, target, today)), ...(setBy ? { setBy } : {}) });
          continue;
        }
        // A minimum is not a pace: nothing is expected of it before its deadline, and nothing forecast.
        const standing = await measure(unit, metric, { ...target, unitId: unit.id, scope: "total" }, today, tallies);
        found.push({
          ...standing,
          expected: 0,
          behindPace: false,
          paced: false,
          forecast: null,
          ...(setBy ? { setBy } : {}),
        });
      }
    }
    return found;
  };
}

export function standingService(repos: StandingRepos) {
  const measure = measurer(repos);
  const inherited = inheritedMinimums(repos, measure);

  async function metricOf(key: string): Promise<Metric | undefined> {
    return await repos.metrics.get(key);
  }

  return {
    measure,
    /** Every target the unit has for the period of `today`, with its subtree's figures. */
    async ofUnit(unit: Unit, today: string): Promise<UnitStanding> {
      const period = periodOf(today);
      // The unit's own targets and those of the units above, whose per-unit minimums apply to it too; then its
      // totals (on PostgreSQL read in the same round trip as the targets).
      const targetsOf = await repos.targets.forUnits(lineage(unit), period);
      const tallies = await repos.ledger.tallies(unit.id, period);
      const targets: TargetStanding[] = [];
      for (const t of targetsOf.get(unit.id) ?? []) {
        const metric = await metricOf(t.metric);
        if (metric) targets.push(await measure(unit, metric, t, today, tallies));
      }
      const own = new Set(targets.map((t) => t.metric));
      return { unit, period, targets: [...targets, ...(await inherited(unit, today, tallies, own, targetsOf))] };
    },

    /** Direct children with a target on a metric, furthest behind pace first. */
    async children(unit: Unit, metricKey: string, today: string): Promise<ChildStanding[]> {
      const metric = await metricOf(metricKey);
      if (!metric) return [];
      const period = periodOf(today);
      if (metric.kind === "count") {
        const rows = await repos.targets.forChildrenWithDone(unit.id, period, metricKey, metric.events);
        return Promise.all(
          rows.map(async (row) => {
            const child: UnitRef = { id: row.unitId, path: row.path, members: row.members };
            const standing = await measure(child, metric, row, today, undefined, row.done);
            return { unitId: row.unitId, code: row.code, name: row.name, standing };
          }),
        );
      }
      const rows = await repos.targets.forChildren(unit.id, period, metricKey);
      const children: ChildStanding[] = [];
      for (const row of rows) {
        const child: UnitRef = { id: row.unitId, path: row.path, members: row.members };
        const standing = await measure(child, metric, row, today);
        children.push({ unitId: row.unitId, code: row.code, name: row.name, standing });
      }
      return children;
    },

    /** The children that have not reached their target, furthest behind pace first (then lowest percent). */
    async childrenBehind(
      unit: Unit,
      metricKey: string,
      today: string,
      limit = 5,
    ): Promise<{ count: number; behind: ChildStanding[] }> {
      const all = await this.children(unit, metricKey, today);
      return { count: all.length, behind: furthestBehind(all, limit) };
    },
  };
}

export type StandingService = ReturnType<typeof standingService>;
