// "còn thiếu bao nhiêu đoàn viên", "tiến độ": the unit's figures, or for district staff the roll-up and who is behind.
import type { Unit } from "../db/repositories/units.ts";
import { lookUpUnit } from "../src/domain/unit-lookup.ts";
import type { MetricKey } from "../src/domain/metrics.ts";
import { behindText, standingText } from "./standing-text.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

function answer(req: Request, services: Services, heading: string): Reply {
  const { repos, t } = services;
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  const lookup = lookUpUnit(actor, req.parse.unit, repos, true);
  if (lookup.kind !== "found") {
    return reply(t("ask-outside", { named: req.parse.unit ?? "", unit: actor.home.unit.name }));
  }
  const unit: Unit = lookup.unit;
  const standing = services.standing.ofUnit(unit, req.today);
  const wanted = req.parse.metric;
  const shown = wanted ? { ...standing, targets: standing.targets.filter((s) => s.metric === wanted) } : standing;
  const parts = [t(heading, { unit: unit.name, period: standing.period }), standingText(shown, t)];

  if (unit.kind !== "grassroots" && unit.kind !== "guild") {
    const metric: MetricKey = wanted ?? standing.targets[0]?.metric ?? "ket_nap";
    const { count, behind } = services.standing.childrenBehind(unit, metric, req.today);
    if (count > 0 && behind.length === 0) parts.push("", t("behind-none", { metric: t(`metric-${metric}`), count }));
    if (behind.length > 0) {
      parts.push("", t("behind-heading", { metric: t(`metric-${metric}`), count }), behindText(behind, t));
    }
  }
  return reply(parts.join("\n"), [{ label: t("button-progress"), action: "say:tiến độ" }]);
}

export const remaining: Command = {
  intents: ["ask_remaining"],
  run: (req, services) => answer(req, services, "remaining-heading"),
};

export const progress: Command = {
  intents: ["ask_progress"],
  run: (req, services) => answer(req, services, "progress-heading"),
};
