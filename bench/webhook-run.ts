// The server side of the webhook benchmark: the real service from assemble(), listening on loopback in
// webhook mode with a secret, replying to a stand-in Bot API that runs in the load process.
import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type Database from "better-sqlite3";
import { sqliteOf } from "#db/index.ts";
import { BENCH_NOW } from "./synthetic-country.ts";
import { cpuWindow } from "./machine-load.ts";
import type { Log } from "./seed-database.ts";
import type { Chair, FromLoad, LoadPlan, PhasePlan, PhaseResult, Replies, ToLoad } from "./webhook-protocol.ts";

export const SECRET = "bench-secret_2026";
/** Webhook updates carry ids from here: after the seeded reports, before the write benchmark's. */
const FIRST_UPDATE_ID = 200_000_000;
export const CONNECTIONS = 40;

export interface ServerUse {
  /** Event-loop utilisation of the server process during the phase. */
  elu: number;
  /** CPU time of the server process over wall time: 1.0 is one core busy. */
  cpu: number;
  /** Cores the whole machine kept busy, when the system tells. */
  machine: number | null;
}

export interface WebhookTiming {
  phases: (PhaseResult & { server: ServerUse })[];
  /** Ledger rows the server wrote during the run, against the updates answered. */
  ledgerRowsWritten: number;
  updatesAnswered: number;
  /** Every reply of the run, late ones included. */
  replies: Replies;
}

export function webhookPhases(quick: boolean): PhasePlan[] {
  const s = (full: number, short: number) => (quick ? short : full);
  return [
    { name: "warm-up", kind: "open", rate: 500, seconds: s(5, 2) },
    { name: "fixed rate 500/s", kind: "open", rate: 500, seconds: s(20, 6) },
    { name: "fixed rate 2,000/s", kind: "open", rate: 2000, seconds: s(15, 5) },
    { name: "ceiling (closed loop)", kind: "closed", connections: CONNECTIONS, seconds: s(5, 3) },
  ];
}

export function chairsOf(sqlite: Database.Database): Chair[] {
  const rows = sqlite
    .prepare(
      `select a.external_id as externalId, p.display_name as displayName
       from roles r join accounts a on a.person_id = r.person_id and a.platform = 'telegram' join people p on p.id = r.person_id
       where r.role = 'chair'`,
    )
    .all() as { externalId: string; displayName: string }[];
  return rows.map((row) => {
    const [firstName = "bạn", ...rest] = row.displayName.split(" ");
    return { telegramId: Number(row.externalId), firstName, lastName: rest.join(" ") };
  });
}

export function nextMessage(child: ChildProcess, timeoutMs: number): Promise<FromLoad> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("the load process did not answer in time"));
    }, timeoutMs);
    const onMessage = (message: FromLoad) => {
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the load process exited with ${code}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

/** Starts src/main.ts as `npm start` would, with several webhook workers; resolves once it answers /healthz. */
export async function startMainProcess(
  env: Record<string, string>,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const { spawn } = await import("node:child_process");
  const { createServer } = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
  const child = spawn(tsx, ["src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: "inherit",
  });
  const until = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > until) throw new Error("the server did not answer /healthz within 60 s");
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        child.kill("SIGTERM");
      }),
  };
}

/**
 * `workers` above 1 runs the server as `npm start` with WEB_CONCURRENCY: a primary and that many webhook
 * worker processes; the server's own CPU is then not separated from the machine's.
 */
export async function measureWebhook(
  databaseFile: string,
  phases: PhasePlan[],
  log: Log,
  workers = 1,
): Promise<WebhookTiming> {
  // Loaded here, not at the top: the rest of the benchmark runs even while the service cannot load.
  const { assemble } = await import("#src/assemble.ts");
  const { loadConfig } = await import("#src/config.ts");
  const { createLogger } = await import("#src/logger.ts");
  const { STAND_IN_BOT } = await import("#src/platforms/telegram/stand-in-api.ts");

  const child = fork(fileURLToPath(new URL("./webhook-load.ts", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const send = (message: ToLoad) => child.send(message);
  let closeServer: (() => Promise<void>) | undefined;
  let closeService: (() => Promise<void>) | undefined;
  try {
    const ready = await nextMessage(child, 30_000);
    if (ready.type !== "stand-in") throw new Error(`unexpected first message ${ready.type}`);

    const env = {
      BOT_TOKEN: "123456:BENCH-token",
      BOT_MODE: "webhook",
      BOT_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: ready.url,
      DATABASE_PATH: databaseFile,
      LOG_LEVEL: "silent",
    };
    const config = loadConfig(env);
    // The service reads the database in this process either way: the chairs, the ledger count.
    const service = await assemble(config, {
      logger: createLogger("silent"),
      clock: () => BENCH_NOW,
      botInfo: STAND_IN_BOT,
    });
    closeService = () => service.close();
    let port: number;
    if (workers > 1) {
      const main = await startMainProcess({ ...env, WEB_CONCURRENCY: String(workers) });
      port = main.port;
      closeServer = main.stop;
    } else {
      const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      closeServer = () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      port = (server.address() as AddressInfo).port;
    }

    const sqlite = sqliteOf(service.repos);
    const lastLedgerId = () => (sqlite.prepare(`select max(id) as id from ledger`).get() as { id: number }).id;
    const ledgerBefore = lastLedgerId();
    const plan: LoadPlan = {
      webhookUrl: `http://127.0.0.1:${port}/webhook/telegram`,
      secret: SECRET,
      chairs: chairsOf(sqliteOf(service.repos)),
      firstUpdateId: FIRST_UPDATE_ID,
      connections: CONNECTIONS,
      phases,
      messageDate: Math.floor(BENCH_NOW.getTime() / 1000),
    };
    log(`webhook: ${plan.chairs.length.toLocaleString("en")} linked chairs, server on loopback port ${port}`);

    return await followLoad(child, plan, async () => lastLedgerId() - ledgerBefore);
  } finally {
    if (child.connected) send({ type: "stop" });
    await closeServer?.();
    await closeService?.();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const timer = setTimeout(() => child.kill(), 5_000);
    if (child.exitCode === null) await exited;
    clearTimeout(timer);
  }
}

/**
 * Starts the load process's phases and follows them to the end, noting this process's share of the machine
 * in each; `ledgerRowsWritten` is asked once the load is done.
 */
export async function followLoad(
  child: ChildProcess,
  plan: LoadPlan,
  ledgerRowsWritten: () => Promise<number>,
): Promise<WebhookTiming> {
  const use = new Map<string, ServerUse>();
  let started = { elu: performance.eventLoopUtilization(), window: cpuWindow() };
  child.send({ type: "start", plan } satisfies ToLoad);
  const plannedMs = plan.phases.reduce((sum, p) => sum + p.seconds, 0) * 1000;
  for (;;) {
    const message = await nextMessage(child, plannedMs + 120_000);
    if (message.type === "phase-start") {
      console.error(`  ${message.name}…`);
      started = { elu: performance.eventLoopUtilization(), window: cpuWindow() };
    } else if (message.type === "phase-end") {
      const share = started.window();
      use.set(message.name, {
        elu: performance.eventLoopUtilization(started.elu).utilization,
        cpu: share?.own ?? Number.NaN,
        machine: share?.machine ?? null,
      });
    } else if (message.type === "done") {
      const results = message.phases.map((phase) => ({
        ...phase,
        server: use.get(phase.name) ?? { elu: Number.NaN, cpu: Number.NaN, machine: null },
      }));
      return {
        phases: results,
        ledgerRowsWritten: await ledgerRowsWritten(),
        updatesAnswered: results.reduce((sum, p) => sum + p.answered200, 0),
        replies: message.replies,
      };
    } else if (message.type === "error") {
      throw new Error(`load process: ${message.message}`);
    }
  }
}
