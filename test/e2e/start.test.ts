import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, TSX } from "#test/run-cli.ts";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("starting the server", () => {
  it("stops at once with one line naming a bad variable", () => {
    const result = spawnSync(TSX, ["src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", PORT: "abc" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Cấu hình sai: PORT: /);
  });

  it("runs the demo without a token, talks through the chat page, and stops cleanly on SIGTERM", async () => {
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
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
      child.stdout.on("data", () => {
        const match = /http:\/\/[\w.]+:\d+\//.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
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
  });

  it("refuses a second demo on a busy port in one line, leaving the running demo's database alone", async () => {
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
    try {
      let out = "";
      first.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
        first.stdout.on("data", () => {
          if (out.includes(`:${port}/`)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
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
  });

  it("runs webhook workers beside a primary with WEB_CONCURRENCY, counts a redelivered update once, and stops cleanly", async () => {
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
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    // Port 0 gives each worker… the same port: cluster workers share the primary's listening socket.
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no worker listened: ${out}`)), 20_000);
      child.stdout.on("data", () => {
        const ports = [...out.matchAll(/"port":(\d+)/g)].map((m) => Number(m[1]));
        if (ports.length >= 2 && ports[0]) {
          clearTimeout(timer);
          resolve(ports[0]);
        }
      });
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
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    await standIn.close();
  }, 40_000);
});
