// Entering members in chat, one per message: "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre,
// vào CĐ 20/11/2026" is checked, shown back as a card (the only place a full ID number is shown, and only to
// the person who typed it), and saved to the unit's list awaiting approval when confirmed.
import type { Unit } from "#db/repositories/units.ts";
import { doerOf } from "#domain/audit.ts";
import { viDate } from "#domain/calendar.ts";
import { checkMember, type CheckedMember } from "#domain/member-checks.ts";
import {
  addMembers,
  confirmNotice,
  consentOf,
  currentDraft,
  draftById,
  entryUnit,
  fillDraft,
  holderOf,
  isChairOf,
  type Draft,
} from "#domain/member-entry.ts";
import { maskIdNumber, type MemberVault } from "#domain/member-vault.ts";
import { requestTransfer } from "#domain/member-transfer.ts";
import { continueEdit } from "./member-edit.ts";
import { problemLines, vaultOr } from "./member-register.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** The notice a chair confirms before the unit's first member, or what an officer is told. */
async function askConsent(req: Request, unit: Unit, { t }: Services): Promise<Reply> {
  if (!req.actor || !isChairOf(req.actor, unit)) return reply(t("member-consent-chair-only", { unit: unit.name }));
  return reply(t("member-consent-needed", { unit: unit.name }), [
    { label: t("button-member-consent"), action: `consent:${unit.id}` },
  ]);
}

/** The card to confirm, with the full ID number: shown only as the reply to the person who typed it. */
function cardOf(draft: Draft, member: CheckedMember, unit: Unit, t: Services["t"]): Reply {
  const lines = [
    t("member-card", {
      unit: unit.name,
      name: member.fullName,
      gender: t("member-gender", { gender: member.gender }),
      birth: viDate(member.birthDate),
      idNumber: member.idNumber,
      hometown: member.hometown,
      joined: viDate(member.joinedOn),
    }),
  ];
  if (member.cardNumber) lines.push(t("member-card-number", { card: member.cardNumber }));
  const sensitive = member.ethnicity !== undefined || member.religion !== undefined;
  if (sensitive)
    lines.push(t("member-card-sensitive", { ethnicity: member.ethnicity ?? "—", religion: member.religion ?? "—" }));
  lines.push("", t("member-card-how"));
  const save = sensitive
    ? [
        { label: t("button-member-save-sensitive"), action: `member:${draft.id}:sens` },
        { label: t("button-member-save-plain"), action: `member:${draft.id}:yes` },
      ]
    : [{ label: t("button-member-save"), action: `member:${draft.id}:yes` }];
  return reply(lines.join("\n"), [...save, { label: t("button-member-cancel"), action: `member:${draft.id}:no` }]);
}

/** Where the draft stands: problems to fix, parts still missing, someone already registered, or the card. */
async function answerDraft(draft: Draft, unit: Unit, req: Request, services: Services, vault: MemberVault) {
  const { t, repos } = services;
  const checked = checkMember(draft.fields, req.today);
  if (!checked.ok) {
    const lines: string[] = [];
    if (checked.problems.length > 0)
      lines.push(t("member-problems", { name: draft.fields.fullName ?? "" }), ...problemLines(checked.problems, t));
    const [first] = checked.missing;
    if (first) {
      const fields = checked.missing.map((field) => t("member-field", { field })).join(", ");
      lines.push(t("member-missing", { fields, example: t("member-example", { field: first }) }));
    } else lines.push(t("member-resend"));
    return reply(lines.join("\n"));
  }
  const holder = await holderOf(repos, vault, checked.member.idNumber, unit.id);
  const masked = maskIdNumber(checked.member.idNumber);
  if (holder.kind === "same")
    return reply(t("member-same-unit", { name: holder.member.fullName ?? "", masked, unit: unit.name }));
  if (holder.kind === "other")
    return reply(t("member-other-unit", { masked, unit: holder.unit.name }), [
      { label: t("button-member-transfer"), action: `transfer:${draft.id}` },
    ]);
  return cardOf(draft, checked.member, unit, t);
}

async function enter(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  const unit = entryUnit(actor);
  if (!unit) return req.parse.member?.idNumber ? reply(t("member-not-grassroots")) : services.otherwise(req);
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  // While the person corrects a member's record, the parts they send are corrections.
  const editing = await continueEdit(req, services, vault);
  if (editing) return editing;
  const who = { personId: actor.personId, unitId: unit.id, now: req.now };
  const draft = await fillDraft(repos, vault, who, req.parse.member ?? {});
  // A labelled part ("quê Bến Tre") with no one being entered is not about a member.
  if (!draft) return services.otherwise(req);
  if ((await consentOf(repos, unit.id)) === undefined) return askConsent(req, unit, services);
  return answerDraft(draft, unit, req, services, vault);
}

/** "member:<draft>:yes|sens|no": saves the member as shown (ethnicity and religion only with "sens"), or drops it. */
async function save(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
  const draft = /^\d+$/.test(idText) ? await draftById(repos, vault, Number(idText)) : undefined;
  const unit = draft && (await repos.units.byId(draft.unitId));
  if (!draft || !unit || !req.actor || draft.personId !== req.actor.personId) return reply(t("action-expired"));
  if (draft.settled) return reply(t("member-already-settled"));
  if (answer === "no") {
    await repos.pendingImports.settle(draft.id, req.now.toISOString());
    return reply(t("member-cancelled"));
  }
  const consentId = await consentOf(repos, unit.id);
  if (consentId === undefined) return askConsent(req, unit, services);
  // Checked again: another unit may have entered the same person since the card was shown.
  const checked = checkMember(draft.fields, req.today);
  if (!checked.ok) return answerDraft(draft, unit, req, services, vault);
  const holder = await holderOf(repos, vault, checked.member.idNumber, unit.id);
  if (holder.kind !== "none") return answerDraft(draft, unit, req, services, vault);
  if (!(await repos.pendingImports.settle(draft.id, req.now.toISOString()))) return reply(t("member-already-settled"));
  const { listId } = await addMembers(
    repos,
    vault,
    unit,
    [{ member: checked.member, sensitiveConsent: answer === "sens" }],
    {
      who: doerOf(req),
      consentId,
      via: "chat",
    },
  );
  const count = await repos.members.listSize(listId);
  const masked = maskIdNumber(checked.member.idNumber);
  return reply(t("member-saved", { name: checked.member.fullName, masked, unit: unit.name, count }));
}

/** "consent:<unit>": the chair confirms the notice; the member being entered is then shown. */
async function consent(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const actor = req.actor;
  const unit = actor && entryUnit(actor);
  if (!actor || !unit || String(unit.id) !== req.actionArg) return reply(t("action-expired"));
  if (!isChairOf(actor, unit)) return reply(t("member-consent-chair-only", { unit: unit.name }));
  if ((await consentOf(repos, unit.id)) === undefined)
    await confirmNotice(repos, unit, { ...doerOf(req), personId: actor.personId });
  const done = reply(t("member-consent-done", { when: viDate(req.today) }));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const draft = await currentDraft(repos, vault, actor.personId);
  if (!draft || draft.unitId !== unit.id) return done;
  const next = await answerDraft(draft, unit, req, services, vault);
  return { ...next, text: `${done.text}\n\n${next.text}` };
}

/** "mlist:<n>", the button under a report of admissions: how to enter them, after the notice if needed. */
async function howToEnter(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const actor = req.actor;
  const unit = actor && entryUnit(actor);
  if (!unit) return reply(t("member-not-grassroots"));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  if ((await consentOf(repos, unit.id)) === undefined) return askConsent(req, unit, services);
  const count = Number(req.actionArg);
  const heading = Number.isSafeInteger(count) && count > 0 ? [t("member-how-count", { count })] : [];
  return reply([...heading, t("member-how")].join("\n"));
}

/** "transfer:<draft>": asks the chairs of the unit holding the ID number to transfer the member. */
async function transfer(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const draft = /^\d+$/.test(req.actionArg ?? "") ? await draftById(repos, vault, Number(req.actionArg)) : undefined;
  const unit = draft && (await repos.units.byId(draft.unitId));
  if (!draft || !unit || !req.actor || draft.personId !== req.actor.personId || !draft.fields.idNumber)
    return reply(t("action-expired"));
  const holder = await holderOf(repos, vault, draft.fields.idNumber, unit.id);
  if (holder.kind !== "other") return reply(t("action-expired"));
  const sent = await requestTransfer(repos, vault, holder, unit, {
    who: doerOf(req),
    name: req.actor.displayName,
    translateIn: services.translateIn,
  });
  services.wakeDispatcher();
  if (sent === 0) return reply(t("member-transfer-nobody", { unit: holder.unit.name }));
  return reply(t("member-transfer-sent", { count: sent, unit: holder.unit.name }));
}

export const memberEntry: Command = {
  intents: ["member_entry"],
  actions: ["member", "consent", "mlist", "transfer"],
  slash: ["nhapdv", "nhapdanhsach"],
  run(req, services) {
    if (req.actionName === "member") return save(req, services);
    if (req.actionName === "consent") return consent(req, services);
    if (req.actionName === "transfer") return transfer(req, services);
    if (req.actionName === "mlist" || req.parse.slash) return howToEnter(req, services);
    return enter(req, services);
  },
};
