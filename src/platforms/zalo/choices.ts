// The numbered choices last shown in each chat, so that "1" can press the first of them. Zalo has no
// buttons whose data travels with the press, so what each number means is kept here instead.
import { z } from "zod";
import type { Choice } from "#commands/types.ts";
import type { Db } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";

/** Choices older than this are not pressed by a number any more: "1" a day later is a new message. */
export const CHOICES_TTL_MS = 24 * 3_600_000;

const stored = z.array(z.object({ label: z.string(), action: z.string() }));

export function chatChoiceRepository(db: Db) {
  const sqlite = db.$client;
  const upsert = sqlite.prepare(
    `insert into chat_choices (platform, chat_id, choices, created_at) values (?, ?, ?, ?)
     on conflict (platform, chat_id) do update set choices = excluded.choices, created_at = excluded.created_at`,
  );
  const select = sqlite.prepare(
    `select choices, created_at as createdAt from chat_choices where platform = ? and chat_id = ?`,
  );
  const remove = sqlite.prepare(`delete from chat_choices where platform = ? and chat_id = ?`);

  return {
    /** Replaces what the chat was last offered; no choices forgets them. `now` is an ISO instant. */
    remember(platform: Platform, chatId: string, choices: readonly Choice[], now: string): void {
      if (choices.length === 0) remove.run(platform, chatId);
      else upsert.run(platform, chatId, JSON.stringify(choices.map(({ label, action }) => ({ label, action }))), now);
    },

    /** What the chat was last offered, if that was less than `maxAgeMs` before `now`. */
    recall(platform: Platform, chatId: string, now: string, maxAgeMs = CHOICES_TTL_MS): Choice[] | undefined {
      const row = select.get(platform, chatId) as { choices: string; createdAt: string } | undefined;
      if (!row || Date.parse(now) - Date.parse(row.createdAt) > maxAgeMs) return undefined;
      try {
        const choices = stored.safeParse(JSON.parse(row.choices));
        return choices.success && choices.data.length > 0 ? choices.data : undefined;
      } catch {
        return undefined;
      }
    },

    forget(platform: Platform, chatId: string): void {
      remove.run(platform, chatId);
    },
  };
}

export type ChatChoiceRepository = ReturnType<typeof chatChoiceRepository>;
