// The outbox on PostgreSQL drained by three instances at once, each with its own pool, pg-boss and workers:
// every row goes out exactly once, and the platform's limits hold over the sends of all three together,
// measured at the moment each send starts (a stand-in for the platform's API records it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openServer, type PgStore } from "#db/pg/client.ts";
import { executor } from "#db/pg/executor.ts";
import { outboxRepository } from "#db/pg/repositories/outbox.ts";
import type { OutboxInput, OutboxMessage } from "#db/repositories/outbox.ts";
import type { SendResult } from "#src/delivery/dispatcher.ts";
import { TELEGRAM_LIMITS, type PlatformLimits } from "#src/delivery/rate-limiter.ts";
import { openPgWork, type PgWork } from "#src/pg-work.ts";
import { freshDatabase, serverAnswers, unlessNoServer, type FreshDatabase } from "./pg-server.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  key: string;
  chatId: string;
  at: number;
  instance: number;
}

interface Instance {
  store: PgStore;
  work: PgWork;
}

type Answer = (message: OutboxMessage, instance: number) => SendResult;

async function startInstances(
  db: FreshDatabase,
  sent: Sent[],
  answer: Answer,
  limits?: PlatformLimits,
  extra: { staleAfterMs?: number } = {},
) {
  const instances: Instance[] = [];
  for (let i = 0; i < 3; i++) {
    const store = openServer(db.url, { max: 4 });
    // As src/main.ts starts it: pg-boss and a pool for the pacer of its own, per instance.
    const work = await openPgWork(db.url, {
      outbox: outboxRepository(executor(store.db)),
      // The platform's API: each call is recorded as it starts, and answers after a network's delay.
      async send(message) {
        sent.push({ key: message.key, chatId: message.chatId, at: Date.now(), instance: i });
        await sleep(20 + ((message.id * 7) % 30));
        return answer(message, i);
      },
      ...(limits ? { limits: { telegram: limits } } : {}),
      scheduler: { runOnce: () => undefined },
      pollSeconds: 0.5,
      schedule: false,
      wakeJobs: 3,
      ...extra,
    });
    instances.push({ store, work });
  }
  return instances;
}

async function stopInstances(instances: Instance[]) {
  for (const { work, store } of instances) {
    await work.stop();
    await store.close();
  }
}

function messages(count: number, chatOf: (i: number) => string, chatType: "private" | "group" = "private") {
  const now = new Date().toISOString();
  return Array.from(
    { length: count },
    (_, i): OutboxInput => ({
      key: `burst:${chatOf(i)}:${i}`,
      personId: null,
      platform: "telegram",
      chatId: chatOf(i),
      chatType,
      kind: "broadcast",
      payload: { text: `tin ${i}` },
      notBefore: now,
    }),
  );
}

/** The most sends that start within any `windowMs` (a window [t, t + windowMs) opening at a send). */
function mostInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

async function untilSettled(db: FreshDatabase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await db.pool.query(
      `select count(*)::int as n from outbox where status in ('pending', 'sending')`,
    );
    if ((rows[0] as { n: number }).n === 0) return;
    await sleep(250);
  }
  throw new Error("the outbox did not drain in time");
}

async function statuses(db: FreshDatabase): Promise<Record<string, number>> {
  const { rows } = await db.pool.query(`select status, count(*)::int as n from outbox group by status`);
  return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, r.n]));
}

describe.skipIf(!serverAnswers)(`three instances draining one outbox on PostgreSQL${unlessNoServer}`, () => {
  let db: FreshDatabase;
  let instances: Instance[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
    const store = openServer(db.url, { max: 1 });
    await store.migrate();
    await store.close();
  });
  afterEach(async () => {
    await stopInstances(instances);
    instances = [];
    await db.pool.query(`truncate outbox; truncate send_pacer`);
  });
  afterAll(async () => db?.drop());

  it("send a burst of 300 to different chats each exactly once, at most 30 in any second", async () => {
    const sent: Sent[] = [];
    instances = await startInstances(db, sent, () => ({ ok: true }));
    const rows = messages(300, (i) => `chat-${i}`);
    const outbox = outboxRepository(executor(instances[0]?.store.db as PgStore["db"]));
    expect(await outbox.enqueue(rows, new Date().toISOString())).toBe(300);
    await instances[0]?.work.wake();
    await untilSettled(db, 40_000);

    expect(await statuses(db)).toEqual({ sent: 300 });
    expect(sent).toHaveLength(300);
    expect(new Set(sent.map((s) => s.key)).size).toBe(300);
    expect(new Set(sent.map((s) => s.instance)).size).toBeGreaterThan(1);
    const overall = TELEGRAM_LIMITS.overall;
    expect(
      mostInAnyWindow(
        sent.map((s) => s.at),
        overall.perMs,
      ),
    ).toBeLessThanOrEqual(overall.count);
    // Not merely safe but near the limit: 300 sends at 30 a second take ten seconds, and not much more.
    const span = Math.max(...sent.map((s) => s.at)) - Math.min(...sent.map((s) => s.at));
    expect(span).toBeGreaterThanOrEqual(((300 - overall.count) / overall.count) * overall.perMs);
  }, 60_000);

  it("keep one second between sends to a chat, and a group's own limit, across the instances", async () => {
    const sent: Sent[] = [];
    // A group limit scaled down so the test takes seconds, not minutes: 3 in any 2 s.
    const limits: PlatformLimits = { ...TELEGRAM_LIMITS, perGroup: { count: 3, perMs: 2_000 } };
    instances = await startInstances(db, sent, () => ({ ok: true }), limits);
    const outbox = outboxRepository(executor(instances[0]?.store.db as PgStore["db"]));
    const now = new Date().toISOString();
    await outbox.enqueue(
      messages(12, (i) => `chat-${i % 3}`),
      now,
    );
    await outbox.enqueue(
      messages(7, () => "group-1", "group").map((m) => ({ ...m, key: `g:${m.key}` })),
      now,
    );
    await instances[1]?.work.wake();
    await untilSettled(db, 40_000);

    expect(await statuses(db)).toEqual({ sent: 19 });
    expect(new Set(sent.map((s) => s.key)).size).toBe(19);
    for (const chat of ["chat-0", "chat-1", "chat-2", "group-1"]) {
      const times = sent.filter((s) => s.chatId === chat).map((s) => s.at);
      expect(mostInAnyWindow(times, limits.perChat.perMs)).toBe(1);
    }
    const group = sent.filter((s) => s.chatId === "group-1").map((s) => s.at);
    expect(mostInAnyWindow(group, limits.perGroup.perMs)).toBeLessThanOrEqual(limits.perGroup.count);
  }, 60_000);

  it("send once what a dead instance had claimed, after the sweep finds its claim stale, and not before", async () => {
    const sent: Sent[] = [];
    instances = await startInstances(db, sent, () => ({ ok: true }), undefined, { staleAfterMs: 5_000 });
    const outbox = outboxRepository(executor(instances[0]?.store.db as PgStore["db"]));
    await outbox.enqueue(
      messages(4, (i) => `chat-${i}`),
      new Date().toISOString(),
    );
    // An instance that died mid-send: two rows claimed a minute ago, two claimed just now (still its own).
    const old = new Date(Date.now() - 60_000).toISOString();
    await db.pool.query(`update outbox set status = 'sending', claimed_at = $1 where key in ($2, $3)`, [
      old,
      "burst:chat-0:0",
      "burst:chat-1:1",
    ]);
    await db.pool.query(`update outbox set status = 'sending', claimed_at = $1 where key in ($2, $3)`, [
      new Date().toISOString(),
      "burst:chat-2:2",
      "burst:chat-3:3",
    ]);
    await instances[0]?.work.sweepNow();
    for (let waited = 0; sent.length < 2 && waited < 10_000; waited += 100) await sleep(100);
    await sleep(1_500);
    expect(sent.map((s) => s.key).sort()).toEqual(["burst:chat-0:0", "burst:chat-1:1"]);
    expect(await statuses(db)).toEqual({ sent: 2, sending: 2 });
  }, 30_000);

  it("stop every instance for as long as a 429 from one of them asks", async () => {
    const sent: Sent[] = [];
    let refused: { at: number; instance: number } | undefined;
    const retryAfterSeconds = 2;
    instances = await startInstances(db, sent, (message, instance) => {
      if (message.key.endsWith(":40") && !refused) {
        refused = { at: Date.now(), instance };
        return { ok: false, retryAfterSeconds };
      }
      return { ok: true };
    });
    const outbox = outboxRepository(executor(instances[2]?.store.db as PgStore["db"]));
    await outbox.enqueue(
      messages(120, (i) => `chat-${i}`),
      new Date().toISOString(),
    );
    await instances[2]?.work.wake();
    await untilSettled(db, 40_000);

    expect(await statuses(db)).toEqual({ sent: 120 });
    expect(refused).toBeDefined();
    const { at, instance } = refused as { at: number; instance: number };
    // Sends already past their last check when the answer came may still start: that takes a round trip.
    const during = sent.filter((s) => s.at > at + 150 && s.at < at + retryAfterSeconds * 1_000);
    expect(during).toEqual([]);
    const after = sent.filter((s) => s.at >= at + retryAfterSeconds * 1_000);
    expect(new Set(after.map((s) => s.instance)).size).toBeGreaterThan(1);
    expect(after.some((s) => s.instance !== instance)).toBe(true);
    expect(sent.filter((s) => s.key.endsWith(":40"))).toHaveLength(2);
  }, 60_000);
});
