// The kinds of target a unit can have, and how each is computed from the ledger's subtree totals.
import { METRIC_KEYS, type MetricKey } from "../nlu/types.ts";
import type { ReportEvent } from "../nlu/types.ts";

export { METRIC_KEYS, type MetricKey };

interface MetricDefinition {
  /** Reads the metric from the subtree totals of one period. */
  value(tallies: ReadonlyMap<string, number>): number;
}

const total = (tallies: ReadonlyMap<string, number>, key: string) => tallies.get(key) ?? 0;

export const METRICS: Record<MetricKey, MetricDefinition> = {
  ket_nap: { value: (t) => total(t, "join") },
  // Departures are recorded with a negative count, so net growth is a plain sum.
  thuc_tang: { value: (t) => total(t, "join") + total(t, "leave") },
  ket_nap_phi_chinh_thuc: { value: (t) => total(t, "join:informal") },
  thanh_lap_cdcs: { value: (t) => total(t, "found_union") },
  thanh_lap_nghiep_doan: { value: (t) => total(t, "found_guild") },
  gioi_thieu_dang: { value: (t) => total(t, "party_referral") },
};

export function isMetricKey(key: string): key is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(key);
}

/** The metric a report of this event moves first, for "what is still missing" after a report. */
export const METRIC_OF_EVENT: Record<ReportEvent, MetricKey | null> = {
  join: "ket_nap",
  leave: "thuc_tang",
  found_union: "thanh_lap_cdcs",
  found_guild: "thanh_lap_nghiep_doan",
  party_referral: "gioi_thieu_dang",
  activity: null,
};
