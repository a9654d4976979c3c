// One account flooding the webhook while others report: the others' latency with and without the flood, on
// a small database of its own. Load and server share this process, so the figures compare; they are not
// the webhook table's.
import { sqliteOf } from "#db/index.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { createInvite } from "#domain/invites.ts";
import { assemble } from "#src/assemble.ts";
import { loadConfig } from "#src/config.ts";
import { createLogger } from "#src/logger.ts";
import { FLOOD_LIMIT } from "#src/platforms/flood-guard.ts";
import { STAND_IN_BOT } from "#src/platforms/telegram/stand-in-api.ts";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import { summarize } from "./percentiles.ts";

const SECRET = "bench-flood_2026";
const CHAIRS = 20;
/** Reports per second from the other chairs together, and updates per second from the flooding account. */
const OTHERS_RATE = 50;
const FLOOD_RATE = 200;
const SECONDS = 10;

export interface FloodBenchRow {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export async function benchFlood(): Promise<FloodBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "tlcd-bench-flood-"));
  const standIn = await startStandIn();
  const config = loadConfig({
    BOT_TOKEN: "123456:BENCH-token",
    BOT_MODE: "webhook",
    BOT_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: standIn.url,
    DATABASE_PATH: join(dir, "bot.sqlite"),
    LOG_LEVEL: "silent",
  });
  const service = await assemble(config, { logger: createLogger("silent"), botInfo: STAND_IN_BOT });
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/telegram`;
  try {
    const { repos } = service;
    await repos.units.upsert({
      code: "D",
      name: "LĐLĐ Thử",
      parentCode: null,
      kind: "district",
      sector: null,
      members: 0,
      workers: 0,
    });
    const now = new Date();
    // Chair 0 floods; the others report.
    for (let i = 0; i <= CHAIRS; i++) {
      const unit = await repos.units.upsert({
        code: `C${i}`,
        name: `CĐCS Công ty Thử ${i}`,
        parentCode: "D",
        kind: "grassroots",
        sector: "non_state",
        members: 0,
        workers: 100,
      });
      const invite = await repos.people.invite((await createInvite(repos, unit, "chair", now)).code);
      if (invite)
        await repos.people.redeem(
          invite,
          { platform: "telegram", externalId: String(9000 + i), chatId: String(9000 + i) },
          `Chủ tịch ${i}`,
          now.toISOString(),
        );
    }
    // At most 40 connections, as Telegram opens by default.
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          url,
          {
            method: "POST",
            agent,
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    let updateId = 1;
    const send = async (from: number, text: string): Promise<number> => {
      const id = updateId++;
      const chat = { id: from, type: "private", first_name: "Thử" };
      const body = JSON.stringify({
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: { id: from, is_bot: false, first_name: "Thử" },
          text,
        },
      });
      return post(body);
    };

    /** The other chairs report at a fixed rate, the flooder too when asked; latency from each scheduled send. */
    async function phase(flood: boolean) {
      const start = performance.now() + 50;
      const latencies: number[] = [];
      const pending: Promise<unknown>[] = [];
      const schedule: { at: number; run: () => Promise<unknown> }[] = [];
      for (let i = 0; i < OTHERS_RATE * SECONDS; i++) {
        const at = start + (i * 1000) / OTHERS_RATE;
        schedule.push({
          at,
          run: () =>
            send(9001 + (i % CHAIRS), "kết nạp 1 đoàn viên").then(() => latencies.push(performance.now() - at)),
        });
      }
      let floodAnswered = 0;
      if (flood)
        for (let i = 0; i < FLOOD_RATE * SECONDS; i++)
          schedule.push({
            at: start + (i * 1000) / FLOOD_RATE,
            run: () => send(9000, "kết nạp 1 đoàn viên").then((status) => (floodAnswered += status === 200 ? 1 : 0)),
          });
      schedule.sort((a, b) => a.at - b.at);
      for (const item of schedule) {
        if (item.at > performance.now()) await sleepUntil(item.at);
        pending.push(item.run());
      }
      await Promise.all(pending);
      return { others: summarize(latencies), floodAnswered, seconds: (performance.now() - start) / 1000 };
    }

    const ledgerOf = (code: string) =>
      sqliteOf(repos)
        .prepare(`select count(*) as n from ledger l join units u on u.id = l.unit_id where u.code = ?`)
        .get(code) as { n: number };
    await phase(false); // warm-up
    const calm = await phase(false);
    const flooded = await phase(true);
    const floodKept = ledgerOf("C0").n;
    const notices = standIn.api.calls.filter(
      (c) => c.method === "sendMessage" && String(c.payload.chat_id) === "9000",
    ).length;
    // The bucket's size, and what refilled it while the phase lasted.
    const allowed = FLOOD_LIMIT.messages + Math.ceil((FLOOD_LIMIT.messages / FLOOD_LIMIT.seconds) * flooded.seconds);
    // The flood may cost the others what its HTTP requests cost, not a backlog: at most twice the p99, plus 5 ms.
    const limitMs = 2 * calm.others.p99 + 5;
    return [
      {
        name: `flood: others' reports (${OTHERS_RATE}/s from ${CHAIRS} chairs, ${SECONDS} s), p99 without / with one account sending ${FLOOD_RATE}/s`,
        value: `${calm.others.p99.toFixed(1)} ms / ${flooded.others.p99.toFixed(1)} ms (medians ${calm.others.median.toFixed(1)} / ${flooded.others.median.toFixed(1)} ms)`,
        target: `p99 with the flood ≤ 2 × without + 5 ms`,
        pass: flooded.others.p99 <= limitMs,
      },
      {
        name: `flood: the flooding account's ${(FLOOD_RATE * SECONDS).toLocaleString("en")} updates`,
        value: `${flooded.floodAnswered.toLocaleString("en")} answered 200; ${floodKept} recorded; ${notices} slow-down notice(s)`,
        target: `all answered 200, ≤ ${allowed} recorded, 1 notice`,
        pass: flooded.floodAnswered === FLOOD_RATE * SECONDS && floodKept <= allowed && notices === 1,
      },
    ];
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await service.close();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
