// `npm run bench -- --store postgres [--instances N] [--url postgres://…] [--no-webhook]`: on the same seed,
// kept on PostgreSQL (bench/postgres-seed.ts), "còn thiếu" at every level through the PostgreSQL repositories;
// then the webhook load of the SQLite benchmark through SQLite in one process and through PostgreSQL with one
// instance and with N, one after the other in the same run, so the three lines are comparable. Each report is
// checked written exactly once (ledger rows = updates answered 200).
import { writeFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { cpuWindow, waitForQuiet } from "./machine-load.ts";
import type { Log } from "./seed-database.ts";
import { measureRemainingOnPostgres, remainingTables, type PostgresRemaining } from "./postgres-remaining.ts";
import { databaseFrom, postgresSeed } from "./postgres-seed.ts";
import { measurePostgresWebhook } from "./webhook-postgres.ts";
import { measureWebhook, webhookPhases, type WebhookTiming } from "./webhook-run.ts";

export interface StoreRun {
  store: "sqlite" | "postgres";
  instances: number;
  timing: WebhookTiming;
  /** Cores other processes kept busy in the second before the run (the bench waits a while for quiet). */
  otherBefore: number | null;
  /** Cores the whole machine kept busy during the run: servers, PostgreSQL, load process and others. */
  machineBusy: number | null;
}

const QUIET_WAIT_MS = 30_000;

/** The machine line the report starts with. */
function machine(): string {
  const all = cpus();
  const cpu = all[0]?.model.trim() ?? "unknown CPU";
  return `${new Date().toISOString().slice(0, 10)} · ${cpu} × ${all.length} · ${Math.round(totalmem() / 1e9)} GB · ${type()} ${release()} · Node ${process.version}`;
}

const cores = (n: number | null) => (n === null ? "—" : n.toFixed(2));

function table(runs: StoreRun[]): string {
  const lines = [
    "| store | instances | phase | offered /s | answered /s | p50 ms | p99 ms | failed | exact | other load before | machine busy |",
    "|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|",
  ];
  for (const run of runs) {
    // Every "✅ Đã ghi nhận" has its ledger row and no row is without one; late answers (after a phase gave up
    // on them) included. Refusals ("Tôi chưa ghi", an implausible count) write nothing, as they should.
    const { recorded } = run.timing.replies;
    const exact = run.timing.ledgerRowsWritten === recorded ? `yes (${recorded.toLocaleString("en")})` : "NO";
    for (const phase of run.timing.phases) {
      if (phase.name === "warm-up") continue;
      const offered = phase.rate === null ? "closed, 40 conn." : phase.rate.toLocaleString("en");
      lines.push(
        `| ${run.store === "sqlite" ? "SQLite" : "PostgreSQL"} | ${run.instances} | ${phase.name} | ${offered} | ${Math.round(phase.achievedPerSecond).toLocaleString("en")} | ${phase.latency.median.toFixed(1)} | ${phase.latency.p99.toFixed(1)} | ${phase.failed + phase.unanswered} | ${exact} | ${cores(run.otherBefore)} | ${cores(run.machineBusy)} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Runs one measurement once the machine is as quiet as it gets, noting the load before and during it. */
async function measured(
  log: Log,
  store: StoreRun["store"],
  instances: number,
  work: () => Promise<WebhookTiming>,
): Promise<StoreRun> {
  const otherBefore = await waitForQuiet(log, QUIET_WAIT_MS);
  const end = cpuWindow();
  const timing = await work();
  return { store, instances, timing, otherBefore, machineBusy: end()?.machine ?? null };
}

export async function runPostgresBench(options: {
  work: string;
  /** The SQLite seed's cache key: the kept PostgreSQL copy is named after it. */
  seedKey: string;
  fresh: boolean;
  quick: boolean;
  instances: number;
  /** False with --no-webhook: "còn thiếu" only. */
  webhook: boolean;
  serverUrl: string;
  dataDir: string;
  log: Log;
}): Promise<void> {
  const { work, quick, serverUrl, log } = options;
  const seed = await postgresSeed(work, options.seedKey, serverUrl, { fresh: options.fresh, log });
  await waitForQuiet(log, QUIET_WAIT_MS);
  const remaining = await measureRemainingOnPostgres(seed.template, serverUrl, quick, log);
  const runs = options.webhook ? await webhookRuns(seed.template, options) : [];
  const report = [
    `## SQLite and PostgreSQL (${quick ? "quick" : "full"} scale)`,
    "",
    machine(),
    `Seed on PostgreSQL: ${seed.rows.toLocaleString("en")} rows${seed.copyMs === null ? " (kept from an earlier run)" : `, copied in ${Math.round(seed.copyMs / 1000)} s`}; each measurement on its own database made from it.`,
    "",
    remainingTables(remaining),
    ...(runs.length > 0 ? ["", "#### Webhook throughput", "", table(runs)] : []),
  ].join("\n");
  console.log(report);
  const saved: { remaining: PostgresRemaining; runs: StoreRun[] } = { remaining, runs };
  writeFileSync(join(options.dataDir, "last-run-postgres.json"), JSON.stringify(saved, null, 2));
}

/** The webhook load through SQLite in one process, then PostgreSQL with one instance and with `instances`. */
async function webhookRuns(
  template: string,
  options: { work: string; quick: boolean; instances: number; serverUrl: string; log: Log },
): Promise<StoreRun[]> {
  const { work, quick, instances, serverUrl, log } = options;
  const phases = webhookPhases(quick);
  const runs: StoreRun[] = [];
  log("webhook on SQLite, one process…");
  runs.push(await measured(log, "sqlite", 1, () => measureWebhook(work, phases, log, 1)));
  for (const n of new Set([1, instances])) {
    log(`webhook on PostgreSQL, ${n} instance(s)…`);
    // Each run on a database of its own, as the seed left it.
    const copy = await databaseFrom(template, serverUrl);
    try {
      runs.push(await measured(log, "postgres", n, () => measurePostgresWebhook(copy.url, n, phases, log)));
    } finally {
      await copy.drop();
    }
  }
  return runs;
}
