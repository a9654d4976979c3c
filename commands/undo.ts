// "hoàn tác" or the undo button: reverse a report by appending the opposite entries.
import { lineage } from "#db/repositories/units.ts";
import { standingText } from "./standing-text.ts";
import { reply, type Command, type Reply } from "./types.ts";

export const undo: Command = {
  intents: ["undo"],
  slash: ["hoantac"],
  actions: ["undo"],
  run(req, { repos, standing, t }): Reply {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    let source: string | undefined;
    if (req.actionArg !== undefined) {
      const entry = /^\d+$/.test(req.actionArg) ? repos.ledger.byId(Number(req.actionArg)) : undefined;
      if (!entry) return reply(t("undo-nothing"));
      const unit = repos.units.byId(entry.unitId);
      const mayUndo = entry.reporterId === actor.personId || (unit !== undefined && actor.isAdminOf(unit));
      if (!mayUndo) return reply(t("undo-not-yours"));
      if (entry.undoneBy !== null) return reply(t("undo-already"));
      source = entry.source;
    } else {
      source = repos.ledger.lastSourceOf(actor.personId);
      if (!source) return reply(t("undo-nothing"));
    }
    const lineageOf = (unitId: number) => {
      const unit = repos.units.byId(unitId);
      return unit ? lineage(unit) : [unitId];
    };
    const reversed = repos.ledger.reverseSource(source, lineageOf, actor.personId, req.now.toISOString());
    if (reversed.length === 0) return reply(t("undo-already"));
    const first = reversed[0];
    const unit = first && repos.units.byId(first.unitId);
    const what = reversed
      .map((e) => t(`event-${e.event}`, { count: Math.abs(e.count), informal: e.informal ? "yes" : "no" }))
      .join("\n");
    const parts = [t("undo-done"), what];
    if (unit) parts.push("", standingText(standing.ofUnit(unit, req.today), t));
    return reply(parts.join("\n"));
  },
};
