import { expect, it } from "vitest";
import type { OutboxInput } from "#db/repositories/outbox.ts";
import { contract, type Repos } from "./backends.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

const message = (key: string, notBefore: string, more: Partial<OutboxInput> = {}): OutboxInput => ({
  key,
  personId: null,
  platform: "telegram",
  chatId: `chat-${key}`,
  kind: "reminder",
  payload: { text: `Nhắc việc ${key}`, choices: [{ label: "Xong", action: "done" }] },
  notBefore,
  ...more,
});

contract("outbox", (backend) => {
  it("enqueues each key once and claims due rows oldest first, up to the limit", async () => {
    const { repos } = backend();
    const rows = [message("k3", at(-1)), message("k1", at(-3)), message("k2", at(-2)), message("later", at(10))];
    expect(await repos.outbox.enqueue(rows, NOW)).toBe(4);
    expect(await repos.outbox.enqueue([message("k1", at(-3)), message("k4", at(-4), { platform: "zalo" })], NOW)).toBe(
      1,
    );
    const claimed = await repos.outbox.claimDue(NOW, 2);
    expect(claimed.map((m) => m.key)).toEqual(["k4", "k1"]);
    expect(claimed[1]).toMatchObject({
      chatType: "private",
      attempts: 0,
      broadcastId: null,
      payload: rows[1]?.payload,
    });
    expect((await repos.outbox.claimDue(NOW, 10, "telegram")).map((m) => m.key)).toEqual(["k2", "k3"]);
    expect(await repos.outbox.claimDue(NOW, 10)).toEqual([]);
    expect(await repos.outbox.claimDue(NOW, 0)).toEqual([]);
    expect(await repos.outbox.nextDue()).toBe(at(10));
  });

  it("never hands the same row to two claims made at once", async () => {
    const { repos } = backend();
    const rows = Array.from({ length: 60 }, (_, i) => message(`m${i}`, at(-60 + i)));
    await repos.outbox.enqueue(rows, NOW);
    const claimers = [repos, ...(backend().second ? [await (backend().second as () => Promise<Repos>)()] : [])];
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (claimers[i % claimers.length] as Repos).outbox.claimDue(NOW, 10)),
    );
    const keys = batches.flat().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(rows.map((r) => r.key).sort());
  });

  it("settles attempts: sent, retried, deferred, released, failed, blocked, and recovers stale claims", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("I", t.a.id, "chair", NOW, at(600));
    const id = (await repos.people.redeem(
      (await repos.people.invite("I")) as never,
      { platform: "telegram", externalId: "77", chatId: "chat-blocked" },
      "Chị Mai",
      NOW,
    )) as number;
    const keys = ["sent", "retry", "defer", "release", "failed", "blocked", "stale"];
    await repos.outbox.enqueue(
      keys.map((k) => message(k, at(-1), k === "blocked" ? { chatId: "chat-blocked", personId: id } : {})),
      NOW,
    );
    const claimed = new Map((await repos.outbox.claimDue(NOW, 10)).map((m) => [m.key, m.id]));
    const idOf = (key: string) => claimed.get(key) as number;
    expect(await repos.outbox.markSent(idOf("sent"), at(1))).toBe(true);
    expect(await repos.outbox.markSent(idOf("sent"), at(1))).toBe(false);
    expect(await repos.outbox.markRetry(idOf("retry"), at(5), "timeout")).toBe(true);
    expect(await repos.outbox.defer(idOf("defer"), at(2))).toBe(true);
    expect(await repos.outbox.release(idOf("release"))).toBe(true);
    expect(await repos.outbox.markFailed(idOf("failed"), "bad request")).toBe(true);
    expect(await repos.outbox.markBlocked(idOf("blocked"))).toBe(true);
    expect(await repos.outbox.byKey("sent")).toMatchObject({ status: "sent", sentAt: at(1), lastError: null });
    expect(await repos.outbox.byKey("retry")).toMatchObject({
      status: "pending",
      attempts: 1,
      notBefore: at(5),
      lastError: "timeout",
      claimedAt: null,
    });
    expect(await repos.outbox.byKey("defer")).toMatchObject({
      status: "pending",
      attempts: 0,
      notBefore: at(2),
      lastError: null,
    });
    expect(await repos.outbox.byKey("release")).toMatchObject({ status: "pending", notBefore: at(-1) });
    expect(await repos.outbox.byKey("failed")).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "bad request",
    });
    expect(await repos.outbox.byKey("blocked")).toMatchObject({ status: "blocked" });
    expect((await repos.people.account("telegram", "77"))?.active).toBe(false);
    expect(await repos.outbox.recoverStale(NOW)).toBe(0);
    expect(await repos.outbox.recoverStale(at(1))).toBe(1);
    expect(await repos.outbox.byKey("stale")).toMatchObject({ status: "pending", claimedAt: null });
  });

  it("counts a broadcast's messages by outcome", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const broadcast = await repos.reminders.createBroadcast(t.hanoi.id, "Họp ngày 5/5", null, NOW);
    await repos.outbox.enqueue(
      Array.from({ length: 5 }, (_, i) => message(`b${i}`, at(-1), { broadcastId: broadcast })),
      NOW,
    );
    const [first, second] = await repos.outbox.claimDue(NOW, 2);
    await repos.outbox.markSent(first?.id as number, NOW);
    await repos.outbox.markFailed(second?.id as number, "x");
    expect(await repos.outbox.broadcastCounts(broadcast)).toEqual({ delivered: 1, blocked: 0, failed: 1, pending: 3 });
  });
});

contract("outbox: messages quoting a member", (backend) => {
  it("keeps a member's request only until it is settled; other messages keep their text", async () => {
    const { repos } = backend();
    const request = (key: string) =>
      message(key, at(-1), { kind: "member_request", payload: { text: `Đoàn viên Lê Thị Hoa đề nghị sửa ${key}` } });
    await repos.outbox.enqueue(
      [request("sent"), request("failed"), request("blocked"), request("waiting"), message("reminder", at(-1))],
      NOW,
    );
    const claimed = new Map((await repos.outbox.claimDue(NOW, 10)).map((m) => [m.key, m.id]));
    const idOf = (key: string) => claimed.get(key) ?? -1;
    await repos.outbox.markSent(idOf("sent"), NOW);
    await repos.outbox.markFailed(idOf("failed"), "400: chat not found");
    await repos.outbox.markBlocked(idOf("blocked"));
    await repos.outbox.markRetry(idOf("waiting"), at(5), "timeout");
    await repos.outbox.markSent(idOf("reminder"), NOW);
    const text = async (key: string) => (await repos.outbox.byKey(key))?.text;
    expect(await text("sent")).toBe("");
    expect(await text("failed")).toBe("");
    expect(await text("blocked")).toBe("");
    // Still to be sent: the chair has not had it yet.
    expect(await text("waiting")).toBe("Đoàn viên Lê Thị Hoa đề nghị sửa waiting");
    expect(await text("reminder")).toBe("Nhắc việc reminder");
  });
});
