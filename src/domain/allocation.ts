// Splitting a unit's target among its children ("phân bổ chỉ tiêu"), and checking that the parts add up.
import type { Repositories } from "#db/index.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { Unit } from "#db/repositories/units.ts";

export interface Share {
  unitId: number;
  weight: number;
}

/**
 * Splits a whole number in proportion to the weights, rounding by largest remainder so the parts
 * add up to exactly the total. With no positive weight, the split is even.
 */
export function splitProportionally(total: number, shares: Share[]): Map<number, number> {
  const result = new Map<number, number>();
  if (shares.length === 0) return result;
  const positive = shares.some((s) => s.weight > 0);
  const weights = shares.map((s) => ({ unitId: s.unitId, weight: positive ? Math.max(0, s.weight) : 1 }));
  const sum = weights.reduce((acc, s) => acc + s.weight, 0);
  const exact = weights.map((s) => ({ unitId: s.unitId, exact: (total * s.weight) / sum }));
  let given = 0;
  for (const e of exact) {
    const floor = Math.floor(e.exact);
    result.set(e.unitId, floor);
    given += floor;
  }
  // Ties go to the unit listed first, so the same input always gives the same split.
  const byRemainder = exact
    .map((e, index) => ({ ...e, index, remainder: e.exact - Math.floor(e.exact) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; i < total - given; i++) {
    const e = byRemainder[i % byRemainder.length];
    if (e) result.set(e.unitId, (result.get(e.unitId) ?? 0) + 1);
  }
  return result;
}

export interface AllocationGap {
  metric: string;
  target: number;
  allocated: number;
  /** Children that have no target on this metric. */
  missingChildren: number;
}

/** Why a part looks wrong before it is written. */
export type ShareNote =
  /** Zero because the unit has no workers recorded. */
  | { kind: "no-workers" }
  /** Zero because every worker recorded is a member already. */
  | { kind: "no-eligible"; workers: number }
  /** More than the workers who are not members yet. */
  | { kind: "over-eligible"; eligible: number }
  /** Net growth above the unit's own admissions target: it would have to admit more than it was asked to. */
  | { kind: "over-admissions"; admissions: number };

export function allocationService(repos: Pick<Repositories, "units" | "targets" | "figures" | "metrics">) {
  return {
    /** What an officer should see beside a unit's part before confirming it. */
    async notes(child: Unit, metric: string, period: string, value: number): Promise<ShareNote[]> {
      const members = await repos.figures.members(child);
      const eligible = Math.max(0, child.workers - members);
      const notes: ShareNote[] = [];
      const aboutMembers = metric === "ket_nap" || metric === "thuc_tang";
      if (value === 0 && child.workers === 0) notes.push({ kind: "no-workers" });
      else if (value === 0 && eligible === 0) notes.push({ kind: "no-eligible", workers: child.workers });
      else if (aboutMembers && child.workers > 0 && value > eligible) notes.push({ kind: "over-eligible", eligible });
      const admissions = metric === "thuc_tang" ? await repos.targets.find(child.id, "ket_nap", period) : undefined;
      if (admissions && value > admissions.value) notes.push({ kind: "over-admissions", admissions: admissions.value });
      return notes;
    },

    /** The children's targets for a proportional split of the unit's target: workers who are not members yet. */
    async proportional(unit: Unit, target: Target): Promise<Target[]> {
      const children = await repos.units.children(unit.id);
      const shares = await Promise.all(
        children.map(async (child) => ({
          unitId: child.id,
          weight: Math.max(0, child.workers - (await repos.figures.members(child))),
        })),
      );
      const split = splitProportionally(target.value, shares);
      return children.map((child) => ({
        ...target,
        unitId: child.id,
        value: split.get(child.id) ?? 0,
        scope: "total",
        planId: target.planId,
      }));
    },

    /**
     * Where the children's targets on a metric do not add up to the unit's own; null when they do. Only
     * counts split into parts: rates, shares and member totals of the units below do not add up to the unit's.
     */
    async gap(unit: Unit, metric: string, period: string): Promise<AllocationGap | null> {
      if ((await repos.metrics.get(metric))?.kind !== "count") return null;
      const own = await repos.targets.find(unit.id, metric, period);
      if (!own || own.scope === "each") return null;
      const children = await repos.units.children(unit.id);
      if (children.length === 0) return null;
      const rows = await repos.targets.forChildren(unit.id, period, metric);
      const allocated = rows.reduce((sum, row) => sum + row.value, 0);
      if (allocated === own.value) return null;
      return { metric, target: own.value, allocated, missingChildren: children.length - rows.length };
    },
  };
}

export type AllocationService = ReturnType<typeof allocationService>;
