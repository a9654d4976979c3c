// The member's rights in chat: a chair invites a member (/moidv <tên>), the member sees their own record (/toi)
// and asks for a correction (/suatoi <nội dung>) or for deletion; the chair gets the request and corrects
// (commands/member-edit.ts) or erases in the bot. A member's account sees that one record and nothing else.
import type { MemberRow } from "#db/repositories/members.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { viDate } from "#domain/calendar.ts";
import { membersNamed } from "#domain/member-departure.ts";
import { entryUnit } from "#domain/member-entry.ts";
import { openMember } from "#domain/member-register.ts";
import { eraseMember, inviteMember, redeemMemberCode, tellChairs } from "#domain/member-self.ts";
import { maskIdNumber, type MemberVault } from "#domain/member-vault.ts";
import { inviteLink } from "#domain/invites.ts";
import { vaultOr } from "./member-register.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** "/moidv Nguyễn Thị Lan": a code for that member of the chair's unit. */
async function invite(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const unit = req.actor && entryUnit(req.actor);
  if (!unit) return reply(t("member-not-grassroots"));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const name = (req.args ?? "").trim();
  if (!name) return reply(t("member-invite-how"));
  const [member, ...others] = await membersNamed(repos, unit, name);
  if (!member) return reply(t("member-not-on-list", { name, unit: unit.name }));
  if (others.length > 0) return reply(t("member-invite-several", { name }));
  const code = await inviteMember(repos, member, unit, doerOf(req));
  const link = inviteLink(code, await services.botUsername()) ?? "";
  return reply(t("member-invite-made", { name: member.fullName ?? "", code, link }));
}

function recordText(vault: MemberVault, row: MemberRow, unitName: string, t: Services["t"]): string {
  const m = openMember(vault, row);
  const lines = [
    t("member-self-heading", { unit: unitName }),
    t("member-line", {
      n: 1,
      name: m.fullName,
      gender: t("member-gender", { gender: m.gender ?? "female" }),
      birth: m.birthDate ? viDate(m.birthDate) : "—",
      masked: maskIdNumber(m.idNumber),
      hometown: m.hometown || "—",
      joined: viDate(m.joinedOn),
    }),
  ];
  if (m.ethnicity || m.religion)
    lines.push(
      t("member-card-sensitive", { ethnicity: m.ethnicity ?? "—", religion: m.religion ?? "—" }).split("\n")[0] ?? "",
    );
  lines.push(
    t("member-self-status", { approval: m.approval, status: m.status, card: m.cardNumber ?? "—" }),
    "",
    t("member-self-rights"),
  );
  return lines.join("\n");
}

/** "/toi": the member's own record, the view logged. */
async function mine(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const row = await repos.members.ofAccount(req.sender.platform, req.sender.externalId);
  if (!row) return reply(t(req.actor ? "member-self-none-officer" : "member-self-none"));
  const unit = await repos.units.byId(row.unitId);
  await audit(repos, doerOf(req), "member_viewed", unit, { after: { member: row.id } });
  return reply(recordText(vault, row, unit?.name ?? "", t), [
    { label: t("button-member-self-fix"), action: "selfreq:fix" },
    { label: t("button-member-self-erase"), action: "selfreq:erase" },
  ]);
}

/**
 * A request's text with every long run of digits masked: an ID number a member types ("số CCCD đúng là
 * 079196001234") would otherwise reach the chair's chat and the outbox in clear. The chair types the corrected
 * number from the member's card when correcting.
 */
function maskNumbers(text: string): string {
  return text.replace(/\d[\d .]{7,16}\d/g, (run) => {
    const digits = run.replace(/\D/g, "");
    return digits.length >= 9 ? maskIdNumber(digits) : run;
  });
}

/** "/suatoi <nội dung>" or the buttons under /toi: the request goes to the unit's chair, with the button that acts on it. */
async function ask(req: Request, services: Services, what: "fix" | "erase"): Promise<Reply> {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const row = await repos.members.ofAccount(req.sender.platform, req.sender.externalId);
  const unit = row && (await repos.units.byId(row.unitId));
  if (!row || !unit) return reply(t("member-self-none"));
  const detail = (req.args ?? "").trim();
  if (what === "fix" && !detail) return reply(t("member-self-fix-how"));
  const masked = maskIdNumber(openMember(vault, row).idNumber);
  const args = { name: row.fullName ?? "", masked, detail: maskNumbers(detail) };
  const sent = await tellChairs(
    repos,
    unit,
    {
      key: `member-${what}:${row.id}:${req.source}`,
      text: (locale) => services.translateIn(locale, `member-request-${what}`, args),
      choices: (locale: string) => [
        what === "erase"
          ? { label: services.translateIn(locale, "button-member-erase"), action: `erase:${row.id}` }
          : { label: services.translateIn(locale, "button-member-edit"), action: `medit:${row.id}` },
      ],
    },
    req.now,
  );
  services.wakeDispatcher();
  return reply(t(sent > 0 ? "member-self-asked" : "member-self-nobody", { unit: unit.name }));
}

/** "erase:<member>": a chair or officer of the member's unit erases the member's personal data. */
async function erase(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const member = /^\d+$/.test(req.actionArg ?? "") ? await repos.members.get(Number(req.actionArg)) : undefined;
  const unit = member && (await repos.units.byId(member.unitId));
  if (!member || !unit || !req.actor?.posts.some((p) => p.unit.id === unit.id && p.role !== "admin"))
    return reply(t("action-expired"));
  if (!(await eraseMember(repos, member, unit, doerOf(req)))) return reply(t("member-erased-already"));
  return reply(t("member-erased", { unit: unit.name }));
}

export const memberSelf: Command = {
  intents: [],
  actions: ["selfreq", "erase"],
  slash: ["toi", "suatoi", "moidv"],
  open: true,
  run(req, services) {
    if (req.actionName === "erase") return erase(req, services);
    if (req.actionName === "selfreq")
      return req.actionArg === "erase" ? ask(req, services, "erase") : reply(services.t("member-self-fix-how"));
    if (req.parse.slash === "suatoi") return ask(req, services, "fix");
    if (req.parse.slash === "moidv") return req.actor ? invite(req, services) : reply(services.t("not-linked"));
    return mine(req, services);
  },
};

/** A member's code sent as "/start CODE": links the account to the member's record; undefined for other codes. */
export async function redeemMember(req: Request, services: Services): Promise<Reply | undefined> {
  const { t, repos } = services;
  const linked = await redeemMemberCode(repos, req.parse.code ?? "", req.sender, req.now);
  if (linked.kind === "none") return undefined;
  if (linked.kind !== "linked") return reply(t(linked.kind === "used" ? "invite-used" : "invite-expired"));
  const unit = await repos.units.byId(linked.member.unitId);
  await audit(repos, doerOf(req), "account_linked", unit, { after: { role: "member", member: linked.member.id } });
  return reply(t("member-self-linked", { name: linked.member.fullName ?? "", unit: unit?.name ?? "" }), [
    { label: t("button-member-self-view"), action: "say:/toi" },
  ]);
}
