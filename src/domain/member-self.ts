// A member's own view of their record: the chair invites them, they see it with /toi, and they ask for a
// correction or for deletion, which goes to the chair, who erases from within the bot. An erased member keeps
// the counts they made (the ledger holds no names) and loses everything personal.
import { randomInt } from "node:crypto";
import type { Repositories } from "#db/index.ts";
import type { MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { CODE_ALPHABET, INVITE_CODE_LENGTH } from "#nlu/codes.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { INVITE_DAYS } from "./invites.ts";
import { outboxMessage } from "./outbox-message.ts";

function newCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A single-use code for one member, unlike any invite or member code in use. */
export async function inviteMember(repos: Repositories, member: MemberRow, unit: Unit, who: Doer): Promise<string> {
  const now = who.at.toISOString();
  const expiresAt = new Date(who.at.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  for (;;) {
    const code = newCode();
    if ((await repos.people.invite(code)) || (await repos.members.selfInvite(code))) continue;
    const entry = auditEntry(who, "invite_created", unit, { after: { role: "member", member: member.id, expiresAt } });
    await repos.transaction(async () => {
      await repos.members.createSelfInvite({ code, memberId: member.id, by: who.personId, now, expiresAt });
      await repos.audit.append(entry);
    });
    return code;
  }
}

export type SelfLink = { kind: "none" } | { kind: "used" | "expired" } | { kind: "linked"; member: MemberRow };

/** Redeems a member's code for the account that sent it. */
export async function redeemMemberCode(
  repos: Repositories,
  code: string,
  account: { platform: string; externalId: string },
  now: Date,
): Promise<SelfLink> {
  const invite = await repos.members.selfInvite(code);
  if (!invite) return { kind: "none" };
  if (invite.usedAt !== null) return { kind: "used" };
  if (invite.expiresAt <= now.toISOString()) return { kind: "expired" };
  const memberId = await repos.members.redeemSelfInvite(code, account, now.toISOString());
  const member = memberId === null ? undefined : await repos.members.get(memberId);
  return member ? { kind: "linked", member } : { kind: "used" };
}

/** Sends a member's request to the chairs and officers of their unit; resolves to how many got it. */
export async function tellChairs(
  repos: Repositories,
  unit: Unit,
  message: {
    key: string;
    text: (locale: string) => string;
    choices?: (locale: string) => { label: string; action: string }[];
  },
  now: Date,
): Promise<number> {
  const rows = [];
  for (const { personId, role } of await repos.reminders.people(unit.id)) {
    if (role === "admin") continue;
    const address = await repos.people.address(personId);
    if (!address) continue;
    const locale = (await repos.people.person(personId))?.locale ?? "vi";
    const choices = message.choices?.(locale);
    rows.push(
      outboxMessage(
        { personId, address },
        {
          key: `${message.key}:p${personId}`,
          kind: "member_request",
          text: message.text(locale),
          ...(choices ? { choices } : {}),
          notBefore: now.toISOString(),
        },
      ),
    );
  }
  if (rows.length > 0) await repos.outbox.enqueue(rows, now.toISOString());
  return rows.length;
}

/** Erases the member's personal data and unlinks their accounts, with the audit entry; false if erased already. */
export async function eraseMember(repos: Repositories, member: MemberRow, unit: Unit, who: Doer): Promise<boolean> {
  const entry = auditEntry(who, "member_erased", unit, { after: { member: member.id } });
  return repos.transaction(async () => {
    if (!(await repos.members.erase(member.id, who.at.toISOString()))) return false;
    await repos.audit.append(entry);
    return true;
  });
}
