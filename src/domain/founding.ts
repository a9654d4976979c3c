// Founding: a district counts the unions and guilds it founded toward its targets, and adds a named one
// below itself in the same transaction as the founding event, so that its chair can be invited at once.
import { z } from "zod";
import type { Repositories } from "#db/index.ts";
import { SECTORS } from "#db/schema.ts";
import type { Unit } from "#db/repositories/units.ts";
import { unitNameKey } from "#nlu/match-unit.ts";
import type { Actor } from "./actor.ts";
import { isLeaf } from "./leaf-unit.ts";
import { record } from "./reports.ts";
import { lookUpUnit } from "./unit-lookup.ts";

export const FOUNDING_EVENTS = ["found_union", "found_guild"] as const;
export type FoundingEvent = (typeof FOUNDING_EVENTS)[number];

/** The kind of a pending confirmation in `pendingImports` that holds a proposed unit. */
const PENDING_KIND = "found_unit";

const proposalSchema = z.object({
  parentId: z.number().int(),
  event: z.enum(FOUNDING_EVENTS),
  name: z.string().min(1),
  sector: z.enum(SECTORS).nullable(),
  members: z.number().int().min(0),
  workers: z.number().int().min(0),
  /** YYYY-MM-DD the unit was founded on. */
  day: z.string(),
});

/** A unit shown to the admin, waiting for "Xác nhận". */
export type Proposal = z.infer<typeof proposalSchema>;

export type FoundingPlace =
  | { kind: "found"; unit: Unit }
  /** The person holds no admin role above grassroots: only district (or higher) admins found units. */
  | { kind: "not-allowed" }
  | { kind: "outside"; named: string };

/** Where a person's founding goes: the unit they named if they are its admin, else the highest they administer. */
export async function foundingPlace(
  actor: Actor,
  named: string | undefined,
  repos: Pick<Repositories, "units">,
): Promise<FoundingPlace> {
  if (named) {
    const lookup = await lookUpUnit(actor, named, repos, true);
    if (lookup.kind !== "found") return { kind: "outside", named };
    if (isLeaf(lookup.unit) || !actor.isAdminOf(lookup.unit)) return { kind: "not-allowed" };
    return { kind: "found", unit: lookup.unit };
  }
  const unit = actor.adminUnit;
  return unit && !isLeaf(unit) ? { kind: "found", unit } : { kind: "not-allowed" };
}

/** The unit's name as the tree holds it: the kind word first, "CĐCS Công ty TNHH Minh Phát". */
export function fullName(event: FoundingEvent, name: string): string {
  return `${event === "found_guild" ? "Nghiệp đoàn" : "CĐCS"} ${name.trim()}`;
}

/** A unit directly below the parent that already goes by this name. */
export async function sameNamed(
  repos: Pick<Repositories, "units">,
  parent: Unit,
  name: string,
): Promise<Unit | undefined> {
  const key = unitNameKey(name);
  return (await repos.units.children(parent.id)).find((child) => unitNameKey(child.name) === key);
}

/** The first free code below the parent's: "TD-001", "TD-002"… */
export async function nextUnitCode(repos: Pick<Repositories, "units">, parent: Unit): Promise<string> {
  for (let n = (await repos.units.children(parent.id)).length + 1; ; n += 1) {
    const code = `${parent.code}-${String(n).padStart(3, "0")}`;
    if (!(await repos.units.byCode(code))) return code;
  }
}

/** Keeps a proposal until its author confirms or cancels it; returns its id for the buttons. */
export async function propose(
  repos: Pick<Repositories, "pendingImports">,
  personId: number,
  proposal: Proposal,
  now: Date,
): Promise<number> {
  return await repos.pendingImports.create(personId, PENDING_KIND, JSON.stringify(proposal), now.toISOString());
}

/** A proposal its author may settle, or undefined for any other id or person. */
export async function pendingProposal(
  repos: Pick<Repositories, "pendingImports">,
  id: number,
  personId: number,
): Promise<{ proposal: Proposal; settled: boolean } | undefined> {
  const pending = Number.isSafeInteger(id) ? await repos.pendingImports.get(id) : undefined;
  if (!pending || pending.kind !== PENDING_KIND || pending.personId !== personId) return undefined;
  const parsed = proposalSchema.safeParse(JSON.parse(pending.payload));
  return parsed.success ? { proposal: parsed.data, settled: pending.settledAt !== null } : undefined;
}

export async function cancel(repos: Pick<Repositories, "pendingImports">, id: number, now: Date): Promise<void> {
  await repos.pendingImports.settle(id, now.toISOString());
}

/**
 * Adds the proposed unit below its parent and records the founding for the parent, all or nothing.
 * Null when the proposal was settled before: a second press of "Xác nhận" adds nothing.
 */
export async function found(
  repos: Pick<Repositories, "units" | "ledger" | "pendingImports" | "pendingReports" | "transaction">,
  id: number,
  proposal: Proposal,
  reporterId: number,
  now: Date,
): Promise<Unit | null> {
  return await repos.transaction(async () => {
    if (!(await repos.pendingImports.settle(id, now.toISOString()))) return null;
    const parent = await repos.units.byId(proposal.parentId);
    if (!parent) throw new Error(`no unit ${proposal.parentId}`);
    const unit = await repos.units.upsert({
      code: await nextUnitCode(repos, parent),
      name: proposal.name,
      parentCode: parent.code,
      kind: proposal.event === "found_guild" ? "guild" : "grassroots",
      sector: proposal.sector,
      members: proposal.members,
      workers: proposal.workers,
    });
    await record(repos, {
      unit: parent,
      events: [{ event: proposal.event, count: 1 }],
      day: proposal.day,
      reporterId,
      source: `found:${id}`,
      now,
    });
    return unit;
  });
}
