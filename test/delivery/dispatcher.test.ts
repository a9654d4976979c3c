import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDispatcher,
  TELEGRAM_LIMITS,
  type DispatchClock,
  type Dispatcher,
  type DispatcherOptions,
  type Send,
} from "#src/delivery/dispatcher.ts";
import type { OutboxRepository } from "#db/contract.ts";
import { createLogger } from "#src/logger.ts";
import { chats, deliveryWorld, T0, type DeliveryWorld } from "./delivery-world.ts";

describe("the dispatcher", () => {
  let world: DeliveryWorld;
  let dispatcher: Dispatcher | undefined;
  beforeEach(() => {
    world = deliveryWorld();
  });
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    world.close();
  });

  async function start(options: Partial<DispatcherOptions> = {}): Promise<Dispatcher> {
    dispatcher = createDispatcher({
      outbox: world.outbox,
      send: world.platform.send,
      clock: world.clock,
      random: () => 0.5,
      logger: createLogger("silent"),
      ...options,
    });
    await dispatcher.start();
    return dispatcher;
  }

  it("sends each message once, however often it was enqueued and however often it restarts", async () => {
    const keys = await world.enqueue(chats(50), { broadcastId: 1 });
    await world.enqueue(chats(50), { broadcastId: 1 });
    await start();
    await world.clock.advance(5_000);
    await dispatcher?.stop();
    await start();
    await world.clock.advance(5_000);
    expect(keys.map((key) => world.platform.copiesOf(key))).toEqual(keys.map(() => 1));
    expect(world.platform.deliveries).toHaveLength(50);
    expect(await world.outbox.broadcastCounts(1)).toEqual({ delivered: 50, blocked: 0, failed: 0, pending: 0 });
  });

  it("keeps to 30 messages a second overall and one a second per chat, and still goes near that pace", async () => {
    const broadcast = await world.enqueue([...chats(200), ...chats(200)]);
    await world.enqueue(
      Array.from({ length: 6 }, () => "busy"),
      { tag: "busy" },
    );
    await start();
    await world.clock.advance(30_000);
    expect(world.platform.violations).toEqual([]);
    expect(world.platform.deliveries).toHaveLength(406);
    expect(world.platform.busiestWindow(1_000)).toBe(30);
    // Spread evenly, about one every 34 ms, not a second's worth at once.
    expect(world.platform.busiestWindow(100)).toBeLessThanOrEqual(3);
    for (const chatId of [...chats(200), "busy"]) expect(world.platform.busiestWindow(1_000, chatId)).toBe(1);
    // 400 messages at exactly 30/s would take 13.3 s; the pacing may give up a little of that, not more.
    const broadcastDone = Math.max(
      ...world.platform.deliveries.filter((d) => broadcast.includes(d.key)).map((d) => d.at),
    );
    expect(broadcastDone - T0).toBeLessThan(14_000);
  });

  it("paces each platform on its own, and does not keep asking for a platform with nothing due", async () => {
    const telegram = await world.enqueue(chats(300), { tag: "t" });
    const zalo = await world.enqueue(chats(30, "z"), { tag: "z", platform: "zalo" });
    const claims = { telegram: 0, zalo: 0, all: 0 };
    const outbox: OutboxRepository = {
      ...world.outbox,
      claimDue: async (now, limit, platform) => {
        claims[platform ?? "all"]++;
        return await world.outbox.claimDue(now, limit, platform);
      },
    };
    await start({ outbox });
    await world.clock.advance(15_000);
    expect(world.platform.violations).toEqual([]);
    expect([...telegram, ...zalo].every((key) => world.platform.copiesOf(key) === 1)).toBe(true);
    const zaloDone = Math.max(...world.platform.deliveries.filter((d) => d.platform === "zalo").map((d) => d.at));
    expect(zaloDone - T0).toBeLessThan(1_100);
    expect(claims.zalo).toBeLessThanOrEqual(16);
    expect(claims.telegram).toBeLessThanOrEqual(30);
  });

  it("keeps a group chat to 20 messages a minute", async () => {
    const keys = await world.enqueue(
      Array.from({ length: 25 }, () => "-100123"),
      { chatType: "group", tag: "group" },
    );
    await start();
    await world.clock.advance(59_000);
    expect(world.platform.deliveries).toHaveLength(20);
    await world.clock.advance(60_000);
    expect(keys.every((key) => world.platform.copiesOf(key) === 1)).toBe(true);
    expect(world.platform.busiestWindow(60_000, "-100123")).toBe(20);
    expect(world.platform.violations).toEqual([]);
  });

  it("waits as long as a 429 asks before sending anything more, and loses nothing", async () => {
    world.platform.answers("c3", { ok: false, retryAfterSeconds: 7 });
    const keys = await world.enqueue(chats(100));
    await start({ concurrency: 1 });
    await world.clock.advance(60_000);
    const calls = world.platform.calls;
    const refusal = calls.findIndex((call) => call.answer === "429 7");
    expect(refusal).toBeGreaterThan(0);
    expect(Math.min(...calls.slice(refusal + 1).map((call) => call.at)) - calls[refusal]!.at).toBeGreaterThanOrEqual(
      7_000,
    );
    expect(keys.map((key) => world.platform.copiesOf(key))).toEqual(keys.map(() => 1));
    expect(await world.outbox.byKey(keys[2]!)).toMatchObject({ status: "sent", attempts: 0 });
  });

  it("can hold back only the chat that got the 429", async () => {
    world.platform.answers("c3", { ok: false, retryAfterSeconds: 7 });
    const keys = await world.enqueue(chats(100));
    await start({ concurrency: 1, limits: { telegram: { ...TELEGRAM_LIMITS, pausePlatformOn429: false } } });
    await world.clock.advance(60_000);
    const calls = world.platform.calls;
    const refusal = calls.findIndex((call) => call.answer === "429 7");
    const c3 = world.platform.deliveries.find((d) => d.chatId === "c3")!;
    expect(c3.at - calls[refusal]!.at).toBeGreaterThanOrEqual(7_000);
    // The 97 other chats do not wait for c3.
    expect(calls.slice(refusal + 1).filter((call) => call.at < calls[refusal]!.at + 7_000)).toHaveLength(97);
    expect(keys.map((key) => world.platform.copiesOf(key))).toEqual(keys.map(() => 1));
  });

  it("loses nothing when the platform is stricter than the limits it was given", async () => {
    const keys = await world.enqueue(chats(300));
    await start({ limits: { telegram: { ...TELEGRAM_LIMITS, overall: { count: 100, perMs: 1_000 } } } });
    await world.clock.advance(120_000);
    expect(world.platform.violations.length).toBeGreaterThan(0);
    expect(keys.map((key) => world.platform.copiesOf(key))).toEqual(keys.map(() => 1));
    expect(await Promise.all(keys.map(async (key) => (await world.outbox.byKey(key))?.attempts))).toEqual(
      keys.map(() => 0),
    );
  });

  it("marks the row blocked and the account inactive when the recipient blocked the bot", async () => {
    world.person("c1");
    world.person("c2");
    world.platform.blocks("c2");
    const [toC1, toC2] = await world.enqueue(["c1", "c2"], { broadcastId: 4 });
    await start();
    await world.clock.advance(10_000);
    expect(await world.statusOf(toC1!)).toBe("sent");
    expect(await world.statusOf(toC2!)).toBe("blocked");
    expect([world.accountActive("c1"), world.accountActive("c2")]).toEqual([true, false]);
    expect(world.platform.calls.filter((call) => call.key === toC2)).toHaveLength(1);
    expect(await world.outbox.broadcastCounts(4)).toEqual({ delivered: 1, blocked: 1, failed: 0, pending: 0 });
  });

  it("retries other failures after 5 s, 30 s, 2 min, 10 min and 30 min, then gives up", async () => {
    world.platform.fails("c1", 100);
    const [key] = await world.enqueue(["c1"]);
    await start();
    await world.clock.advance(3 * 3_600_000);
    const tries = world.platform.calls.filter((call) => call.key === key).map((call) => call.at);
    const waits = tries.slice(1).map((t, i) => t - tries[i]!);
    expect(waits).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000]);
    expect(await world.outbox.byKey(key!)).toMatchObject({ status: "failed", attempts: 6, lastError: "Bad Gateway" });
    // Three hours of the fake clock, stepped: about 3 s alone, past 20 s on a machine loaded by other work.
  }, 60_000);

  it("spreads retries so messages that failed together do not retry together", async () => {
    world.platform.fails("c1", 1);
    world.platform.fails("c2", 1);
    const [first, second] = await world.enqueue(["c1", "c2"]);
    const randoms = [0, 0.999];
    await start({ random: () => randoms.shift() ?? 0.5 });
    await world.clock.advance(60_000);
    const retriedAt = (key: string) => world.platform.deliveries.find((d) => d.key === key)!.at - T0;
    expect(retriedAt(first!)).toBe(4_000);
    expect(retriedAt(second!)).toBeGreaterThanOrEqual(5_990);
  });

  it("counts a send that throws as a failed attempt, and sends once it works", async () => {
    world.platform.fails("c1", 2, { throws: true });
    const [key] = await world.enqueue(["c1"]);
    await start();
    await world.clock.advance(60_000);
    expect(await world.outbox.byKey(key!)).toMatchObject({ status: "sent", attempts: 2 });
    expect(world.platform.copiesOf(key!)).toBe(1);
  });

  it("gives up at once on a permanent failure", async () => {
    world.platform.answers("c1", { ok: false, error: "Bad Request: chat not found", permanent: true });
    const [key] = await world.enqueue(["c1"]);
    await start();
    await world.clock.advance(3_600_000);
    expect(world.platform.calls).toHaveLength(1);
    expect(await world.outbox.byKey(key!)).toMatchObject({
      status: "failed",
      lastError: "Bad Request: chat not found",
    });
  });

  it("keeps at most 8 sends in flight", async () => {
    world.platform.latencyMs = 400;
    await world.enqueue(chats(60));
    await start();
    await world.clock.advance(10_000);
    expect(world.platform.maxInFlight).toBe(8);
    expect(world.platform.deliveries).toHaveLength(60);
  });

  it("on stop, lets the sends in flight finish and starts no more", async () => {
    world.platform.latencyMs = 500;
    const keys = await world.enqueue(chats(40));
    const running = await start();
    await world.clock.advance(300);
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await world.clock.advance(100);
    expect(stopped).toBe(false);
    expect(running.inFlight).toBe(8);
    await world.clock.advance(500);
    await stopping;
    expect(stopped).toBe(true);
    const statuses = await Promise.all(keys.map((key) => world.statusOf(key)));
    expect(statuses.filter((status) => status === "sent")).toHaveLength(8);
    expect(statuses.filter((status) => status === "sending")).toEqual([]);
    await world.clock.advance(10_000);
    expect(world.platform.calls).toHaveLength(8);
  });

  it("after a crash mid-broadcast, delivers everything, repeating only the sends that were in flight", async () => {
    world.platform.latencyMs = 300;
    const keys = await world.enqueue(chats(200), { broadcastId: 2 });
    const doomed = crashable(world.clock, world.platform.send);
    await createDispatcher({ outbox: world.outbox, send: doomed.send, clock: doomed.clock }).start();
    await world.clock.advance(3_000);
    const inFlight = doomed.crash();
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(8);
    expect((await world.outbox.broadcastCounts(2)).delivered).toBeGreaterThan(50);

    await world.clock.advance(60_000);
    // Recovered: the sends in flight, and the rows claimed for the next second that had not gone yet.
    expect(await world.outbox.recoverStale(new Date(world.clock.now()).toISOString())).toBeGreaterThanOrEqual(
      inFlight.length,
    );
    await start();
    await world.clock.advance(60_000);
    expect(keys.every((key) => world.platform.copiesOf(key) >= 1)).toBe(true);
    expect(keys.filter((key) => world.platform.copiesOf(key) > 1).sort()).toEqual(inFlight.sort());
    expect(await world.outbox.broadcastCounts(2)).toEqual({ delivered: 200, blocked: 0, failed: 0, pending: 0 });
  });

  it("sends rows that were claimed but never sent once, after recovery", async () => {
    const keys = await world.enqueue(chats(20));
    await world.outbox.claimDue(new Date(T0).toISOString(), 8);
    await start();
    await world.clock.advance(10_000);
    expect(keys.map((key) => world.platform.copiesOf(key))).toEqual(keys.map(() => 1));
  });

  it("holds a message until its time, sends it on the dot, and sleeps between polls meanwhile", async () => {
    const [key] = await world.enqueue(["c1"], { notBefore: T0 + 10 * 60_000 + 1_234 });
    await start({ pollMs: 5_000 });
    await world.clock.advance(10 * 60_000 + 1_233);
    expect(world.platform.calls).toHaveLength(0);
    expect(world.clock.fired).toBeLessThanOrEqual(10 * 12 + 2);
    await world.clock.advance(1);
    expect(world.platform.copiesOf(key!)).toBe(1);
  });

  it("sends at once when woken after an enqueue, without waiting for the next poll", async () => {
    const running = await start({ pollMs: 60_000 });
    await world.clock.advance(1_000);
    const [key] = await world.enqueue(["c1"]);
    running.wake();
    await world.clock.advance(0);
    expect(world.platform.copiesOf(key!)).toBe(1);
  });

  it("drains what is due now in one call, paced, leaving retries for later", async () => {
    world.person("c3");
    world.platform.blocks("c3");
    world.platform.fails("c2", 1);
    const [first, failing, , second] = await world.enqueue(["c1", "c2", "c3", "c1"]);
    const once = createDispatcher({
      outbox: world.outbox,
      send: world.platform.send,
      clock: world.clock,
      random: () => 0.5,
    });
    const drained = once.drainOnce();
    await world.clock.advance(3_000);
    expect(await drained).toEqual({ sent: 2, retried: 1, deferred: 1, failed: 0, blocked: 1 });
    expect(world.platform.deliveries.map((d) => d.key)).toEqual([first, second]);
    expect(world.platform.busiestWindow(1_000, "c1")).toBe(1);
    expect(await world.outbox.byKey(failing!)).toMatchObject({ status: "pending", attempts: 1 });
  });
});

/** A process that can die: after crash(), its timers never run and its sends never answer. */
function crashable(clock: DispatchClock, send: Send) {
  let dead = false;
  const inFlight = new Set<string>();
  return {
    clock: {
      now: () => clock.now(),
      setTimeout: (run: () => void, ms: number) => clock.setTimeout(() => dead || run(), ms),
      clearTimeout: (handle: unknown) => clock.clearTimeout(handle),
    } satisfies DispatchClock,
    send: (async (message) => {
      inFlight.add(message.key);
      const result = await send(message);
      if (dead) return new Promise<never>(() => {});
      inFlight.delete(message.key);
      return result;
    }) satisfies Send,
    crash(): string[] {
      dead = true;
      return [...inFlight];
    },
  };
}
