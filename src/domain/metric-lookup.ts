// Finds a metric from what an officer typed: its key ("ket_nap") or words of its name ("kết nạp", "thuc tang").
import type { Metric } from "#db/repositories/metrics.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";

/** The metric whose key or whole name is the text, diacritics and case aside. */
export function findMetricByName(text: string, metrics: Iterable<Metric>): Metric | undefined {
  const wanted = foldWords(text);
  if (!wanted) return undefined;
  for (const m of metrics) if (m.key === text.trim() || foldWords(m.name) === wanted) return m;
  return undefined;
}

export function findMetric(text: string, metrics: Iterable<Metric>): Metric | undefined {
  const wanted = foldWords(text);
  if (!wanted) return undefined;
  const all = [...metrics];
  const byKey = all.find((m) => m.key === text.trim() || foldWords(m.key.replaceAll("_", " ")) === wanted);
  if (byKey) return byKey;
  const exact = all.find((m) => foldWords(m.name) === wanted);
  if (exact) return exact;
  // The shortest name that contains every word typed: "kết nạp" is ket_nap, not ket_nap_phi_chinh_thuc.
  const words = wanted.split(" ");
  return all
    .filter((m) => {
      const name = ` ${foldWords(m.name)} `;
      return words.every((w) => name.includes(` ${w} `));
    })
    .sort((a, b) => a.name.length - b.name.length)[0];
}

/** What "đoàn viên" means in an ask: every target about members — admissions, net growth, the total, member rates. */
export function isMemberMetric(metric: Metric): boolean {
  if (metric.kind === "members" || metric.kind === "member_rate") return true;
  return metric.kind === "count" && metric.events.some((e) => e === "join" || e.startsWith("join:") || e === "leave");
}

/**
 * The metrics an ask names. A topic ("doan_vien") stands for a family; a metric key for itself and, when
 * the unit lacks it, the caller falls back to the family it belongs to.
 */
export function metricsMeant(asked: string, metrics: Iterable<Metric>): Set<string> {
  const all = [...metrics];
  if (asked === MEMBERS_TOPIC) return new Set(all.filter(isMemberMetric).map((m) => m.key));
  return new Set([asked]);
}

/** The parse's word for "members in general" rather than one member metric. */
export const MEMBERS_TOPIC = "doan_vien";
