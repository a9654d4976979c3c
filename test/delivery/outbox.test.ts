import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chats, deliveryWorld, T0, type DeliveryWorld } from "./delivery-world.ts";

const at = (ms: number) => new Date(T0 + ms).toISOString();

describe("the outbox", () => {
  let world: DeliveryWorld;
  beforeEach(() => {
    world = deliveryWorld();
  });
  afterEach(() => world.close());

  it("keeps one row per key, however often a message is enqueued", async () => {
    const rows = chats(3).map((chatId) => ({
      key: `broadcast:1:${chatId}`,
      personId: null,
      platform: "telegram" as const,
      chatId,
      kind: "broadcast",
      payload: { text: "Họp BCH lúc 14 giờ" },
      notBefore: at(0),
      broadcastId: 1,
    }));
    expect(await world.outbox.enqueue(rows, at(0))).toBe(3);
    expect(await world.outbox.enqueue([...rows, { ...rows[0]!, key: "broadcast:1:c4", chatId: "c4" }], at(0))).toBe(1);
    expect(await world.outbox.broadcastCounts(1)).toEqual({ delivered: 0, blocked: 0, failed: 0, pending: 4 });
  });

  it("hands out due rows oldest first, each to one claimer only", async () => {
    await world.enqueue(["late"], { notBefore: T0 + 2_000, tag: "a" });
    await world.enqueue(["early"], { notBefore: T0 - 5_000, tag: "b" });
    await world.enqueue(["future"], { notBefore: T0 + 60_000, tag: "c" });
    const first = await world.outbox.claimDue(at(3_000), 1);
    const second = await world.outbox.claimDue(at(3_000), 10);
    expect(first.map((m) => m.chatId)).toEqual(["early"]);
    expect(second.map((m) => m.chatId)).toEqual(["late"]);
    expect(await world.outbox.claimDue(at(3_000), 10)).toEqual([]);
    expect(first[0]?.payload).toEqual({ text: "Thông báo số b" });
    expect(await world.outbox.nextDue()).toBe(at(60_000));
  });

  it("gives a claimed row back on retry with one more attempt, and on deferral with none", async () => {
    const [retried, deferred] = await world.enqueue(["c1", "c2"]);
    const claimed = await world.outbox.claimDue(at(0), 2);
    await world.outbox.markRetry(claimed[0]!.id, at(5_000), "Bad Gateway");
    await world.outbox.defer(claimed[1]!.id, at(3_000), "429: retry after 3 s");
    expect(await world.outbox.byKey(retried!)).toMatchObject({
      status: "pending",
      attempts: 1,
      notBefore: at(5_000),
      lastError: "Bad Gateway",
    });
    expect(await world.outbox.byKey(deferred!)).toMatchObject({ status: "pending", attempts: 0, notBefore: at(3_000) });
    expect((await world.outbox.claimDue(at(4_000), 10)).map((m) => m.key)).toEqual([deferred]);
  });

  it("gives a claimed row back untouched when the dispatcher stops before sending it", async () => {
    const [key] = await world.enqueue(["c1"], { notBefore: T0 - 1_000 });
    const [claimed] = await world.outbox.claimDue(at(0), 1);
    expect(await world.outbox.release(claimed!.id)).toBe(true);
    expect(await world.outbox.byKey(key!)).toMatchObject({
      status: "pending",
      attempts: 0,
      notBefore: at(-1_000),
      claimedAt: null,
    });
  });

  it("puts rows a crash left in sending back to pending, and only those", async () => {
    await world.enqueue(chats(5));
    const claimed = await world.outbox.claimDue(at(0), 3);
    await world.outbox.markSent(claimed[0]!.id, at(100));
    expect(await world.outbox.recoverStale(at(1))).toBe(2);
    expect(await world.outbox.claimDue(at(2_000), 10)).toHaveLength(4);
  });

  it("marks a row blocked and the recipient's account inactive", async () => {
    world.person("c1");
    world.person("c2");
    await world.enqueue(["c1", "c2"], { broadcastId: 9 });
    const [first] = await world.outbox.claimDue(at(0), 1);
    expect(await world.outbox.markBlocked(first!.id)).toBe(true);
    expect(world.accountActive("c1")).toBe(false);
    expect(world.accountActive("c2")).toBe(true);
    expect(await world.outbox.broadcastCounts(9)).toEqual({ delivered: 0, blocked: 1, failed: 0, pending: 1 });
  });

  it("counts a broadcast's outcomes", async () => {
    await world.enqueue(chats(4), { broadcastId: 3 });
    const [a, b, c] = await world.outbox.claimDue(at(0), 3);
    await world.outbox.markSent(a!.id, at(10));
    await world.outbox.markFailed(b!.id, "Bad Request: chat not found");
    await world.outbox.markBlocked(c!.id);
    expect(await world.outbox.broadcastCounts(3)).toEqual({ delivered: 1, blocked: 1, failed: 1, pending: 1 });
  });

  it("settles a row only while it is claimed", async () => {
    const [key] = await world.enqueue(["c1"]);
    const [claimed] = await world.outbox.claimDue(at(0), 1);
    expect(await world.outbox.markSent(claimed!.id, at(10))).toBe(true);
    expect(await world.outbox.markRetry(claimed!.id, at(20), "late answer")).toBe(false);
    expect(await world.outbox.byKey(key!)).toMatchObject({ status: "sent", sentAt: at(10) });
  });

  it("stores instants in one sortable form, whatever offset they were given in", async () => {
    await world.outbox.enqueue(
      [
        {
          key: "k",
          personId: null,
          platform: "zalo",
          chatId: "z1",
          kind: "reminder",
          payload: { text: "Nhắc hạn" },
          notBefore: "2026-03-02T08:30:00+07:00",
        },
      ],
      at(0),
    );
    expect((await world.outbox.byKey("k"))?.notBefore).toBe("2026-03-02T01:30:00.000Z");
  });

  it("enqueues a 150,000-recipient broadcast in one go", async () => {
    const payload = { text: "Thông báo của Ban Thường vụ" };
    const rows = Array.from({ length: 150_000 }, (_, i) => ({
      key: `broadcast:5:${i}`,
      personId: null,
      platform: "telegram" as const,
      chatId: String(10_000_000 + i),
      kind: "broadcast",
      payload,
      notBefore: at(0),
      broadcastId: 5,
    }));
    expect(await world.outbox.enqueue(rows, at(0))).toBe(150_000);
    expect((await world.outbox.broadcastCounts(5)).pending).toBe(150_000);
  });
});
