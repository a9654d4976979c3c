// The numbered choices last shown in each chat (Zalo has no buttons), on PostgreSQL.
import { and, eq } from "drizzle-orm";
import { CHOICES_TTL_MS, type Choice } from "#db/repositories/chat-choices.ts";
import type { Platform } from "#db/schema.ts";
import { z } from "zod";
import type { Executor } from "../executor.ts";
import { chatChoices } from "../schema.ts";

const stored = z.array(z.object({ label: z.string(), action: z.string() }));

export function chatChoiceRepository(x: Executor) {
  const inChat = (platform: Platform, chatId: string) =>
    and(eq(chatChoices.platform, platform), eq(chatChoices.chatId, chatId));
  const forget = async (platform: Platform, chatId: string): Promise<void> => {
    await x.db().delete(chatChoices).where(inChat(platform, chatId));
  };

  return {
    /** Replaces what the chat was last offered; no choices forgets them. `now` is an ISO instant. */
    async remember(platform: Platform, chatId: string, choices: readonly Choice[], now: string): Promise<void> {
      if (choices.length === 0) return forget(platform, chatId);
      const row = { choices: JSON.stringify(choices.map(({ label, action }) => ({ label, action }))), createdAt: now };
      await x
        .db()
        .insert(chatChoices)
        .values({ platform, chatId, ...row })
        .onConflictDoUpdate({ target: [chatChoices.platform, chatChoices.chatId], set: row });
    },
    /** What the chat was last offered, if that was less than `maxAgeMs` before `now`. */
    async recall(
      platform: Platform,
      chatId: string,
      now: string,
      maxAgeMs = CHOICES_TTL_MS,
    ): Promise<Choice[] | undefined> {
      const [row] = await x
        .db()
        .select({ choices: chatChoices.choices, createdAt: chatChoices.createdAt })
        .from(chatChoices)
        .where(inChat(platform, chatId));
      if (!row || Date.parse(now) - Date.parse(row.createdAt) > maxAgeMs) return undefined;
      try {
        const choices = stored.safeParse(JSON.parse(row.choices));
        return choices.success && choices.data.length > 0 ? choices.data : undefined;
      } catch {
        return undefined;
      }
    },
    forget,
  };
}
