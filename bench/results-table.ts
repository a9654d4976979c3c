// The benchmark's report: Markdown tables that can go into the README as they are.
import { renderEventLoop, type EventLoopTiming } from "./event-loop.ts";
import type { KindTiming, LevelTiming, NamingTiming, Timing } from "./remaining-queries.ts";
import type { WriteTiming } from "./report-writes.ts";
import type { SeedFacts } from "./seed-database.ts";
import type { WebhookTiming } from "./webhook-run.ts";

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string;
}

export interface Targets {
  remainingMedianMs: number;
  writesPerSecond: number;
  webhookSustainedPerSecond: number;
  webhookP99Ms: number;
  webhookP99Rate: number;
}

export const TARGETS: Targets = {
  remainingMedianMs: 1,
  writesPerSecond: 5_000,
  webhookSustainedPerSecond: 2_000,
  webhookP99Ms: 25,
  webhookP99Rate: 500,
};

export interface Verdicts {
  remaining: boolean;
  writes: boolean;
  webhookSustained: boolean | null;
  webhookLatency: boolean | null;
  /** Reports' p99 and the longest stall while heavy requests come in (issue 12, part 4). */
  eventLoop?: boolean | null;
}

export interface Results {
  scale: string;
  machine: Machine;
  data: SeedFacts & { cached: boolean };
  remaining: LevelTiming[];
  otherKinds: KindTiming[];
  naming: NamingTiming[];
  writes: WriteTiming;
  webhook: WebhookTiming | { skipped: string };
  /** Absent in results written before the section existed. */
  eventLoop?: EventLoopTiming;
  /** The outbox, dispatcher and export benchmarks of this folder: one row each. */
  extra: { name: string; value: string; target: string; pass: boolean }[];
  /** Cores other processes kept busy during each measurement. */
  sharing: { name: string; otherCores: number | null }[];
  /** A failed check marks the run as failed, unless it is only a warning. */
  checks: { name: string; ok: boolean; warning?: boolean; detail: string }[];
  verdicts: Verdicts;
}

const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(3) : n.toFixed(1)} ms` : "—");
const cores = (p: WebhookTiming["phases"][number]) => {
  const others =
    p.server.machine === null ? Number.NaN : Math.max(0, p.server.machine - p.server.cpu - p.loadProcessCpu);
  return [p.server.cpu, p.loadProcessCpu, others].map((n) => (Number.isFinite(n) ? n.toFixed(2) : "—")).join(" / ");
};
const verdict = (ok: boolean | null) => (ok === null ? "—" : ok ? "PASS" : "FAIL");

/** The three repository methods with the largest median share of an answer. */
function largest(timing: Timing): string {
  return Object.entries(timing.methods)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([method, t]) => `${method} ${ms(t)}`)
    .join(", ");
}

function table(header: string[], align: ("l" | "r")[], rows: string[][]): string {
  const rule = align.map((a) => (a === "r" ? "--:" : ":--"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Sustained means every update answered and answers keeping pace with the offered rate (0.5% for timer jitter). */
export function sustained(phase: WebhookTiming["phases"][number]): boolean {
  return phase.answered200 === phase.sent && phase.rate !== null && phase.achievedPerSecond >= phase.rate * 0.995;
}

export function render(results: Results): string {
  const { machine, data } = results;
  const out: string[] = [];
  out.push(`### Benchmarks${results.scale === "full" ? "" : ` (${results.scale} scale: not the requirement's size)`}`);
  out.push("");
  out.push(
    `\`npm run bench\` on ${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.os}, ` +
      `Node ${machine.node}, SQLite ${machine.sqlite}.`,
  );
  out.push("");
  out.push(
    `Data: ${int(Object.values(data.units).reduce((a, b) => a + b, 0))} units (${int(data.units.national)} national, ` +
      `${int(data.units.province)} provinces, ${int(data.units.district)} districts, ${int(data.units.grassroots)} grassroots unions and guilds), ` +
      `${int(data.targets)} targets, ${int(data.ledgerRows)} ledger rows, ${int(data.tallies)} tallies, ` +
      `${int(data.processedUpdates)} processed updates, ${int(data.chairs)} linked chairs; ` +
      `a ${(data.bytes / 1e9).toFixed(2)} GB SQLite file in WAL mode, seeded in ${int(data.buildSeconds)} s` +
      `${data.cached ? " (reused from the cache)" : ""}.`,
  );

  out.push("", `#### "Còn thiếu": database time per answer`, "");
  out.push(
    '`standing.ofUnit` + `standing.childrenBehind("ket_nap")` for random units of each level, after a warm-up. ' +
      "Database time is the time spent inside repository methods; service time is the whole of both calls.",
  );
  out.push("");
  out.push(
    table(
      [
        "Level",
        "Units",
        "Children (mean / max)",
        "Samples",
        "DB median",
        "DB p99",
        "Service median",
        "Service p99",
        "Target",
        "Result",
      ],
      ["l", "r", "r", "r", "r", "r", "r", "r", "l", "l"],
      results.remaining.map((r) => [
        r.level,
        int(r.units),
        `${int(r.children.mean)} / ${int(r.children.max)}`,
        int(r.standing.database.samples),
        ms(r.standing.database.median),
        ms(r.standing.database.p99),
        ms(r.standing.total.median),
        ms(r.standing.total.p99),
        `DB median < ${TARGETS.remainingMedianMs} ms`,
        verdict(r.standing.database.median < TARGETS.remainingMedianMs),
      ]),
    ),
  );
  out.push("");
  out.push(
    'The whole answer as a person gets it: `conversation.handle` of "còn thiếu bao nhiêu" from the unit\'s own chair or officer ' +
      "(who they are, the language layer, the command with its roll-up, sectors and allocation lines, the text).",
  );
  out.push("");
  out.push(
    table(
      ["Level", "Samples", "DB median", "DB p99", "Answer median", "Answer p99", "Largest DB calls (medians)"],
      ["l", "r", "r", "r", "r", "r", "l"],
      results.remaining.map((r) => [
        r.level,
        int(r.answer.total.samples),
        ms(r.answer.database.median),
        ms(r.answer.database.p99),
        ms(r.answer.total.median),
        ms(r.answer.total.p99),
        largest(r.answer),
      ]),
    ),
  );
  if (results.otherKinds.length > 0) {
    const kinds = Object.keys(results.otherKinds[0]?.kinds ?? {});
    out.push("");
    out.push(
      "Targets that are not running totals (none in the seeded plans): database time of `standing.measure` for one such target, medians / p99.",
    );
    out.push("");
    out.push(
      table(
        ["Level", ...kinds.map((k) => `\`${k}\``)],
        ["l", ...kinds.map(() => "r" as const)],
        results.otherKinds.map((r) => [
          r.level,
          ...kinds.map((k) => {
            const timing = r.kinds[k];
            return timing ? `${ms(timing.database.median)} / ${ms(timing.database.p99)}` : "—";
          }),
        ]),
      ),
    );
  }

  if (results.naming.length > 0) {
    out.push("");
    out.push(
      "Naming a unit: an officer of each level asks “<name of a random grassroots unit below> còn thiếu bao nhiêu” (`conversation.handle`). Up to 2,000 units below, all their names are compared; beyond that, the 300 sharing the most words with the name, found through the name index. Several units of one name (the synthetic country repeats names) get a list, not a guess.",
    );
    out.push("");
    out.push(
      table(
        [
          "Level",
          "Samples",
          "Answer median",
          "Answer p99",
          "DB median",
          "That unit",
          "Listed among its namesakes",
          "Other answer",
        ],
        ["l", "r", "r", "r", "r", "r", "r", "r"],
        results.naming.map((r) => [
          r.level,
          int(r.answer.total.samples),
          ms(r.answer.total.median),
          ms(r.answer.total.p99),
          ms(r.answer.database.median),
          int(r.right),
          int(r.several),
          int(r.wrong),
        ]),
      ),
    );
  }

  const w = results.writes;
  out.push("", "#### Writing a report with its roll-ups", "");
  out.push(
    "`ledger.record` of one join entry with its lineage (4 tallies), one transaction per report, on the full ledger.",
  );
  out.push("");
  out.push(
    table(
      ["Reports", "Elapsed", "Rate", "Median", "p99", "Max", "Target", "Result"],
      ["r", "r", "r", "r", "r", "r", "l", "l"],
      [
        [
          int(w.reports),
          `${w.seconds.toFixed(2)} s`,
          `${int(w.perSecond)}/s`,
          ms(w.latency.median),
          ms(w.latency.p99),
          ms(w.latency.max),
          `≥ ${int(TARGETS.writesPerSecond)}/s`,
          verdict(results.verdicts.writes),
        ],
      ],
    ),
  );

  out.push("", "#### Webhook", "");
  if ("skipped" in results.webhook) {
    out.push(`Not measured: ${results.webhook.skipped}`);
  } else {
    out.push(
      "The real server (`assemble` + `@hono/node-server`) on loopback in webhook mode with a secret, replying through grammY " +
        "to a stand-in Bot API; the stand-in and the load generator run in another process. Updates are private messages " +
        '"kết nạp N đoàn viên" in six wordings from random linked chairs, over at most 40 keep-alive connections ' +
        "(Telegram's default). Fixed-rate runs are open loop: latency counts from each update's scheduled send time to its answer, " +
        "which comes once the update is handled and its reply sent (to the stand-in, or in the answer itself as a webhook reply). " +
        'Confirmed counts the "✅ Đã ghi nhận" replies. CPU is in cores (the machine has ' +
        `${machine.cores}).`,
    );
    out.push("");
    out.push(
      table(
        [
          "Run",
          "Updates",
          "Answered 200",
          "Confirmed",
          "Throughput",
          "Median",
          "p99",
          "Max",
          "CPU: server / load / others",
          "Target",
          "Result",
        ],
        ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l", "l"],
        results.webhook.phases.map((p) => {
          let target = "—";
          let ok: boolean | null = null;
          if (p.kind === "open" && p.rate === TARGETS.webhookP99Rate && p.name !== "warm-up") {
            target = `p99 < ${TARGETS.webhookP99Ms} ms`;
            ok = p.answered200 === p.sent && p.latency.p99 < TARGETS.webhookP99Ms;
          } else if (p.kind === "open" && p.rate === TARGETS.webhookSustainedPerSecond) {
            target = `≥ ${int(TARGETS.webhookSustainedPerSecond)}/s sustained`;
            ok = sustained(p);
          }
          return [
            p.name,
            int(p.sent),
            int(p.answered200),
            int(p.replies.recorded),
            `${int(p.achievedPerSecond)}/s`,
            ms(p.latency.median),
            ms(p.latency.p99),
            ms(p.latency.max),
            cores(p),
            target,
            verdict(ok),
          ];
        }),
      ),
    );
    const failed = results.webhook.phases.filter((p) => p.failed > 0);
    if (failed.length > 0) {
      out.push("");
      const reasons = (p: (typeof failed)[number]) =>
        Object.entries(p.failures ?? {})
          .map(([reason, count]) => `${int(count)} × ${reason}`)
          .join(", ");
      out.push(
        `Not answered 200: ${failed.map((p) => `${p.name}: ${reasons(p) || `${int(p.failed)} (no reason recorded)`}`).join("; ")}.`,
      );
    }
  }

  if (results.eventLoop) out.push(...renderEventLoop(results.eventLoop));

  if (results.extra.length > 0) {
    out.push("", "#### Outbox, dispatcher and export", "");
    out.push(
      table(
        ["Measurement", "Result", "Target", "Verdict"],
        ["l", "l", "l", "l"],
        results.extra.map((row) => [row.name, row.value, row.target, verdict(row.pass)]),
      ),
    );
  }

  out.push("", "#### Checks", "");
  for (const check of results.checks)
    out.push(`- ${check.ok ? "OK" : check.warning ? "WARNING" : "FAILED"}: ${check.name}: ${check.detail}`);
  return out.join("\n");
}
