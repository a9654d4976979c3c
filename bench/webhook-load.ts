// The load process of the webhook benchmark: a stand-in Bot API for the bot to reply to, and a load
// generator posting report updates to the real server. It runs apart from the server so that neither
// takes event-loop time from the other. Started by bench/webhook-run.ts; stops by itself.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import { summarize } from "./percentiles.ts";
import { seededRandom } from "./seeded-random.ts";
import type { FromLoad, LoadPlan, PhasePlan, PhaseResult, Replies, ToLoad } from "./webhook-protocol.ts";

/** Ways chairs write the same report; all are in the NLU tuning corpus. */
const WORDINGS: ((n: number) => string)[] = [
  (n) => `kết nạp ${n} đoàn viên`,
  (n) => `Kết nạp thêm ${n} đv`,
  (n) => `ket nap ${n} dv`,
  (n) => `vừa kn ${n} dv`,
  (n) => `kết nạp được ${n} người`,
  (n) => `KN ${n} DV`,
];

/** Time left for answers after the last scheduled send before a phase gives up on them. */
const DRAIN_MS = 30_000;

function send(message: FromLoad): void {
  process.send?.(message);
}

async function run(
  plan: LoadPlan,
  standIn: Awaited<ReturnType<typeof startStandIn>>,
): Promise<{ phases: PhaseResult[]; replies: Replies }> {
  const urls = [plan.webhookUrl, ...(plan.moreUrls ?? [])].map((u) => new URL(u));
  if (urls.some((u) => u.hostname !== "127.0.0.1")) throw new Error("the benchmark only talks to loopback");
  let turn = 0;
  // The server closes a keep-alive connection idle for 5 s (Node's default); a socket idle for 4 s is
  // dropped here first, so that no update is sent on a connection the server is closing at that moment.
  // The connection limit is the bot's, shared among the instances (the agent counts per address).
  const perInstance = Math.max(1, Math.ceil(plan.connections / urls.length));
  const agent = new Agent({ keepAlive: true, maxSockets: perInstance, timeout: 4_000 });
  const random = seededRandom(77);
  let updateId = plan.firstUpdateId;

  const nextBody = (): string => {
    const chair = random.pick(plan.chairs);
    const id = updateId++;
    const person = { id: chair.telegramId, first_name: chair.firstName, last_name: chair.lastName };
    return JSON.stringify({
      update_id: id,
      message: {
        message_id: id,
        from: { ...person, is_bot: false, language_code: "vi" },
        chat: { ...person, type: "private" },
        date: plan.messageDate,
        text: random.pick(WORDINGS)(random.between(1, 9)),
      },
    });
  };

  // Why requests failed in the current phase: a status other than 200, or the error of a request that got no answer.
  let failures: Record<string, number> = {};
  const failure = (reason: string) => (failures[reason] = (failures[reason] ?? 0) + 1);
  const post = (body: string): Promise<number> =>
    new Promise((resolve) => {
      const url = urls[turn++ % urls.length] as URL;
      const req = request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-telegram-bot-api-secret-token": plan.secret,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            countWebhookReply(Buffer.concat(chunks).toString("utf8"));
            if (res.statusCode !== 200) failure(String(res.statusCode));
            resolve(res.statusCode ?? 0);
          });
          res.on("error", (error: NodeJS.ErrnoException) => (failure(error.code ?? error.message), resolve(0)));
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => (failure(error.code ?? error.message), resolve(0)));
      req.end(body);
    });

  let replies: Replies = { recorded: 0, other: 0, otherExamples: [] };
  const allReplies: Replies = { recorded: 0, other: 0, otherExamples: [] };
  const countReply = (text: string) => {
    for (const count of [replies, allReplies]) {
      if (text.startsWith("✅")) count.recorded++;
      else {
        count.other++;
        if (count.otherExamples.length < 3) count.otherExamples.push(text.slice(0, 160));
      }
    }
  };
  // A bot may answer the webhook with its reply (a "webhook reply") instead of calling the Bot API.
  function countWebhookReply(answer: string): void {
    if (!answer.includes('"method"')) return;
    const call = JSON.parse(answer) as { method?: string; text?: string };
    if (call.method === "sendMessage") countReply(String(call.text ?? ""));
  }
  standIn.api.onCall((call) => {
    if (call.method === "sendMessage") countReply(String(call.payload.text ?? ""));
  });

  async function openLoop(phase: Extract<PhasePlan, { kind: "open" }>) {
    const total = Math.round(phase.rate * phase.seconds);
    const interval = 1000 / phase.rate;
    const latencies: number[] = [];
    let answered200 = 0;
    let failed = 0;
    let firstAnswer = Number.POSITIVE_INFINITY;
    let lastAnswer = 0;
    const start = performance.now() + 10;
    const lastScheduled = start + (total - 1) * interval;
    await new Promise<void>((resolve) => {
      let next = 0;
      let done = 0;
      const giveUp = setTimeout(resolve, phase.seconds * 1000 + DRAIN_MS);
      const tick = () => {
        const now = performance.now();
        while (next < total && start + next * interval <= now) {
          // Latency counts from when the update was due, so a late send is charged to the server.
          const scheduled = start + next * interval;
          next++;
          void post(nextBody()).then((status) => {
            const at = performance.now();
            if (status === 200) {
              answered200++;
              latencies.push(at - scheduled);
              firstAnswer = Math.min(firstAnswer, at);
              lastAnswer = Math.max(lastAnswer, at);
            } else failed++;
            if (++done === total) {
              clearTimeout(giveUp);
              resolve();
            }
          });
        }
        if (next < total) setTimeout(tick, Math.min(1, Math.max(0, start + next * interval - performance.now())));
      };
      setTimeout(tick, 10);
    });
    return {
      sent: total,
      answered200,
      failed,
      latencies,
      achievedPerSecond: answered200 > 1 ? ((answered200 - 1) * 1000) / (lastAnswer - firstAnswer) : 0,
      backlogMs: Math.max(0, lastAnswer - lastScheduled),
    };
  }

  async function closedLoop(phase: Extract<PhasePlan, { kind: "closed" }>) {
    const latencies: number[] = [];
    let sent = 0;
    let answered200 = 0;
    let failed = 0;
    const started = performance.now();
    const end = started + phase.seconds * 1000;
    let lastAnswer = started;
    const worker = async () => {
      while (performance.now() < end) {
        const at = performance.now();
        sent++;
        const status = await post(nextBody());
        lastAnswer = performance.now();
        if (status === 200) {
          answered200++;
          latencies.push(lastAnswer - at);
        } else failed++;
      }
    };
    await Promise.all(Array.from({ length: phase.connections }, worker));
    return {
      sent,
      answered200,
      failed,
      latencies,
      achievedPerSecond: (answered200 * 1000) / (lastAnswer - started),
      backlogMs: Math.max(0, lastAnswer - end),
    };
  }

  const results: PhaseResult[] = [];
  for (const phase of plan.phases) {
    replies = { recorded: 0, other: 0, otherExamples: [] };
    failures = {};
    standIn.api.calls.length = 0;
    send({ type: "phase-start", name: phase.name });
    const elu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const phaseStarted = performance.now();
    const outcome = phase.kind === "open" ? await openLoop(phase) : await closedLoop(phase);
    const loadProcessElu = performance.eventLoopUtilization(elu).utilization;
    const used = process.cpuUsage(cpu);
    const loadProcessCpu = (used.user + used.system) / 1000 / (performance.now() - phaseStarted);
    send({ type: "phase-end", name: phase.name });
    results.push({
      name: phase.name,
      kind: phase.kind,
      rate: phase.kind === "open" ? phase.rate : null,
      seconds: phase.seconds,
      sent: outcome.sent,
      answered200: outcome.answered200,
      failed: outcome.failed,
      failures,
      unanswered: outcome.sent - outcome.answered200 - outcome.failed,
      latency: summarize(outcome.latencies),
      achievedPerSecond: outcome.achievedPerSecond,
      backlogMs: outcome.backlogMs,
      replies,
      loadProcessElu,
      loadProcessCpu,
    });
    // A moment between phases so one phase's tail does not land in the next.
    await new Promise((r) => setTimeout(r, 1000));
  }
  // Replies may be sent after the webhook was answered (a queue); wait until they stop coming.
  const answered = results.reduce((sum, r) => sum + r.answered200, 0);
  const settleUntil = performance.now() + DRAIN_MS;
  let seen = -1;
  while (allReplies.recorded + allReplies.other < answered && performance.now() < settleUntil) {
    const now = allReplies.recorded + allReplies.other;
    if (now === seen) break;
    seen = now;
    await new Promise((r) => setTimeout(r, 3000));
  }
  agent.destroy();
  return { phases: results, replies: allReplies };
}

async function main(): Promise<void> {
  const standIn = await startStandIn();
  // Whatever happens to the server, this process ends: soon if no plan comes, after the plan's time if one does.
  let watchdog = setTimeout(() => process.exit(3), 120_000);
  process.on("disconnect", () => process.exit(0));
  process.on("message", (message: ToLoad) => {
    if (message.type === "stop") {
      void standIn.close().then(() => process.exit(0));
      return;
    }
    if (message.type === "add-file") {
      standIn.api.addFile(message.fileId, Buffer.from(message.base64, "base64"));
      send({ type: "file-added", fileId: message.fileId });
      return;
    }
    clearTimeout(watchdog);
    const plannedSeconds = message.plan.phases.reduce((sum, phase) => sum + phase.seconds, 0);
    watchdog = setTimeout(() => process.exit(3), (plannedSeconds + 300) * 1000);
    run(message.plan, standIn).then(
      ({ phases, replies }) => send({ type: "done", phases, replies }),
      (error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ type: "stand-in", url: standIn.url });
}

void main();
