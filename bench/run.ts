// `npm run bench [-- --quick] [-- --store postgres [--instances N]] [-- --fresh] [-- --no-webhook] [-- --no-event-loop] [-- --no-extra] [-- --workers N]`: the performance requirements of issue 2, point 12, measured
// on a country-sized database. Progress goes to stderr; the Markdown report to stdout and, as JSON,
// to bench/.data/last-run.json.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { cpus, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, repositories } from "#db/index.ts";
import { cpuWindow, waitForQuiet } from "./machine-load.ts";
import { measureNaming, measureOtherKinds, measureRemaining, sqliteUnitIndex } from "./remaining-queries.ts";
import { eventLoopVerdict, measureEventLoop, type EventLoopTiming } from "./event-loop.ts";
import { measureReportWrites } from "./report-writes.ts";
import { render, sustained, TARGETS, type Results } from "./results-table.ts";
import { checkBulkMatchesRecord, seededDatabase } from "./seed-database.ts";
import { BENCH_NOW, BENCH_TODAY, SCALES } from "./synthetic-country.ts";
import { measureWebhook, webhookPhases } from "./webhook-run.ts";
import { runPostgresBench } from "./postgres-run.ts";

const argv = process.argv.slice(2);
// `--workers N`: run the webhook server as `npm start` with WEB_CONCURRENCY=N (a primary and N workers).
const workersAt = argv.indexOf("--workers");
const workers = workersAt >= 0 ? Number(argv.splice(workersAt, 2)[1]) : 1;
if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
  console.error("--workers takes a whole number from 1 to 16");
  process.exit(2);
}
// `--store postgres [--instances N] [--url postgres://…]`: the webhook load on SQLite and on PostgreSQL only.
const optionValue = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? (argv.splice(at, 2)[1] ?? fallback) : fallback;
};
const store = optionValue("--store", "sqlite");
const instances = Number(optionValue("--instances", "1"));
const serverUrl = optionValue("--url", process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
if (!["sqlite", "postgres"].includes(store) || !Number.isInteger(instances) || instances < 1 || instances > 8) {
  console.error("--store takes sqlite or postgres; --instances a whole number from 1 to 8");
  process.exit(2);
}
const args = new Set(argv);
for (const arg of args) {
  if (!["--quick", "--fresh", "--no-webhook", "--no-event-loop", "--no-extra"].includes(arg)) {
    console.error(
      `unknown option ${arg}; use --quick, --fresh, --no-webhook, --no-event-loop, --no-extra or --workers N`,
    );
    process.exit(2);
  }
}
const quick = args.has("--quick");
const scale = quick ? SCALES.quick : SCALES.full;
const dataDir = fileURLToPath(new URL("./.data", import.meta.url));
const nluModule = fileURLToPath(new URL("../src/nlu/index.ts", import.meta.url));
const log = (line: string) => console.error(line);
/** How long a measurement waits for other processes (builds, tests) to leave the cores alone. */
const QUIET_WAIT_MS = 180_000;
/** Other processes' CPU above this, in cores, makes a run suspect. */
const NOISE_CORES = 0.25;

function freeGb(): number {
  const stats = statfsSync(dataDir);
  return (stats.bavail * stats.bsize) / 1e9;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  // The full database takes about 2.5 GB, and the run works on a copy of it.
  const neededGb = quick ? 1 : 9;
  if (freeGb() < neededGb)
    throw new Error(
      `only ${freeGb().toFixed(1)} GB free beside bench/.data; the ${scale.name} run needs ${neededGb} GB`,
    );

  const checks: Results["checks"] = [];
  const tiny = await checkBulkMatchesRecord(SCALES.tiny);
  checks.push({
    name: "bulk seed = ledger.record",
    ok: true,
    detail: `a ${SCALES.tiny.units}-unit country seeded both ways has identical ledger (${tiny.ledgerRows.toLocaleString("en")} rows), tallies (${tiny.tallies.toLocaleString("en")} rows), targets and roles`,
  });

  const seeded = await seededDatabase(scale, dataDir, { fresh: args.has("--fresh"), log });
  checks.push({
    name: "tallies = sums over the ledger",
    ok: true,
    detail: `for ${seeded.facts.tallyChecks} units of all levels, every tally equals the sum of the subtree's ledger rows`,
  });

  // Every run starts from the same state: the cache is copied, never written.
  const work = join(dataDir, "run.sqlite");
  const removeWork = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${work}${suffix}`, { force: true });
  };
  removeWork();
  copyFileSync(seeded.file, work);
  // Written back now, not by the first checkpoint's fsync in the middle of a measurement.
  const fd = openSync(work, "r+");
  fsyncSync(fd);
  closeSync(fd);
  readThrough(work);
  if (store === "postgres") {
    try {
      await runPostgresBench({
        work,
        seedKey: seeded.key,
        fresh: args.has("--fresh"),
        quick,
        instances,
        webhook: !args.has("--no-webhook"),
        serverUrl,
        dataDir,
        log,
      });
    } finally {
      removeWork();
    }
    return;
  }
  try {
    const db = openDatabase(work);
    const repos = repositories(db);
    const sqlite = (db.$client.prepare(`select sqlite_version() as v`).get() as { v: string }).v;
    const sharing: Results["sharing"] = [];
    /** Runs one measurement on a machine as quiet as it gets, and notes what other processes used meanwhile. */
    const measured = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
      log(`${name}…`);
      await waitForQuiet(log, QUIET_WAIT_MS);
      const end = cpuWindow();
      const result = await work();
      const share = end();
      sharing.push({ name, otherCores: share ? Math.max(0, share.machine - share.own) : null });
      return result;
    };
    const index = sqliteUnitIndex(repos);
    const remaining = await measured(`"còn thiếu" queries`, () =>
      measureRemaining(repos, index, BENCH_TODAY, BENCH_NOW, {
        samples: quick ? 1_000 : 5_000,
        budgetMs: quick ? 4_000 : 15_000,
      }),
    );
    const otherKinds = await measured("other metric kinds", () =>
      measureOtherKinds(repos, index, BENCH_TODAY, { samples: quick ? 200 : 1_000, budgetMs: quick ? 1_500 : 4_000 }),
    );
    const naming = await measured("naming a unit", () =>
      measureNaming(repos, index, BENCH_NOW, { samples: quick ? 200 : 1_000, budgetMs: quick ? 2_000 : 8_000 }),
    );
    const writes = await measured(
      "report writes",
      async () => await measureReportWrites(repos, BENCH_TODAY, BENCH_NOW, quick ? 20_000 : 50_000),
    );
    db.$client.close();

    let webhook: Results["webhook"];
    if (args.has("--no-webhook")) webhook = { skipped: "left out with --no-webhook." };
    else if (!existsSync(nluModule))
      webhook = { skipped: "src/nlu/index.ts does not exist yet, so the service cannot load." };
    else {
      log(`webhook…`);
      try {
        await waitForQuiet(log, QUIET_WAIT_MS);
        webhook = await measureWebhook(work, webhookPhases(quick), log, workers);
        for (const phase of webhook.phases) {
          const { machine, cpu } = phase.server;
          sharing.push({
            name: `webhook ${phase.name}`,
            otherCores: machine === null ? null : Math.max(0, machine - cpu - phase.loadProcessCpu),
          });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        webhook = { skipped: `the run failed: ${message}` };
        checks.push({ name: "the webhook run completed", ok: false, detail: message });
      }
    }

    if (!("skipped" in webhook)) {
      checks.push({
        name: "every answered update was recorded",
        ok: webhook.ledgerRowsWritten === webhook.updatesAnswered,
        detail: `${webhook.updatesAnswered.toLocaleString("en")} updates answered 200, ${webhook.ledgerRowsWritten.toLocaleString("en")} ledger rows written`,
      });
      const replies = webhook.replies;
      const examples = replies.otherExamples;
      checks.push({
        name: "every report was confirmed to its chair",
        ok: replies.other === 0 && replies.recorded === webhook.updatesAnswered,
        detail: `${replies.recorded.toLocaleString("en")} "✅ Đã ghi nhận" replies, ${replies.other} other replies${examples.length ? ` (e.g. ${JSON.stringify(examples[0])})` : ""}`,
      });
      const busiest = Math.max(...webhook.phases.map((p) => p.loadProcessElu));
      checks.push({
        name: "the load process kept up",
        ok: busiest < 0.9,
        detail: `its event loop was at most ${Math.round(busiest * 100)}% busy`,
      });
    }

    // Issue 12, part 4: heavy requests beside the report flow, on the database the webhook run left.
    let eventLoop: EventLoopTiming;
    if (args.has("--no-event-loop")) eventLoop = { skipped: "left out with --no-event-loop." };
    else if (!existsSync(nluModule))
      eventLoop = { skipped: "src/nlu/index.ts does not exist yet, so the service cannot load." };
    else {
      try {
        eventLoop = await measured("event loop", () => measureEventLoop(work, quick, log));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        eventLoop = { skipped: `the run failed: ${message}` };
        checks.push({ name: "the event-loop run completed", ok: false, detail: message });
      }
    }

    // The other authors' benchmarks in this folder, each in its own section; one failing does not stop the rest.
    const extra: Results["extra"] = [];
    if (!args.has("--no-extra")) {
      const sections: [string, () => Promise<Results["extra"]>][] = [
        [
          "export workbook",
          async () =>
            (await (await import("./export.ts")).benchExport()).map((r) => ({
              name: r.name,
              value: `${Math.round(r.ms).toLocaleString("en")} ms`,
              target: r.target,
              pass: r.pass,
            })),
        ],
        ["outbox and dispatcher", async () => (await import("./dispatch.ts")).benchDispatch()],
        ["export of a province", async () => (await import("./province-export.ts")).benchProvinceExport()],
        ["progress chart", async () => (await import("./chart.ts")).benchChart()],
        ["parse speed", async () => (await import("./parse-speed.ts")).benchParse()],
        ["flood", async () => (await import("./flood.ts")).benchFlood()],
        ["member list import", async () => (await import("./member-import.ts")).benchMemberImport()],
        ["dashboard", async () => (await import("./dashboard.ts")).benchDashboard(work, false)],
      ];
      for (const [name, run] of sections) {
        try {
          extra.push(...(await measured(name, run)));
        } catch (error) {
          extra.push({
            name,
            value: `the run failed: ${error instanceof Error ? error.message : String(error)}`,
            target: "—",
            pass: false,
          });
        }
      }
    }

    const busiest = sharing.reduce((max, s) => Math.max(max, s.otherCores ?? 0), 0);
    checks.push({
      name: "the machine was otherwise quiet",
      warning: true,
      ok: busiest <= NOISE_CORES,
      detail: `other processes used at most ${busiest.toFixed(2)} cores during a measurement${busiest > NOISE_CORES ? " (results understate the code; run again on a quiet machine)" : ""}`,
    });

    const p500 =
      "skipped" in webhook
        ? undefined
        : webhook.phases.find((p) => p.name !== "warm-up" && p.rate === TARGETS.webhookP99Rate);
    const p2000 =
      "skipped" in webhook ? undefined : webhook.phases.find((p) => p.rate === TARGETS.webhookSustainedPerSecond);
    const all = cpus();
    const results: Results = {
      scale: scale.name,
      machine: {
        date: new Date().toISOString().slice(0, 10),
        cpu: all[0]?.model.trim() ?? "unknown CPU",
        cores: all.length,
        memoryGb: Math.round(totalmem() / 1e9),
        os: `${type()} ${release()}`,
        node: process.version,
        sqlite,
      },
      data: { ...seeded.facts, cached: !seeded.built },
      remaining,
      otherKinds,
      naming,
      writes,
      webhook,
      eventLoop,
      extra,
      sharing,
      checks,
      verdicts: {
        remaining: remaining.every((r) => r.standing.database.median < TARGETS.remainingMedianMs),
        writes: writes.perSecond >= TARGETS.writesPerSecond,
        webhookSustained: p2000 ? sustained(p2000) : null,
        webhookLatency: p500 ? p500.answered200 === p500.sent && p500.latency.p99 < TARGETS.webhookP99Ms : null,
        eventLoop: "skipped" in eventLoop ? null : eventLoop.runs.every(eventLoopVerdict),
      },
    };
    writeFileSync(join(dataDir, "last-run.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(render(results));
    if (checks.some((c) => !c.ok && !c.warning)) process.exitCode = 1;
  } finally {
    removeWork();
  }
}

await main();

/**
 * Reads a file once from start to end, so that its pages are in the system's cache, as a server's database is
 * once it has run a while. A fresh copy is not: copying fills the cache with the source's pages, and then the
 * measurements would time the disk for every page of the copy read the first time.
 */
function readThrough(file: string): void {
  const fd = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(8 << 20);
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}
