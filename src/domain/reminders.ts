// What falls due between two instants: deadline and task reminders, weekly digests, nudges to silent
// units, snoozed reminders coming back. Each occurrence has a key unique per recipient, so computing the
// same window twice adds nothing, and after downtime each reminder series catches up once, not per tick.
import { silentSince as silentSinceDay } from "./silence.ts";
import type { Repositories } from "#db/index.ts";
import type { OutboxChoice, OutboxInput } from "#db/repositories/outbox.ts";
import type { Task } from "#db/repositories/reminders.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import { addDays, dayOf, daysBetween } from "./calendar.ts";
import { afterQuietHours, instantAt, weekday } from "./local-time.ts";
import { isLeaf } from "./leaf-unit.ts";
import { outboxMessage } from "./outbox-message.ts";
import type { PolicyService, ReminderPolicy } from "./reminder-policy.ts";
import { reminderTexts, type ReminderTexts, type Translate } from "./reminder-texts.ts";
import type { StandingService } from "./standing.ts";

export const REMINDER_KINDS = ["deadline", "task", "digest", "silent", "staff_digest"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One message to put in the outbox, with what a dry run prints about it. */
export interface DueReminder extends OutboxInput {
  unitName: string;
  recipientName: string;
  /** YYYY-MM-DD of the deadline it is about, when there is one. */
  deadline: string | null;
}

export interface ReminderContext {
  repos: Repositories;
  standing: StandingService;
  policies: PolicyService;
  t: Translate;
  timeZone: string;
}

/** Catch-up after downtime looks back at most this far. */
export const MAX_CATCH_UP_DAYS = 14;

/** The stretch of time one run looks at: (earliest, at], and the local days it touches. */
interface Window {
  earliest: Date;
  at: Date;
  days: string[];
  /** True when the local day and time fall in the window. */
  holds(day: string, time: string): boolean;
  /** When a reminder planned for a local day and time goes out: not in the past, not in quiet hours. */
  sendAt(day: string, time: string, policy: ReminderPolicy): string;
}

function windowOf(since: Date, at: Date, timeZone: string): Window {
  const earliest = new Date(Math.max(since.getTime(), at.getTime() - MAX_CATCH_UP_DAYS * 86_400_000));
  const days: string[] = [];
  for (let d = dayOf(earliest, timeZone); d <= dayOf(at, timeZone); d = addDays(d, 1)) days.push(d);
  return {
    earliest,
    at,
    days,
    holds(day, time) {
      const instant = instantAt(day, time, timeZone).getTime();
      return instant > earliest.getTime() && instant <= at.getTime();
    },
    sendAt(day, time, policy) {
      const planned = instantAt(day, time, timeZone);
      const start = planned.getTime() < at.getTime() ? at : planned;
      return afterQuietHours(start, policy.quietHours, timeZone).toISOString();
    },
  };
}

/** What a reminder says; built only once someone is there to read it. */
interface Content {
  text: string;
  choices?: OutboxChoice[];
  deadline: string | null;
}

interface Occurrence {
  /** The reminder series: one message per person, its latest occurrence. */
  series: string;
  occurrence: string;
  unit: Unit;
  kind: ReminderKind;
  notBefore: string;
  /** What a snooze names the series by. */
  ref?: string;
  /** A snoozed reminder returns to the person who snoozed it, and nobody else. */
  only?: number;
}

/** Gathers what falls due, the latest occurrence per series and person, for the people of each unit. */
function dueCollector(repos: Repositories) {
  const due = new Map<string, DueReminder>();
  const units = new Map<number, Unit | undefined>();
  const mutes = new Map<number, Set<string>>();
  const muted = async (personId: number, kind: ReminderKind) => {
    let set = mutes.get(personId);
    if (!set) mutes.set(personId, (set = await repos.reminders.mutes(personId)));
    return set.has(kind);
  };
  return {
    async unitOf(id: number): Promise<Unit | undefined> {
      if (!units.has(id)) units.set(id, await repos.units.byId(id));
      return units.get(id);
    },
    async add(o: Occurrence, build: () => Content | Promise<Content>): Promise<void> {
      let content: Content | undefined;
      for (const person of await repos.reminders.people(o.unit.id)) {
        if (o.only !== undefined && o.only !== person.personId) continue;
        if (await muted(person.personId, o.kind)) continue;
        // A snoozed reminder comes back by itself when its snooze ends; until then the series waits.
        const until =
          o.ref && o.only === undefined ? await repos.reminders.snoozedUntil(person.personId, o.ref) : undefined;
        if (until && until > o.notBefore) continue;
        const address = await repos.people.address(person.personId);
        if (!address) continue;
        content ??= await build();
        const message = outboxMessage(
          { personId: person.personId, address },
          { key: `${o.series}:${o.occurrence}:p${person.personId}`, kind: o.kind, notBefore: o.notBefore, ...content },
        );
        const extra = { unitName: o.unit.name, recipientName: person.displayName, deadline: content.deadline };
        due.set(`${o.series}:p${person.personId}`, { ...message, ...extra });
      }
    },
    list(): DueReminder[] {
      return [...due.values()];
    },
  };
}

type DueCollector = ReturnType<typeof dueCollector>;

interface Run extends ReminderContext {
  window: Window;
  due: DueCollector;
  texts: ReminderTexts;
}

/** On which days a deadline calls for a reminder under a policy: the offsets before it, then every so often. */
function isReminderDay(deadline: string, policy: ReminderPolicy, day: string): boolean {
  const before = daysBetween(day, deadline);
  if (before >= 0) return policy.offsets.includes(before);
  return -before % policy.overdueEveryDays === 0;
}

/** Targets with a deadline: reminders before it, and every week after it while not met. */
async function dueDeadlines(run: Run, day: string): Promise<void> {
  const { repos, policies, standing, window, due, texts } = run;
  for (const target of await repos.targets.withDeadlineAround(day, 366, 366)) {
    const unit = await due.unitOf(target.unitId);
    if (!unit || !target.deadline) continue;
    const policy = await policies.of(unit);
    if (!isReminderDay(target.deadline, policy, day) || !window.holds(day, policy.remindAt)) continue;
    const metric = await repos.metrics.get(target.metric);
    if (!metric) continue;
    const s = await standing.measure(unit, metric, target, day);
    if (s.missing <= 0) continue;
    const ref = `t${target.id}`;
    const notBefore = window.sendAt(day, policy.remindAt, policy);
    await due.add({ series: `deadline:${ref}`, occurrence: day, unit, kind: "deadline", notBefore, ref }, () =>
      texts.target(unit, s, ref),
    );
  }
}

/** Tasks: each grassroots unit and guild below the task's unit that has not done it. */
async function dueTasks(run: Run, day: string): Promise<void> {
  const { repos, policies, window, due, texts } = run;
  for (const task of await repos.reminders.tasksDueBetween(addDays(day, -366), addDays(day, 366))) {
    const owner = await due.unitOf(task.unitId);
    if (!owner) continue;
    const leaves = isLeaf(owner) ? [owner] : (await repos.units.subtree(owner)).filter(isLeaf);
    for (const unit of leaves) {
      const policy = await policies.of(unit);
      if (!isReminderDay(task.dueOn, policy, day) || !window.holds(day, policy.remindAt)) continue;
      if (await repos.reminders.isDone(task.id, unit.id)) continue;
      const ref = `k${task.id}:${unit.id}`;
      const notBefore = window.sendAt(day, policy.remindAt, policy);
      await due.add({ series: `task:${ref}`, occurrence: day, unit, kind: "task", notBefore, ref }, () =>
        texts.task(unit, task, day, ref),
      );
    }
  }
}

/** The weekly digests: its standing to a grassroots unit or guild, who is behind or silent to the staff above. */
async function dueDigests(run: Run, unit: Unit, day: string): Promise<void> {
  const { policies, standing, window, due, texts } = run;
  const policy = await policies.of(unit);
  if (weekday(day) !== policy.digestWeekday) return;
  if (isLeaf(unit) && window.holds(day, policy.digestAt)) {
    const notBefore = window.sendAt(day, policy.digestAt, policy);
    await due.add({ series: `digest:u${unit.id}`, occurrence: day, unit, kind: "digest", notBefore }, async () =>
      texts.digest(unit, await standing.ofUnit(unit, day), day),
    );
  }
  if (!isLeaf(unit) && window.holds(day, policy.staffDigestAt)) {
    const notBefore = window.sendAt(day, policy.staffDigestAt, policy);
    await due.add({ series: `staff:u${unit.id}`, occurrence: day, unit, kind: "staff_digest", notBefore }, async () =>
      texts.staffDigest(unit, day, await staffDigestFigures(run, unit, day, policy)),
    );
  }
}

async function staffDigestFigures(run: Run, unit: Unit, day: string, policy: ReminderPolicy) {
  const { repos, standing, due } = run;
  const leaves = (await repos.units.subtree(unit)).filter(isLeaf);
  const behind: Unit[] = [];
  const silent: Unit[] = [];
  for (const leaf of leaves) {
    if ((await standing.ofUnit(leaf, day)).targets.some((s) => s.behindPace)) behind.push(leaf);
    const since = await silentSince(run, leaf);
    if (since !== null && daysBetween(since, day) >= policy.silentDays) silent.push(leaf);
  }
  const relevant = new Map(
    [...(await repos.reminders.tasksFor(lineage(unit))), ...(await repos.reminders.tasksInSubtree(unit))].map(
      (task) => [task.id, task],
    ),
  );
  let overdueTasks = 0;
  for (const task of relevant.values()) {
    if (task.dueOn >= day) continue;
    const owner = await due.unitOf(task.unitId);
    if (!owner) continue;
    const targetsOf = isLeaf(owner) ? [owner] : leaves.filter((l) => l.path.startsWith(owner.path));
    for (const leaf of targetsOf) if (!(await repos.reminders.isDone(task.id, leaf.id))) overdueTasks++;
  }
  return {
    behind: behind.map((leaf) => leaf.name),
    silent: silent.map((leaf) => leaf.name),
    silentDays: policy.silentDays,
    overdueTasks,
  };
}

/** The day a unit's silence began: its last report, or when its first person linked. */
async function silentSince({ repos, timeZone }: Run, unit: Unit): Promise<string | null> {
  const last = await repos.ledger.lastReportOn(unit.id);
  return silentSinceDay(last, (await repos.units.firstRoleOn(unit.id)) ?? null, timeZone);
}

/** A grassroots unit or guild that has sent nothing for a multiple of the policy's silent days gets a nudge. */
async function dueSilent(run: Run, unit: Unit, day: string): Promise<void> {
  const { policies, window, due, texts } = run;
  const policy = await policies.of(unit);
  if (!isLeaf(unit) || !window.holds(day, policy.silentAt)) return;
  const quietSince = await silentSince(run, unit);
  const silentFor = quietSince ? daysBetween(quietSince, day) : 0;
  if (!quietSince || silentFor < policy.silentDays || silentFor % policy.silentDays !== 0) return;
  const notBefore = window.sendAt(day, policy.silentAt, policy);
  await due.add({ series: `silent:u${unit.id}:${quietSince}`, occurrence: day, unit, kind: "silent", notBefore }, () =>
    texts.silent(unit, silentFor),
  );
}

/** Snoozed reminders whose time has come: the same reminder, with today's figures, to the one who snoozed it. */
async function dueSnoozed(run: Run): Promise<void> {
  const { repos, standing, policies, window, due, texts, timeZone } = run;
  const today = dayOf(window.at, timeZone);
  const notBefore = afterQuietHours(window.at, (await policies.of({ path: "/" })).quietHours, timeZone).toISOString();
  for (const snooze of await repos.reminders.snoozesEnding(window.earliest.toISOString(), window.at.toISOString())) {
    const { ref } = snooze;
    const back = { series: `snooze:${ref}`, occurrence: snooze.until, notBefore, ref, only: snooze.personId };
    const target = /^t(\d+)$/.exec(ref);
    const task = /^k(\d+):(\d+)$/.exec(ref);
    if (target) {
      const row = await repos.targets.byId(Number(target[1]));
      const unit = row && (await due.unitOf(row.unitId));
      const metric = row && (await repos.metrics.get(row.metric));
      if (!row || !unit || !metric) continue;
      const s = await standing.measure(unit, metric, row, today);
      if (s.missing > 0) await due.add({ ...back, unit, kind: "deadline" }, () => texts.target(unit, s, ref));
    } else if (task) {
      const row: Task | undefined = await repos.reminders.task(Number(task[1]));
      const unit = await due.unitOf(Number(task[2]));
      if (!row || !unit || (await repos.reminders.isDone(row.id, unit.id))) continue;
      await due.add({ ...back, unit, kind: "task" }, () => texts.task(unit, row, today, ref));
    }
  }
}

export async function computeDue(ctx: ReminderContext, since: Date, at: Date): Promise<DueReminder[]> {
  const run: Run = {
    ...ctx,
    window: windowOf(since, at, ctx.timeZone),
    due: dueCollector(ctx.repos),
    texts: reminderTexts(ctx.t),
  };
  const { days, holds } = run.window;
  // The times of day any policy sends reminders at: days whose window holds none of them are skipped.
  const remindTimes = await ctx.policies.timesOf(["remindAt"]);
  for (const day of days.filter((d) => remindTimes.some((time) => holds(d, time)))) {
    await dueDeadlines(run, day);
    await dueTasks(run, day);
  }
  // Weekly digests and silent-unit nudges: per unit that has people, on the minutes they are due at.
  const unitTimes = await ctx.policies.timesOf(["digestAt", "staffDigestAt", "silentAt"]);
  const unitsDue = days.some((day) => unitTimes.some((time) => holds(day, time)));
  for (const unit of unitsDue ? await ctx.repos.units.withPeople() : []) {
    for (const day of days) {
      await dueDigests(run, unit, day);
      await dueSilent(run, unit, day);
    }
  }
  await dueSnoozed(run);
  return run.due.list();
}
