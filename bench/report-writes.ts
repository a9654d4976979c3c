// Writing reports as the report command does: one join entry with its lineage, one transaction each,
// onto the full ledger. The rate counts everything between the first and the last commit.
import { sqliteOf, type Repositories } from "#db/index.ts";
import type { LedgerEntryInput } from "#db/repositories/ledger.ts";
import { lineage } from "#db/repositories/units.ts";
import { summarize, type Summary } from "./percentiles.ts";
import { seededRandom } from "./seeded-random.ts";

export interface WriteTiming {
  reports: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
}

/** Sources of benchmark reports start here, after the seeded ones and the webhook's. */
const FIRST_UPDATE_ID = 300_000_000;

export async function measureReportWrites(
  repos: Repositories,
  today: string,
  now: Date,
  reports: number,
): Promise<WriteTiming> {
  const sqlite = sqliteOf(repos);
  const random = seededRandom(5);
  const chairs = sqlite
    .prepare(
      `select r.person_id as personId, u.id, u.path from roles r join units u on u.id = r.unit_id where r.role = 'chair'`,
    )
    .all() as { personId: number; id: number; path: string }[];
  const entries: LedgerEntryInput[] = Array.from({ length: reports }, (_, i) => {
    const chair = random.pick(chairs);
    return {
      unitId: chair.id,
      lineage: lineage(chair),
      event: "join",
      count: random.between(1, 9),
      informal: false,
      occurredOn: today,
      reporterId: chair.personId,
      source: `telegram:${FIRST_UPDATE_ID + i}`,
    };
  });
  const nowIso = now.toISOString();
  const latencies = new Float64Array(reports);
  const started = performance.now();
  for (let i = 0; i < reports; i++) {
    const t = performance.now();
    const ids = await repos.ledger.record([entries[i] as LedgerEntryInput], nowIso);
    latencies[i] = performance.now() - t;
    if (ids.length !== 1) throw new Error(`report ${i} was not recorded`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { reports, seconds, perSecond: reports / seconds, latency: summarize(latencies) };
}
