// "hạn nộp khi nào", "/han": what is due for the person's unit, nearest first.
import { viDate } from "../src/domain/calendar.ts";
import { reply, type Command } from "./types.ts";

export const deadlines: Command = {
  intents: ["ask_deadlines"],
  run(req, { standing, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const unit = actor.home.unit;
    const upcoming = standing
      .ofUnit(unit, req.today)
      .targets.filter((s) => s.missing > 0)
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    if (upcoming.length === 0) return reply(t("deadlines-none", { unit: unit.name }));
    const lines = upcoming.map((s) =>
      t(s.daysLeft < 0 ? "deadline-line-overdue" : "deadline-line", {
        metric: s.name,
        deadline: viDate(s.deadline),
        days: Math.abs(s.daysLeft),
        missing: s.missing,
      }),
    );
    return reply([t("deadlines-heading", { unit: unit.name }), ...lines].join("\n"));
  },
};
