// "còn thiếu bao nhiêu đoàn viên", "tiến độ": the unit's figures, or for district staff the roll-up and
// who is behind. "Tiến độ" adds a chart and a forecast.
import type { Unit } from "#db/repositories/units.ts";
import { SECTORS } from "#db/schema.ts";
import { renderProgressChartAsync, type ProgressBar } from "#src/charts/progress-chart.ts";
import { allocationService } from "#domain/allocation.ts";
import { viDate } from "#domain/calendar.ts";
import { furthestBehind, type ChildStanding, type UnitStanding } from "#domain/standing.ts";
import { askedUnit, isReply } from "./asked-unit.ts";
import { behindText, forecastText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";
import { isLeaf } from "#domain/leaf-unit.ts";

interface Answer {
  unit: Unit;
  standing: UnitStanding;
  metric: string;
  children: ChildStanding[];
  parts: string[];
}

/**
 * The figures both asks share. "Còn thiếu" must stay a few indexed lookups at any level, so only
 * "tiến độ" (`detailed`) adds what scans a subtree: the split by sector and the allocation check.
 */
function answer(req: Request, services: Services, heading: string, detailed: boolean): Answer | Reply {
  const { repos, t } = services;
  const unit = askedUnit(req, services);
  if (isReply(unit)) return unit;
  const standing = services.standing.ofUnit(unit, req.today);
  const wanted = req.parse.metric;
  const shown = wanted ? { ...standing, targets: standing.targets.filter((s) => s.metric === wanted) } : standing;
  const parts = [t(heading, { unit: unit.name, period: standing.period }), standingText(shown, t)];
  let metric = wanted ?? standing.targets[0]?.metric ?? "ket_nap";
  let children: ChildStanding[] = [];
  if (!isLeaf(unit)) {
    // Without a metric named, who is behind on what most of the units below were given.
    if (!wanted) metric = repos.targets.childMetrics(unit.id, standing.period)[0] ?? metric;
    children = services.standing.children(unit, metric, req.today);
    const name = repos.metrics.get(metric)?.name ?? metric;
    const behind = furthestBehind(children);
    if (children.length > 0 && behind.length === 0)
      parts.push("", t("behind-none", { metric: name, count: children.length }));
    if (behind.length > 0)
      parts.push("", t("behind-heading", { metric: name, count: children.length }), behindText(behind, t));
    if (detailed) parts.push(...details(unit, metric, name, standing.period, services));
  }
  return { unit, standing: shown, metric, children, parts };
}

function details(unit: Unit, metric: string, name: string, period: string, { repos, t }: Services): string[] {
  const lines: string[] = [];
  const metricDef = repos.metrics.get(metric);
  if (metricDef?.kind === "count") {
    const order = (sector: string | null) =>
      sector === null ? SECTORS.length : SECTORS.indexOf(sector as (typeof SECTORS)[number]);
    const sectors = repos.figures
      .bySector(unit, metricDef.events, period)
      .filter((s) => s.total !== 0)
      .sort((a, b) => order(a.sector) - order(b.sector));
    if (sectors.length > 1) {
      const list = sectors.map((s) => t("sector-part", { sector: s.sector ?? "none", total: s.total })).join(" · ");
      lines.push("", t("sector-line", { metric: name, list }));
    }
  }
  const gap = allocationService(repos).gap(unit, metric, period);
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
  if (a.children.length > 0) {
    return a.children.map((c) => ({
      label: c.name,
      done: c.standing.done,
      target: c.standing.target,
      expected: c.standing.expected,
      behind: c.standing.behindPace,
    }));
  }
  return a.standing.targets.map((s) => ({
    label: s.name,
    done: s.done,
    target: s.target,
    expected: s.expected,
    behind: s.behindPace,
  }));
}

export const remaining: Command = {
  intents: ["ask_remaining"],
  slash: ["conthieu"],
  run(req, services) {
    const a = answer(req, services, "remaining-heading", false);
    if ("text" in a) return a;
    return reply(a.parts.join("\n"), [{ label: services.t("button-progress"), action: "say:tiến độ" }]);
  },
};

export const progress: Command = {
  intents: ["ask_progress"],
  slash: ["tiendo"],
  async run(req, services) {
    const { t, repos } = services;
    const a = answer(req, services, "progress-heading", true);
    if ("text" in a) return a;
    const forecast = forecastText(a.standing, t);
    const text = forecast ? [...a.parts, "", forecast].join("\n") : a.parts.join("\n");
    const bars = chartBars(a);
    if (bars.length === 0) return reply(text);
    const metricName = a.children.length > 0 ? (repos.metrics.get(a.metric)?.name ?? a.metric) : t("chart-all-targets");
    // Rasterised off the main thread: other chats' updates go on while the picture is drawn.
    const png = await renderProgressChartAsync({
      title: `${a.unit.name} — ${metricName}`,
      subtitle: t("chart-subtitle", { period: a.standing.period, date: viDate(req.today) }),
      bars,
    });
    return { text, image: { png, caption: t("chart-caption", { unit: a.unit.name }) } };
  },
};
