// "Còn thiếu" on PostgreSQL: the measurements of bench/remaining-queries.ts, through the PostgreSQL
// repositories of one instance (migrated, with its listening connection), on a database of their own made
// from the kept copy of the seed. Issue 13 asks for a median under 2 ms of database time at every level.
import pg from "pg";
import { openPostgresStore } from "#db/pg/store.ts";
import type { Summary } from "./percentiles.ts";
import { databaseFrom } from "./postgres-seed.ts";
import {
  measureNaming,
  measureOtherKinds,
  measureRemaining,
  pgUnitIndex,
  type KindTiming,
  type LevelTiming,
  type NamingTiming,
} from "./remaining-queries.ts";
import type { Log } from "./seed-database.ts";
import { BENCH_NOW, BENCH_TODAY } from "./synthetic-country.ts";

/** Issue 13, point 6. */
export const PG_REMAINING_MEDIAN_MS = 2;

export interface PostgresRemaining {
  remaining: LevelTiming[];
  otherKinds: KindTiming[];
  naming: NamingTiming[];
}

export async function measureRemainingOnPostgres(
  template: string,
  serverUrl: string,
  quick: boolean,
  log: Log,
): Promise<PostgresRemaining> {
  const copy = await databaseFrom(template, serverUrl);
  const pool = new pg.Pool({ connectionString: copy.url, max: 2 });
  // An idle connection the server ends (the copy dropped with force, a restart) must not end the run unreported:
  // once, at the end of a national run, one did, and the run's tables were lost.
  pool.on("error", () => {});
  try {
    const store = await openPostgresStore(copy.url);
    try {
      const { repos } = store;
      const index = pgUnitIndex((text, values) => pool.query(text, values));
      log(`postgres: "còn thiếu" queries…`);
      const remaining = await measureRemaining(repos, index, BENCH_TODAY, BENCH_NOW, {
        samples: quick ? 1_000 : 5_000,
        budgetMs: quick ? 4_000 : 15_000,
      });
      log("postgres: other metric kinds…");
      const otherKinds = await measureOtherKinds(repos, index, BENCH_TODAY, {
        samples: quick ? 200 : 1_000,
        budgetMs: quick ? 1_500 : 4_000,
      });
      log("postgres: naming a unit…");
      const naming = await measureNaming(repos, index, BENCH_NOW, {
        samples: quick ? 200 : 1_000,
        budgetMs: quick ? 2_000 : 8_000,
      });
      return { remaining, otherKinds, naming };
    } finally {
      await store.close();
    }
  } finally {
    await pool.end();
    await copy.drop();
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const both = (s: Summary) => `${ms(s.median)} / ${ms(s.p99)}`;

/** The Markdown tables of a run. */
export function remainingTables(result: PostgresRemaining): string {
  const lines = [
    `#### "Còn thiếu" on PostgreSQL: database time per answer (median / p99, ms)`,
    "",
    '`standing.ofUnit` + `standing.childrenBehind("ket_nap")` for random units of each level (database time: inside ' +
      "repository methods), and the whole answer to “còn thiếu bao nhiêu” from the unit's own chair or officer, " +
      "run as the intake runs an update (one transaction).",
    "",
    "| level | units | standing: DB | standing: whole | answer: DB | answer: whole | largest DB calls of the answer | target (standing) | result |",
    "|---|---:|---:|---:|---:|---:|---|---|---|",
  ];
  for (const r of result.remaining) {
    const largest = Object.entries(r.answer.methods)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, t]) => `${name} ${ms(t)}`)
      .join(", ");
    const pass = r.standing.database.median < PG_REMAINING_MEDIAN_MS;
    lines.push(
      `| ${r.level} | ${r.units.toLocaleString("en")} | ${both(r.standing.database)} | ${both(r.standing.total)} | ${both(r.answer.database)} | ${both(r.answer.total)} | ${largest} | DB median < ${PG_REMAINING_MEDIAN_MS} ms | ${pass ? "pass" : "FAIL"} |`,
    );
  }
  const kinds = Object.keys(result.otherKinds[0]?.kinds ?? {});
  if (kinds.length > 0) {
    lines.push(
      "",
      "Targets that are not running totals: database time of `standing.measure`, median / p99 (ms).",
      "",
      `| level | ${kinds.map((k) => `\`${k}\``).join(" | ")} |`,
      `|---|${kinds.map(() => "---:").join("|")}|`,
    );
    for (const r of result.otherKinds) {
      lines.push(
        `| ${r.level} | ${kinds.map((k) => (r.kinds[k] ? both((r.kinds[k] as LevelTiming["standing"]).database) : "—")).join(" | ")} |`,
      );
    }
  }
  if (result.naming.length > 0) {
    lines.push(
      "",
      "Naming a grassroots unit below: the whole answer, median / p99 (ms), and how it was understood.",
      "",
      "| level | answer | DB | right | several | wrong |",
      "|---|---:|---:|---:|---:|---:|",
    );
    for (const r of result.naming) {
      lines.push(
        `| ${r.level} | ${both(r.answer.total)} | ${both(r.answer.database)} | ${r.right} | ${r.several} | ${r.wrong} |`,
      );
    }
  }
  return lines.join("\n");
}
