// "hoàn tác" or the undo button: reverse a report by appending the opposite entries.
import * as reports from "#domain/reports.ts";
import { standingText } from "./standing-text.ts";
import { reply, type Command, type Reply } from "./types.ts";

const REFUSALS = { nothing: "undo-nothing", "not-yours": "undo-not-yours", already: "undo-already" } as const;

export const undo: Command = {
  intents: ["undo"],
  slash: ["hoantac"],
  actions: ["undo"],
  run(req, { repos, standing, t }): Reply {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const outcome = reports.undo(repos, actor, req.actionArg, req.now);
    if (outcome.kind !== "undone") return reply(t(REFUSALS[outcome.kind]));
    const what = outcome.reversed
      .map((e) => t(`event-${e.event}`, { count: Math.abs(e.count), informal: e.informal ? "yes" : "no" }))
      .join("\n");
    const parts = [t("undo-done"), what];
    if (outcome.unit) parts.push("", standingText(standing.ofUnit(outcome.unit, req.today), t));
    return reply(parts.join("\n"));
  },
};
