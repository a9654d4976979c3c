// Entering members: the draft a person is filling in (sealed, since it holds an ID number), the unit's consent,
// the one-person-one-record rule across the whole system, and the write with its audit entry.
import { z } from "zod";
import type { Repositories } from "#db/index.ts";
import type { MemberRow, NewMember } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { MemberFields } from "#nlu/types.ts";
import type { Actor } from "./actor.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { slices } from "./background-turn.ts";
import { isLeaf } from "./leaf-unit.ts";
import { tidyName, type CheckedMember } from "./member-checks.ts";
import { sealMember } from "./member-register.ts";
import type { MemberVault } from "./member-vault.ts";

/** The text of the notice a chair confirms: a new text gets a new version, and is confirmed again. */
export const NOTICE_VERSION = "2026-01";
/** The kind of pending import a member being entered is kept as. */
export const DRAFT = "member_draft";
/** Work done between chances for other requests to run. */
const SLICE_MS = 10;

/** A member's parts as typed, as a sealed draft or correction holds them. */
export const fieldsSchema = z.object({
  fullName: z.string().optional(),
  gender: z.enum(["male", "female"]).optional(),
  birthDate: z.string().optional(),
  idNumber: z.string().optional(),
  hometown: z.string().optional(),
  joinedOn: z.string().optional(),
  cardNumber: z.string().optional(),
  ethnicity: z.string().optional(),
  religion: z.string().optional(),
});
const draftSchema = z.object({ unitId: z.number().int(), fields: fieldsSchema });

export interface Draft {
  id: number;
  personId: number;
  unitId: number;
  fields: MemberFields;
  settled: boolean;
}

/** The grassroots unit a person enters members for: their own union or guild, where they hold a role. */
export function entryUnit(actor: Actor): Unit | undefined {
  return actor.posts.find((post) => isLeaf(post.unit))?.unit;
}

export function isChairOf(actor: Actor, unit: Unit): boolean {
  return actor.posts.some((post) => post.unit.id === unit.id && post.role === "chair");
}

function sealDraft(vault: MemberVault, unitId: number, fields: MemberFields): string {
  return vault.seal("draft", JSON.stringify({ unitId, fields }));
}

function openDraft(
  vault: MemberVault,
  row: { id: number; personId: number; payload: string; settledAt: string | null },
): Draft | undefined {
  // A draft sealed under a key since rotated, or damaged, is dropped: its text must never reach an error log.
  let opened: z.infer<typeof draftSchema>;
  try {
    opened = draftSchema.parse(JSON.parse(vault.open("draft", row.payload)));
  } catch {
    return undefined;
  }
  const { unitId, fields } = opened;
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as MemberFields;
  return { id: row.id, personId: row.personId, unitId, fields: clean, settled: row.settledAt !== null };
}

/** The member a person is entering now, if any. */
export async function currentDraft(
  repos: Repositories,
  vault: MemberVault,
  personId: number,
): Promise<Draft | undefined> {
  const row = await repos.pendingImports.latestOpen(personId, DRAFT);
  return row ? openDraft(vault, row) : undefined;
}

export async function draftById(repos: Repositories, vault: MemberVault, id: number): Promise<Draft | undefined> {
  const row = await repos.pendingImports.get(id);
  return row && row.kind === DRAFT ? openDraft(vault, row) : undefined;
}

/**
 * What a message adds to the person's draft: a message naming a new person (a name and an ID number) starts a
 * new draft; anything else fills in the one open. Resolves to the draft as it now stands.
 */
export async function fillDraft(
  repos: Repositories,
  vault: MemberVault,
  who: { personId: number; unitId: number; now: Date },
  fields: MemberFields,
): Promise<Draft | undefined> {
  const open = await currentDraft(repos, vault, who.personId);
  // A name with an ID number, or another name than the one being entered, is someone new: never merged.
  const otherName =
    fields.fullName !== undefined &&
    open?.fields.fullName !== undefined &&
    tidyName(fields.fullName) !== tidyName(open.fields.fullName);
  const fresh = fields.fullName !== undefined && (fields.idNumber !== undefined || otherName);
  if (open && !fresh && open.unitId === who.unitId) {
    const merged = { ...open.fields, ...fields };
    await repos.pendingImports.replacePayload(open.id, sealDraft(vault, open.unitId, merged));
    return { ...open, fields: merged };
  }
  if (!fields.fullName) return undefined;
  if (open) await repos.pendingImports.settle(open.id, who.now.toISOString());
  const id = await repos.pendingImports.create(
    who.personId,
    DRAFT,
    sealDraft(vault, who.unitId, fields),
    who.now.toISOString(),
  );
  return { id, personId: who.personId, unitId: who.unitId, fields, settled: false };
}

/** Where an ID number already is: nowhere, in this unit, or in another unit (named, never the person). */
export type Holder =
  | { kind: "none" }
  | { kind: "same"; member: MemberRow }
  | { kind: "other"; member: MemberRow; unit: Unit };

export async function holderOf(
  repos: Repositories,
  vault: MemberVault,
  idNumber: string,
  unitId: number,
): Promise<Holder> {
  const member = await repos.members.holderOf(vault.idHash(idNumber));
  if (!member) return { kind: "none" };
  if (member.unitId === unitId) return { kind: "same", member };
  const unit = await repos.units.byId(member.unitId);
  return unit ? { kind: "other", member, unit } : { kind: "none" };
}

/** Confirms the unit's notice; resolves to the consent's id. */
export async function confirmNotice(
  repos: Repositories,
  unit: Unit,
  who: Doer & { personId: number },
): Promise<number> {
  return repos.transaction(async () => {
    const id = await repos.members.recordConsent(unit.id, who.personId, NOTICE_VERSION, who.at.toISOString());
    await repos.audit.append(
      auditEntry(who, "member_consent_confirmed", unit, { after: { consent: id, notice: NOTICE_VERSION } }),
    );
    return id;
  });
}

/** The unit's consent to the current notice, if confirmed. */
export async function consentOf(repos: Repositories, unitId: number): Promise<number | undefined> {
  const consent = await repos.members.consentOf(unitId);
  return consent && consent.notice === NOTICE_VERSION ? consent.id : undefined;
}

/**
 * Adds checked members of one unit to its pending list, sealed, all or none, with one audit entry; resolves to
 * the list's id and the new members' ids.
 */
export async function addMembers(
  repos: Repositories,
  vault: MemberVault,
  unit: Unit,
  members: { member: CheckedMember; sensitiveConsent: boolean }[],
  context: { who: Doer; consentId: number; via: "chat" | "file" },
): Promise<{ listId: number; ids: number[] }> {
  const at = context.who.at.toISOString();
  const rows: NewMember[] = [];
  // Sealing thousands of members takes a while: done in slices so other chats are answered meanwhile.
  const slice = slices(SLICE_MS);
  for (const { member, sensitiveConsent } of members) {
    rows.push(
      sealMember(vault, member, {
        unitId: unit.id,
        consentId: context.consentId,
        by: context.who.personId,
        sensitiveConsentAt: sensitiveConsent ? at : null,
      }),
    );
    await slice.between();
  }
  return repos.transaction(async () => {
    const added = await repos.members.add(unit.id, rows, context.who.personId, at);
    await repos.audit.append(
      auditEntry(context.who, "member_added", unit, { after: { via: context.via, members: added.ids } }),
    );
    return added;
  });
}
