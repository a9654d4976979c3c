// Single-use invite codes that link a messaging account to a unit with a role.
import { randomInt } from "node:crypto";
import type { Repositories } from "#db/index.ts";
import type { Role } from "#db/schema.ts";
import type { Unit } from "#db/repositories/units.ts";

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 10;
export const INVITE_DAYS = 14;

/** True for text that has the shape of an invite code, so a pasted code is recognised on its own. */
export function looksLikeInviteCode(text: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`, "i").test(text.trim());
}

export function normalizeInviteCode(text: string): string {
  return text.trim().toUpperCase();
}

function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function createInvite(
  repos: Pick<Repositories, "people">,
  unit: Unit,
  role: Role,
  now: Date,
  days = INVITE_DAYS,
): { code: string; expiresAt: string } {
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  for (;;) {
    const code = newCode();
    if (repos.people.invite(code)) continue;
    repos.people.createInvite(code, unit.id, role, now.toISOString(), expiresAt);
    return { code, expiresAt };
  }
}

/** The Telegram deep link that opens the bot with the code, when the bot's username is known. */
export function inviteLink(code: string, botUsername: string | undefined): string | undefined {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : undefined;
}
