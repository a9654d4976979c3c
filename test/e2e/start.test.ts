import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, TSX } from "#test/run-cli.ts";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";

let dir: string | undefined;
const servers: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  // A test that failed half-way leaves no server running behind it.
  for (const server of servers.splice(0))
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A server process loads the whole app through tsx; on a busy machine (a CI runner, a full test run on two
// cores) that can take tens of seconds, three times over with WEB_CONCURRENCY=2. The waits are long so that
// slowness is not failure; a process that exits or prints nothing useful still fails, saying what it printed.
const START_WAIT_MS = 90_000;
const WORKERS_WAIT_MS = 150_000;

/**
 * Resolves to the first non-null value `find` reads from everything the process printed so far. Rejects
 * when the process exits first, or after `waitMs`, naming what was awaited and what the process printed.
 */
function awaitOutput<T>(
  child: ChildProcessWithoutNullStreams,
  what: string,
  waitMs: number,
  find: (out: string) => T | null,
): Promise<T> {
  let out = "";
  let err = "";
  return new Promise<T>((resolve, reject) => {
    const printed = () => `stdout: ${out.trim() || "(nothing)"}\nstderr: ${err.trim() || "(nothing)"}`;
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout.off("data", onOut);
      child.stderr.off("data", onErr);
      child.off("exit", onExit);
      settle();
    };
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      const found = find(out);
      if (found !== null) done(() => resolve(found));
    };
    const onErr = (chunk: Buffer) => (err += chunk.toString());
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`the server exited (code ${code}) before ${what}\n${printed()}`)));
    const timer = setTimeout(
      () => done(() => reject(new Error(`${what}: not within ${waitMs / 1000} s\n${printed()}`))),
      waitMs,
    );
    child.stdout.on("data", onOut);
    child.stderr.on("data", onErr);
    child.on("exit", onExit);
  });
}

describe("starting the server", () => {
  it(
    "stops at once with one line naming a bad variable",
    () => {
      const result = spawnSync(TSX, ["src/main.ts"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", PORT: "abc" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^Cấu hình sai: PORT: /);
    },
    START_WAIT_MS,
  );

  it(
    "runs the demo without a token, talks through the chat page, and stops cleanly on SIGTERM",
    async () => {
      dir = mkdtempSync(join(tmpdir(), "tlcd-start-"));
      const child = spawn(TSX, ["src/main.ts"], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? "",
          PORT: "0",
          DEMO_DATABASE_PATH: join(dir, "demo.sqlite"),
          LOG_LEVEL: "silent",
        },
      });
      servers.push(child);
      const url = await awaitOutput(
        child,
        "the demo's banner with its address",
        START_WAIT_MS,
        (out) => /http:\/\/[\w.]+:\d+\//.exec(out)?.[0] ?? null,
      );
      expect((await fetch(`${url}healthz`)).status).toBe(200);
      expect(await (await fetch(url)).text()).toContain("Trợ lý Công đoàn");
      const said = await fetch(`${url}demo/say`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ persona: "chair", text: "kết nạp 2 đoàn viên" }),
      });
      const { messages } = (await said.json()) as { messages: { text: string; buttons: { label: string }[][] }[] };
      expect(messages[0]?.text).toContain("Đã ghi nhận cho CĐCS Công ty TNHH May Linh Xuân");
      expect(messages[0]?.buttons.flat().map((b) => b.label)).toContain("↩️ Hoàn tác");

      const officer = await fetch(`${url}demo/say`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ persona: "officer", text: "còn thiếu bao nhiêu đoàn viên" }),
      });
      const answer = (await officer.json()) as { messages: { text: string }[] };
      expect(answer.messages[0]?.text).toContain("LĐLĐ TP Thủ Đức");
      expect(answer.messages[0]?.text).toContain("Các đơn vị chậm nhất");

      const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    },
    START_WAIT_MS + 20_000,
  );

  it(
    "refuses a second demo on a busy port in one line, leaving the running demo's database alone",
    async () => {
      dir = mkdtempSync(join(tmpdir(), "tlcd-busy-"));
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, "127.0.0.1", () => {
          const { port: free } = probe.address() as { port: number };
          probe.close(() => resolve(free));
        });
      });
      const env = {
        PATH: process.env.PATH ?? "",
        PORT: String(port),
        DEMO_DATABASE_PATH: join(dir, "demo.sqlite"),
      };
      const first = spawn(TSX, ["src/main.ts"], { cwd: ROOT, env: { ...env, LOG_LEVEL: "silent" } });
      servers.push(first);
      try {
        await awaitOutput(first, `the first demo's banner on port ${port}`, START_WAIT_MS, (out) =>
          out.includes(`:${port}/`) ? true : null,
        );
        await fetch(`http://127.0.0.1:${port}/demo/say`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ persona: "chair", text: "kết nạp 2 đoàn viên" }),
        });
        const before = statSync(env.DEMO_DATABASE_PATH);

        const second = spawnSync(TSX, ["src/main.ts"], { cwd: ROOT, env, encoding: "utf8" });
        expect(second.status).not.toBe(0);
        const lines = `${second.stdout}${second.stderr}`.trim().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`Cổng ${port} đang bận`);
        expect(lines[0]).toContain(`PORT=${port + 1}`);

        // The same file, with what the first demo recorded still in it.
        expect(statSync(env.DEMO_DATABASE_PATH).ino).toBe(before.ino);
        const db = new Database(env.DEMO_DATABASE_PATH, { readonly: true });
        try {
          expect((db.prepare("select count(*) as n from ledger").get() as { n: number }).n).toBeGreaterThan(0);
        } finally {
          db.close();
        }
      } finally {
        const exit = new Promise((resolve) => first.on("exit", resolve));
        first.kill("SIGTERM");
        await exit;
      }
    },
    START_WAIT_MS + 40_000,
  );

  it(
    "runs webhook workers beside a primary with WEB_CONCURRENCY, counts a redelivered update once, and stops cleanly",
    async () => {
      dir = mkdtempSync(join(tmpdir(), "tlcd-workers-"));
      const standIn = await startStandIn();
      const databasePath = join(dir, "bot.sqlite");
      const child = spawn(TSX, ["src/main.ts"], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? "",
          BOT_TOKEN: "123456:TEST-token",
          BOT_MODE: "webhook",
          BOT_WEBHOOK_SECRET: "workers-secret",
          TELEGRAM_API_ROOT: standIn.url,
          DATABASE_PATH: databasePath,
          PORT: "0",
          HOST: "127.0.0.1",
          WEB_CONCURRENCY: "2",
          LOG_LEVEL: "info",
        },
      });
      servers.push(child);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // Port 0 gives each worker… the same port: cluster workers share the primary's listening socket.
      const port = await awaitOutput(child, "both webhook workers listening", WORKERS_WAIT_MS, (out) => {
        const ports = [...out.matchAll(/"port":(\d+)/g)].map((m) => Number(m[1]));
        return ports.length >= 2 && ports[0] ? ports[0] : null;
      });
      const update = JSON.stringify({
        update_id: 77,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 9, type: "private" },
          from: { id: 9, is_bot: false, first_name: "A" },
          text: "còn thiếu bao nhiêu",
        },
      });
      const post = () =>
        fetch(`http://127.0.0.1:${port}/webhook/telegram`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "workers-secret" },
          body: update,
        });
      const first = (await (await post()).json()) as { method?: string; text?: string };
      expect(first.method).toBe("sendMessage");
      expect(first.text).toContain("chưa được liên kết");
      expect(await (await post()).json()).toEqual({ ok: true });
      // No MEMBER_DATA_KEY: one line says the member register is off and why; everything else ran.
      const register = stderr.split("\n").filter((line) => line.includes("Sổ đoàn viên"));
      expect(register).toEqual([expect.stringMatching(/^Sổ đoàn viên đang tắt: chưa đặt MEMBER_DATA_KEY/)]);
      const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
      await standIn.close();
    },
    WORKERS_WAIT_MS + 20_000,
  );
});
