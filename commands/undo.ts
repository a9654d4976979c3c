// "hoàn tác" or the undo button: reverse a report by appending the opposite entries.
import { viDate } from "#domain/calendar.ts";
import type { LedgerEntry } from "#db/repositories/ledger.ts";
import * as reports from "#domain/reports.ts";
import { standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Translate } from "./types.ts";

const REFUSALS = { nothing: "undo-nothing", "not-yours": "undo-not-yours", already: "undo-already" } as const;

function eventLines(entries: readonly LedgerEntry[], t: Translate): string {
  return entries
    .map((e) => t(`event-${e.event}`, { count: Math.abs(e.count), informal: e.informal ? "yes" : "no" }))
    .join("\n");
}

export const undo: Command = {
  intents: ["undo"],
  slash: ["hoantac"],
  actions: ["undo"],
  async run(req, { repos, standing, t }): Promise<Reply> {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const outcome = await reports.undo(repos, actor, req.actionArg, req.now);
    if (outcome.kind === "older") {
      // The confirm is that report's own undo button: it undoes exactly that one, once.
      const first = outcome.entries[0];
      if (!first) return reply(t("undo-nothing"));
      const text = [
        t("undo-older", { unit: outcome.unit?.name ?? "", date: viDate(first.occurredOn) }),
        eventLines(outcome.entries, t),
        "",
        t("undo-older-how", { button: t("button-undo-older") }),
      ].join("\n");
      return reply(text, [{ label: t("button-undo-older"), action: `undo:${first.id}` }]);
    }
    if (outcome.kind !== "undone") return reply(t(REFUSALS[outcome.kind]));
    const parts = [t("undo-done"), eventLines(outcome.reversed, t)];
    if (outcome.unit) parts.push("", standingText(await standing.ofUnit(outcome.unit, req.today), t));
    return reply(parts.join("\n"));
  },
};
