// Approval upward: a unit's list of named members waits for the district's staff, who approve it whole or
// return it with a reason. Approved members count: where they outnumber the admissions the unit reported for
// their year, the difference is recorded in the ledger with the approval, so counts and lists never disagree.
import type { Repositories } from "#db/index.ts";
import type { LedgerEntryInput } from "#db/repositories/ledger.ts";
import type { MemberList, MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { isWithin, lineage } from "#db/tree.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Actor } from "./actor.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { isLeaf } from "./leaf-unit.ts";
import { outboxMessage } from "./outbox-message.ts";

/** District staff review the lists of units strictly below a unit they hold a role on. */
export function mayReview(actor: Actor, unit: Pick<Unit, "id" | "path">): boolean {
  return actor.posts.some((post) => !isLeaf(post.unit) && post.unit.id !== unit.id && isWithin(unit, post.unit));
}

/** The units a person reviews lists under: their posts above grassroots level, none inside another. */
export function reviewScopes(actor: Actor): Unit[] {
  const above = actor.posts.map((post) => post.unit).filter((unit) => !isLeaf(unit));
  return above.filter((unit) => !above.some((other) => other.id !== unit.id && isWithin(unit, other)));
}

/** Pending lists of every unit the person reviews, oldest first. */
export async function pendingListsFor(repos: Repositories, actor: Actor): Promise<MemberList[]> {
  const lists: MemberList[] = [];
  for (const scope of reviewScopes(actor)) lists.push(...(await repos.members.lists(scope.path, "pending")));
  return lists;
}

/** The ledger admissions approval adds: for each year, approved members beyond what the ledger counts. */
async function topUps(
  repos: Repositories,
  unit: Unit,
  listId: number,
  pending: MemberRow[],
): Promise<LedgerEntryInput[]> {
  const byYear = new Map<string, MemberRow[]>();
  for (const member of pending) {
    const year = member.joinedOn.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), member]);
  }
  const entries: LedgerEntryInput[] = [];
  for (const [year, rows] of byYear) {
    const { approved } = await repos.members.countsOf(unit.id, year);
    const counted = (await repos.ledger.tallies(unit.id, year)).get("join") ?? 0;
    const beyond = approved + rows.length - counted;
    if (beyond <= 0) continue;
    entries.push({
      unitId: unit.id,
      lineage: lineage(unit),
      event: "join",
      count: beyond,
      informal: unit.sector === "informal",
      occurredOn:
        rows
          .map((r) => r.joinedOn)
          .sort()
          .at(-1) ?? `${year}-12-31`,
      // Nobody's report: an "undo" by the reviewer must not take it back.
      reporterId: null,
      source: `members:list:${listId}:${year}`,
    });
  }
  return entries;
}

export type ReviewOutcome = { kind: "done"; list: MemberList; count: number; added: number } | { kind: "already" };

/** Approves or returns a pending list; the unit's people are told in their language. */
export async function reviewList(
  repos: Repositories,
  list: MemberList,
  decision: { approval: "approved" | "returned"; reason: string | null; who: Doer; translateIn: TranslateIn },
): Promise<ReviewOutcome> {
  const unit = await repos.units.byId(list.unitId);
  if (!unit) return { kind: "already" };
  const pending = (await repos.members.ofList(list.id)).filter((m) => m.approval === "pending");
  const ledger = decision.approval === "approved" ? await topUps(repos, unit, list.id, pending) : [];
  const kind = decision.approval === "approved" ? "member_list_approved" : "member_list_returned";
  const after = { list: list.id, members: pending.map((m) => m.id), ...(decision.reason ? { reason: true } : {}) };
  const at = decision.who.at.toISOString();
  const done = await repos.transaction(async () => {
    const reviewed = await repos.members.review(list.id, {
      approval: decision.approval,
      by: decision.who.personId,
      reason: decision.reason,
      at,
    });
    if (!reviewed) return false;
    if (ledger.length > 0) await repos.ledger.record(ledger, at);
    await repos.audit.append(auditEntry(decision.who, kind, unit, { after }));
    return true;
  });
  if (!done) return { kind: "already" };
  await tellUnit(repos, unit, list, { ...decision, count: pending.length });
  return { kind: "done", list, count: pending.length, added: ledger.reduce((sum, e) => sum + e.count, 0) };
}

async function tellUnit(
  repos: Repositories,
  unit: Unit,
  list: MemberList,
  decision: {
    approval: "approved" | "returned";
    reason: string | null;
    who: Doer;
    translateIn: TranslateIn;
    count: number;
  },
): Promise<void> {
  const rows = [];
  for (const { personId, role } of await repos.reminders.people(unit.id)) {
    if (role === "admin") continue;
    const address = await repos.people.address(personId);
    if (!address) continue;
    const locale = (await repos.people.person(personId))?.locale ?? "vi";
    const args = { unit: unit.name, count: decision.count, reason: decision.reason ?? "" };
    const text = decision.translateIn(locale, `member-list-${decision.approval}-notice`, args);
    const choices =
      decision.approval === "returned"
        ? [{ label: decision.translateIn(locale, "button-member-resubmit"), action: `resubmit:${list.id}` }]
        : undefined;
    rows.push(
      outboxMessage(
        { personId, address },
        {
          key: `member-list:${list.id}:${decision.approval}:${decision.who.at.toISOString()}:p${personId}`,
          kind: "member_list",
          text,
          ...(choices ? { choices } : {}),
          notBefore: decision.who.at.toISOString(),
        },
      ),
    );
  }
  if (rows.length > 0) await repos.outbox.enqueue(rows, decision.who.at.toISOString());
}
