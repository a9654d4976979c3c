// The audit trail of every change that is not a report (the ledger keeps those): one call beside each
// change, inside the change's own transaction, so a change is never kept without its entry.
import type { Repositories } from "#db/index.ts";
import type { AuditInput } from "#db/repositories/audit.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { UnitInput } from "#db/repositories/units.ts";

export const AUDIT_KINDS = [
  "invite_created",
  "invite_redeemed",
  "account_linked",
  "unit_added",
  "unit_moved",
  "unit_renamed",
  "unit_changed",
  "target_imported",
  "target_allocated",
  "rating_imported",
  "metric_added",
  "policy_changed",
  "announcement_sent",
  "task_sent",
  "workbook_exported",
  "member_consent_confirmed",
  "member_added",
  "member_viewed",
  "member_list_viewed",
  "member_list_approved",
  "member_list_returned",
  "member_status_changed",
  "member_erased",
  "member_changed",
  "members_exported",
  "member_cards_imported",
  "member_transfer_requested",
  "web_signed_in",
  "web_signed_out",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Who made a change, and when: a person on an account, or an operator at the command line. */
export interface Doer {
  at: Date;
  personId: number | null;
  platform: string;
  account: string | null;
}

type UnitRef = { id: number; path: string };

/** The person behind a request; `personId` for someone the request itself just linked. */
export function doerOf(
  req: { now: Date; actor: { personId: number } | null; sender: { platform: string; externalId: string } },
  personId?: number,
): Doer {
  return {
    at: req.now,
    personId: personId ?? req.actor?.personId ?? null,
    platform: req.sender.platform,
    account: req.sender.externalId,
  };
}

export function operator(now: Date): Doer {
  return { at: now, personId: null, platform: "cli", account: null };
}

/** One entry as the repository takes it, for a write that appends it inside its own transaction. */
export function auditEntry(
  who: Doer,
  kind: AuditKind,
  unit: UnitRef | null | undefined,
  change: { before?: unknown; after?: unknown } = {},
): AuditInput {
  return {
    at: who.at.toISOString(),
    personId: who.personId,
    platform: who.platform,
    account: who.account,
    kind,
    unit: unit ? { id: unit.id, path: unit.path } : null,
    ...change,
  };
}

/** Appends one entry. Before and after are small JSON: ids, codes, numbers, never a phone number or a text. */
export async function audit(
  repos: Pick<Repositories, "audit">,
  who: Doer,
  kind: AuditKind,
  unit: UnitRef | null | undefined,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  await repos.audit.append({
    at: who.at.toISOString(),
    personId: who.personId,
    platform: who.platform,
    account: who.account,
    kind,
    unit: unit ? { id: unit.id, path: unit.path } : null,
    ...change,
  });
}

/** The first unit a person holds a role on: where a change to the person themself is filed. */
export async function unitOfPerson(
  repos: Pick<Repositories, "people" | "units">,
  personId: number,
): Promise<UnitRef | undefined> {
  const first = (await repos.people.roles(personId))[0];
  return first ? await repos.units.byId(first.unitId) : undefined;
}

/** The rows of an import plan (domain/import.ts imports this file, so the plan is described here, not imported). */
type PlanRows =
  | { kind: "units"; rows: UnitInput[] }
  | { kind: "targets"; rows: Target[] }
  | { kind: "ratings"; rows: { unitId: number; year: string; rating: string }[] };

/** How a plan came to be applied: a file sent in the chat, an allocation, or the operator's import. */
export type ImportVia = "file" | "allocation" | "cli";

/**
 * The entries of an import, written before its rows inside the same transaction, while what the rows replace
 * can still be read. A unit added is filed on its nearest existing ancestor: it has no id yet.
 */
export async function auditImport(
  repos: Pick<Repositories, "audit" | "units" | "targets" | "figures">,
  plan: PlanRows,
  by: { who: Doer; via: ImportVia } | undefined,
): Promise<void> {
  if (!by) return;
  const { who } = by;
  if (plan.kind === "ratings") {
    for (const row of plan.rows) {
      const old = await repos.figures.rating(row.unitId, row.year);
      if (old === row.rating) continue;
      const after = { year: row.year, rating: row.rating };
      await audit(repos, who, "rating_imported", await repos.units.byId(row.unitId), {
        ...(old === undefined ? {} : { before: { year: row.year, rating: old } }),
        after,
      });
    }
    return;
  }
  if (plan.kind === "targets") {
    const kind = by.via === "allocation" ? "target_allocated" : "target_imported";
    for (const row of plan.rows) {
      const old = await repos.targets.find(row.unitId, row.metric, row.period);
      if (old && old.value === row.value && old.deadline === row.deadline) continue;
      const after = { metric: row.metric, period: row.period, value: row.value, deadline: row.deadline };
      const before = old && { value: old.value, deadline: old.deadline };
      await audit(repos, who, kind, await repos.units.byId(row.unitId), before ? { before, after } : { after });
    }
    return;
  }
  const parentCodes = new Map(plan.rows.map((row) => [row.code, row.parentCode]));
  const existingAncestor = async (code: string | null) => {
    for (let at = code, hops = 0; at !== null && hops <= parentCodes.size; hops++) {
      const unit = await repos.units.byCode(at);
      if (unit) return unit;
      at = parentCodes.get(at) ?? null;
    }
    return undefined;
  };
  for (const row of plan.rows) {
    const old = await repos.units.byCode(row.code);
    if (!old) {
      const after = { code: row.code, name: row.name, parent: row.parentCode, kind: row.kind };
      await audit(repos, who, "unit_added", await existingAncestor(row.parentCode), { after });
      continue;
    }
    const oldParent = old.parentId === null ? undefined : await repos.units.byId(old.parentId);
    const newParent = row.parentCode === null ? undefined : await existingAncestor(row.parentCode);
    if ((oldParent?.code ?? null) !== row.parentCode) {
      const path = newParent?.code === row.parentCode ? `${newParent.path}${old.id}/` : old.path;
      const change = { before: { parent: oldParent?.code ?? null }, after: { parent: row.parentCode } };
      await audit(repos, who, "unit_moved", { id: old.id, path }, change);
    }
    if (old.name !== row.name)
      await audit(repos, who, "unit_renamed", old, { before: { name: old.name }, after: { name: row.name } });
    const fields = ["kind", "sector", "members", "workers"] as const;
    const changed = fields.filter((field) => old[field] !== row[field]);
    if (changed.length > 0) {
      const pick = (source: typeof row | typeof old) => Object.fromEntries(changed.map((f) => [f, source[f]]));
      await audit(repos, who, "unit_changed", old, { before: pick(old), after: pick(row) });
    }
  }
}
