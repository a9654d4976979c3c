// What falls due between two instants: deadline and task reminders, weekly digests, nudges to silent
// units, snoozed reminders coming back. Each occurrence has a key unique per recipient, so computing the
// same window twice adds nothing, and after downtime each reminder series catches up once, not per tick.
import type { Repositories } from "#db/index.ts";
import type { OutboxChoice, OutboxInput } from "#db/repositories/outbox.ts";
import type { Task } from "#db/repositories/reminders.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/repositories/units.ts";
import { addDays, dayOf, daysBetween, viDate } from "./calendar.ts";
import { afterQuietHours, instantAt, weekday } from "./local-time.ts";
import { isLeaf } from "./leaf-unit.ts";
import type { Translate } from "#src/i18n.ts";
import type { PolicyService, ReminderPolicy } from "./reminder-policy.ts";
import type { StandingService, TargetStanding } from "./standing.ts";

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

export function computeDue(ctx: ReminderContext, since: Date, at: Date): DueReminder[] {
  const { repos, standing, policies, t, timeZone } = ctx;
  const earliest = new Date(Math.max(since.getTime(), at.getTime() - MAX_CATCH_UP_DAYS * 86_400_000));
  const firstDay = dayOf(earliest, timeZone);
  const lastDay = dayOf(at, timeZone);
  const days: string[] = [];
  for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) days.push(d);
  /** True when the local day and time fall in the window (earliest, at]. */
  const inWindow = (day: string, time: string) => {
    const instant = instantAt(day, time, timeZone).getTime();
    return instant > earliest.getTime() && instant <= at.getTime();
  };
  const sendAt = (day: string, time: string, policy: ReminderPolicy) => {
    const planned = instantAt(day, time, timeZone);
    const start = planned.getTime() < at.getTime() ? at : planned;
    return afterQuietHours(start, policy.quietHours, timeZone).toISOString();
  };

  // Series → its latest occurrence in the window: after downtime a series catches up once.
  const due = new Map<string, DueReminder>();
  const unitCache = new Map<number, Unit | undefined>();
  const unitOf = (id: number) => {
    if (!unitCache.has(id)) unitCache.set(id, repos.units.byId(id));
    return unitCache.get(id);
  };
  const mutesCache = new Map<number, Set<string>>();
  const muted = (personId: number, kind: ReminderKind) => {
    let mutes = mutesCache.get(personId);
    if (!mutes) mutesCache.set(personId, (mutes = repos.reminders.mutes(personId)));
    return mutes.has(kind);
  };

  function add(
    series: string,
    occurrence: string,
    unit: Unit,
    kind: ReminderKind,
    build: () => { text: string; choices?: OutboxChoice[]; deadline: string | null },
    notBefore: string,
    ref?: string,
    onlyPeople?: Set<number>,
  ) {
    let content: ReturnType<typeof build> | undefined;
    for (const person of repos.reminders.people(unit.id)) {
      if (onlyPeople && !onlyPeople.has(person.personId)) continue;
      if (muted(person.personId, kind)) continue;
      // A snoozed reminder comes back by itself when its snooze ends; until then the series waits.
      const until = ref && !onlyPeople ? repos.reminders.snoozedUntil(person.personId, ref) : undefined;
      if (until && until > notBefore) continue;
      const address = repos.people.address(person.personId);
      if (!address) continue;
      content ??= build();
      const key = `${series}:${occurrence}:p${person.personId}`;
      due.set(`${series}:p${person.personId}`, {
        key,
        personId: person.personId,
        platform: address.platform,
        chatId: address.chatId,
        kind,
        payload: { text: content.text, ...(content.choices ? { choices: content.choices } : {}) },
        notBefore,
        unitName: unit.name,
        recipientName: person.displayName,
        deadline: content.deadline,
      });
    }
  }

  const snoozeChoices = (ref: string, kind: ReminderKind): OutboxChoice[] => [
    { label: t("button-snooze-1"), action: `snooze:${ref}:1` },
    { label: t("button-snooze-3"), action: `snooze:${ref}:3` },
    { label: t("button-mute"), action: `mute:${kind}` },
  ];

  const targetText = (unit: Unit, s: TargetStanding) =>
    t(s.daysLeft > 0 ? "reminder-deadline" : s.daysLeft === 0 ? "reminder-deadline-today" : "reminder-overdue", {
      unit: unit.name,
      metric: s.name,
      deadline: viDate(s.deadline),
      days: Math.abs(s.daysLeft),
      done: s.done,
      target: s.target,
      missing: s.missing,
    });

  const taskText = (unit: Unit, task: Task, today: string) => {
    const days = daysBetween(today, task.dueOn);
    return t(days > 0 ? "reminder-task" : days === 0 ? "reminder-task-today" : "reminder-task-overdue", {
      unit: unit.name,
      title: task.title,
      deadline: viDate(task.dueOn),
      days: Math.abs(days),
    });
  };

  /** On which day of the window, if any, a deadline calls for a reminder under a policy. */
  const reminderDay = (deadline: string, policy: ReminderPolicy, day: string): boolean => {
    const before = daysBetween(day, deadline);
    if (before >= 0) return policy.offsets.includes(before);
    return -before % policy.overdueEveryDays === 0;
  };

  // The times of day any policy sends reminders at: days whose window holds none of them are skipped.
  const remindTimes = policies.timesOf(["remindAt"]);
  for (const day of days) {
    if (!remindTimes.some((time) => inWindow(day, time))) continue;
    // Targets with a deadline: reminders before it, and every week after it while not met.
    for (const target of repos.targets.withDeadlineAround(day, 366, 366)) {
      const unit = unitOf(target.unitId);
      if (!unit || !target.deadline) continue;
      const policy = policies.of(unit);
      if (!reminderDay(target.deadline, policy, day) || !inWindow(day, policy.remindAt)) continue;
      const metric = repos.metrics.get(target.metric);
      if (!metric) continue;
      const s = standing.measure(unit, metric, target, day);
      if (s.missing <= 0) continue;
      const ref = `t${target.id}`;
      add(
        `deadline:${ref}`,
        day,
        unit,
        "deadline",
        () => ({ text: targetText(unit, s), choices: snoozeChoices(ref, "deadline"), deadline: s.deadline }),
        sendAt(day, policy.remindAt, policy),
        ref,
      );
    }

    // Tasks: each grassroots unit and guild below the task's unit that has not done it.
    for (const task of repos.reminders.tasksDueBetween(addDays(day, -366), addDays(day, 366))) {
      const owner = unitOf(task.unitId);
      if (!owner) continue;
      const leaves = isLeaf(owner) ? [owner] : repos.units.subtree(owner).filter(isLeaf);
      for (const unit of leaves) {
        const policy = policies.of(unit);
        if (!reminderDay(task.dueOn, policy, day) || !inWindow(day, policy.remindAt)) continue;
        if (repos.reminders.isDone(task.id, unit.id)) continue;
        const ref = `k${task.id}:${unit.id}`;
        add(
          `task:${ref}`,
          day,
          unit,
          "task",
          () => ({
            text: taskText(unit, task, day),
            choices: [
              { label: t("button-task-done"), action: `done:${task.id}:${unit.id}` },
              ...snoozeChoices(ref, "task"),
            ],
            deadline: task.dueOn,
          }),
          sendAt(day, policy.remindAt, policy),
          ref,
        );
      }
    }
  }

  // Weekly digests and silent-unit nudges: per unit that has people, on the minutes they are due at.
  const unitTimes = policies.timesOf(["digestAt", "staffDigestAt", "silentAt"]);
  const unitsDue = days.some((day) => unitTimes.some((time) => inWindow(day, time)));
  for (const unit of unitsDue ? repos.units.withPeople() : []) {
    const policy = policies.of(unit);
    for (const day of days) {
      if (weekday(day) === policy.digestWeekday && isLeaf(unit) && inWindow(day, policy.digestAt)) {
        add(
          `digest:u${unit.id}`,
          day,
          unit,
          "digest",
          () => ({ text: digestText(unit, day), deadline: null }),
          sendAt(day, policy.digestAt, policy),
        );
      }
      if (weekday(day) === policy.digestWeekday && !isLeaf(unit) && inWindow(day, policy.staffDigestAt)) {
        add(
          `staff:u${unit.id}`,
          day,
          unit,
          "staff_digest",
          () => ({ text: staffDigestText(unit, day, policy), deadline: null }),
          sendAt(day, policy.staffDigestAt, policy),
        );
      }
      if (isLeaf(unit) && inWindow(day, policy.silentAt)) {
        const quietSince = silentSince(unit);
        const silentFor = quietSince ? daysBetween(quietSince, day) : 0;
        if (quietSince && silentFor >= policy.silentDays && silentFor % policy.silentDays === 0) {
          add(
            `silent:u${unit.id}:${quietSince}`,
            day,
            unit,
            "silent",
            () => ({
              text: t("reminder-silent", { unit: unit.name, days: silentFor }),
              choices: [{ label: t("button-mute"), action: "mute:silent" }],
              deadline: null,
            }),
            sendAt(day, policy.silentAt, policy),
          );
        }
      }
    }
  }

  // Snoozed reminders whose time has come: the same reminder, with today's figures.
  for (const snooze of repos.reminders.snoozesEnding(earliest.toISOString(), at.toISOString())) {
    const target = /^t(\d+)$/.exec(snooze.ref);
    const task = /^k(\d+):(\d+)$/.exec(snooze.ref);
    const today = dayOf(at, timeZone);
    const only = new Set([snooze.personId]);
    const notBefore = afterQuietHours(at, policies.of({ path: "/" }).quietHours, timeZone).toISOString();
    if (target) {
      const row = repos.targets.byId(Number(target[1]));
      const unit = row && unitOf(row.unitId);
      const metric = row && repos.metrics.get(row.metric);
      if (!row || !unit || !metric) continue;
      const s = standing.measure(unit, metric, row, today);
      if (s.missing <= 0) continue;
      add(
        `snooze:${snooze.ref}`,
        snooze.until,
        unit,
        "deadline",
        () => ({ text: targetText(unit, s), choices: snoozeChoices(snooze.ref, "deadline"), deadline: s.deadline }),
        notBefore,
        snooze.ref,
        only,
      );
    } else if (task) {
      const row = repos.reminders.task(Number(task[1]));
      const unit = unitOf(Number(task[2]));
      if (!row || !unit || repos.reminders.isDone(row.id, unit.id)) continue;
      add(
        `snooze:${snooze.ref}`,
        snooze.until,
        unit,
        "task",
        () => ({
          text: taskText(unit, row, today),
          choices: [
            { label: t("button-task-done"), action: `done:${row.id}:${unit.id}` },
            ...snoozeChoices(snooze.ref, "task"),
          ],
          deadline: row.dueOn,
        }),
        notBefore,
        snooze.ref,
        only,
      );
    }
  }

  /** The day a unit's silence began: its last report, or when its first person linked. */
  function silentSince(unit: Unit): string | null {
    const last = repos.ledger.lastReportOn(unit.id);
    const linked = repos.units.firstRoleOn(unit.id);
    const linkedDay = linked ? dayOf(new Date(linked), timeZone) : null;
    if (!last) return linkedDay;
    return linkedDay && linkedDay > last ? linkedDay : last;
  }

  function digestText(unit: Unit, day: string): string {
    const s = standing.ofUnit(unit, day);
    const lines = s.targets.map((target) =>
      t(target.missing === 0 ? "digest-line-reached" : target.behindPace ? "digest-line-behind" : "digest-line-on", {
        metric: target.name,
        done: target.done,
        target: target.target,
        missing: target.missing,
        deadline: viDate(target.deadline),
      }),
    );
    return [
      t("digest-heading", { unit: unit.name, date: viDate(day) }),
      ...(lines.length > 0 ? lines : [t("digest-no-targets")]),
    ].join("\n");
  }

  function staffDigestText(unit: Unit, day: string, policy: ReminderPolicy): string {
    const leaves = repos.units.subtree(unit).filter(isLeaf);
    const behind: string[] = [];
    const silent: string[] = [];
    for (const leaf of leaves) {
      if (standing.ofUnit(leaf, day).targets.some((s) => s.behindPace)) behind.push(leaf.name);
      const since = silentSince(leaf);
      if (since && daysBetween(since, day) >= policy.silentDays) silent.push(leaf.name);
    }
    let overdue = 0;
    const relevant = new Map(
      [...repos.reminders.tasksFor(lineage(unit)), ...repos.reminders.tasksInSubtree(unit)].map((task) => [
        task.id,
        task,
      ]),
    );
    for (const task of relevant.values()) {
      if (task.dueOn >= day) continue;
      const owner = unitOf(task.unitId);
      if (!owner) continue;
      const targetsOf = isLeaf(owner) ? [owner] : leaves.filter((l) => l.path.startsWith(owner.path));
      overdue += targetsOf.filter((l) => !repos.reminders.isDone(task.id, l.id)).length;
    }
    const names = (list: string[]) => list.slice(0, 5).join(", ") + (list.length > 5 ? ", …" : "");
    return [
      t("staff-digest-heading", { unit: unit.name, date: viDate(day) }),
      t("staff-digest-behind", { count: behind.length, names: names(behind) }),
      t("staff-digest-silent", { count: silent.length, days: policy.silentDays, names: names(silent) }),
      t("staff-digest-overdue", { count: overdue }),
    ].join("\n");
  }

  return [...due.values()];
}
