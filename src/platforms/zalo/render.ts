// Plain replies → Zalo messages. Zalo has no buttons, so choices become numbered lines the person answers
// with a number; it has no uploads, so a chart goes out as a link Zalo fetches and a workbook as a link.
import type { Choice, Reply } from "#commands/types.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";
import { MAX_ZALO_TEXT } from "./client.ts";
import type { MediaStore } from "./image-store.ts";
import { splitText } from "#src/platforms/split-text.ts";

export interface ZaloRendering {
  /** Each at most 2,000 characters, in the order to send them. */
  texts: string[];
  /** A chart, as a URL Zalo can fetch. */
  photo?: { url: string; caption?: string };
}

/** Translates a key of locales/*.ftl in the bot's language. */
export type ZaloTranslate = (key: string, args?: Record<string, string | number>) => string;

export function choiceLines(choices: Choice[], t: ZaloTranslate): string {
  const lines = choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  return [...lines, t(choices.length === 1 ? "zalo-choose-one" : "zalo-choose")].join("\n");
}

/**
 * Lays a reply out for Zalo: the text, then the link to its file, then its numbered choices, split into
 * messages Zalo accepts. With a media store the chart and the file get links; without one the text goes alone.
 */
export function renderForZalo(reply: Reply, t: ZaloTranslate, media?: MediaStore): ZaloRendering {
  const blocks = [reply.text.trim()];
  if (reply.file) {
    blocks.push(
      media
        ? t("zalo-file-link", {
            url: media.putFile(reply.file.name, reply.file.data, reply.file.mime),
            hours: Math.round(media.ttlMs / 3_600_000),
          })
        : t("zalo-file-unavailable"),
    );
  }
  const choices = reply.choices ?? [];
  if (choices.length > 0) blocks.push(choiceLines(choices, t));
  const texts = splitText(blocks.filter(Boolean).join("\n\n"), MAX_ZALO_TEXT);
  if (!reply.image || !media) return { texts };
  const caption = reply.image.caption?.trim().slice(0, MAX_ZALO_TEXT);
  return { texts, photo: { url: media.put(reply.image.png), ...(caption ? { caption } : {}) } };
}

/**
 * The choice a person picked by answering a numbered list: "2", "số 2", "#2", "2." or the label's
 * words without marks ("hoan tac"). Undefined when the message is anything else, so it is read as a message.
 */
export function readChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const words = foldWords(text);
  if (!words) return undefined;
  const number = /^(?:so |lua chon |chon )?(\d{1,2})$/.exec(words);
  if (number) return choices[Number(number[1]) - 1];
  return choices.find((choice) => foldWords(choice.label) === words);
}
