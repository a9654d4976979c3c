// Issue 12, part 4: no request stalls the others. The real server runs in this process with the event
// loop's delay watched (perf_hooks), while the load process sends 200 reports a second through the webhook
// and, one kind per run and then all together, heavy requests come in beside them: a national officer's
// /tiendo over rate and per-unit-minimum targets, a unit named nationally, a 50,000-row targets workbook
// imported and confirmed by a national admin.
import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import ExcelJS from "exceljs";
import { sqliteOf, type Repositories } from "#db/index.ts";
import type { Summary } from "./percentiles.ts";
import { seededRandom } from "./seeded-random.ts";
import { threadCpuStretches } from "./thread-cpu.ts";
import { OFFICER_TELEGRAM_BASE } from "./seed-database.ts";
import { BENCH_NOW, BENCH_TODAY } from "./synthetic-country.ts";
import type { Log } from "./seed-database.ts";
import { chairsOf, SECRET } from "./webhook-run.ts";
import type { FromLoad, LoadPlan, PhaseResult, ToLoad } from "./webhook-protocol.ts";

/** Seconds of reports before the measured runs. */
const WARM_UP_SECONDS = 5;

export const EVENT_LOOP_TARGETS = { reportP99Ms: 25, stallMs: 50, reportsPerSecond: 200, importRows: 50_000 };

/** The loop is sampled this often; a sample's delay is its interval less this. */
const RESOLUTION_MS = 2;
/** A heavy request of one kind is sent this long after the answer to the previous one. */
const PAUSE_MS = 1_000;
/** Update ids of this section: after the webhook section's, before the write benchmark's. */
const FIRST_UPDATE_ID = 400_000_000;
const ADMIN_TELEGRAM_ID = 8_100_000_001;
const NAMING_TELEGRAM_ID = 8_100_000_002;

type Kind = "tiendo" | "naming" | "import";

const KIND_NAMES: Record<Kind, string> = {
  tiendo: "(a) national /tiendo, rate + per-unit-minimum targets",
  naming: "(b) naming a grassroots unit nationally",
  import: `(c) ${EVENT_LOOP_TARGETS.importRows.toLocaleString("en")}-row targets workbook, checked and confirmed`,
};

export interface EventLoopRun {
  name: string;
  kinds: Kind[];
  reports: Pick<PhaseResult, "sent" | "answered200" | "failed"> & { latency: Summary };
  /** The loop's delay beyond its sampling interval, ms. */
  loop: { p99: number; max: number; samples: number };
  /**
   * The most CPU time the server's thread used between two turns of its loop, ms: the longest stall of the
   * server's own making, not counting the time it waited for a core. Null where the kernel does not say.
   */
  ownStretchMs: number | null;
  /** How long each heavy request took from post to answer, by kind. */
  requests: Partial<Record<Kind, { count: number; slowestMs: number }>>;
}

export type EventLoopTiming = { runs: EventLoopRun[] } | { skipped: string };

/**
 * The load process's messages, each taken by the first waiter that wants its type; the run and the
 * upload of a workbook wait at the same time, and a message nobody waits for yet is kept.
 */
function inbox(child: ChildProcess) {
  const held: FromLoad[] = [];
  const waiting: { types: FromLoad["type"][]; resolve: (m: FromLoad) => void; reject: (e: Error) => void }[] = [];
  child.on("message", (message: FromLoad) => {
    const at = waiting.findIndex((w) => w.types.includes(message.type) || message.type === "error");
    if (at < 0) held.push(message);
    else waiting.splice(at, 1)[0]?.resolve(message);
  });
  child.once("exit", (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the load process exited with ${code}`));
  });
  return (types: FromLoad["type"][], timeoutMs: number): Promise<FromLoad> => {
    const at = held.findIndex((m) => types.includes(m.type) || m.type === "error");
    if (at >= 0) return Promise.resolve(held.splice(at, 1)[0] as FromLoad);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the load process did not answer in time")), timeoutMs);
      waiting.push({
        types,
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  };
}

type Inbox = ReturnType<typeof inbox>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The national unit's rate and per-unit-minimum targets, and a national admin to import with. */
async function prepare(repos: Repositories): Promise<{ national: { id: number }; grassroots: string[] }> {
  const sqlite = sqliteOf(repos);
  const national = sqlite.prepare(`select id from units where depth = 0 order by id limit 1`).get() as { id: number };
  const period = BENCH_TODAY.slice(0, 4);
  await repos.targets.upsert({
    unitId: national.id,
    metric: "ty_le_ket_nap_ngoai_nha_nuoc",
    period,
    value: 80,
    deadline: null,
  });
  await repos.targets.upsert({
    unitId: national.id,
    metric: "ket_nap_phi_chinh_thuc",
    period,
    value: 2,
    deadline: null,
    scope: "each",
  });
  const at = BENCH_NOW.toISOString();
  const expiresAt = new Date(BENCH_NOW.getTime() + 86_400_000).toISOString();
  // Naming has a national officer of its own: one account sending both kinds would meet the flood limit.
  for (const [code, role, telegramId, name] of [
    ["BENCHADMIN", "admin", ADMIN_TELEGRAM_ID, "Quản trị Toàn quốc"],
    ["BENCHNAMING", "officer", NAMING_TELEGRAM_ID, "Cán bộ Toàn quốc"],
  ] as const) {
    await repos.people.createInvite(code, national.id, role, at, expiresAt);
    const externalId = String(telegramId);
    await repos.people.redeem(
      { code, unitId: national.id, role, expiresAt, usedAt: null, usedBy: null },
      { platform: "telegram", externalId, chatId: externalId },
      name,
      at,
    );
  }
  const names = sqlite.prepare(`select name from units where kind in ('grassroots', 'guild') order by id`).all() as {
    name: string;
  }[];
  return { national, grassroots: names.map((n) => n.name) };
}

/** unit_code, metric, target, deadline for units below the national one, several metrics each when units run short. */
async function targetsWorkbook(repos: Repositories, rows: number): Promise<Uint8Array> {
  const codes = (
    sqliteOf(repos).prepare(`select code from units where depth > 0 order by id`).all() as { code: string }[]
  ).map((u) => u.code);
  const metrics = ["ket_nap", "thuc_tang", "ket_nap_phi_chinh_thuc", "hoat_dong", "gioi_thieu_dang"];
  if (codes.length * metrics.length < rows) throw new Error(`only ${codes.length} units for ${rows} target rows`);
  const random = seededRandom(53);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Chỉ tiêu");
  sheet.addRow(["unit_code", "metric", "target", "deadline"]);
  const deadline = `${BENCH_TODAY.slice(0, 4)}-12-31`;
  for (let i = 0; i < rows; i++) {
    const metric = metrics[Math.floor(i / codes.length)] ?? "ket_nap";
    sheet.addRow([codes[i % codes.length], metric, random.between(1, 60), deadline]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface Sender {
  id: number;
  name: string;
}

/** Posts updates to the webhook as a person would send them; each resolves when answered. */
function poster(url: string) {
  let updateId = FIRST_UPDATE_ID + 9_000_000;
  /** The webhook's last response: a reply that fits one message comes back in it. */
  let lastAnswer = "";
  const post = async (update: Record<string, unknown>): Promise<number> => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
    const answer = await response.text();
    if (response.status !== 200) throw new Error(`the webhook answered ${response.status}`);
    lastAnswer = answer;
    return performance.now() - started;
  };
  const who = (s: Sender) => ({ id: s.id, is_bot: false, first_name: s.name, language_code: "vi" });
  const chat = (s: Sender) => ({ id: s.id, type: "private", first_name: s.name });
  const date = Math.floor(BENCH_NOW.getTime() / 1000);
  return {
    lastAnswer: () => lastAnswer,
    says: (s: Sender, text: string) =>
      post({ message: { message_id: updateId, date, chat: chat(s), from: who(s), text } }),
    sendsFile: (s: Sender, fileId: string, name: string, size: number) =>
      post({
        message: {
          message_id: updateId,
          date,
          chat: chat(s),
          from: who(s),
          document: { file_id: fileId, file_unique_id: fileId, file_name: name, file_size: size },
        },
      }),
    presses: (s: Sender, data: string) =>
      post({
        callback_query: {
          id: `cb${updateId}`,
          from: who(s),
          chat_instance: "bench",
          data,
          message: { message_id: 1, date, chat: chat(s) },
        },
      }),
  };
}

type Post = ReturnType<typeof poster>;

interface Heavy {
  post: Post;
  repos: Repositories;
  officer: Sender;
  namer: Sender;
  admin: Sender;
  names: string[];
  /** The file id of a workbook on the stand-in not sent yet. */
  upload: () => string;
  workbookBytes: number;
}

/** Sends one kind of heavy request until `running()` turns false; resolves to each request's time. */
async function drive(kind: Kind, heavy: Heavy, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  const random = seededRandom(kind.length * 7919);
  while (running()) {
    if (kind === "tiendo") times.push(await heavy.post.says(heavy.officer, "/tiendo"));
    else if (kind === "naming")
      times.push(await heavy.post.says(heavy.namer, `${random.pick(heavy.names)} còn thiếu bao nhiêu`));
    else {
      const lastPending = () =>
        (sqliteOf(heavy.repos).prepare(`select max(id) as id from pending_imports`).get() as { id: number | null })
          .id ?? 0;
      const before = lastPending();
      const fileId = heavy.upload();
      times.push(await heavy.post.sendsFile(heavy.admin, fileId, "chi-tieu.xlsx", heavy.workbookBytes));
      const pending = lastPending();
      if (pending === before)
        throw new Error(`the workbook was not taken for confirmation: ${heavy.post.lastAnswer().slice(0, 300)}`);
      times.push(await heavy.post.presses(heavy.admin, `import:${pending}:yes`));
      const settled = sqliteOf(heavy.repos).prepare(`select settled_at as at from pending_imports where id = ?`);
      if ((settled.get(pending) as { at: string | null }).at === null)
        throw new Error(`the import was not applied: ${heavy.post.lastAnswer().slice(0, 300)}`);
      // One import per run: it is the heaviest thing an admin does, not something done every second.
      return times;
    }
    await sleep(PAUSE_MS);
  }
  return times;
}

function runsPlanned(): { name: string; kinds: Kind[] }[] {
  return [
    { name: "reports alone", kinds: [] },
    { name: `reports + ${KIND_NAMES.tiendo}`, kinds: ["tiendo"] },
    { name: `reports + ${KIND_NAMES.naming}`, kinds: ["naming"] },
    { name: `reports + ${KIND_NAMES.import}`, kinds: ["import"] },
    { name: "reports + all three together", kinds: ["tiendo", "naming", "import"] },
  ];
}

export async function measureEventLoop(databaseFile: string, quick: boolean, log: Log): Promise<EventLoopTiming> {
  const { assemble } = await import("#src/assemble.ts");
  const { loadConfig } = await import("#src/config.ts");
  const { createLogger } = await import("#src/logger.ts");
  const { STAND_IN_BOT } = await import("#src/platforms/telegram/stand-in-api.ts");
  const seconds = quick ? 8 : 15;

  const child = fork(fileURLToPath(new URL("./webhook-load.ts", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const send = (message: ToLoad) => child.send(message);
  const next = inbox(child);
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const ready = await next(["stand-in"], 30_000);
    if (ready.type !== "stand-in") throw new Error(`unexpected first message ${ready.type}`);
    const config = loadConfig({
      BOT_TOKEN: "123456:BENCH-token",
      BOT_MODE: "webhook",
      BOT_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: ready.url,
      DATABASE_PATH: databaseFile,
      LOG_LEVEL: "silent",
    });
    const service = await assemble(config, {
      logger: createLogger("silent"),
      clock: () => BENCH_NOW,
      botInfo: STAND_IN_BOT,
    });
    cleanup.unshift(() => service.close());
    const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    cleanup.unshift(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
    );
    const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/telegram`;

    const { national, grassroots } = await prepare(service.repos);
    log(`event loop: writing a ${EVENT_LOOP_TARGETS.importRows.toLocaleString("en")}-row targets workbook…`);
    const workbook = await targetsWorkbook(service.repos, EVENT_LOOP_TARGETS.importRows);
    // The stand-in gets the workbook before the runs: sending it is the benchmark's work, not the server's.
    const fileIds = runsPlanned()
      .filter((run) => run.kinds.includes("import"))
      .map((_, i) => `bench-import-${i + 1}`);
    for (const fileId of fileIds) {
      send({ type: "add-file", fileId, base64: Buffer.from(workbook).toString("base64") });
      const added = await next(["file-added"], 30_000);
      if (added.type === "error") throw new Error(`load process: ${added.message}`);
    }
    const heavy: Heavy = {
      post: poster(webhookUrl),
      repos: service.repos,
      officer: { id: OFFICER_TELEGRAM_BASE + national.id, name: "Cán bộ" },
      namer: { id: NAMING_TELEGRAM_ID, name: "Cán bộ" },
      admin: { id: ADMIN_TELEGRAM_ID, name: "Quản trị" },
      names: grassroots,
      workbookBytes: workbook.byteLength,
      upload: () => {
        const fileId = fileIds.shift();
        if (!fileId) throw new Error("more imports than workbooks put on the stand-in");
        return fileId;
      },
    };
    const chairs = chairsOf(sqliteOf(service.repos));
    // A server that has been up a while has its report path compiled: the first seconds after a start are not
    // what people meet, so reports run a few seconds unmeasured first.
    log("  warming up…");
    const warmUp = { name: "warm-up", kinds: [], seconds: WARM_UP_SECONDS, webhookUrl, chairs };
    await oneRun(child, next, heavy, { ...warmUp, index: runsPlanned().length });
    const runs: EventLoopRun[] = [];
    for (const [index, planned] of runsPlanned().entries()) {
      log(`  ${planned.name}…`);
      runs.push(await oneRun(child, next, heavy, { ...planned, seconds, index, webhookUrl, chairs }));
    }
    return { runs };
  } finally {
    if (child.connected) send({ type: "stop" });
    for (const close of cleanup) await close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const timer = setTimeout(() => child.kill(), 5_000);
    if (child.exitCode === null) await exited;
    clearTimeout(timer);
  }
}

interface RunPlan {
  name: string;
  kinds: Kind[];
  seconds: number;
  index: number;
  webhookUrl: string;
  chairs: LoadPlan["chairs"];
}

/** One fixed-rate run of reports with the run's heavy requests beside it; the loop is watched throughout. */
async function oneRun(child: ChildProcess, next: Inbox, heavy: Heavy, run: RunPlan): Promise<EventLoopRun> {
  const plan: LoadPlan = {
    webhookUrl: run.webhookUrl,
    secret: SECRET,
    chairs: run.chairs,
    firstUpdateId: FIRST_UPDATE_ID + run.index * 1_000_000,
    connections: 40,
    phases: [{ name: run.name, kind: "open", rate: EVENT_LOOP_TARGETS.reportsPerSecond, seconds: run.seconds }],
    messageDate: Math.floor(BENCH_NOW.getTime() / 1000),
  };
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  child.send({ type: "start", plan } satisfies ToLoad);
  let phaseOver = false;
  let drivers: Promise<[Kind, number[]]>[] = [];
  let result: PhaseResult | undefined;
  let stretches: { stop: () => number | null } | undefined;
  for (;;) {
    const message = await next(["phase-start", "phase-end", "done"], (run.seconds + 180) * 1000);
    if (message.type === "phase-start") {
      histogram.enable();
      stretches = threadCpuStretches(RESOLUTION_MS);
      drivers = run.kinds.map(async (kind) => [kind, await drive(kind, heavy, () => !phaseOver)] as [Kind, number[]]);
    } else if (message.type === "phase-end") {
      phaseOver = true;
    } else if (message.type === "done") {
      result = message.phases[0];
      break;
    } else if (message.type === "error") throw new Error(`load process: ${message.message}`);
  }
  // Heavy requests still in flight when the reports stopped are watched to their end.
  const times = await Promise.all(drivers);
  histogram.disable();
  const ownStretchMs = stretches?.stop() ?? null;
  if (!result) throw new Error("the load process sent no result");
  const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const requests: EventLoopRun["requests"] = {};
  for (const [kind, list] of times) requests[kind] = { count: list.length, slowestMs: Math.max(0, ...list) };
  return {
    name: run.name,
    kinds: run.kinds,
    reports: { sent: result.sent, answered200: result.answered200, failed: result.failed, latency: result.latency },
    loop: { p99: delay(histogram.percentile(99)), max: delay(histogram.max), samples: histogram.count },
    ownStretchMs,
    requests,
  };
}

const ms = (n: number) =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString("en")} ms` : "—";

export function eventLoopVerdict(run: EventLoopRun): boolean {
  return (
    run.reports.answered200 === run.reports.sent &&
    run.reports.latency.p99 < EVENT_LOOP_TARGETS.reportP99Ms &&
    run.loop.max <= EVENT_LOOP_TARGETS.stallMs
  );
}

/** The section's Markdown: one row per run, then the longest stall put down to each kind of request. */
export function renderEventLoop(timing: EventLoopTiming): string[] {
  const out = ["", "#### Event loop", ""];
  if ("skipped" in timing) return [...out, `Not measured: ${timing.skipped}`];
  const t = EVENT_LOOP_TARGETS;
  out.push(
    `The real server in the benchmark's process, its event loop watched with \`monitorEventLoopDelay\` (sampled every ${RESOLUTION_MS} ms; ` +
      `a delay is the time a sample came late), while the load process sends ${t.reportsPerSecond} reports a second through the webhook ` +
      `(open loop, latency from the scheduled send). Beside them, one kind per run, then all three together: (a) the national officer sends /tiendo ` +
      "with a rate target (`ty_le_ket_nap_ngoai_nha_nuoc`) and a per-unit minimum (scope `each`) set nationally; (b) another national officer asks " +
      `"<name of a random grassroots unit> còn thiếu bao nhiêu"; (c) a national admin sends a ${t.importRows.toLocaleString("en")}-row targets workbook and confirms it. ` +
      `(a) and (b) are sent again ${PAUSE_MS / 1000} s after each answer; (c) once a run. Heavy answer is the slowest post-to-answer time of that kind. ` +
      "Longest own stretch is the most CPU time the server's thread used between two turns of its loop (Linux's count of its time on a core): " +
      "the part of a stall that is the server's own work, not time spent waiting for a core that other processes had.",
  );
  out.push("");
  const rows = timing.runs.map((run) => {
    const heavy = run.kinds
      .map((kind) => {
        const r = run.requests[kind];
        return r ? `${kind} ${ms(r.slowestMs)} (${r.count}×)` : `${kind} —`;
      })
      .join(", ");
    return [
      run.name,
      `${run.reports.answered200.toLocaleString("en")} / ${run.reports.sent.toLocaleString("en")}`,
      ms(run.reports.latency.median),
      ms(run.reports.latency.p99),
      ms(run.loop.p99),
      ms(run.loop.max),
      run.ownStretchMs === null ? "—" : ms(run.ownStretchMs),
      heavy || "—",
      `reports p99 < ${t.reportP99Ms} ms, no stall > ${t.stallMs} ms`,
      eventLoopVerdict(run) ? "PASS" : "FAIL",
    ];
  });
  const header = [
    "Run",
    "Reports answered",
    "Report p50",
    "Report p99",
    "Loop delay p99",
    "Longest stall",
    "Longest own stretch",
    "Heavy answer",
    "Target",
    "Result",
  ];
  const align = ["l", "r", "r", "r", "r", "r", "r", "l", "l", "l"];
  out.push(
    [header, align.map((a) => (a === "r" ? "--:" : ":--")), ...rows]
      .map((cells) => `| ${cells.join(" | ")} |`)
      .join("\n"),
  );
  const alone = timing.runs.filter((run) => run.kinds.length === 1);
  if (alone.length > 0) {
    out.push("");
    out.push(
      `Longest stall put down to each: ${alone.map((run) => `${run.kinds[0]} ${ms(run.loop.max)}`).join(", ")} ` +
        `(reports alone: ${ms(timing.runs.find((run) => run.kinds.length === 0)?.loop.max ?? Number.NaN)}).`,
    );
  }
  return out;
}
