// The metric catalogue on PostgreSQL. Another instance may change it at any time, so a kept copy is trusted
// only while the store hears the notices a trigger on `metrics` sends when a change commits (db/pg/notices.ts):
// each notice, or a moment of not listening, drops it, and the next read fills it again. Without notices
// (PGlite) it is read once per transaction, whole (a few dozen rows), and every `get` answered from it until
// the transaction runs another statement (Executor.memo). A transaction that wrote metrics reads its own.
import { sql } from "drizzle-orm";
import { BUILTIN_METRICS, type Metric } from "#db/repositories/metrics.ts";
import type { Executor } from "../executor.ts";
import type { Notices } from "../notices.ts";

/** The channel the trigger of migration 0004 notifies when a change to `metrics` commits. */
export const METRICS_CHANNEL = "metrics_changed";

interface MetricRow extends Omit<Metric, "events" | "ratings"> {
  events: string;
  ratings: string;
}

const columns = sql.raw(`key, name, kind, events, sector, ratings, builtin, owner_unit_id as "ownerUnitId"`);

const toMetric = (r: MetricRow): Metric => ({
  ...r,
  events: JSON.parse(r.events) as string[],
  ratings: JSON.parse(r.ratings) as string[],
});

/** The catalogue kept across transactions, while notices of changes are heard. */
function keptCatalogue(notices: Notices | undefined) {
  let kept: Map<string, Metric> | undefined;
  // Counts changes heard: a read that began before one must not be kept after it.
  let changes = 0;
  const drop = () => {
    changes++;
    kept = undefined;
  };
  notices?.subscribe(METRICS_CHANNEL, drop);
  const live = () => notices?.live(METRICS_CHANNEL) ?? false;
  return {
    get: () => (live() ? kept : undefined),
    changes: () => changes,
    keep(catalogue: Map<string, Metric>, since: number) {
      if (live() && since === changes) kept = catalogue;
    },
    drop,
  };
}

export function metricRepository(x: Executor, notices?: Notices) {
  const kept = keptCatalogue(notices);
  const save = (metric: Metric) => {
    // What this transaction writes is not everyone's until it commits: the kept copy is dropped, and neither
    // answers nor is filled by this transaction from now on.
    x.noteWrite("metrics");
    kept.drop();
    return x.run(sql`insert into metrics (key, name, kind, events, sector, ratings, builtin, owner_unit_id)
      values (${metric.key}, ${metric.name}, ${metric.kind}, ${JSON.stringify(metric.events)}, ${metric.sector},
        ${JSON.stringify(metric.ratings)}, ${metric.builtin}, ${metric.ownerUnitId})
      on conflict (key) do update set name = excluded.name, kind = excluded.kind, events = excluded.events,
        sector = excluded.sector, ratings = excluded.ratings, builtin = excluded.builtin,
        owner_unit_id = excluded.owner_unit_id`);
  };

  const read = async () => {
    const rows = await x.rows<MetricRow>(sql`select ${columns} from metrics order by builtin desc, seq`);
    return new Map(rows.map((r) => [r.key, toMetric(r)]));
  };
  /** The kept copy, unless `fresh` or this transaction wrote metrics; else read (once per transaction). */
  const catalogue = async (fresh = false) => {
    const known = fresh || x.wrote("metrics") ? undefined : kept.get();
    if (known) return known;
    const since = kept.changes();
    const found = await x.memo("metrics", read);
    if (!x.wrote("metrics")) kept.keep(found, since);
    return found;
  };
  /** Callers may change what they are given; the remembered catalogue must stay as read. */
  const copy = (m: Metric): Metric => ({ ...m, events: [...m.events], ratings: [...m.ratings] });
  async function all(): Promise<Map<string, Metric>> {
    return new Map([...(await catalogue())].map(([key, m]) => [key, copy(m)]));
  }

  return {
    /** Writes the built-in metrics; run at every start so their names follow the code. */
    ensureBuiltins(): Promise<void> {
      return x.transaction(async () => {
        for (const metric of BUILTIN_METRICS) await save({ ...metric, builtin: true, ownerUnitId: null });
      });
    },
    all,
    async get(key: string): Promise<Metric | undefined> {
      // A key the kept copy lacks is looked up afresh: it may have been added a moment ago on another instance.
      const metric = (await catalogue()).get(key) ?? (await catalogue(true)).get(key);
      return metric && copy(metric);
    },
    /** Adds a metric, or changes one of the same key: who may do so is the caller's to check. */
    async add(metric: Omit<Metric, "builtin" | "ownerUnitId">, ownerUnitId: number | null = null): Promise<void> {
      await save({ ...metric, builtin: false, ownerUnitId });
    },
  };
}
