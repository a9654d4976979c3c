// Single-use invite codes that link a messaging account to a unit with a role.
import { randomInt } from "node:crypto";
import type { Repositories } from "#db/index.ts";
import type { Role } from "#db/schema.ts";
import type { Unit } from "#db/repositories/units.ts";
import { CODE_ALPHABET, INVITE_CODE_LENGTH } from "#nlu/codes.ts";
import { audit, operator, type Doer } from "./audit.ts";
import type { Actor } from "./actor.ts";
import { lookUpUnit } from "./unit-lookup.ts";

export const INVITE_DAYS = 14;

function newCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export async function createInvite(
  repos: Pick<Repositories, "people" | "audit" | "transaction">,
  unit: Unit,
  role: Role,
  now: Date,
  days = INVITE_DAYS,
  who: Doer = operator(now),
): Promise<{ code: string; expiresAt: string }> {
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  for (;;) {
    const code = newCode();
    if (await repos.people.invite(code)) continue;
    await repos.transaction(async () => {
      await repos.people.createInvite(code, unit.id, role, now.toISOString(), expiresAt);
      await audit(repos, who, "invite_created", unit, { after: { role, expiresAt } });
    });
    return { code, expiresAt };
  }
}

/** The Telegram deep link that opens the bot with the code, when the bot's username is known. */
export function inviteLink(code: string, botUsername: string | undefined): string | undefined {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : undefined;
}

/** The roles an admin hands out in a chat; administrators are made by the operator's command line. */
export const CHAT_INVITE_ROLES = ["chair", "officer"] as const satisfies readonly Role[];
export type ChatInviteRole = (typeof CHAT_INVITE_ROLES)[number];

export type InviteTarget =
  | { kind: "found"; unit: Unit }
  /** The name fits several of the admin's units: these, with how many more. */
  | { kind: "several"; units: Unit[]; more: number }
  /** Nothing the person administers goes by that code or name. */
  | { kind: "outside" };

/** The unit an admin names by its code or its name, within the units they administer. */
export async function inviteTarget(
  actor: Actor,
  named: string,
  repos: Pick<Repositories, "units">,
): Promise<InviteTarget> {
  const byCode = await repos.units.byCode(named);
  const lookup = byCode ? ({ kind: "found", unit: byCode } as const) : await lookUpUnit(actor, named, repos, true);
  if (lookup.kind === "several") {
    const units = lookup.units.filter((unit) => actor.isAdminOf(unit));
    const [only] = units;
    if (units.length === 1 && only && lookup.more === 0) return { kind: "found", unit: only };
    if (units.length > 0) return { kind: "several", units, more: lookup.more };
  }
  if (lookup.kind !== "found" || !actor.isAdminOf(lookup.unit)) return { kind: "outside" };
  return { kind: "found", unit: lookup.unit };
}
