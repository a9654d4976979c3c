// "Chuyển sinh hoạt": a unit that finds its new member registered elsewhere asks that unit's chairs to let
// the member go. The request names the asking unit and the ID number masked, never more of the person.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { TranslateIn } from "#src/i18n.ts";
import { audit, type Doer } from "./audit.ts";
import type { Holder } from "./member-entry.ts";
import { openMember } from "./member-register.ts";
import { maskIdNumber, type MemberVault } from "./member-vault.ts";
import { outboxMessage } from "./outbox-message.ts";

/** Queues the request to every chair of the holding unit (its other people when it has no chair); resolves to how many. */
export async function requestTransfer(
  repos: Repositories,
  vault: MemberVault,
  holder: Extract<Holder, { kind: "other" }>,
  from: Unit,
  context: { who: Doer; name: string; translateIn: TranslateIn },
): Promise<number> {
  const people = await repos.reminders.people(holder.unit.id);
  const chairs = people.filter((p) => p.role === "chair");
  const recipients = chairs.length > 0 ? chairs : people;
  const member = openMember(vault, holder.member);
  const args = {
    from: from.name,
    unit: holder.unit.name,
    masked: maskIdNumber(member.idNumber),
    who: context.name,
    name: member.fullName,
  };
  const rows = [];
  for (const { personId } of recipients) {
    const address = await repos.people.address(personId);
    if (!address) continue;
    const locale = (await repos.people.person(personId))?.locale ?? "vi";
    rows.push(
      outboxMessage(
        { personId, address },
        {
          key: `member-transfer:${holder.member.id}:u${from.id}:p${personId}`,
          kind: "member_transfer",
          text: context.translateIn(locale, "member-transfer-request", args),
          notBefore: context.who.at.toISOString(),
        },
      ),
    );
  }
  if (rows.length > 0) await repos.outbox.enqueue(rows, context.who.at.toISOString());
  await audit(repos, context.who, "member_transfer_requested", holder.unit, {
    after: { member: holder.member.id, from: from.code },
  });
  return rows.length;
}
