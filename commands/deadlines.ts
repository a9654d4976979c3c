// "hạn nộp khi nào", "/han": what is due for the person's unit, targets and tasks, nearest first.
import { lineage } from "#db/repositories/units.ts";
import { daysBetween, viDate } from "#domain/calendar.ts";
import type { TargetStanding } from "#domain/standing.ts";
import { reply, type Command } from "./types.ts";

/** What is still missing is counted in units, percentage points, or what the metric counts. */
function deadlineKey(s: TargetStanding): string {
  if (s.scope === "each") return "deadline-line-each";
  if (s.measure === "percent") return "deadline-line-rate";
  return s.setBy === undefined ? "deadline-line" : "deadline-line-minimum";
}

export const deadlines: Command = {
  intents: ["ask_deadlines"],
  slash: ["han"],
  async run(req, { repos, standing, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const unit = actor.home.unit;
    const items: { due: string; line: string }[] = [];
    for (const s of (await standing.ofUnit(unit, req.today)).targets) {
      if (s.missing <= 0) continue;
      const args = {
        metric: s.name,
        deadline: viDate(s.deadline),
        days: Math.abs(s.daysLeft),
        missing: s.missing,
        target: s.target,
        unit: s.setBy ?? "",
      };
      items.push({ due: s.deadline, line: t(`${deadlineKey(s)}${s.daysLeft < 0 ? "-overdue" : ""}`, args) });
    }
    for (const task of await repos.reminders.tasksFor(lineage(unit))) {
      if (await repos.reminders.isDone(task.id, unit.id)) continue;
      const days = daysBetween(req.today, task.dueOn);
      items.push({
        due: task.dueOn,
        line: t(days < 0 ? "deadline-task-line-overdue" : "deadline-task-line", {
          title: task.title,
          deadline: viDate(task.dueOn),
          days: Math.abs(days),
        }),
      });
    }
    if (items.length === 0) return reply(t("deadlines-none", { unit: unit.name }));
    items.sort((a, b) => a.due.localeCompare(b.due));
    return reply([t("deadlines-heading", { unit: unit.name }), ...items.map((i) => i.line)].join("\n"));
  },
};
