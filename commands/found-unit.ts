// "thành lập 1 CĐCS mới", "vừa thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên": a district admin counts
// what the district founded; a named union or guild is shown first and, once confirmed, added below the district.
import type { Unit } from "#db/repositories/units.ts";
import { isValidDay, viDate } from "#domain/calendar.ts";
import * as founding from "#domain/founding.ts";
import { record } from "#domain/reports.ts";
import type { Parse } from "#nlu/types.ts";
import { targetLine } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** No district founds this many unions in one message; anything above is a typing slip. */
const MAX_FOUNDED = 1_000;

const METRIC_OF: Record<founding.FoundingEvent, string> = {
  found_union: "thanh_lap_cdcs",
  found_guild: "thanh_lap_nghiep_doan",
};

const isFoundingEvent = (event: string): event is founding.FoundingEvent =>
  (founding.FOUNDING_EVENTS as readonly string[]).includes(event);

/** Whether a report speaks of founding: such reports are this command's, whatever else they hold. */
export function foundsUnits(parse: Parse): boolean {
  return (parse.reports ?? []).some((item) => isFoundingEvent(item.event));
}

/** The district's standing on the founding targets the events count toward. */
async function standingLines(
  req: Request,
  services: Services,
  unit: Unit,
  events: founding.FoundingEvent[],
): Promise<string[]> {
  const metrics = new Set(events.map((event) => METRIC_OF[event]));
  return (await services.standing.ofUnit(unit, req.today)).targets
    .filter((target) => metrics.has(target.metric))
    .map((target) => targetLine(target, services.t));
}

/** Shows the named unit with confirm and cancel buttons; nothing is written before "Xác nhận". */
async function proposeUnit(
  req: Request,
  services: Services,
  parent: Unit,
  proposal: founding.Proposal,
): Promise<Reply> {
  const { t } = services;
  const id = await founding.propose(services.repos, req.actor?.personId ?? 0, proposal, req.now);
  const text = t("found-card", {
    name: proposal.name,
    kind: proposal.event,
    sector: proposal.sector ?? "none",
    members: proposal.members,
    parent: parent.name,
    date: viDate(proposal.day),
  });
  return reply(text, [
    { label: t("button-found-confirm"), action: `found:${id}:yes` },
    { label: t("button-import-cancel"), action: `found:${id}:no` },
  ]);
}

/** A founding message: counted for the district, or a named unit proposed. `report` hands these over. */
export async function reportFounding(req: Request, services: Services): Promise<Reply> {
  const { repos, t } = services;
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  const items = req.parse.reports ?? [];
  if (!items.every((item) => isFoundingEvent(item.event))) return reply(t("found-separately"));
  const place = await founding.foundingPlace(actor, req.parse.unit, repos);
  if (place.kind === "not-allowed") return reply(t("found-not-allowed"));
  if (place.kind === "outside") return reply(t("report-outside", { named: place.named, unit: actor.home.unit.name }));
  const parent = place.unit;
  const day = req.parse.date ?? req.today;
  if (!isValidDay(day)) return reply(t("report-unclear"));
  if (day > req.today) return reply(t("report-future", { date: viDate(day) }));

  const [only] = items;
  if (items.length === 1 && only?.founded && isFoundingEvent(only.event)) {
    const name = founding.fullName(only.event, only.founded.name);
    const existing = await founding.sameNamed(repos, parent, name);
    if (existing) return reply(t("found-exists", { name: existing.name, code: existing.code }));
    const members = only.founded.members ?? 0;
    return await proposeUnit(req, services, parent, {
      parentId: parent.id,
      event: only.event,
      name,
      sector: only.founded.sector ?? null,
      members,
      // Workers not said stay unknown (0), not guessed from the members: checks that need them then stay quiet.
      workers: only.founded.workers === undefined ? 0 : Math.max(only.founded.workers, members),
      day,
    });
  }

  const vague = items.find((item) => item.count === undefined);
  if (vague) return reply(t("report-no-count", { event: t(`event-name-${vague.event}`) }));
  const events = items.map((item) => ({ event: item.event, count: item.count ?? 0 }));
  if (events.some((e) => !Number.isSafeInteger(e.count) || e.count < 0)) return reply(t("report-unclear"));
  const largest = Math.max(...events.map((e) => e.count));
  if (largest > MAX_FOUNDED) return reply(t("report-too-large", { count: largest }));
  if (largest === 0) return reply(t("report-nothing"));
  const { entries, ids } = await record(repos, {
    unit: parent,
    events,
    day,
    reporterId: actor.personId,
    source: req.source,
    now: req.now,
  });
  if (ids.length === 0) return reply(t("report-already"));
  const done = entries.map((e) => t(`event-${e.event}`, { count: e.count, informal: "no" }));
  const counted = entries.map((e) => e.event).filter(isFoundingEvent);
  const text = [
    t("report-recorded", { unit: parent.name, date: viDate(day) }),
    ...done,
    ...(await standingLines(req, services, parent, counted)),
  ].join("\n");
  return reply(text, [{ label: t("button-undo"), action: `undo:${ids[0]}` }]);
}

/** "Xác nhận" or "Hủy" under a proposed unit: adds it and records the founding once, or drops it. */
async function settle(req: Request, services: Services): Promise<Reply> {
  const { repos, t } = services;
  const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
  const id = Number(idText);
  const actor = req.actor;
  const pending = actor ? await founding.pendingProposal(repos, id, actor.personId) : undefined;
  if (!actor || !pending) return reply(t("action-expired"));
  if (pending.settled) return reply(t("found-already"));
  if (answer !== "yes") {
    await founding.cancel(repos, id, req.now);
    return reply(t("found-cancelled"));
  }
  const { proposal } = pending;
  const parent = await repos.units.byId(proposal.parentId);
  // Checked again: the admin's roles or the units below may have changed since the card was shown.
  if (!parent || !actor.isAdminOf(parent)) return reply(t("found-not-allowed"));
  const existing = await founding.sameNamed(repos, parent, proposal.name);
  if (existing) return reply(t("found-exists", { name: existing.name, code: existing.code }));
  const unit = await founding.found(repos, id, proposal, actor.personId, req.now);
  if (!unit) return reply(t("found-already"));
  const text = [
    t("found-done", { name: unit.name, code: unit.code, parent: parent.name }),
    ...(await standingLines(req, services, parent, [proposal.event])),
  ].join("\n");
  return reply(text);
}

export const foundUnit: Command = {
  intents: [],
  actions: ["found"],
  async run(req, services) {
    return req.actionArg !== undefined ? await settle(req, services) : await reportFounding(req, services);
  },
};
