// An announcement to 300 people on PostgreSQL, sent by three instances together: each person gets it once, at
// no more than the platform's rate, and the admin who sent it gets the delivery count once, from the minute
// tick whichever instance runs it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "#db/contract.ts";
import { openServer, pgRepositories, type PgStore } from "#db/pg/index.ts";
import { queueBroadcast } from "#domain/broadcasts.ts";
import { policyService } from "#domain/reminder-policy.ts";
import { standingService } from "#domain/standing.ts";
import { TELEGRAM_LIMITS } from "#src/delivery/rate-limiter.ts";
import { loadTranslations } from "#src/i18n.ts";
import { openPgWork, type PgWork } from "#src/pg-work.ts";
import { createScheduler } from "#src/scheduler.ts";
import { freshDatabase, serverAnswers, unlessNoServer, type FreshDatabase } from "./pg-server.ts";

const PEOPLE = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  chatId: string;
  kind: string;
  text: string;
  at: number;
  instance: number;
}

interface Instance {
  store: PgStore;
  repos: Repositories;
  work: PgWork;
}

/** One unit and PEOPLE people linked to it on Telegram, the first of them its chair; returns the chair's id. */
async function seed(repos: Repositories, now: string): Promise<{ unit: { id: number; path: string }; chair: number }> {
  const unit = await repos.units.upsert({
    code: "C1",
    name: "CĐCS Công ty May Việt",
    parentCode: null,
    kind: "grassroots",
    sector: null,
    members: PEOPLE,
    workers: PEOPLE,
  });
  const ids: number[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const code = `MOI${i}`;
    await repos.people.createInvite(code, unit.id, i === 0 ? "chair" : "officer", now, "2099-01-01T00:00:00.000Z");
    const invite = await repos.people.invite(code);
    if (!invite) throw new Error(`no invite ${code}`);
    const account = { platform: "telegram" as const, externalId: `u${i}`, chatId: `${9_000 + i}` };
    const id = await repos.people.redeem(invite, account, `Người ${i}`, now);
    if (id === null) throw new Error(`invite ${code} not redeemed`);
    ids.push(id);
  }
  return { unit, chair: ids[0] as number };
}

describe.skipIf(!serverAnswers)(`an announcement sent by three instances on PostgreSQL${unlessNoServer}`, () => {
  let db: FreshDatabase;
  const instances: Instance[] = [];
  const sent: Sent[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    const first = openServer(db.url, { max: 2 });
    await first.migrate();
    await first.close();
    const { translate } = loadTranslations();
    const t = (key: string, args?: Record<string, string | number>) => translate("vi", key, args);
    for (let i = 0; i < 3; i++) {
      const store = openServer(db.url, { max: 4 });
      const repos = await pgRepositories(store);
      // The scheduler wakes the drainers, which are started with the scheduler: bound once both exist.
      const late: { work?: PgWork } = {};
      const scheduler = createScheduler({
        repos,
        standing: standingService(repos),
        policies: policyService(repos, null),
        t,
        timeZone: "Asia/Ho_Chi_Minh",
        clock: () => new Date(),
        wakeDispatcher: () => void late.work?.wake(),
      });
      const work = await openPgWork(db.url, {
        outbox: repos.outbox,
        async send(message) {
          sent.push({
            chatId: message.chatId,
            kind: message.kind,
            text: message.payload.text,
            at: Date.now(),
            instance: i,
          });
          await sleep(15 + (message.id % 20));
          return { ok: true };
        },
        scheduler,
        pollSeconds: 0.5,
        schedule: false,
        tickSlotSeconds: 1,
        wakeJobs: 3,
      });
      late.work = work;
      instances.push({ store, repos, work });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { work, store } of instances) {
      await work.stop();
      await store.close();
    }
    await db?.drop();
  });

  it("reaches every person once, at no more than 30 a second, and tells the chair once", async () => {
    const [one, two, three] = instances as [Instance, Instance, Instance];
    const now = new Date();
    const { unit, chair } = await seed(one.repos, now.toISOString());
    const text = "Họp ban chấp hành lúc 14 giờ thứ Sáu";
    const id = await one.repos.reminders.createBroadcast(unit.id, text, chair, now.toISOString());
    const who = { at: now, personId: chair, platform: "telegram", account: "u0" };
    expect(await queueBroadcast(one.repos, id, unit, text, "Thông báo", now, who)).toBe(PEOPLE);
    await one.work.wake();
    const settled = async () => (await one.repos.outbox.broadcastCounts(id)).pending === 0;
    for (let waited = 0; !(await settled()) && waited < 40_000; waited += 250) await sleep(250);
    expect(await one.repos.outbox.broadcastCounts(id)).toEqual({
      delivered: PEOPLE,
      blocked: 0,
      failed: 0,
      pending: 0,
    });

    const announcements = sent.filter((s) => s.kind === "broadcast");
    expect(announcements).toHaveLength(PEOPLE);
    expect(new Set(announcements.map((s) => s.chatId)).size).toBe(PEOPLE);
    expect(announcements.every((s) => s.text.includes(text))).toBe(true);
    expect(new Set(announcements.map((s) => s.instance)).size).toBeGreaterThan(1);
    const times = announcements.map((s) => s.at).sort((a, b) => a - b);
    const { count, perMs } = TELEGRAM_LIMITS.overall;
    for (let i = count; i < times.length; i++)
      expect((times[i] as number) - (times[i - count] as number)).toBeGreaterThanOrEqual(perMs);

    // The minute tick, asked for by all three instances at once, reports the count to the chair once.
    await Promise.all([one.work.tickNow(), two.work.tickNow(), three.work.tickNow()]);
    for (let waited = 0; !sent.some((s) => s.kind === "broadcast_report") && waited < 10_000; waited += 250)
      await sleep(250);
    await sleep(1_500);
    await Promise.all([one.work.tickNow(), three.work.tickNow()]);
    await sleep(2_000);
    const reports = sent.filter((s) => s.kind === "broadcast_report");
    expect(reports).toHaveLength(1);
    expect(reports[0]?.chatId).toBe("9000");
    expect(reports[0]?.text).toContain(String(PEOPLE));
  }, 90_000);
});
