// Real server processes (`tsx src/main.ts`) on one PostgreSQL database, with Telegram's Bot API played by
// a stand-in in the test process: what several instances behind a load balancer do, checked from outside.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { ROOT } from "#test/run-cli.ts";

export const SECRET = "multi-instance_secret";
export const TOKEN = "123456:TEST-token";

export interface Instance {
  url: string;
  process: ChildProcess;
  /** Stops it as an operator would (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Ends it at once (SIGKILL): nothing of its own shutdown runs. */
  kill(): void;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/** A port nothing listens on now: other test runs on the machine start servers of their own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts one instance on a free port; resolves once it answers /healthz. A failed start leaves no process. */
export async function startInstance(databaseUrl: string, apiRoot: string): Promise<Instance> {
  const port = await freePort();
  // node itself, with tsx as a loader: the tsx wrapper would pass SIGKILL on to nobody, leaving the server up.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      BOT_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: apiRoot,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const until = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`instance on ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: () => child.kill("SIGKILL"),
  };
}

/** Posts an update as Telegram does; true once it was acknowledged (200), false for anything else. */
export async function deliver(url: string, update: object): Promise<{ ok: boolean; body?: Record<string, unknown> }> {
  try {
    const response = await fetch(`${url}/webhook/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    });
    const text = await response.text();
    if (response.status !== 200) return { ok: false };
    return { ok: true, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    return { ok: false };
  }
}

export function textUpdate(updateId: number, telegramId: number, text: string): object {
  const chat = { id: telegramId, type: "private", first_name: `P${telegramId}` };
  const from = { id: telegramId, is_bot: false, first_name: `P${telegramId}` };
  return { update_id: updateId, message: { message_id: updateId, date: 1_780_000_000, chat, from, text } };
}

export function pressUpdate(updateId: number, telegramId: number, data: string): object {
  const from = { id: telegramId, is_bot: false, first_name: `P${telegramId}` };
  const chat = { id: telegramId, type: "private" };
  return {
    update_id: updateId,
    callback_query: { id: `cb${updateId}`, from, chat_instance: "x", data, message: { message_id: 1, date: 0, chat } },
  };
}

/** The most of these instants (ms) that fall within any one second: what a platform's 30-a-second limit counts. */
export function mostInOneSecond(instants: number[]): number {
  const times = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
