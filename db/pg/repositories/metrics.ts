// The metric catalogue on PostgreSQL. Unlike SQLite's, it is read from the database in every transaction:
// another instance may have added a metric a moment ago. Within one transaction it is read once, whole (a few
// dozen rows), and every `get` answered from it, until the transaction runs another statement (Executor.memo).
import { sql } from "drizzle-orm";
import { BUILTIN_METRICS, type Metric } from "#db/repositories/metrics.ts";
import type { Executor } from "../executor.ts";

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

export function metricRepository(x: Executor) {
  const save = (metric: Metric) =>
    x.run(sql`insert into metrics (key, name, kind, events, sector, ratings, builtin, owner_unit_id)
      values (${metric.key}, ${metric.name}, ${metric.kind}, ${JSON.stringify(metric.events)}, ${metric.sector},
        ${JSON.stringify(metric.ratings)}, ${metric.builtin}, ${metric.ownerUnitId})
      on conflict (key) do update set name = excluded.name, kind = excluded.kind, events = excluded.events,
        sector = excluded.sector, ratings = excluded.ratings, builtin = excluded.builtin,
        owner_unit_id = excluded.owner_unit_id`);

  const read = async () => {
    const rows = await x.rows<MetricRow>(sql`select ${columns} from metrics order by builtin desc, seq`);
    return new Map(rows.map((r) => [r.key, toMetric(r)]));
  };
  const catalogue = () => x.memo("metrics", read);
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
      const metric = (await catalogue()).get(key);
      return metric && copy(metric);
    },
    /** Adds a metric, or changes one of the same key: who may do so is the caller's to check. */
    async add(metric: Omit<Metric, "builtin" | "ownerUnitId">, ownerUnitId: number | null = null): Promise<void> {
      await save({ ...metric, builtin: false, ownerUnitId });
    },
  };
}
