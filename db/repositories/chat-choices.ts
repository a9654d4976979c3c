// The numbered choices last shown in each chat, so that "1" can press the first of them. Zalo has no
// buttons whose data travels with the press, so what each number means is kept here instead.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "#db/client.ts";
import { chatChoices, type Platform } from "#db/schema.ts";

/** A numbered line offered in a chat: what it says and the action answering with its number does. */
export interface Choice {
  label: string;
  action: string;
}

/** Choices older than this are not pressed by a number any more: "1" a day later is a new message. */
export const CHOICES_TTL_MS = 24 * 3_600_000;

const stored = z.array(z.object({ label: z.string(), action: z.string() }));

export function chatChoiceRepository(db: Db) {
  const inChat = (platform: Platform, chatId: string) =>
    and(eq(chatChoices.platform, platform), eq(chatChoices.chatId, chatId));

  return {
    /** Replaces what the chat was last offered; no choices forgets them. `now` is an ISO instant. */
    remember(platform: Platform, chatId: string, choices: readonly Choice[], now: string): void {
      if (choices.length === 0) {
        db.delete(chatChoices).where(inChat(platform, chatId)).run();
        return;
      }
      const row = { choices: JSON.stringify(choices.map(({ label, action }) => ({ label, action }))), createdAt: now };
      db.insert(chatChoices)
        .values({ platform, chatId, ...row })
        .onConflictDoUpdate({ target: [chatChoices.platform, chatChoices.chatId], set: row })
        .run();
    },

    /** What the chat was last offered, if that was less than `maxAgeMs` before `now`. */
    recall(platform: Platform, chatId: string, now: string, maxAgeMs = CHOICES_TTL_MS): Choice[] | undefined {
      const row = db
        .select({ choices: chatChoices.choices, createdAt: chatChoices.createdAt })
        .from(chatChoices)
        .where(inChat(platform, chatId))
        .get();
      if (!row || Date.parse(now) - Date.parse(row.createdAt) > maxAgeMs) return undefined;
      try {
        const choices = stored.safeParse(JSON.parse(row.choices));
        return choices.success && choices.data.length > 0 ? choices.data : undefined;
      } catch {
        return undefined;
      }
    },

    forget(platform: Platform, chatId: string): void {
      db.delete(chatChoices).where(inChat(platform, chatId)).run();
    },
  };
}
