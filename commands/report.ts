// "kết nạp 5 đoàn viên", "2 đv nghỉ việc", "/ketnap 5": record a report and show the unit's new standing.
import { isValidDay, viDate } from "#domain/calendar.ts";
import type { LedgerEntryInput } from "#db/repositories/ledger.ts";
import type { Unit } from "#db/repositories/units.ts";
import * as reports from "#domain/reports.ts";
import { lookUpUnit } from "#domain/unit-lookup.ts";
import type { ReportItem } from "#nlu/types.ts";
import { foundsUnits, reportFounding } from "./found-unit.ts";
import { enterListChoice, memberListLine } from "./member-list-line.ts";
import { parentNames, severalText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** No unit admits this many in one report; anything above is a typing slip. */
export const MAX_REPORT_COUNT = 100_000;

function refuse(key: string, t: Services["t"], args?: Record<string, string | number>): Reply {
  return reply(t(key, args));
}

export const report: Command = {
  intents: ["report"],
  slash: ["ketnap", "giam"],
  async run(req: Request, services: Services): Promise<Reply> {
    const { repos, t } = services;
    const actor = req.actor;
    if (!actor) return refuse("not-linked", t);
    if (req.forwarded) return refuse("report-forwarded", t);
    // A number or date the language layer is unsure of is asked about; nothing is recorded until it is said plainly.
    const doubt = req.parse.uncertain;
    if (doubt) {
      return refuse(`uncertain-${doubt.reason}`, t, {
        text: doubt.text,
        date: doubt.date === undefined ? doubt.text : viDate(doubt.date),
      });
    }
    // Founding is a district admin's and may add a unit: its own command answers it.
    if (foundsUnits(req.parse)) return await reportFounding(req, services);
    const items: ReportItem[] = req.parse.reports ?? [];
    if (items.length === 0) return refuse("report-unclear", t);

    const lookup = await lookUpUnit(actor, req.parse.unit, repos, false, req.parse.unitHint);
    if (lookup.kind === "outside")
      return refuse("report-outside", t, { named: lookup.named, unit: actor.home.unit.name });
    if (lookup.kind === "several") return reply(severalText(lookup, t, await parentNames(repos.units, lookup)));
    if (lookup.kind === "ambiguous") return refuse("report-which-unit", t, { unit: lookup.home.name });
    const unit = lookup.unit;

    const vague = items.find((item) => item.count === undefined);
    if (vague) return refuse("report-no-count", t, { event: t(`event-name-${vague.event}`) });
    if (items.some((item) => !Number.isSafeInteger(item.count) || (item.count ?? 0) < 0))
      return refuse("report-unclear", t);
    // The limits hold for what gets recorded: the sum of an event's clauses, not each clause alone.
    const events = items.map((item) => ({ event: item.event, count: item.count ?? 0, informal: item.informal }));
    const largest = Math.max(...reports.mergeByEvent(events).map((item) => item.count));
    // Above the unit's whole workforce, or above anything a unit admits, is a slip: refused, not asked about.
    const limit = unit.workers > 0 ? Math.min(unit.workers, MAX_REPORT_COUNT) : MAX_REPORT_COUNT;
    if (largest > limit) {
      return unit.workers > 0 && largest <= MAX_REPORT_COUNT
        ? refuse("report-over-workers", t, { count: largest, unit: unit.name, workers: unit.workers })
        : refuse("report-too-large", t, { count: largest });
    }
    if (largest === 0) return refuse("report-nothing", t);

    const day = req.parse.date ?? req.today;
    if (!isValidDay(day)) return refuse("report-unclear", t);
    if (day > req.today) return refuse("report-future", t, { date: viDate(day) });

    // A doubted message recorded after its confirm is not asked about again when it comes back.
    if ((await repos.ledger.bySource(req.source)).length > 0) return refuse("report-already", t);
    const report = { unit, events, day, reporterId: actor.personId, source: req.source, now: req.now };
    const implausible = await reports.doubtAbout(repos, unit, events);
    if (implausible) return await askToConfirm(implausible, report, services);

    const { entries, ids } = await reports.record(repos, report);
    if (ids.length === 0) return refuse("report-already", t);
    return await recordedReply(unit, day, entries, ids[0], req.today, services);
  },
};

/** The lines of a report, one per event: "• Kết nạp 5 đoàn viên". */
function eventLines(events: readonly { event: string; count: number; informal?: boolean }[], t: Services["t"]) {
  return events
    .map((e) => t(`event-${e.event}`, { count: Math.abs(e.count), informal: e.informal ? "yes" : "no" }))
    .join("\n");
}

async function recordedReply(
  unit: Unit,
  day: string,
  entries: LedgerEntryInput[],
  firstId: number | undefined,
  today: string,
  services: Services,
): Promise<Reply> {
  const { standing, t } = services;
  const text = [
    t("report-recorded", { unit: unit.name, date: viDate(day) }),
    eventLines(entries, t),
    "",
    standingText(await standing.ofUnit(unit, today), t),
    ...(await memberListLine(unit, today, services)),
  ].join("\n");
  // Admissions reported can be named at once: the list is entered from the same reply.
  const admitted = entries.filter((e) => e.event === "join").reduce((sum, e) => sum + e.count, 0);
  const enter = await enterListChoice(unit, admitted, services);
  return reply(text, [{ label: t("button-undo"), action: `undo:${firstId}` }, ...enter]);
}

/** Shows a doubted report back with why, and holds it until the reporter confirms it or types it again. */
async function askToConfirm(doubt: reports.Doubt, report: reports.Report, { repos, t }: Services): Promise<Reply> {
  const id = await reports.hold(repos, report);
  const why =
    doubt.kind === "over-not-members"
      ? t("report-doubt-over-not-members", {
          count: doubt.count,
          workers: doubt.workers,
          members: doubt.members,
          room: Math.max(0, doubt.workers - doubt.members),
        })
      : doubt.kind === "doubles-members"
        ? t("report-doubt-doubles-members", { count: doubt.count, members: doubt.members })
        : t("report-doubt-unusual", { count: doubt.count, largest: doubt.largest, reports: doubt.reports });
  const text = [
    t("report-held", { unit: report.unit.name, date: viDate(report.day) }),
    eventLines(reports.mergeByEvent(report.events), t),
    "",
    why,
    t("report-held-how", { button: t("button-report-confirm"), event: doubt.event }),
  ].join("\n");
  return reply(text, [
    { label: t("button-report-confirm"), action: `report:${id}:yes` },
    { label: t("button-report-cancel"), action: `report:${id}:no` },
  ]);
}

/** The buttons under a doubted report: "report:<hold id>:yes" records it as first sent, ":no" drops it. */
export const confirmReport: Command = {
  intents: [],
  actions: ["report"],
  async run(req: Request, services: Services): Promise<Reply> {
    const { repos, t } = services;
    if (!req.actor) return refuse("not-linked", t);
    const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
    const id = /^\d+$/.test(idText) ? Number(idText) : 0;
    const outcome = await reports.settleHeld(repos, id, req.actor.personId, answer === "yes", req.now);
    if (outcome.kind === "recorded")
      return await recordedReply(outcome.unit, outcome.day, outcome.entries, outcome.ids[0], req.today, services);
    if (outcome.kind === "already") return refuse("report-already", t);
    if (outcome.kind === "expired") return refuse("action-expired", t);
    return refuse(outcome.kind === "cancelled" ? "report-held-cancelled" : "report-held-closed", t);
  },
};
