// Three real instances on one PostgreSQL database: updates spread round-robin, one killed with SIGKILL in the
// middle of a burst, everything unacknowledged delivered again as Telegram does → every unit's count exact;
// a 300-person announcement sent by the three together → each person gets it once, at Telegram's pace; a
// schedule changed through one instance holds on the others, and a round of deadline reminders goes out
// through the three, each person once, at Telegram's pace. Runs where a PostgreSQL server answers.
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "#db/pg/store.ts";
import type { Store } from "#db/store.ts";
import { addDays, dayOf } from "#domain/calendar.ts";
import { createInvite } from "#domain/invites.ts";
import { instantAt, timeOf } from "#domain/local-time.ts";
import { QUEUES } from "#src/pg-work.ts";
import { STAND_IN_BOT } from "#src/platforms/telegram/stand-in-api.ts";
import { startStandIn, type RunningStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import { freshServerDatabase, serverUrl } from "#test/db/contract/backends.ts";
import { deliver, mostInOneSecond, pressUpdate, startInstance, textUpdate, type Instance } from "./instances.ts";

const UNITS = 60;
/** Officers linked beside the chairs and the admin, so that the announcement reaches 300 people. */
const OFFICERS = 300 - UNITS - 1;
const ADMIN_ID = 799_999;
const chairId = (i: number) => 700_000 + i;
const officerId = (i: number) => 710_000 + i;
/** What each unit's chair reports: computed, not read back. */
const admitted = (i: number) => (i % 9) + 1;
const code = (i: number) => `C${String(i).padStart(3, "0")}`;
/** The instances' time zone (the default of TZ), in which reminder days and times are read. */
const ZONE = "Asia/Ho_Chi_Minh";
/** Each unit's admissions target: above what any chair reports, so every unit is still short of it. */
const TARGET = 20;

const title = serverUrl
  ? "three instances on one PostgreSQL database"
  : "three instances on one PostgreSQL database (skipped: no PostgreSQL server answers; set TEST_DATABASE_URL)";

describe.skipIf(!serverUrl)(title, () => {
  let database: { url: string; drop(): Promise<void> };
  let standIn: RunningStandIn;
  const instances: Instance[] = [];
  let store: Store;
  let updateId = 1;
  /** Set once the first test's reports are counted: each unit then stands at what its chair reported. */
  let reported = false;

  /** Delivers every update, round-robin over the live instances, again and again until each is acknowledged. */
  async function deliverAll(updates: object[], live: () => Instance[], during?: (sent: number) => void) {
    let pending = updates;
    let refused = 0;
    for (let round = 0; pending.length > 0 && round < 10; round++) {
      const left: object[] = [];
      let next = 0;
      let sent = 0;
      const worker = async () => {
        while (next < pending.length) {
          const update = pending[next++] as object;
          const targets = live();
          const target = targets[sent % targets.length] as Instance;
          sent++;
          during?.(sent);
          const answer = await deliver(target.url, update);
          if (!answer.ok) left.push(update);
          else if (answer.body?.method) standIn.api.executeWebhookReply(answer.body);
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      pending = left;
      refused += left.length;
      if (left.length > 0) await new Promise((r) => setTimeout(r, 300));
    }
    expect(pending).toHaveLength(0);
    return refused;
  }

  beforeAll(async () => {
    database = await freshServerDatabase(serverUrl as string);
    standIn = await startStandIn();
    store = await openPostgresStore(database.url);
    const { repos } = store;
    const now = new Date();
    await repos.units.upsert({
      code: "P1",
      name: "LĐLĐ tỉnh Bình Phước",
      parentCode: null,
      kind: "province",
      sector: null,
      members: 0,
      workers: 0,
    });
    const district = await repos.units.upsert({
      code: "D1",
      name: "LĐLĐ huyện Phú Riềng",
      parentCode: "P1",
      kind: "district",
      sector: null,
      members: 0,
      workers: 0,
    });
    const links: object[] = [];
    links.push(textUpdate(updateId++, ADMIN_ID, `/start ${(await createInvite(repos, district, "admin", now)).code}`));
    for (let i = 1; i <= UNITS; i++) {
      const unit = await repos.units.upsert({
        code: code(i),
        name: `CĐCS Công ty số ${i}`,
        parentCode: "D1",
        kind: "grassroots",
        sector: null,
        members: 100,
        workers: 500,
      });
      links.push(textUpdate(updateId++, chairId(i), `/start ${(await createInvite(repos, unit, "chair", now)).code}`));
    }
    for (let i = 1; i <= OFFICERS; i++) {
      const unit = await repos.units.byCode(code(((i - 1) % UNITS) + 1));
      if (!unit) throw new Error("no unit");
      links.push(
        textUpdate(updateId++, officerId(i), `/start ${(await createInvite(repos, unit, "officer", now)).code}`),
      );
    }
    await repos.updates.setSetting("telegram.username", STAND_IN_BOT.username);
    // Started together, as a deployment starts them; each is kept as soon as it is up, so afterAll stops it,
    // and all are waited for before a failure is reported, so none comes up after afterAll has run.
    const started = await Promise.allSettled(
      [0, 1, 2].map(async (n) => (instances[n] = await startInstance(database.url, standIn.url))),
    );
    for (const outcome of started) if (outcome.status === "rejected") throw outcome.reason;
    await deliverAll(links, () => instances);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i?.stop()));
    await store?.close();
    await standIn?.close();
    await database?.drop();
  }, 60_000);

  it("counts every unit exactly after one instance is killed mid-burst and Telegram delivers again", async () => {
    const reports = Array.from({ length: UNITS }, (_, k) =>
      textUpdate(updateId++, chairId(k + 1), `kết nạp ${admitted(k + 1)} đoàn viên`),
    );
    // Updates Telegram saw acknowledged before the kill are never sent again; the rest are, to the two left.
    const victim = instances[1] as Instance;
    let killed = false;
    const live = () => (killed ? instances.filter((i) => i !== victim) : instances);
    const unacknowledged = await deliverAll(reports, live, (sent) => {
      if (!killed && sent === Math.floor(UNITS / 3)) {
        killed = true;
        victim.kill();
      }
    });
    // The kill cut updates off in flight: they were delivered again, to the instances left.
    expect(unacknowledged).toBeGreaterThan(0);
    // Each update is redelivered once more to every live instance: claimed already, none counts twice.
    await Promise.all(reports.map((update, n) => deliver((live()[n % 2] as Instance).url, update)));
    for (let i = 1; i <= UNITS; i++) {
      const unit = await store.repos.units.byCode(code(i));
      const entries = await store.repos.ledger.tallies(unit?.id as number, String(new Date().getUTCFullYear()));
      expect(entries.get("join"), code(i)).toBe(admitted(i));
    }
    const district = await store.repos.units.byCode("D1");
    const total = Array.from({ length: UNITS }, (_, k) => admitted(k + 1)).reduce((a, b) => a + b, 0);
    expect(
      (await store.repos.ledger.tallies(district?.id as number, String(new Date().getUTCFullYear()))).get("join"),
    ).toBe(total);
    reported = true;
    // The killed instance comes back, as an orchestrator would restart it.
    instances[1] = await startInstance(database.url, standIn.url);
  }, 240_000);

  it("sends a 300-person announcement through the three, each person once, at no more than 30 a second", async () => {
    const text = "Họp giao ban toàn huyện lúc 8 giờ thứ Hai.";
    const before = standIn.api.calls.length;
    await deliverAll([textUpdate(updateId++, ADMIN_ID, `/thongbao ${text}`)], () => instances);
    const preview = standIn.api.calls.slice(before).find((c) => String(c.payload.chat_id) === String(ADMIN_ID));
    expect(String(preview?.payload.text)).toContain("gửi đến 300 người");
    const markup = preview?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const button = markup.inline_keyboard.flat().find((b) => b.text === "📣 Gửi thông báo");
    // The preview quoted the text to the admin: only what comes after it counts.
    const afterPreview = standIn.api.calls.length;
    await deliverAll([pressUpdate(updateId++, ADMIN_ID, button?.callback_data as string)], () => instances);
    const copies = () =>
      standIn.api.calls
        .slice(afterPreview)
        .filter((c) => c.method === "sendMessage" && !c.failedWith && String(c.payload.text).includes(text));
    const until = Date.now() + 90_000;
    while (copies().length < 300 && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 2_000));
    const sent = copies();
    const people = [
      ADMIN_ID,
      ...Array.from({ length: UNITS }, (_, k) => chairId(k + 1)),
      ...Array.from({ length: OFFICERS }, (_, k) => officerId(k + 1)),
    ];
    expect(sent.map((c) => Number(c.payload.chat_id)).sort((a, b) => a - b)).toEqual(people.sort((a, b) => a - b));
    // Telegram's 30 a second overall: no second of the sending holds more.
    expect(mostInOneSecond(sent.map((c) => c.at))).toBeLessThanOrEqual(30);
  }, 180_000);

  /** Sends one text from the admin to one instance, until acknowledged; resolves to what the bot answered. */
  async function adminSays(instance: Instance, text: string): Promise<string> {
    const before = standIn.api.calls.length;
    const update = textUpdate(updateId++, ADMIN_ID, text);
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await deliver(instance.url, update);
      if (answer.ok) {
        if (answer.body?.method) standIn.api.executeWebhookReply(answer.body);
        break;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    return standIn.api.calls
      .slice(before)
      .filter((c) => String(c.payload.chat_id) === String(ADMIN_ID))
      .map((c) => String(c.payload.text))
      .join("\n");
  }

  /**
   * One tick of the scheduler, asked for as pg-boss's minute schedule asks: a job in the tick queue, taken by
   * whichever instance fetches it first. Resolves once that instance has finished it.
   */
  async function tickOnce(boss: PgBoss): Promise<void> {
    const id = await boss.send(QUEUES.tick, {});
    if (!id) throw new Error("the tick was not queued");
    const until = Date.now() + 60_000;
    for (;;) {
      const job = await boss.getJobById(QUEUES.tick, id);
      if (job?.state === "completed") return;
      if (job?.state === "failed" || Date.now() > until) throw new Error(`the tick ended ${job?.state ?? "unseen"}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("holds a /lichnhac change made through one instance on all, and sends a reminder round once each", async () => {
    // A reminder time three minutes ago, and every unit's deadline three days after that day: a tick whose
    // window holds that time sends deadline reminders when 3 is among the days before a deadline, and not
    // when it is not. The window is opened by setting the scheduler's last run before that time, as after
    // a downtime (the scheduler then catches up): the test needs no waiting for the clock.
    const at = new Date(Date.now() - 3 * 60_000);
    const remindAt = timeOf(at, ZONE);
    const day = dayOf(at, ZONE);
    const deadline = addDays(day, 3);
    const { repos } = store;
    for (let i = 1; i <= UNITS; i++) {
      const unit = await repos.units.byCode(code(i));
      await repos.targets.upsert({
        unitId: unit?.id as number,
        metric: "ket_nap",
        period: day.slice(0, 4),
        value: TARGET,
        deadline,
      });
    }
    const lastRunBefore = new Date(instantAt(day, remindAt, ZONE).getTime() - 2 * 60_000).toISOString();
    const boss = new PgBoss({ connectionString: database.url, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    const reader = new pg.Pool({ connectionString: database.url, max: 1 });
    const deadlineRows = async () =>
      Number((await reader.query("select count(*) as n from outbox where kind = 'deadline'")).rows[0].n);
    const [a, b, c] = instances as [Instance, Instance, Instance];
    try {
      // Through A: reminders 3 days before, at that time, no quiet hours. Through B, before any tick: 7 days
      // before instead. B's answer shows A's time: the change made through A is what B reads.
      expect(await adminSays(a, `/lichnhac truoc=3 luc=${remindAt} yenlang=tat`)).toContain(`lúc ${remindAt}`);
      const onB = await adminSays(b, "/lichnhac truoc=7");
      expect(onB).toContain(`nhắc trước hạn 7 ngày, lúc ${remindAt}`);
      expect(await adminSays(c, "/lichnhac")).toContain(`nhắc trước hạn 7 ngày, lúc ${remindAt}`);
      await repos.updates.setSetting("scheduler.lastRun", lastRunBefore);
      await tickOnce(boss);
      // Whichever instance ticked read B's change: today is not 7 days before the deadline, so nothing is due.
      expect(await deadlineRows()).toBe(0);

      // Through C, 3 days before again: the next tick, on whichever instance, sends the round.
      expect(await adminSays(c, "/lichnhac truoc=3")).toContain(`nhắc trước hạn 3 ngày, lúc ${remindAt}`);
      const mark = standIn.api.calls.length;
      await repos.updates.setSetting("scheduler.lastRun", lastRunBefore);
      await tickOnce(boss);
      // A second tick over the same window adds nothing: each occurrence is keyed per person.
      await repos.updates.setSetting("scheduler.lastRun", lastRunBefore);
      await tickOnce(boss);
      const expected = new Map<number, number>();
      for (let i = 1; i <= UNITS; i++) expected.set(chairId(i), i);
      for (let k = 1; k <= OFFICERS; k++) expected.set(officerId(k), ((k - 1) % UNITS) + 1);
      const reminders = () =>
        standIn.api.calls
          .slice(mark)
          .filter((call) => call.method === "sendMessage" && !call.failedWith)
          .filter((call) => String(call.payload.text).includes("Nhắc hạn"));
      const until = Date.now() + 90_000;
      while (reminders().length < expected.size && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, 2_000));
      const sent = reminders();
      expect(sent.map((call) => Number(call.payload.chat_id)).sort((x, y) => x - y)).toEqual(
        [...expected.keys()].sort((x, y) => x - y),
      );
      for (const call of sent) {
        const unit = expected.get(Number(call.payload.chat_id)) as number;
        // Its own unit's figures: what the chair reported (when the first test ran) against the target.
        const done = reported ? admitted(unit) : 0;
        expect(String(call.payload.text)).toContain(`CĐCS Công ty số ${unit} đến hạn`);
        expect(String(call.payload.text)).toContain(`Hiện đạt ${done}/${TARGET}, còn thiếu ${TARGET - done}`);
      }
      expect(await deadlineRows()).toBe(expected.size);
      expect(mostInOneSecond(sent.map((call) => call.at))).toBeLessThanOrEqual(30);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await reader.end();
    }
  }, 240_000);
});
