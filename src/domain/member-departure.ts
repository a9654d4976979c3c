// A named member leaving: the member's status and the ledger's departure are written in one transaction, so
// the unit's list and its counts never disagree. The ledger entry is nobody's report: an "undo" leaves it.
import type { Repositories } from "#db/index.ts";
import type { MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import { foldDiacritics } from "#nlu/fold-diacritics.ts";
import type { MemberDeparture } from "#nlu/types.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { tidyName } from "./member-checks.ts";

/** An active member on a list not returned: who can leave, or be invited to see their record. */
const activeListed = (m: MemberRow) => m.status === "active" && m.approval !== "returned";

/**
 * The unit's members of that name (by default the active ones on a list not returned), compared without case
 * or marks typed differently. Erased members have no name and are never found.
 */
export async function membersNamed(
  repos: Repositories,
  unit: Unit,
  name: string,
  which: (m: MemberRow) => boolean = activeListed,
): Promise<MemberRow[]> {
  const key = (text: string) => foldDiacritics(tidyName(text)).toLowerCase();
  const wanted = tidyName(name);
  const active = (await repos.members.ofUnit(unit.id)).filter(which);
  const exact = active.filter((m) => m.fullName === wanted);
  return exact.length > 0 ? exact : active.filter((m) => key(m.fullName ?? "") === key(name));
}

/** Records the departure; false when the member was no longer active (a second press). */
export async function departMember(
  repos: Repositories,
  unit: Unit,
  member: MemberRow,
  change: { status: MemberDeparture["status"]; on: string },
  who: Doer,
): Promise<boolean> {
  const entry = {
    unitId: unit.id,
    lineage: lineage(unit),
    event: "leave",
    count: -1,
    informal: unit.sector === "informal",
    occurredOn: change.on,
    reporterId: null,
    source: `member:${member.id}:${change.status}`,
  };
  const audit = auditEntry(who, "member_status_changed", unit, {
    before: { member: member.id, status: member.status },
    after: { member: member.id, status: change.status, on: change.on },
  });
  return repos.transaction(async () => {
    if (!(await repos.members.changeStatus(member.id, change.status, change.on))) return false;
    await repos.ledger.record([entry], who.at.toISOString());
    await repos.audit.append(audit);
    return true;
  });
}
