// "/themchitieu Hoạt động văn hóa thể thao = hoạt động": an admin adds a kind of target to the catalogue,
// counted from the reports it names (admissions, departures, foundings, Party referrals, activities).
import { findMetricByName } from "#domain/metric-lookup.ts";
import { mayChangeMetric } from "#domain/metric-owner.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";
import { reply, type Command } from "./types.ts";

/** The report a new count follows, by the words an officer would use. */
const EVENTS: [RegExp, string[]][] = [
  [/phi chinh thuc/, ["join:informal"]],
  [/thuc tang/, ["join", "leave"]],
  [/ket nap/, ["join"]],
  [/giam|nghi viec/, ["leave"]],
  [/thanh lap (cdcs|cong doan)/, ["found_union"]],
  [/thanh lap (nd|nghiep doan)/, ["found_guild"]],
  [/gioi thieu|dang/, ["party_referral"]],
  [/hoat dong/, ["activity"]],
];

export const addMetric: Command = {
  intents: [],
  slash: ["themchitieu"],
  async run(req, { repos, t }) {
    if (!req.actor?.adminUnit) return reply(t("metric-not-admin"));
    const [nameText = "", eventText = "hoạt động"] = (req.args ?? "").split("=").map((part) => part.trim());
    const events = EVENTS.find(([pattern]) => pattern.test(foldWords(eventText)))?.[1];
    const name = nameText.replace(/\s+/g, " ");
    if (name.length < 3 || name.length > 120 || !events) return reply(t("metric-how"));
    const unit = req.actor.adminUnit;
    const fresh = foldWords(name).replaceAll(" ", "_").slice(0, 40);
    // A metric of the same name is the same metric: files name metrics by their names.
    const existing = (await repos.metrics.get(fresh)) ?? findMetricByName(name, (await repos.metrics.all()).values());
    if (existing?.builtin) return reply(t("metric-builtin", { name: existing.name }));
    if (existing && !mayChangeMetric(existing, unit)) return reply(t("metric-not-yours", { name: existing.name }));
    const key = existing?.key ?? fresh;
    await repos.metrics.add({ key, name, kind: "count", events, sector: null, ratings: [] }, unit.id);
    await audit(repos, doerOf(req), "metric_added", unit, { after: { key, name, events } });
    return reply(t("metric-added", { name, key }));
  },
};
