// "/ngonngu en": the language the bot answers this person in, from now on.
import { isLocale } from "#src/i18n.ts";
import { reply, type Command } from "./types.ts";

export const language: Command = {
  intents: [],
  slash: ["ngonngu"],
  async run(req, { repos, t, translateIn }) {
    const chosen = (req.args ?? "").trim().toLowerCase();
    if (!req.actor || !isLocale(chosen)) return reply(t("language-how"));
    await repos.people.setLocale(req.actor.personId, chosen);
    return reply(translateIn(chosen, "language-set"));
  },
};
