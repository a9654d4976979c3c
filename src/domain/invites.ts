// Single-use invite codes that link a messaging account to a unit with a role.
import { randomInt } from "node:crypto";
import type { Repositories } from "#db/index.ts";
import type { Role } from "#db/schema.ts";
import type { Unit } from "#db/repositories/units.ts";
import { CODE_ALPHABET, INVITE_CODE_LENGTH } from "#nlu/codes.ts";
import { audit, operator, type Doer } from "./audit.ts";

export const INVITE_DAYS = 14;

function newCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function createInvite(
  repos: Pick<Repositories, "people" | "audit" | "transaction">,
  unit: Unit,
  role: Role,
  now: Date,
  days = INVITE_DAYS,
  who: Doer = operator(now),
): { code: string; expiresAt: string } {
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  for (;;) {
    const code = newCode();
    if (repos.people.invite(code)) continue;
    repos.transaction(() => {
      repos.people.createInvite(code, unit.id, role, now.toISOString(), expiresAt);
      audit(repos, who, "invite_created", unit, { after: { role, expiresAt } });
    });
    return { code, expiresAt };
  }
}

/** The Telegram deep link that opens the bot with the code, when the bot's username is known. */
export function inviteLink(code: string, botUsername: string | undefined): string | undefined {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : undefined;
}
