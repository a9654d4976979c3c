// The member register as a service: on only with MEMBER_DATA_KEY, and only with the key the register was
// first sealed under. Members are sealed on the way in and opened on the way out, here and nowhere else.
import type { Repositories } from "#db/index.ts";
import type { MemberRow, NewMember } from "#db/repositories/members.ts";
import type { Gender } from "#db/schema.ts";
import type { CheckedMember } from "./member-checks.ts";
import { memberVault, sameKey, type MemberVault } from "./member-vault.ts";

export type Register = { on: true; vault: MemberVault } | { on: false; reason: "no-key" | "wrong-key" | "no-store" };

const FINGERPRINT = "members.key";

/** The register over a key; the key's fingerprint is kept at first use, so a wrong key later turns it off. */
export async function openRegister(
  repos: Pick<Repositories, "updates" | "members">,
  key: string | undefined,
): Promise<Register> {
  if (!key) return { on: false, reason: "no-key" };
  if (!(await repos.members.supported())) return { on: false, reason: "no-store" };
  const vault = memberVault(key);
  const kept = await repos.updates.setting(FINGERPRINT);
  if (kept === undefined) await repos.updates.setSetting(FINGERPRINT, vault.fingerprint);
  else if (!sameKey(kept, vault.fingerprint)) return { on: false, reason: "wrong-key" };
  return { on: true, vault };
}

/** Records the new fingerprint once the register is re-sealed under another key. */
export async function keepFingerprint(repos: Pick<Repositories, "updates">, vault: MemberVault): Promise<void> {
  await repos.updates.setSetting(FINGERPRINT, vault.fingerprint);
}

/** A member opened for the people entitled to see them. */
export interface OpenMember {
  id: number;
  unitId: number;
  listId: number | null;
  fullName: string;
  gender: Gender | null;
  idNumber: string;
  birthDate: string;
  hometown: string;
  ethnicity: string | null;
  religion: string | null;
  joinedOn: string;
  cardNumber: string | null;
  approval: MemberRow["approval"];
  status: MemberRow["status"];
  statusOn: string;
  erased: boolean;
}

export function openMember(vault: MemberVault, row: MemberRow): OpenMember {
  const open = (field: Parameters<MemberVault["open"]>[0], sealed: string | null) =>
    sealed === null ? "" : vault.open(field, sealed);
  return {
    id: row.id,
    unitId: row.unitId,
    listId: row.listId,
    fullName: row.fullName ?? "",
    gender: row.gender,
    idNumber: open("id_number", row.idNumber),
    birthDate: open("birth_date", row.birthDate),
    hometown: open("hometown", row.hometown),
    ethnicity: row.ethnicity === null ? null : open("ethnicity", row.ethnicity),
    religion: row.religion === null ? null : open("religion", row.religion),
    joinedOn: row.joinedOn,
    cardNumber: row.cardNumber,
    approval: row.approval,
    status: row.status,
    statusOn: row.statusOn,
    erased: row.erasedAt !== null,
  };
}

/**
 * A checked member sealed for the register. Ethnicity and religion are kept only with the member's separate
 * consent, recorded with its time; without it they are dropped here, before anything is written.
 */
export function sealMember(
  vault: MemberVault,
  member: CheckedMember,
  context: { unitId: number; consentId: number | null; by: number | null; sensitiveConsentAt: string | null },
): NewMember {
  const sensitive = context.sensitiveConsentAt !== null;
  const ethnicity = sensitive && member.ethnicity ? vault.seal("ethnicity", member.ethnicity) : null;
  const religion = sensitive && member.religion ? vault.seal("religion", member.religion) : null;
  return {
    unitId: context.unitId,
    fullName: member.fullName,
    gender: member.gender,
    idHash: vault.idHash(member.idNumber),
    idNumber: vault.seal("id_number", member.idNumber),
    birthDate: vault.seal("birth_date", member.birthDate),
    hometown: vault.seal("hometown", member.hometown),
    ethnicity,
    religion,
    sensitiveConsentAt: ethnicity || religion ? context.sensitiveConsentAt : null,
    joinedOn: member.joinedOn,
    cardNumber: member.cardNumber ?? null,
    consentId: context.consentId,
    createdBy: context.by,
  };
}
