// "Nguyễn Văn An nghỉ việc": a named member of the chair's unit leaves, retires or moves. A name not on the
// list is answered as the count report it otherwise reads as.
import type { MemberRow } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { doerOf } from "#domain/audit.ts";
import { isValidDay, viDate } from "#domain/calendar.ts";
import { departMember, membersNamed } from "#domain/member-departure.ts";
import { entryUnit } from "#domain/member-entry.ts";
import { openMember } from "#domain/member-register.ts";
import { maskIdNumber, type MemberVault } from "#domain/member-vault.ts";
import type { MemberDeparture } from "#nlu/types.ts";
import { memberListLine } from "./member-list-line.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

const STATUSES = ["left", "retired", "moved"] as const;

async function depart(
  req: Request,
  services: Services,
  context: { unit: Unit; member: MemberRow; vault: MemberVault; status: MemberDeparture["status"]; on: string },
): Promise<Reply> {
  const { t, repos } = services;
  const { unit, member, vault, status, on } = context;
  if (!(await departMember(repos, unit, member, { status, on }, doerOf(req))))
    return reply(t("member-departed-already"));
  const masked = maskIdNumber(openMember(vault, member).idNumber);
  const text = t("member-departed", { name: member.fullName ?? "", masked, status, date: viDate(on), unit: unit.name });
  return reply([text, ...(await memberListLine(unit, req.today, services))].join("\n"));
}

async function named(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const said = req.parse.departure;
  const unit = req.actor && entryUnit(req.actor);
  const state = await services.register();
  if (!said || !unit || !state.on) return services.otherwise(req);
  const on = said.on ?? req.today;
  if (on > req.today) return reply(t("report-future", { date: viDate(on) }));
  const found = await membersNamed(repos, unit, said.name);
  if (found.length === 0) {
    const otherwise = await services.otherwise(req);
    return {
      ...otherwise,
      text: `${t("member-not-on-list", { name: said.name, unit: unit.name })}\n${otherwise.text}`,
    };
  }
  const [only] = found;
  if (found.length === 1 && only)
    return depart(req, services, { unit, member: only, vault: state.vault, status: said.status, on });
  const choices = found.slice(0, 10).map((m) => ({
    label: `${m.fullName} · ${maskIdNumber(openMember(state.vault, m).idNumber)}`,
    action: `depart:${m.id}:${said.status}:${on}`,
  }));
  return reply(t("member-which", { name: said.name, count: found.length }), choices);
}

/** "depart:<member>:<status>:<day>": the one of several namesakes the chair picked. */
async function picked(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const [idText = "", status = "", on = ""] = (req.actionArg ?? "").split(":");
  const unit = req.actor && entryUnit(req.actor);
  const state = await services.register();
  const member = /^\d+$/.test(idText) ? await repos.members.get(Number(idText)) : undefined;
  const known = (STATUSES as readonly string[]).includes(status) && isValidDay(on);
  if (!unit || !state.on || !member || member.unitId !== unit.id || !known) return reply(t("action-expired"));
  return depart(req, services, { unit, member, vault: state.vault, status: status as MemberDeparture["status"], on });
}

export const memberDeparture: Command = {
  intents: ["member_departure"],
  actions: ["depart"],
  run(req, services) {
    return req.actionName === "depart" ? picked(req, services) : named(req, services);
  },
};
