// A member list or a card-number file from a spreadsheet: every row checked like a member typed in chat, every
// bad row named, and nothing written unless the whole file is good. The check yields to other chats between
// slices, as the units and targets import does.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { isWithin } from "#db/tree.ts";
import type { MemberFields } from "#nlu/types.ts";
import { auditEntry, type Doer } from "./audit.ts";
import { slices } from "./background-turn.ts";
import type { Problem, Row, RowError } from "./import.ts";
import { checkMember, type CheckedMember } from "./member-checks.ts";
import type { MemberVault } from "./member-vault.ts";

/** A slice of checking this long, then other requests get the event loop. */
const SLICE_MS = 10;

export interface MemberPlan {
  members: { line: number; member: CheckedMember }[];
  errors: RowError[];
  /** Rows that give ethnicity or religion. */
  sensitive: number;
}

const GENDER_WORDS: Record<string, "male" | "female"> = {
  nam: "male",
  nu: "female",
  nữ: "female",
  male: "male",
  female: "female",
};

/** A row's cells as the chat's member fields. */
export function fieldsOfRow(cells: Record<string, string>): MemberFields {
  const text = (name: string) => (cells[name] ?? "").trim() || undefined;
  const gender = GENDER_WORDS[(cells.gender ?? "").trim().toLowerCase()];
  const fields: MemberFields = {};
  const set = (key: keyof MemberFields, value: string | undefined) => {
    if (value !== undefined) (fields as Record<string, string>)[key] = value;
  };
  set("fullName", text("full_name"));
  set("gender", gender ?? (text("gender") ? "?" : undefined));
  set("birthDate", text("birth_date"));
  set("idNumber", text("id_number")?.replace(/[\s.]/g, ""));
  set("hometown", text("hometown"));
  set("joinedOn", text("joined_on"));
  set("cardNumber", text("card_number"));
  set("ethnicity", text("ethnicity"));
  set("religion", text("religion"));
  return fields;
}

/** Checks a member list for one grassroots unit: each row, repeats within the file, and holders in the system. */
export async function planMembers(
  rows: Row[],
  context: { repos: Repositories; vault: MemberVault; unit: Unit; today: string },
): Promise<MemberPlan> {
  const { repos, vault, unit, today } = context;
  const plan: MemberPlan = { members: [], errors: [], sensitive: 0 };
  const seen = new Map<string, number>();
  const slice = slices(SLICE_MS);
  for (const { line, cells } of rows) {
    const problems = await rowProblems(fieldsOfRow(cells), { repos, vault, unit, today, seen, line });
    if (problems.problems.length > 0) plan.errors.push({ line, problems: problems.problems });
    else if (problems.member) {
      plan.members.push({ line, member: problems.member });
      if (problems.member.ethnicity || problems.member.religion) plan.sensitive++;
    }
    await slice.between();
  }
  return plan;
}

async function rowProblems(
  fields: MemberFields,
  context: {
    repos: Repositories;
    vault: MemberVault;
    unit: Unit;
    today: string;
    seen: Map<string, number>;
    line: number;
  },
): Promise<{ problems: Problem[]; member?: CheckedMember }> {
  if ((fields.gender as string) === "?") return { problems: [{ key: "member-row-gender" }] };
  const checked = checkMember(fields, context.today);
  if (!checked.ok) {
    const missing = checked.missing.map((field) => ({ key: "member-row-missing", args: { field } }));
    return { problems: [...missing, ...checked.problems] };
  }
  const { idNumber } = checked.member;
  const earlier = context.seen.get(idNumber);
  if (earlier !== undefined) return { problems: [{ key: "member-row-repeated", args: { line: earlier } }] };
  context.seen.set(idNumber, context.line);
  const holder = await context.repos.members.holderOf(context.vault.idHash(idNumber));
  if (holder) {
    const unit = holder.unitId === context.unit.id ? context.unit : await context.repos.units.byId(holder.unitId);
    return { problems: [{ key: "member-row-held", args: { unit: unit?.name ?? "" } }] };
  }
  return { problems: [], member: checked.member };
}

export interface CardPlan {
  cards: { id: number; cardNumber: string }[];
  errors: RowError[];
}

/** Checks card numbers for approved members of a subtree: each ID number held there, each card number unused. */
export async function planCards(
  rows: Row[],
  context: { repos: Repositories; vault: MemberVault; scope: Unit },
): Promise<CardPlan> {
  const { repos, vault, scope } = context;
  const plan: CardPlan = { cards: [], errors: [] };
  const used = new Map<string, number>();
  for (const { line, cells } of rows) {
    const idNumber = (cells.id_number ?? "").replace(/[\s.]/g, "");
    const cardNumber = (cells.card_number ?? "").trim();
    const fail = (key: string, args?: Problem["args"]) =>
      plan.errors.push({ line, problems: [{ key, ...(args ? { args } : {}) }] });
    if (!/^\d{12}$/.test(idNumber)) {
      fail("member-id-digits", { count: idNumber.replace(/\D/g, "").length, text: idNumber });
      continue;
    }
    if (!/^[A-Za-z0-9./-]{1,30}$/.test(cardNumber)) {
      fail("member-card-form", { text: cardNumber });
      continue;
    }
    const member = await repos.members.holderOf(vault.idHash(idNumber));
    const unit = member && (await repos.units.byId(member.unitId));
    if (!member || !unit || !isWithin(unit, scope) || member.approval !== "approved") {
      fail("member-card-unknown");
      continue;
    }
    const holder = await repos.members.byCard(cardNumber);
    if ((holder && holder.id !== member.id) || (used.has(cardNumber) && used.get(cardNumber) !== member.id)) {
      fail("member-card-taken", { card: cardNumber });
      continue;
    }
    used.set(cardNumber, member.id);
    plan.cards.push({ id: member.id, cardNumber });
  }
  return plan;
}

/** Writes a good card plan, all or nothing, with one audit entry. */
export async function applyCards(repos: Repositories, plan: CardPlan, scope: Unit, who: Doer): Promise<void> {
  const entry = auditEntry(who, "member_cards_imported", scope, { after: { members: plan.cards.map((c) => c.id) } });
  await repos.transaction(async () => {
    await repos.members.setCards(plan.cards);
    await repos.audit.append(entry);
  });
}
