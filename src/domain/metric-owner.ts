// Metrics an admin adds belong to the admin's unit: a district's own kinds of target stay its own.
import type { Metric } from "#db/repositories/metrics.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";

/** A unit may set targets on built-in metrics, the operator's, its own, and those of the units above it. */
export function mayUseMetric(metric: Pick<Metric, "ownerUnitId">, unit: Pick<Unit, "path">): boolean {
  return metric.ownerUnitId === null || lineage(unit).includes(metric.ownerUnitId);
}

/** Only the unit that added a metric may rename it or change what it counts. */
export function mayChangeMetric(metric: Pick<Metric, "builtin" | "ownerUnitId">, unit: Pick<Unit, "id">): boolean {
  return !metric.builtin && metric.ownerUnitId === unit.id;
}
