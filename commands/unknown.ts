// Text the bot did not understand: say what it can do, and offer the closest things the person may have meant.
import { suggest } from "#nlu/index.ts";
import type { Intent } from "#nlu/types.ts";
import { reply, type Choice, type Command } from "./types.ts";

/** What pressing a suggestion says on the person's behalf. */
const EXAMPLES: Partial<Record<Intent, string>> = {
  report: "hướng dẫn báo cáo",
  ask_remaining: "còn thiếu bao nhiêu",
  ask_progress: "tiến độ",
  ask_deadlines: "hạn sắp tới",
  undo: "hoàn tác",
  help: "hướng dẫn",
};

export const unknown: Command = {
  intents: ["unknown"],
  open: true,
  run(req, { t }) {
    if (!req.actor) return reply(t("not-linked"));
    const choices: Choice[] = suggest(req.text, 3)
      .filter((intent) => EXAMPLES[intent] !== undefined)
      .map((intent) => ({ label: t(`suggest-${intent}`), action: `say:${EXAMPLES[intent]}` }));
    return reply(t(choices.length > 0 ? "unknown-with-choices" : "unknown"), choices);
  },
};
