// What the reminders say: the Fluent messages of locales/*.ftl put together with their figures. The domain
// may not import commands/, so these live here rather than beside the standing texts of the replies.
import type { OutboxChoice } from "#db/repositories/outbox.ts";
import type { Task } from "#db/repositories/reminders.ts";
import type { Unit } from "#db/repositories/units.ts";
import { daysBetween, viDate } from "./calendar.ts";
import type { TargetStanding, UnitStanding } from "./standing.ts";

import type { Translate } from "#src/i18n.ts";

export type { Translate };

/** What a staff digest counts over the grassroots units and guilds of a subtree. */
export interface StaffDigestFigures {
  behind: string[];
  silent: string[];
  silentDays: number;
  overdueTasks: number;
}

/** At most this many unit names on a digest line, so that it stays readable on a phone. */
const SHOWN_NAMES = 5;

export function reminderTexts(t: Translate) {
  const snoozeChoices = (ref: string, kind: "deadline" | "task"): OutboxChoice[] => [
    { label: t("button-snooze-1"), action: `snooze:${ref}:1` },
    { label: t("button-snooze-3"), action: `snooze:${ref}:3` },
    { label: t("button-mute"), action: `mute:${kind}` },
  ];
  const names = (list: string[]) => list.slice(0, SHOWN_NAMES).join(", ") + (list.length > SHOWN_NAMES ? ", …" : "");

  return {
    /** A target short of its value, before or after its deadline. */
    target(unit: Unit, s: TargetStanding, ref: string) {
      const key =
        s.daysLeft > 0 ? "reminder-deadline" : s.daysLeft === 0 ? "reminder-deadline-today" : "reminder-overdue";
      const text = t(key, {
        unit: unit.name,
        metric: s.name,
        deadline: viDate(s.deadline),
        days: Math.abs(s.daysLeft),
        done: s.done,
        target: s.target,
        missing: s.missing,
      });
      return { text, choices: snoozeChoices(ref, "deadline"), deadline: s.deadline };
    },
    /** A task a unit has not marked done, as seen on `today`. */
    task(unit: Unit, task: Task, today: string, ref: string) {
      const days = daysBetween(today, task.dueOn);
      const key = days > 0 ? "reminder-task" : days === 0 ? "reminder-task-today" : "reminder-task-overdue";
      const text = t(key, { unit: unit.name, title: task.title, deadline: viDate(task.dueOn), days: Math.abs(days) });
      const choices = [
        { label: t("button-task-done"), action: `done:${task.id}:${unit.id}` },
        ...snoozeChoices(ref, "task"),
      ];
      return { text, choices, deadline: task.dueOn };
    },
    silent(unit: Unit, days: number) {
      const text = t("reminder-silent", { unit: unit.name, days });
      return { text, choices: [{ label: t("button-mute"), action: "mute:silent" }], deadline: null };
    },
    /** The weekly digest of a grassroots unit or guild: one line per target. */
    digest(unit: Unit, standing: UnitStanding, day: string) {
      const lines = standing.targets.map((target) =>
        t(target.missing === 0 ? "digest-line-reached" : target.behindPace ? "digest-line-behind" : "digest-line-on", {
          metric: target.name,
          done: target.done,
          target: target.target,
          missing: target.missing,
          deadline: viDate(target.deadline),
        }),
      );
      const heading = t("digest-heading", { unit: unit.name, date: viDate(day) });
      return { text: [heading, ...(lines.length > 0 ? lines : [t("digest-no-targets")])].join("\n"), deadline: null };
    },
    /** The weekly digest of district staff: who is behind, who is silent, how many tasks are overdue. */
    staffDigest(unit: Unit, day: string, figures: StaffDigestFigures) {
      const { behind, silent, silentDays, overdueTasks } = figures;
      const text = [
        t("staff-digest-heading", { unit: unit.name, date: viDate(day) }),
        t("staff-digest-behind", { count: behind.length, names: names(behind) }),
        t("staff-digest-silent", { count: silent.length, days: silentDays, names: names(silent) }),
        t("staff-digest-overdue", { count: overdueTasks }),
      ].join("\n");
      return { text, deadline: null };
    },
  };
}

export type ReminderTexts = ReturnType<typeof reminderTexts>;
