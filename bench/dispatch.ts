// The outbox and its dispatcher (issue 5, points 4 and 7): how fast a country-wide broadcast is queued, whether
// the dispatcher keeps to Telegram's pace without wasting it, and whether a kill -9 mid-broadcast loses or
// repeats messages. `npx tsx bench/dispatch.ts` runs it alone; bench/run.ts includes it.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openDatabase, type Db } from "#db/client.ts";
import { repositories } from "#db/index.ts";
import type { OutboxInput } from "#db/repositories/outbox.ts";
import { createDispatcher, type OutboxMessage, type SendResult } from "#src/delivery/dispatcher.ts";
import type { FromDispatchChild } from "./dispatch-child.ts";
import { seededRandom } from "./seeded-random.ts";

export interface DispatchRow {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

const TELEGRAM_RATE = 30;
const CONCURRENCY = 8;

function scratchDatabase(): { db: Db; file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bench-outbox-"));
  const file = join(dir, "outbox.sqlite");
  const db = openDatabase(file);
  return {
    db,
    file,
    remove: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function broadcastRows(broadcastId: number, recipients: number, now: string): OutboxInput[] {
  const payload = { text: "Ban Thường vụ LĐLĐ tỉnh thông báo: hạn nộp báo cáo kết nạp đoàn viên quý I là ngày 15/4." };
  return Array.from({ length: recipients }, (_, i) => ({
    key: `broadcast:${broadcastId}:p${i + 1}`,
    personId: null,
    platform: "telegram" as const,
    chatId: String(5_000_000_000 + i),
    kind: "broadcast",
    payload,
    notBefore: now,
    broadcastId,
  }));
}

/** (a) One broadcast to 150,000 recipients goes into the outbox in one transaction; median of three fresh files. */
export async function measureEnqueue(recipients = 150_000): Promise<DispatchRow> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const scratch = scratchDatabase();
    try {
      const now = new Date().toISOString();
      const rows = broadcastRows(1, recipients, now);
      const outbox = repositories(scratch.db).outbox;
      const started = performance.now();
      const added = await outbox.enqueue(rows, now);
      times.push(performance.now() - started);
      if (added !== recipients) throw new Error(`enqueued ${added} of ${recipients}`);
    } finally {
      scratch.remove();
    }
  }
  const median = [...times].sort((a, b) => a - b)[1] ?? Infinity;
  return {
    name: `outbox: enqueue a ${recipients.toLocaleString("en")}-recipient broadcast`,
    value: `${Math.round(median)} ms (median of 3: ${times.map((t) => Math.round(t)).join(", ")})`,
    target: "< 1,000 ms",
    pass: median < 1_000,
  };
}

/** A platform that takes 30 messages in any second and answers 429 to the 31st, with 20–80 ms of latency. */
function strictPlatform(rate: number) {
  const accepted: { key: string; at: number }[] = [];
  const copies = new Map<string, number>();
  const random = seededRandom(5);
  let refused = 0;
  const send = async (message: OutboxMessage): Promise<SendResult> => {
    const at = performance.now();
    let inWindow = 0;
    for (let i = accepted.length - 1; i >= 0 && (accepted[i]?.at ?? 0) > at - 1_000; i--) inWindow++;
    const answer: SendResult = inWindow >= rate ? { ok: false, retryAfterSeconds: 1 } : { ok: true };
    if (answer.ok) {
      accepted.push({ key: message.key, at });
      copies.set(message.key, (copies.get(message.key) ?? 0) + 1);
    } else {
      refused++;
    }
    await new Promise((resolve) => setTimeout(resolve, random.between(20, 80)));
    return answer;
  };
  return { send, accepted, copies, refused: () => refused };
}

/** (b) The dispatcher against a platform as strict as Telegram: how much of the 30/s it uses, with nothing lost. */
export async function measurePace(messages = 640): Promise<DispatchRow> {
  const scratch = scratchDatabase();
  const platform = strictPlatform(TELEGRAM_RATE);
  const outbox = repositories(scratch.db).outbox;
  const dispatcher = createDispatcher({ outbox, send: platform.send, concurrency: CONCURRENCY });
  try {
    const now = new Date().toISOString();
    // Most recipients get one message; a few get three, so the per-chat limit is in play too.
    const rows = broadcastRows(2, messages, now).map((row, i) =>
      i % 32 < 2 ? { ...row, chatId: `5999${i % 64}` } : row,
    );
    await outbox.enqueue(rows, now);
    await dispatcher.start();
    const deadline = performance.now() + 3 * (messages / TELEGRAM_RATE) * 1_000;
    while ((await outbox.broadcastCounts(2)).pending > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await dispatcher.stop();
    const counts = await outbox.broadcastCounts(2);
    const times = platform.accepted.map((a) => a.at);
    const seconds = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1_000;
    const rate = (times.length - 1) / seconds;
    const once = rows.every((row) => platform.copies.get(row.key) === 1);
    return {
      name: `dispatcher: pace against a 30/s platform (${messages} messages)`,
      value: `${rate.toFixed(1)} msg/s = ${((100 * rate) / TELEGRAM_RATE).toFixed(1)} % over ${seconds.toFixed(1)} s; ${platform.refused()} × 429; ${counts.delivered}/${messages} sent${once ? ", each once" : ", NOT each once"}`,
      target: `≥ 95 % of 30/s, every message sent once`,
      pass: rate >= 0.95 * TELEGRAM_RATE && counts.delivered === messages && counts.pending === 0 && once,
    };
  } finally {
    await dispatcher.stop();
    scratch.remove();
  }
}

/**
 * (d) The dispatcher while a 150,000-recipient broadcast to Telegram and Zalo people drains: both platforms keep
 * their own pace, and finding the next rows stays cheap although the due index does not know platforms.
 */
export async function measureBacklog(recipients = 150_000, seconds = 10): Promise<DispatchRow> {
  const scratch = scratchDatabase();
  const outbox = repositories(scratch.db).outbox;
  const sent = { telegram: 0, zalo: 0 };
  const random = seededRandom(7);
  const dispatcher = createDispatcher({
    outbox,
    concurrency: CONCURRENCY,
    async send(message) {
      sent[message.platform]++;
      await new Promise((resolve) => setTimeout(resolve, random.between(20, 80)));
      return { ok: true };
    },
  });
  try {
    const now = new Date().toISOString();
    // One recipient in twenty is on Zalo, interleaved as people are.
    const rows = broadcastRows(4, recipients, now).map((row, i) =>
      i % 20 === 0 ? { ...row, platform: "zalo" as const } : row,
    );
    await outbox.enqueue(rows, now);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await dispatcher.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
    await dispatcher.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - started;
    const cpuShare = (cpu.user + cpu.system) / 1_000 / wall;
    const rate = (n: number) => n / (wall / 1_000);
    return {
      name: `dispatcher: ${seconds} s into a ${recipients.toLocaleString("en")}-recipient broadcast (5 % on Zalo)`,
      value: `Telegram ${rate(sent.telegram).toFixed(1)}/s, Zalo ${rate(sent.zalo).toFixed(1)}/s; CPU ${(100 * cpuShare).toFixed(1)} % of a core`,
      target: "each platform ≥ 95 % of 30/s; CPU < 10 %",
      pass: rate(sent.telegram) >= 0.95 * TELEGRAM_RATE && rate(sent.zalo) >= 0.95 * TELEGRAM_RATE && cpuShare < 0.1,
    };
  } finally {
    await dispatcher.stop();
    scratch.remove();
  }
}

/** A loopback stand-in for the platform that records each delivery as it arrives, then answers a little later. */
async function recordingServer(): Promise<{
  server: Server;
  url: string;
  copies: Map<string, number>;
  total: () => number;
}> {
  const copies = new Map<string, number>();
  let total = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const { key } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { key: string };
      copies.set(key, (copies.get(key) ?? 0) + 1);
      total++;
      // Answering late keeps sends in flight, so the kill lands on some.
      setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'), 10);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/sendMessage`, copies, total: () => total };
}

function startChild(args: string[]): {
  child: ChildProcess;
  messages: FromDispatchChild[];
  exited: Promise<number | null>;
} {
  // The child needs the same TypeScript loader as this process (tsx).
  const execArgv = process.execArgv.some((arg) => arg.includes("tsx"))
    ? process.execArgv
    : [...process.execArgv, "--import", "tsx"];
  const child = fork(fileURLToPath(new URL("./dispatch-child.ts", import.meta.url)), args, {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv,
  });
  const messages: FromDispatchChild[] = [];
  child.on("message", (message: FromDispatchChild) => messages.push(message));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, messages, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/** (c) kill -9 of the dispatcher's process mid-broadcast, then a restart: everyone gets a copy, few get two. */
export async function measureCrash(recipients = 3_000, rate = 1_000): Promise<DispatchRow> {
  const scratch = scratchDatabase();
  const stand = await recordingServer();
  const children: ChildProcess[] = [];
  const broadcastId = 3;
  try {
    const now = new Date().toISOString();
    await repositories(scratch.db).outbox.enqueue(broadcastRows(broadcastId, recipients, now), now);
    const args = [scratch.file, stand.url, String(broadcastId), String(rate), String(CONCURRENCY)];

    const first = startChild(args);
    children.push(first.child);
    // Killed at about a third, not on a batch boundary.
    const reachedMiddle = await until(() => stand.total() >= Math.round(recipients * 0.37), 60_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = stand.total();

    const second = startChild(args);
    children.push(second.child);
    await until(() => second.messages.some((m) => m.type === "done" || m.type === "error"), 90_000);
    if (second.child.connected) second.child.disconnect();
    await second.exited;

    const recovered = second.messages.find((m) => m.type === "recovered")?.rows ?? 0;
    const done = second.messages.find((m) => m.type === "done");
    const missing = broadcastRows(broadcastId, recipients, now).filter((row) => !stand.copies.has(row.key)).length;
    const duplicates = [...stand.copies.values()].filter((n) => n > 1).length;
    const counts = await repositories(scratch.db).outbox.broadcastCounts(broadcastId);
    return {
      name: `dispatcher: kill -9 mid-broadcast (${recipients.toLocaleString("en")} recipients), restart`,
      value: `killed after ${atKill.toLocaleString("en")} deliveries; ${recovered} rows recovered; ${missing} missing; ${duplicates} duplicates; outbox ${counts.delivered.toLocaleString("en")} sent, ${counts.pending} pending`,
      target: `0 missing, duplicates ≤ ${CONCURRENCY} (concurrency)`,
      pass:
        reachedMiddle &&
        done !== undefined &&
        missing === 0 &&
        duplicates <= CONCURRENCY &&
        counts.delivered === recipients,
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    stand.server.closeAllConnections();
    await new Promise((resolve) => stand.server.close(resolve));
    scratch.remove();
  }
}

export async function benchDispatch(): Promise<DispatchRow[]> {
  return [await measureEnqueue(), await measurePace(), await measureCrash(), await measureBacklog()];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await benchDispatch())
    console.log(`${row.pass ? "PASS" : "FAIL"}  ${row.name}: ${row.value} (target ${row.target})`);
}
