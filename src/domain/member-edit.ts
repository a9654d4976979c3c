// Correcting a member already on the register, as a member's right to correction asks: the chair or an officer
// of the member's own union opens the record, sends the corrected parts as on entry, sees old → new, and saves.
// The correction being made is kept sealed, like a member being entered, since it may hold an ID number. The
// record, its hash, the audit entry and the member's notice are written in one transaction.
//
// An approved member stays approved: the district approved the person's membership, which a corrected birth
// date or hometown does not undo, and sending them back to "chờ duyệt" would take them out of the unit's count
// and the export until someone approved them again. The audit entry names the fields and that the record was
// approved, so the district's staff see in /nhatky what to update in the national software.
import { z } from "zod";
import type { Repositories } from "#db/index.ts";
import type { MemberCorrection, MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { foldDiacritics } from "#nlu/fold-diacritics.ts";
import type { MemberFields } from "#nlu/types.ts";
import type { TranslateIn } from "#src/i18n.ts";
import type { Actor } from "./actor.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { tidyName, type CheckedMember } from "./member-checks.ts";
import { DRAFT, fieldsSchema } from "./member-entry.ts";
import { sealMember, type OpenMember } from "./member-register.ts";
import type { MemberVault } from "./member-vault.ts";
import { outboxMessage } from "./outbox-message.ts";

const EDIT = "member_edit";
const editSchema = z.object({ memberId: z.number().int(), unitId: z.number().int(), fields: fieldsSchema });

/** Every field a correction may change, in the order the card shows them. */
export const CORRECTABLE = [
  "fullName",
  "gender",
  "birthDate",
  "idNumber",
  "hometown",
  "joinedOn",
  "cardNumber",
  "ethnicity",
  "religion",
] as const;
export type CorrectableField = (typeof CORRECTABLE)[number];

export interface Edit {
  id: number;
  personId: number;
  memberId: number;
  unitId: number;
  /** The corrections typed so far, as typed. */
  fields: MemberFields;
  settled: boolean;
}

/**
 * What the sensitive fields become: kept as they are (the correction does not touch them), stored with the
 * member's separate consent confirmed again, or dropped.
 */
export type SensitiveChoice = "keep" | "consented" | "dropped";

/** The chair and officers of the member's own union; an admin is refused, as for erasing. */
export function mayEdit(actor: Actor | null, unitId: number): boolean {
  return actor?.posts.some((post) => post.unit.id === unitId && post.role !== "admin") ?? false;
}

function sealEdit(vault: MemberVault, edit: Pick<Edit, "memberId" | "unitId" | "fields">): string {
  return vault.seal("draft", JSON.stringify({ memberId: edit.memberId, unitId: edit.unitId, fields: edit.fields }));
}

function openEdit(
  vault: MemberVault,
  row: { id: number; personId: number; kind: string; payload: string; settledAt: string | null },
): Edit | undefined {
  if (row.kind !== EDIT) return undefined;
  // A correction sealed under a key since rotated, or damaged, is dropped: its text must never reach a log.
  let opened: z.infer<typeof editSchema>;
  try {
    opened = editSchema.parse(JSON.parse(vault.open("draft", row.payload)));
  } catch {
    return undefined;
  }
  const fields = Object.fromEntries(Object.entries(opened.fields).filter(([, v]) => v !== undefined)) as MemberFields;
  const { memberId, unitId } = opened;
  return { id: row.id, personId: row.personId, memberId, unitId, fields, settled: row.settledAt !== null };
}

/** Opens a correction of a member for a person, closing any other they had open. */
export async function startEdit(
  repos: Repositories,
  vault: MemberVault,
  who: { personId: number; now: Date },
  member: MemberRow,
  fields: MemberFields = {},
): Promise<Edit> {
  const now = who.now.toISOString();
  const open = await repos.pendingImports.latestOpen(who.personId, EDIT);
  if (open) await repos.pendingImports.settle(open.id, now);
  const edit = { memberId: member.id, unitId: member.unitId, fields };
  const id = await repos.pendingImports.create(who.personId, EDIT, sealEdit(vault, edit), now);
  return { id, personId: who.personId, ...edit, settled: false };
}

/** The correction a person has open, unless they began entering a member since: the newer one gets the message. */
export async function currentEdit(
  repos: Repositories,
  vault: MemberVault,
  personId: number,
): Promise<Edit | undefined> {
  const row = await repos.pendingImports.latestOpen(personId, EDIT);
  if (!row) return undefined;
  const draft = await repos.pendingImports.latestOpen(personId, DRAFT);
  if (draft && draft.id > row.id) return undefined;
  return openEdit(vault, row);
}

export async function editById(repos: Repositories, vault: MemberVault, id: number): Promise<Edit | undefined> {
  const row = await repos.pendingImports.get(id);
  return row && openEdit(vault, row);
}

/** Adds what a message corrects to the open correction; resolves to the correction as it now stands. */
export async function addToEdit(repos: Repositories, vault: MemberVault, edit: Edit, fields: MemberFields) {
  const merged = { ...edit, fields: { ...edit.fields, ...fields } };
  await repos.pendingImports.replacePayload(edit.id, sealEdit(vault, merged));
  return merged;
}

export async function dropEdit(repos: Repositories, edit: Edit, now: Date): Promise<boolean> {
  return repos.pendingImports.settle(edit.id, now.toISOString());
}

const nameKey = (name: string) => foldDiacritics(tidyName(name)).toLowerCase();

/**
 * Whether a message typed during a correction is someone else being entered: another person's name with an ID
 * number and a gender or birth date, as an entry line reads. Anything less is taken as a correction.
 */
export function namesSomeoneElse(member: OpenMember, fields: MemberFields): boolean {
  if (!fields.fullName || !fields.idNumber || !(fields.gender || fields.birthDate)) return false;
  return nameKey(fields.fullName) !== nameKey(member.fullName) && fields.idNumber !== member.idNumber;
}

/** The member as the record has them, with the corrections typed over it: what goes through the entry checks. */
export function correctedFields(member: OpenMember, corrections: MemberFields): MemberFields {
  const recorded: MemberFields = {
    fullName: member.fullName,
    ...(member.gender ? { gender: member.gender } : {}),
    birthDate: member.birthDate,
    idNumber: member.idNumber,
    hometown: member.hometown,
    joinedOn: member.joinedOn,
    ...(member.cardNumber ? { cardNumber: member.cardNumber } : {}),
    ...(member.ethnicity ? { ethnicity: member.ethnicity } : {}),
    ...(member.religion ? { religion: member.religion } : {}),
  };
  return { ...recorded, ...corrections };
}

/** Whether the corrections touch ethnicity or religion, which are kept only with the member's separate consent. */
export function touchesSensitive(corrections: MemberFields): boolean {
  return corrections.ethnicity !== undefined || corrections.religion !== undefined;
}

export interface Change {
  field: CorrectableField;
  before: string | null;
  after: string | null;
}

/** The member's values after the correction: ethnicity and religion as the sensitive choice says. */
function valuesAfter(checked: CheckedMember, member: OpenMember, sensitive: SensitiveChoice) {
  const kept = sensitive === "keep";
  const stored = sensitive === "consented";
  return {
    ...checked,
    cardNumber: checked.cardNumber ?? null,
    ethnicity: kept ? member.ethnicity : stored ? (checked.ethnicity ?? null) : null,
    religion: kept ? member.religion : stored ? (checked.religion ?? null) : null,
  };
}

/** The fields whose values the correction changes, with both values (for the card only, never for a log). */
export function changesOf(member: OpenMember, checked: CheckedMember, sensitive: SensitiveChoice): Change[] {
  const after = valuesAfter(checked, member, sensitive);
  return CORRECTABLE.map((field) => ({ field, before: member[field] || null, after: after[field] || null })).filter(
    (change) => change.before !== change.after,
  );
}

/** The corrected member sealed for the record: every sealed value sealed afresh, the hash recomputed. */
function sealCorrection(
  vault: MemberVault,
  row: MemberRow,
  checked: CheckedMember,
  context: { sensitive: SensitiveChoice; at: string },
): MemberCorrection {
  const consentAt =
    context.sensitive === "keep" ? row.sensitiveConsentAt : context.sensitive === "consented" ? context.at : null;
  // Without a consent time, sealMember drops ethnicity and religion before anything is written.
  const {
    unitId: _unit,
    consentId: _consent,
    createdBy: _by,
    ...sealed
  } = sealMember(vault, checked, {
    unitId: row.unitId,
    consentId: row.consentId,
    by: row.createdBy,
    sensitiveConsentAt: consentAt,
  });
  return sealed;
}

export type Applied = { kind: "done"; changed: CorrectableField[]; told: number } | { kind: "settled" | "erased" };

/**
 * Writes the correction: the record re-sealed with its new hash, the audit entry (the fields' names, never their
 * values) and a notice to each account the member linked, all in one transaction, once for the edit.
 */
export async function applyEdit(
  repos: Repositories,
  vault: MemberVault,
  change: { edit: Edit; row: MemberRow; member: OpenMember; checked: CheckedMember; sensitive: SensitiveChoice },
  context: { unit: Unit; who: Doer; translateIn: TranslateIn },
): Promise<Applied> {
  const { edit, row, member, checked, sensitive } = change;
  const { unit, who } = context;
  const at = who.at.toISOString();
  const changed = changesOf(member, checked, sensitive).map((c) => c.field);
  const sealed = sealCorrection(vault, row, checked, { sensitive, at });
  const entry = auditEntry(who, "member_changed", unit, {
    after: { member: row.id, fields: changed, approval: row.approval },
  });
  const accounts = await repos.members.accountsOf(row.id);
  const fields = changed.map((field) => context.translateIn("vi", "member-field", { field })).join(", ");
  // A member links their record in a private chat (the bot answers nothing else), where the chat is the account.
  const notices = accounts.map((account) =>
    outboxMessage(
      { personId: null, address: { platform: account.platform, chatId: account.externalId } },
      {
        key: `member-changed:${row.id}:${at}:${account.platform}:${account.externalId}`,
        kind: "member_changed",
        text: context.translateIn("vi", "member-corrected-notice", { unit: unit.name, fields }),
        notBefore: at,
      },
    ),
  );
  return repos.transaction(async (): Promise<Applied> => {
    if (!(await repos.pendingImports.settle(edit.id, at))) return { kind: "settled" };
    if (!(await repos.members.correct(row.id, sealed))) return { kind: "erased" };
    await repos.audit.append(entry);
    if (notices.length > 0) await repos.outbox.enqueue(notices, at);
    return { kind: "done", changed, told: notices.length };
  });
}
