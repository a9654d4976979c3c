// When a new app account joins a person, the person hears of it on every app already linked, so that an
// account linked by someone else is noticed and can be removed with /huylienket.
import type { Repositories } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";
import { outboxMessage } from "./outbox-message.ts";

export const PLATFORM_NAMES: Record<Platform, string> = { telegram: "Telegram", zalo: "Zalo" };

type Translate = (locale: string, key: string, args?: Record<string, string | number>) => string;

/** Puts the notices in the outbox; returns how many. */
export async function noticeNewAccount(
  repos: Pick<Repositories, "people" | "outbox">,
  translateIn: Translate,
  personId: number,
  added: { platform: Platform; externalId: string; displayName: string },
  now: Date,
): Promise<number> {
  const locale = (await repos.people.person(personId))?.locale ?? "vi";
  const others = (await repos.people.accountsOf(personId)).filter(
    (a) => a.active && !(a.platform === added.platform && a.externalId === added.externalId),
  );
  const text = translateIn(locale, "account-linked-notice", {
    platform: PLATFORM_NAMES[added.platform],
    name: added.displayName,
  });
  const rows = others.map((account) =>
    outboxMessage(
      { personId, address: { platform: account.platform, chatId: account.chatId } },
      {
        key: `linked:${added.platform}:${added.externalId}:${account.id}:${now.toISOString()}`,
        kind: "account_linked",
        text,
        choices: [{ label: translateIn(locale, "button-unlink"), action: "say:/huylienket" }],
        notBefore: now.toISOString(),
      },
    ),
  );
  return rows.length > 0 ? await repos.outbox.enqueue(rows, now.toISOString()) : 0;
}
