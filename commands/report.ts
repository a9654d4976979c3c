// "kết nạp 5 đoàn viên", "2 đv nghỉ việc", "/ketnap 5": record a report and show the unit's new standing.
import { lineage } from "#db/repositories/units.ts";
import { isValidDay, viDate } from "#domain/calendar.ts";
import { lookUpUnit } from "#domain/unit-lookup.ts";
import type { ReportItem } from "#nlu/types.ts";
import { severalText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** No unit admits this many in one report; anything above is a typing slip. */
export const MAX_REPORT_COUNT = 100_000;

function refuse(key: string, t: Services["t"], args?: Record<string, string | number>): Reply {
  return reply(t(key, args));
}

/** "kết nạp 3, chiều kết nạp thêm 2" is one report of 5: a message records each event once. */
function mergeByEvent(items: ReportItem[]): ReportItem[] {
  const merged = new Map<string, ReportItem>();
  for (const item of items) {
    const key = `${item.event}:${item.informal ? 1 : 0}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, count: (seen.count ?? 0) + (item.count ?? 0) } : { ...item });
  }
  return [...merged.values()];
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
    const merged = mergeByEvent(items);
    const largest = Math.max(...merged.map((item) => item.count ?? 0));
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

    const chain = lineage(unit);
    const entries = merged
      .filter((item) => (item.count ?? 0) > 0)
      .map((item) => ({
        unitId: unit.id,
        lineage: chain,
        event: item.event,
        // Departures are stored negative so that a sum over the ledger is the net change.
        count: item.event === "leave" ? -(item.count ?? 0) : (item.count ?? 0),
        // A guild of street vendors or motorbike taxis admits informal-economy workers, whatever the words.
        informal: item.informal ?? unit.sector === "informal",
        occurredOn: day,
        reporterId: actor.personId,
        source: req.source,
      }));
    const ids = repos.ledger.record(entries, req.now.toISOString());
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
