// "còn thiếu bao nhiêu đoàn viên", "tiến độ": the unit's figures, or for district staff the roll-up and
// who is behind. "Tiến độ" adds a chart and a forecast.
import type { Unit } from "#db/repositories/units.ts";
import { SECTORS } from "#db/schema.ts";
import { renderProgressChartAsync, type ProgressBar } from "#src/charts/progress-chart.ts";
import { standingBars } from "#src/charts/standing-bars.ts";
import { allocationService } from "#domain/allocation.ts";
import { viDate } from "#domain/calendar.ts";
import { isMemberMetric, MEMBERS_TOPIC, metricsMeant } from "#domain/metric-lookup.ts";
import { furthestBehind, type ChildStanding, type UnitStanding } from "#domain/standing.ts";
import { askedMetric, askedUnit, isReply } from "./asked-unit.ts";
import { behindText, forecastText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { memberListLine } from "./member-list-line.ts";

interface Answer {
  unit: Unit;
  standing: UnitStanding;
  metric: string;
  children: ChildStanding[];
  parts: string[];
}

/**
 * Which of the unit's targets an ask is about. "Đoàn viên" means every member target the unit has;
 * a metric the unit was not given falls back to the targets it has, saying so, rather than "no targets".
 */
async function targetsAsked(standing: UnitStanding, wanted: string | undefined, { repos, t }: Services) {
  if (!wanted || standing.targets.length === 0) return { targets: standing.targets, meant: undefined, note: undefined };
  const metrics = await repos.metrics.all();
  const meant = metricsMeant(wanted, metrics.values());
  const matching = standing.targets.filter((s) => meant.has(s.metric));
  if (matching.length > 0) return { targets: matching, meant, note: undefined };
  const asked = metrics.get(wanted);
  const aboutMembers = wanted === MEMBERS_TOPIC || (asked !== undefined && isMemberMetric(asked));
  const family = standing.targets.filter((s) => {
    const metric = metrics.get(s.metric);
    return aboutMembers && metric !== undefined && isMemberMetric(metric);
  });
  const targets = family.length > 0 ? family : standing.targets;
  const note = t("remaining-not-given", {
    unit: standing.unit.name,
    asked: asked?.name ?? t("metric-topic-members"),
    list: targets.map((s) => s.name).join(", "),
  });
  return { targets, meant: new Set(targets.map((s) => s.metric)), note };
}

/**
 * The metric to rank the units below by. Without a metric named, what most of them were given; with one,
 * the first of the unit's own answered targets that units below share, then any other the ask means.
 */
async function childMetric(
  unit: Unit,
  shown: UnitStanding,
  meant: Set<string> | undefined,
  services: Services,
): Promise<string> {
  const given = await services.repos.targets.childMetrics(unit.id, shown.period);
  const fallback = shown.targets[0]?.metric ?? "ket_nap";
  if (!meant) return given[0] ?? fallback;
  const own = shown.targets.map((s) => s.metric);
  return given.find((m) => own.includes(m)) ?? given.find((m) => meant.has(m)) ?? fallback;
}

/**
 * The figures both asks share. "Còn thiếu" must stay a few indexed lookups at any level, so only
 * "tiến độ" (`detailed`) adds what scans a subtree: the split by sector and the allocation check.
 * A large subtree's standing is read off the main thread (services.reader), where it takes its second.
 */
async function answer(req: Request, services: Services, action: string, detailed: boolean): Promise<Answer | Reply> {
  const { repos, t, reader } = services;
  const heading = detailed ? "progress-heading" : "remaining-heading";
  const unit = await askedUnit(req, services, action);
  if (isReply(unit)) return unit;
  const standing = await reader.ofUnit(unit, req.today);
  const asked = await targetsAsked(standing, askedMetric(req, action), services);
  const shown = { ...standing, targets: asked.targets };
  const parts = [t(heading, { unit: unit.name, period: standing.period })];
  if (asked.note) parts.push(asked.note);
  let children: ChildStanding[] = [];
  let metric = shown.targets[0]?.metric ?? "ket_nap";
  if (!isLeaf(unit)) {
    metric = await childMetric(unit, shown, asked.meant, services);
    children = await reader.children(unit, metric, req.today);
  }
  // A district with no target of its own but units below that have some is not "given no targets".
  if (shown.targets.length > 0 || children.length === 0) parts.push(standingText(shown, t));
  else parts.push(t("standing-none-own", { unit: unit.name, period: standing.period }));
  if (!isLeaf(unit)) {
    const name = (await repos.metrics.get(metric))?.name ?? metric;
    const behind = furthestBehind(children);
    if (children.length > 0 && behind.length === 0)
      parts.push("", t("behind-none", { metric: name, count: children.length }));
    if (behind.length > 0)
      parts.push("", t("behind-heading", { metric: name, count: children.length }), behindText(behind, t));
    if (detailed) parts.push(...(await details(unit, metric, name, standing.period, services)));
  }
  return { unit, standing: shown, metric, children, parts };
}

async function details(
  unit: Unit,
  metric: string,
  name: string,
  period: string,
  { repos, t, reader }: Services,
): Promise<string[]> {
  const lines: string[] = [];
  const metricDef = await repos.metrics.get(metric);
  if (metricDef?.kind === "count") {
    const order = (sector: string | null) =>
      sector === null ? SECTORS.length : SECTORS.indexOf(sector as (typeof SECTORS)[number]);
    const sectors = (await reader.bySector(unit, metricDef.events, period))
      .filter((s) => s.total !== 0)
      .sort((a, b) => order(a.sector) - order(b.sector));
    if (sectors.length > 1) {
      const list = sectors.map((s) => t("sector-part", { sector: s.sector ?? "none", total: s.total })).join(" · ");
      lines.push("", t("sector-line", { metric: name, list }));
    }
  }
  const gap = await allocationService(repos).gap(unit, metric, period);
  if (gap)
    lines.push(
      "",
      t("allocation-gap-line", {
        metric: name,
        allocated: gap.allocated,
        target: gap.target,
        missing: gap.missingChildren,
      }),
    );
  return lines;
}

function chartBars(a: Answer): ProgressBar[] {
  return standingBars(a.children, a.standing.targets);
}

export const remaining: Command = {
  intents: ["ask_remaining"],
  slash: ["conthieu"],
  actions: ["remaining"],
  async run(req, services) {
    const a = await answer(req, services, "remaining", false);
    if ("text" in a) return a;
    const list = await memberListLine(a.unit, req.today, services);
    return reply([...a.parts, ...list].join("\n"), [{ label: services.t("button-progress"), action: "say:tiến độ" }]);
  },
};

export const progress: Command = {
  intents: ["ask_progress"],
  slash: ["tiendo"],
  actions: ["progress"],
  async run(req, services) {
    const { t, repos } = services;
    const a = await answer(req, services, "progress", true);
    if ("text" in a) return a;
    const forecast = forecastText(a.standing, t);
    const text = forecast ? [...a.parts, "", forecast].join("\n") : a.parts.join("\n");
    const bars = chartBars(a);
    if (bars.length === 0) return reply(text);
    const metricName =
      a.children.length > 0 ? ((await repos.metrics.get(a.metric))?.name ?? a.metric) : t("chart-all-targets");
    // Rasterised off the main thread: other chats' updates go on while the picture is drawn.
    const png = await renderProgressChartAsync({
      title: `${a.unit.name} — ${metricName}`,
      subtitle: t("chart-subtitle", { period: a.standing.period, date: viDate(req.today) }),
      bars,
    });
    return { text, image: { png, caption: t("chart-caption", { unit: a.unit.name }) } };
  },
};
