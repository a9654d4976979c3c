import { expect, it } from "vitest";
import type { LedgerEntryInput } from "#db/repositories/ledger.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Role } from "#db/schema.ts";
import { contract, type Repos } from "./backends.ts";
import { lineageOf, tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";
const SOON = "2026-05-01T03:10:00.000Z";
const LATER = "2026-05-01T11:00:00.000Z";

/** A person holding a role on a unit, made through an invite as the chat makes them. */
async function person(repos: Repos, unit: Unit, role: Role, n: number, at = NOW): Promise<number> {
  await repos.people.createInvite(`W${n}`, unit.id, role, at, "2026-06-01T00:00:00.000Z");
  const invite = await repos.people.invite(`W${n}`);
  if (!invite) throw new Error("no invite");
  const account = { platform: "telegram" as const, externalId: `w${n}`, chatId: `w${n}` };
  const id = await repos.people.redeem(invite, account, `Người ${n}`, at);
  if (id === null) throw new Error("not redeemed");
  return id;
}

const entry = (unit: Unit, count: number, source: string, occurredOn: string, reporterId: number | null) =>
  ({
    unitId: unit.id,
    lineage: lineageOf(unit),
    event: "join",
    count,
    informal: false,
    occurredOn,
    reporterId,
    source,
  }) satisfies LedgerEntryInput;

contract("web sessions", (backend) => {
  it("opens a link once, and says why a link does not open", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const id = await person(repos, t.district, "admin", 1);
    await repos.webSessions.createLink("h1", id, NOW, SOON);
    expect(await repos.webSessions.peekLink("h1", NOW)).toEqual({ personId: id });
    expect(await repos.webSessions.peekLink("h1", NOW)).toEqual({ personId: id });
    expect(await repos.webSessions.useLink("h1", NOW)).toEqual({ personId: id });
    expect(await repos.webSessions.useLink("h1", NOW)).toBe("used");
    expect(await repos.webSessions.peekLink("h1", NOW)).toBe("used");
    await repos.webSessions.createLink("h2", id, NOW, SOON);
    expect(await repos.webSessions.peekLink("h2", SOON)).toBe("expired");
    expect(await repos.webSessions.useLink("h2", SOON)).toBe("expired");
    expect(await repos.webSessions.useLink("nothing", NOW)).toBe("unknown");
  });

  it("gives a link to only one of many requests opening it at once", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const id = await person(repos, t.a, "chair", 1);
    await repos.webSessions.createLink("race", id, NOW, SOON);
    const instances = [repos, ...(backend().second ? [await (backend().second as () => Promise<Repos>)()] : [])];
    const uses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (instances[i % instances.length] as Repos).webSessions.useLink("race", NOW)),
    );
    expect(uses.filter((use) => typeof use === "object")).toEqual([{ personId: id }]);
    expect(uses.filter((use) => use === "used")).toHaveLength(7);
  });

  it("knows the person behind a live session with every post, and ends all their sessions and links", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const id = await person(repos, t.district, "admin", 1);
    await repos.people.createInvite("W2", t.a.id, "chair", NOW, LATER);
    const second = await repos.people.invite("W2");
    await repos.people.redeem(second as never, { platform: "telegram", externalId: "w1", chatId: "w1" }, "x", NOW);
    const other = await person(repos, t.b, "chair", 3);
    await repos.webSessions.createSession("s1", id, NOW, LATER);
    await repos.webSessions.createSession("s2", id, NOW, LATER);
    await repos.webSessions.createSession("s3", other, NOW, LATER);
    await repos.webSessions.createLink("open", id, NOW, SOON);
    const who = await repos.webSessions.sessionPerson("s1", NOW);
    expect(who).toMatchObject({ personId: id, displayName: "Người 1", locale: "vi" });
    expect(who?.posts).toEqual([
      { role: "admin", unit: t.district },
      { role: "chair", unit: t.a },
    ]);
    expect(await repos.webSessions.sessionPerson("s1", LATER)).toBeUndefined();
    expect(await repos.webSessions.sessionPerson("nothing", NOW)).toBeUndefined();
    expect(await repos.webSessions.endSessionsOf(id, NOW)).toBe(2);
    expect(await repos.webSessions.sessionPerson("s2", NOW)).toBeUndefined();
    expect(await repos.webSessions.useLink("open", NOW)).toBe("used");
    expect((await repos.webSessions.sessionPerson("s3", NOW))?.personId).toBe(other);
  });

  it("counts an address's attempts in a window, and prunes what can no longer matter", async () => {
    const { repos, raw } = backend();
    const t = await tree(repos);
    const id = await person(repos, t.a, "chair", 1);
    for (const minute of [0, 2, 4]) {
      await repos.webSessions.recordLinkAttempt("client", `2026-05-01T03:0${minute}:00.000Z`);
    }
    await repos.webSessions.recordLinkAttempt("another", NOW);
    expect(await repos.webSessions.linkAttemptsSince("client", "2026-05-01T03:01:00.000Z")).toBe(2);
    expect(await repos.webSessions.linkAttemptsSince("client", "2026-05-01T02:00:00.000Z")).toBe(3);
    expect(await repos.webSessions.linkAttemptsSince("nobody", NOW)).toBe(0);
    await repos.webSessions.createLink("old", id, NOW, SOON);
    await repos.webSessions.createLink("new", id, NOW, LATER);
    await repos.webSessions.createSession("gone", id, NOW, SOON);
    await repos.webSessions.createSession("kept", id, NOW, LATER);
    await repos.webSessions.prune(SOON, "2026-05-01T03:02:00.000Z");
    expect(await repos.webSessions.useLink("old", NOW)).toBe("unknown");
    expect(await repos.webSessions.useLink("new", SOON)).toEqual({ personId: id });
    expect(await repos.webSessions.linkAttemptsSince("client", "2026-05-01T02:00:00.000Z")).toBe(1);
    const sessions = await raw("select id_hash from web_sessions order by id_hash");
    expect(sessions.map((row) => row.id_hash)).toEqual(["kept"]);
  });
});

contract("dashboard queries", (backend) => {
  it("gives every unit of a subtree its last report, first linked person and chair", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const chair = await person(repos, t.a, "chair", 1, "2026-02-03T04:00:00.000Z");
    await person(repos, t.a, "officer", 2, "2026-01-05T04:00:00.000Z");
    await person(repos, t.b, "officer", 3, "2026-03-01T00:00:00.000Z");
    await repos.ledger.record([entry(t.a, 3, "telegram:1", "2026-04-02", chair)], NOW);
    await repos.ledger.record([entry(t.a, 1, "telegram:2", "2026-03-20", chair)], NOW);
    await repos.ledger.record([entry(t.c, 9, "telegram:3", "2026-04-29", null)], NOW);
    const facts = await repos.dashboard.unitFacts(t.district.path);
    expect([...facts.keys()].sort((x, y) => x - y)).toEqual([t.district.id, t.a.id, t.b.id, t.guild.id]);
    expect(facts.get(t.a.id)).toEqual({
      unitId: t.a.id,
      lastReport: "2026-04-02",
      firstRole: "2026-01-05T04:00:00.000Z",
      hasChair: true,
    });
    expect(facts.get(t.b.id)).toEqual({
      unitId: t.b.id,
      lastReport: null,
      firstRole: "2026-03-01T00:00:00.000Z",
      hasChair: false,
    });
    expect(facts.get(t.guild.id)).toEqual({ unitId: t.guild.id, lastReport: null, firstRole: null, hasChair: false });
    // A report below counts for the unit that made it only.
    expect(facts.get(t.district.id)?.lastReport).toBeNull();
  });

  it("lists a unit's reports newest first, who made them, and which were undone", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const chair = await person(repos, t.a, "chair", 1);
    await repos.ledger.record([entry(t.a, 3, "telegram:1", "2026-04-02", chair)], NOW);
    await repos.ledger.record([{ ...entry(t.a, 2, "telegram:2", "2026-04-03", chair), informal: true }], NOW);
    await repos.ledger.record([entry(t.b, 5, "telegram:3", "2026-04-03", null)], NOW);
    await repos.ledger.reverseSource("telegram:2", () => lineageOf(t.a), chair, NOW);
    const reports = await repos.dashboard.reportsOf(t.a.id, 10);
    expect(reports.map((r) => [r.count, r.informal, r.reporter])).toEqual([
      [-2, true, "Người 1"],
      [2, true, "Người 1"],
      [3, false, "Người 1"],
    ]);
    expect(reports[0]?.reverses).toBe(reports[1]?.id);
    expect(reports[1]?.undoneBy).toBe(reports[0]?.id);
    expect(reports[2]).toMatchObject({ event: "join", occurredOn: "2026-04-02", reverses: null, undoneBy: null });
    expect(await repos.dashboard.reportsOf(t.a.id, 1)).toHaveLength(1);
  });

  it("tells which units did each task, and lists a subtree's confirmed announcements", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const first = await repos.reminders.addTask(t.district.id, "Báo cáo quý II", "2026-05-10", null, NOW);
    const second = await repos.reminders.addTask(t.hanoi.id, "Nộp danh sách", "2026-05-20", null, NOW);
    await repos.reminders.markDone(first, t.a.id, null, NOW);
    await repos.reminders.markDone(first, t.b.id, null, NOW);
    const done = await repos.dashboard.tasksDone([first, second]);
    expect([...(done.get(first) ?? [])].sort((x, y) => x - y)).toEqual([t.a.id, t.b.id]);
    expect(done.get(second)?.size).toBe(0);
    expect((await repos.dashboard.tasksDone([])).size).toBe(0);

    const sent = await repos.reminders.createBroadcast(t.district.id, "Họp giao ban", null, NOW);
    await repos.reminders.confirmBroadcast(sent, 3, NOW);
    const later = await repos.reminders.createBroadcast(t.a.id, "Họp công đoàn", null, SOON);
    await repos.reminders.confirmBroadcast(later, 1, SOON);
    await repos.reminders.createBroadcast(t.district.id, "Chưa gửi", null, NOW);
    const elsewhere = await repos.reminders.createBroadcast(t.c.id, "Ở Huế", null, NOW);
    await repos.reminders.confirmBroadcast(elsewhere, 2, NOW);
    const nobody = await repos.reminders.createBroadcast(t.b.id, "Không ai nhận", null, NOW);
    await repos.reminders.confirmBroadcast(nobody, 0, NOW);
    const listed = await repos.dashboard.broadcastsIn(t.district.path, 10);
    expect(listed.map((b) => b.text)).toEqual(["Họp công đoàn", "Họp giao ban"]);
    expect(listed[1]).toMatchObject({ unitId: t.district.id, recipients: 3, confirmedAt: NOW, createdBy: null });
    expect(await repos.dashboard.broadcastsIn(t.district.path, 1)).toHaveLength(1);
  });
});
