// "kết nạp 5 đoàn viên", "2 đv nghỉ việc", "/ketnap 5": record a report and show the unit's new standing.
import { isValidDay, viDate } from "#domain/calendar.ts";
import * as reports from "#domain/reports.ts";
import { lookUpUnit } from "#domain/unit-lookup.ts";
import type { ReportItem } from "#nlu/types.ts";
import { foundsUnits, reportFounding } from "./found-unit.ts";
import { severalText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** No unit admits this many in one report; anything above is a typing slip. */
export const MAX_REPORT_COUNT = 100_000;

function refuse(key: string, t: Services["t"], args?: Record<string, string | number>): Reply {
  return reply(t(key, args));
}

export const report: Command = {
  intents: ["report"],
  slash: ["ketnap", "giam"],
  run(req: Request, services: Services): Reply {
    const { repos, t } = services;
    const actor = req.actor;
    if (!actor) return refuse("not-linked", t);
    // A number or date the language layer is unsure of is asked about; nothing is recorded until it is said plainly.
    const doubt = req.parse.uncertain;
    if (doubt) {
      return refuse(`uncertain-${doubt.reason}`, t, {
        text: doubt.text,
        date: doubt.date === undefined ? doubt.text : viDate(doubt.date),
      });
    }
    // Founding is a district admin's and may add a unit: its own command answers it.
    if (foundsUnits(req.parse)) return reportFounding(req, services);
    const items: ReportItem[] = req.parse.reports ?? [];
    if (items.length === 0) return refuse("report-unclear", t);

    const lookup = lookUpUnit(actor, req.parse.unit, repos, false, req.parse.unitHint);
    if (lookup.kind === "outside")
      return refuse("report-outside", t, { named: lookup.named, unit: actor.home.unit.name });
    if (lookup.kind === "several") return reply(severalText(lookup, t, (id) => repos.units.byId(id)?.name));
    if (lookup.kind === "ambiguous") return refuse("report-which-unit", t, { unit: lookup.home.name });
    const unit = lookup.unit;

    const vague = items.find((item) => item.count === undefined);
    if (vague) return refuse("report-no-count", t, { event: t(`event-name-${vague.event}`) });
    if (items.some((item) => !Number.isSafeInteger(item.count) || (item.count ?? 0) < 0))
      return refuse("report-unclear", t);
    // The limits hold for what gets recorded: the sum of an event's clauses, not each clause alone.
    const events = items.map((item) => ({ event: item.event, count: item.count ?? 0, informal: item.informal }));
    const largest = Math.max(...reports.mergeByEvent(events).map((item) => item.count));
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

    const { entries, ids } = reports.record(repos, {
      unit,
      events,
      day,
      reporterId: actor.personId,
      source: req.source,
      now: req.now,
    });
    if (ids.length === 0) return refuse("report-already", t);

    const done = entries
      .map((e) => t(`event-${e.event}`, { count: Math.abs(e.count), informal: e.informal ? "yes" : "no" }))
      .join("\n");
    const standing = services.standing.ofUnit(unit, req.today);
    const text = [
      t("report-recorded", { unit: unit.name, date: viDate(day) }),
      done,
      "",
      standingText(standing, t),
    ].join("\n");
    return reply(text, [{ label: t("button-undo"), action: `undo:${ids[0]}` }]);
  },
};
