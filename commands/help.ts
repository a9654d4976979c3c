// What the bot can do, with examples a chair can copy.
import { reply, type Command } from "./types.ts";

export const help: Command = {
  intents: ["help"],
  // "/start" without a code: Telegram sends it when a chat with the bot is opened.
  slash: ["help", "trogiup", "huongdan", "start"],
  open: true,
  run(req, { t }) {
    if (!req.actor) return reply(t("not-linked"));
    return reply(t("help"), [
      { label: t("button-remaining"), action: "say:còn thiếu bao nhiêu" },
      { label: t("button-progress"), action: "say:tiến độ" },
    ]);
  },
};

export const greet: Command = {
  intents: ["greet"],
  open: true,
  run(req, { t }) {
    if (!req.actor) return reply(t("not-linked"));
    return reply(t("greet", { name: req.actor.displayName, unit: req.actor.home.unit.name }), [
      { label: t("button-remaining"), action: "say:còn thiếu bao nhiêu" },
      { label: t("button-help"), action: "say:hướng dẫn" },
    ]);
  },
};

export const thanks: Command = {
  intents: ["thanks"],
  open: true,
  run(_req, { t }) {
    return reply(t("thanks"));
  },
};
