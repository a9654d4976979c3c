// District staff approve the lists units send up: /duyetdv lists those pending in their subtree, a button
// opens one, and it is approved whole, or returned with "/tralai <số> <lý do>", the reason going to the chair.
import type { MemberList } from "#db/repositories/members.ts";
import { audit, auditEntry, doerOf } from "#domain/audit.ts";
import { dayOf, viDate } from "#domain/calendar.ts";
import { mayReview, pendingListsFor, reviewList } from "#domain/member-approval.ts";
import { openMember } from "#domain/member-register.ts";
import { maskIdNumber, type MemberVault } from "#domain/member-vault.ts";
import { vaultOr } from "./member-register.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** A list the person may review, by the id a button or a command gives; undefined otherwise. */
async function reviewable(req: Request, services: Services, idText: string): Promise<MemberList | undefined> {
  if (!req.actor || !/^\d+$/.test(idText)) return undefined;
  const list = await services.repos.members.list(Number(idText));
  const unit = list && (await services.repos.units.byId(list.unitId));
  return list && unit && mayReview(req.actor, unit) ? list : undefined;
}

async function pendingLists(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  if (!req.actor) return reply(t("not-linked"));
  const lists = await pendingListsFor(repos, req.actor);
  if (lists.length === 0 && !req.actor.posts.some((p) => p.unit.kind !== "grassroots" && p.unit.kind !== "guild"))
    return reply(t("member-review-not-staff"));
  if (lists.length === 0) return reply(t("member-review-none"));
  const lines = lists.map((l) =>
    t("member-review-line", {
      unit: l.unitName,
      count: l.count,
      date: viDate(dayOf(new Date(l.createdAt), services.timeZone)),
    }),
  );
  const choices = lists.slice(0, 20).map((l) => ({
    label: t("button-member-review-open", { unit: l.unitName, count: l.count }),
    action: `review:${l.id}`,
  }));
  return reply([t("member-review-heading", { count: lists.length }), ...lines].join("\n"), choices);
}

/** The members of a list, each on a line, the ID number masked; the view is logged. */
async function openList(req: Request, services: Services, list: MemberList, vault: MemberVault): Promise<Reply> {
  const { t, repos } = services;
  const rows = await repos.members.ofList(list.id);
  const unit = await repos.units.byId(list.unitId);
  await audit(repos, doerOf(req), "member_list_viewed", unit, {
    after: { list: list.id, members: rows.map((r) => r.id) },
  });
  const lines = rows.map((row, i) => {
    const m = openMember(vault, row);
    return t("member-line", {
      n: i + 1,
      name: m.fullName,
      gender: t("member-gender", { gender: m.gender ?? "female" }),
      birth: m.birthDate ? viDate(m.birthDate) : "—",
      masked: m.idNumber ? maskIdNumber(m.idNumber) : "—",
      hometown: m.hometown || "—",
      joined: viDate(m.joinedOn),
    });
  });
  const heading = t("member-review-open", { unit: list.unitName, count: rows.length, status: list.status });
  if (list.status !== "pending") return reply([heading, ...lines].join("\n"));
  return reply([heading, ...lines, "", t("member-review-how", { id: list.id })].join("\n"), [
    { label: t("button-member-approve"), action: `review:${list.id}:ok` },
    { label: t("button-member-return"), action: `review:${list.id}:back` },
  ]);
}

async function review(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const [idText = "", what = ""] = (req.actionArg ?? "").split(":");
  const list = await reviewable(req, services, idText);
  if (!list) return reply(t("member-review-not-yours"));
  if (what === "") return openList(req, services, list, vault);
  if (what === "back") return reply(t("member-return-how", { id: list.id }));
  if (list.status !== "pending") return reply(t("member-review-settled"));
  const outcome = await reviewList(repos, list, {
    approval: "approved",
    reason: null,
    who: doerOf(req),
    translateIn: services.translateIn,
  });
  if (outcome.kind === "already") return reply(t("member-review-settled"));
  services.wakeDispatcher();
  return reply(t("member-approved", { unit: list.unitName, count: outcome.count, added: outcome.added }));
}

/** "/tralai <số> <lý do>": returns a list with the reason, which goes to the unit's chair. */
async function giveBack(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const match = /^(\d+)\s+([\s\S]{3,500})$/.exec((req.args ?? "").trim());
  if (!match) return reply(t("member-return-usage"));
  const list = await reviewable(req, services, match[1] ?? "");
  if (!list) return reply(t("member-review-not-yours"));
  if (list.status !== "pending") return reply(t("member-review-settled"));
  const reason = (match[2] ?? "").trim();
  const outcome = await reviewList(repos, list, {
    approval: "returned",
    reason,
    who: doerOf(req),
    translateIn: services.translateIn,
  });
  if (outcome.kind === "already") return reply(t("member-review-settled"));
  services.wakeDispatcher();
  return reply(t("member-returned", { unit: list.unitName, count: outcome.count }));
}

/** "resubmit:<list>": the unit's chair or officer sends a returned list up again. */
async function resubmit(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  const list = /^\d+$/.test(req.actionArg ?? "") ? await repos.members.list(Number(req.actionArg)) : undefined;
  const unit = list && (await repos.units.byId(list.unitId));
  if (!list || !unit || !req.actor?.posts.some((p) => p.unit.id === unit.id)) return reply(t("action-expired"));
  const sent = await repos.transaction(async () => {
    if (!(await repos.members.resubmit(list.id))) return false;
    await repos.audit.append(
      auditEntry(doerOf(req), "member_added", unit, { after: { list: list.id, resubmitted: true } }),
    );
    return true;
  });
  return reply(t(sent ? "member-resubmitted" : "member-review-settled", { unit: unit.name }));
}

export const memberApproval: Command = {
  intents: [],
  actions: ["review", "resubmit"],
  slash: ["duyetdv", "tralai"],
  run(req, services) {
    if (req.actionName === "review") return review(req, services);
    if (req.actionName === "resubmit") return resubmit(req, services);
    if (req.parse.slash === "tralai") return giveBack(req, services);
    return pendingLists(req, services);
  },
};
