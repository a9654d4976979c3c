// Choices → an inline keyboard, two buttons a row, for replies and for the outbox alike.
import { InlineKeyboard } from "grammy";
import type { Choice } from "#commands/types.ts";

/** Telegram refuses callback data longer than 64 bytes: such a choice is left out rather than the message. */
const MAX_CALLBACK_BYTES = 64;

export function inlineKeyboard(choices: readonly Choice[] | undefined): InlineKeyboard | undefined {
  const usable = (choices ?? []).filter((c) => Buffer.byteLength(c.action) <= MAX_CALLBACK_BYTES);
  if (usable.length === 0) return undefined;
  const kb = new InlineKeyboard();
  usable.forEach((choice, i) => {
    kb.text(choice.label, choice.action);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}
