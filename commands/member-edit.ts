// Correcting a member's record in chat: the chair presses "Sửa hồ sơ" under a member's correction request, or
// types "sửa đoàn viên Nguyễn Văn An"; sends the corrected parts as on entry ("ngày sinh 12/03/1995", "quê Bến
// Tre"), which go through every entry check; sees old → new; and saves with "Lưu".
import type { MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { viDate } from "#domain/calendar.ts";
import { checkMember, type CheckedMember } from "#domain/member-checks.ts";
import { membersNamed } from "#domain/member-departure.ts";
import {
  addToEdit,
  applyEdit,
  changesOf,
  correctedFields,
  currentEdit,
  dropEdit,
  editById,
  mayEdit,
  namesSomeoneElse,
  startEdit,
  touchesSensitive,
  type Change,
  type Edit,
  type SensitiveChoice,
} from "#domain/member-edit.ts";
import { entryUnit, holderOf } from "#domain/member-entry.ts";
import { openMember, type OpenMember } from "#domain/member-register.ts";
import { maskIdNumber, type MemberVault } from "#domain/member-vault.ts";
import type { MemberFields } from "#nlu/types.ts";
import { problemLines, vaultOr } from "./member-register.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** The record being corrected, opened, with its unit. */
interface Editing {
  edit: Edit;
  row: MemberRow;
  member: OpenMember;
  unit: Unit;
  vault: MemberVault;
}

function cancelButton(edit: Edit, t: Services["t"]) {
  return { label: t("button-member-cancel"), action: `msave:${edit.id}:no` };
}

/** A value as the card shows it: dates as DD/MM/YYYY; the old ID number masked, the new one whole to its typist. */
function shown(change: Change, side: "before" | "after", t: Services["t"]): string {
  const value = change[side];
  if (value === null) return "—";
  if (change.field === "birthDate" || change.field === "joinedOn") return viDate(value);
  if (change.field === "gender") return t("member-gender", { gender: value });
  if (change.field === "idNumber" && side === "before") return maskIdNumber(value);
  return value;
}

/** The corrected member if it passes every entry check and holds no one else's ID or card number; else the reply. */
async function judge(editing: Editing, req: Request, services: Services): Promise<CheckedMember | Reply> {
  const { t, repos } = services;
  const { edit, row, member, unit, vault } = editing;
  const checked = checkMember(correctedFields(member, edit.fields), req.today);
  if (!checked.ok) {
    const lines = [t("member-edit-problems", { name: member.fullName }), ...problemLines(checked.problems, t)];
    if (checked.missing.length > 0)
      lines.push(
        t("member-missing", {
          fields: checked.missing.map((field) => t("member-field", { field })).join(", "),
          example: t("member-example", { field: checked.missing[0] ?? "" }),
        }),
      );
    lines.push(t("member-edit-resend"));
    return reply(lines.join("\n"), [cancelButton(edit, t)]);
  }
  const { idNumber, cardNumber } = checked.member;
  const holder = await holderOf(repos, vault, idNumber, unit.id);
  if (holder.kind !== "none" && holder.member.id !== row.id) {
    const masked = maskIdNumber(idNumber);
    const text =
      holder.kind === "same"
        ? t("member-edit-same-unit", { name: holder.member.fullName ?? "", masked, unit: unit.name })
        : t("member-edit-other-unit", { masked, unit: holder.unit.name });
    return reply(text, [cancelButton(edit, t)]);
  }
  const carded = cardNumber ? await repos.members.byCard(cardNumber) : undefined;
  if (cardNumber && carded && carded.id !== row.id)
    return reply(`${t("member-card-taken", { card: cardNumber })}\n${t("member-edit-resend")}`, [
      cancelButton(edit, t),
    ]);
  return checked.member;
}

/** Where the correction stands: a problem to fix, nothing changed yet, or the card with old → new to save. */
async function answerEdit(editing: Editing, req: Request, services: Services): Promise<Reply> {
  const { t } = services;
  const { edit, row, member, unit } = editing;
  const judged = await judge(editing, req, services);
  if ("text" in judged) return judged;
  const sensitive = touchesSensitive(edit.fields);
  const changes = changesOf(member, judged, sensitive ? "consented" : "keep");
  if (changes.length === 0) return reply(t("member-edit-nothing", { name: member.fullName }), [cancelButton(edit, t)]);
  const lines = [
    t("member-edit-card", { name: member.fullName, unit: unit.name }),
    ...changes.map((c) =>
      t("member-edit-change", { field: c.field, before: shown(c, "before", t), after: shown(c, "after", t) }),
    ),
  ];
  if (sensitive) lines.push(t("member-edit-sensitive"));
  if (row.approval === "approved") lines.push(t("member-edit-approved"));
  lines.push("", t("member-edit-card-how"));
  const save = sensitive
    ? [
        { label: t("button-member-save-sensitive"), action: `msave:${edit.id}:sens` },
        { label: t("button-member-save-plain"), action: `msave:${edit.id}:plain` },
      ]
    : [{ label: t("button-member-save"), action: `msave:${edit.id}:yes` }];
  return reply(lines.join("\n"), [...save, cancelButton(edit, t)]);
}

/** Opens the correction of one member: the record shown masked (the view logged), or the card if parts came too. */
async function open(
  req: Request,
  services: Services,
  row: MemberRow,
  unit: Unit,
  vault: MemberVault,
  fields?: MemberFields,
) {
  const { t, repos } = services;
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  let edit = await startEdit(repos, vault, { personId: actor.personId, now: req.now }, row);
  await audit(repos, doerOf(req), "member_viewed", unit, { after: { member: row.id, for: "edit" } });
  const member = openMember(vault, row);
  if (fields && Object.keys(fields).length > 0) {
    edit = await addToEdit(repos, vault, edit, fields);
    return answerEdit({ edit, row, member, unit, vault }, req, services);
  }
  const line = t("member-line", {
    n: 1,
    name: member.fullName,
    gender: t("member-gender", { gender: member.gender ?? "female" }),
    birth: viDate(member.birthDate),
    masked: maskIdNumber(member.idNumber),
    hometown: member.hometown || "—",
    joined: viDate(member.joinedOn),
  });
  return reply(t("member-edit-open", { unit: unit.name, line }), [cancelButton(edit, t)]);
}

/** "medit:<member>": a chair or officer of the member's own union; for anyone else the button says nothing. */
async function pressed(req: Request, services: Services, vault: MemberVault): Promise<Reply> {
  const { t, repos } = services;
  const row = /^\d+$/.test(req.actionArg ?? "") ? await repos.members.get(Number(req.actionArg)) : undefined;
  const unit = row && (await repos.units.byId(row.unitId));
  if (!row || !unit || !mayEdit(req.actor, row.unitId)) return reply(t("action-expired"));
  if (row.erasedAt !== null) return reply(t("member-erased-already"));
  return open(req, services, row, unit, vault);
}

/** "sửa đoàn viên Nguyễn Văn An", "/suadv Nguyễn Văn An": the member of the chair's union with that name. */
async function named(req: Request, services: Services, vault: MemberVault): Promise<Reply> {
  const { t, repos } = services;
  const unit = req.actor && entryUnit(req.actor);
  if (!unit || !mayEdit(req.actor, unit.id)) return reply(t("member-edit-not-grassroots"));
  const name = (req.parse.edit?.name ?? req.args ?? "").trim();
  if (!name) return reply(t("member-edit-how"));
  // Any member still on the register: one who left or is on a returned list may need correcting too.
  const found = await membersNamed(repos, unit, name, () => true);
  const [only] = found;
  if (!only) return reply(t("member-edit-not-found", { name, unit: unit.name }));
  if (found.length === 1) return open(req, services, only, unit, vault, req.parse.edit?.fields);
  const choices = found.slice(0, 10).map((m) => ({
    label: `${m.fullName} · ${maskIdNumber(openMember(vault, m).idNumber)}`,
    action: `medit:${m.id}`,
  }));
  return reply(t("member-which", { name, count: found.length }), choices);
}

/**
 * A message of member parts while the person corrects a record: added to the correction and answered; undefined
 * when there is no open correction, or the message enters someone else, so it is read as entering a member.
 */
export async function continueEdit(req: Request, services: Services, vault: MemberVault): Promise<Reply | undefined> {
  const { repos } = services;
  const edit = req.actor && (await currentEdit(repos, vault, req.actor.personId));
  if (!edit) return undefined;
  const row = await repos.members.get(edit.memberId);
  const unit = row && (await repos.units.byId(row.unitId));
  const fields = req.parse.member ?? {};
  if (!row || !unit || row.erasedAt !== null || !mayEdit(req.actor, row.unitId)) {
    await dropEdit(repos, edit, req.now);
    return undefined;
  }
  const member = openMember(vault, row);
  if (namesSomeoneElse(member, fields)) {
    await dropEdit(repos, edit, req.now);
    return undefined;
  }
  const grown = await addToEdit(repos, vault, edit, fields);
  return answerEdit({ edit: grown, row, member, unit, vault }, req, services);
}

const CHOICES: Record<string, SensitiveChoice> = { yes: "keep", sens: "consented", plain: "dropped" };

/** "msave:<edit>:yes|sens|plain|no": the correction saved as shown (checked again first), or dropped. */
async function save(req: Request, services: Services, vault: MemberVault): Promise<Reply> {
  const { t, repos } = services;
  const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
  const edit = /^\d+$/.test(idText) ? await editById(repos, vault, Number(idText)) : undefined;
  const row = edit && (await repos.members.get(edit.memberId));
  const unit = row && (await repos.units.byId(row.unitId));
  if (!edit || !row || !unit || edit.personId !== req.actor?.personId || !mayEdit(req.actor, row.unitId))
    return reply(t("action-expired"));
  if (edit.settled) return reply(t("member-edit-settled"));
  if (answer === "no") {
    await dropEdit(repos, edit, req.now);
    return reply(t("member-edit-cancelled"));
  }
  if (row.erasedAt !== null) {
    await dropEdit(repos, edit, req.now);
    return reply(t("member-erased-already"));
  }
  const member = openMember(vault, row);
  // Checked again: another unit may have entered the same ID number since the card was shown.
  const judged = await judge({ edit, row, member, unit, vault }, req, services);
  if ("text" in judged) return judged;
  const sensitive = touchesSensitive(edit.fields) ? (CHOICES[answer] ?? "keep") : "keep";
  // Ethnicity typed for a member without their separate consent, saved without it: nothing is left to change.
  if (changesOf(member, judged, sensitive).length === 0) {
    await dropEdit(repos, edit, req.now);
    return reply(t("member-edit-unchanged"));
  }
  const change = { edit, row, member, checked: judged, sensitive };
  const applied = await applyEdit(repos, vault, change, { unit, who: doerOf(req), translateIn: services.translateIn });
  if (applied.kind !== "done")
    return reply(t(applied.kind === "settled" ? "member-edit-settled" : "member-erased-already"));
  services.wakeDispatcher();
  const fields = applied.changed.map((field) => t("member-field", { field })).join(", ");
  const lines = [t("member-edited", { name: judged.fullName, masked: maskIdNumber(judged.idNumber), fields })];
  if (row.approval === "approved") lines.push(t("member-edited-approved"));
  if (applied.told > 0) lines.push(t("member-edited-told"));
  return reply(lines.join("\n"));
}

export const memberEdit: Command = {
  intents: ["member_edit"],
  actions: ["medit", "msave"],
  slash: ["suadv"],
  async run(req, services) {
    const vault = await vaultOr(services);
    if (!("seal" in vault)) return vault;
    if (req.actionName === "medit") return pressed(req, services, vault);
    if (req.actionName === "msave") return save(req, services, vault);
    return named(req, services, vault);
  },
};
