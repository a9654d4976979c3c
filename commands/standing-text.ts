// Renders standings as the short lines a chair reads on a phone.
import { viDate } from "#domain/calendar.ts";
import type { ChildStanding, TargetStanding, UnitStanding } from "#domain/standing.ts";
import type { UnitRepository } from "#db/contract.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Translate } from "./types.ts";

/** At most this many names of units short of a per-unit minimum, so a line stays readable. */
const SHORT_NAMES = 5;

export function targetLine(s: TargetStanding, t: Translate): string {
  const line = ownLine(s, t);
  return s.setBy === undefined ? line : `${line}\n${t("standing-set-by", { unit: s.setBy })}`;
}

function ownLine(s: TargetStanding, t: Translate): string {
  const args = {
    metric: s.name,
    done: s.done,
    target: s.target,
    percent: s.percent,
    missing: s.missing,
    over: Math.max(0, s.done - s.target),
    days: Math.abs(s.daysLeft),
    deadline: viDate(s.deadline),
  };
  if (s.scope === "each") {
    // `missing` counts the units short; the list may hold only the first of them (read off the main thread).
    const short = s.unitsShort ?? [];
    const names =
      short
        .slice(0, SHORT_NAMES)
        .map((u) => u.name)
        .join(", ") + (s.missing > SHORT_NAMES ? ", …" : "");
    const reached = (s.unitsTotal ?? 0) - s.missing;
    return t(s.missing === 0 ? "standing-each-reached" : "standing-each", {
      ...args,
      reached,
      total: s.unitsTotal ?? 0,
      names,
    });
  }
  if (s.measure === "percent") {
    if (s.missing === 0) return t("standing-rate-reached", args);
    const line = t("standing-rate", args);
    return s.membersNeeded ? `${line}\n${t("standing-rate-members", { members: s.membersNeeded })}` : line;
  }
  if (s.missing === 0) return t(s.done > s.target ? "standing-exceeded" : "standing-reached", args);
  if (s.daysLeft < 0) return t("standing-overdue", args);
  if (s.daysLeft === 0) return t("standing-due-today", args);
  return t(s.behindPace ? "standing-behind" : "standing-open", args);
}

export function standingText(standing: UnitStanding, t: Translate): string {
  if (standing.targets.length === 0) {
    return t("standing-no-targets", { unit: standing.unit.name, period: standing.period });
  }
  return standing.targets.map((s) => targetLine(s, t)).join("\n");
}

/**
 * "Theo tốc độ hiện nay sẽ đạt vào khoảng 15/11/2026" for count targets still open that count up from zero
 * over the period: a member total or a per-unit minimum has no pace to extend.
 */
export function forecastText(standing: UnitStanding, t: Translate): string {
  return standing.targets
    .filter((s) => s.paced && s.measure === "count" && s.scope === "total" && s.missing > 0 && s.daysLeft >= 0)
    .map((s) =>
      s.forecast === null
        ? t("forecast-none", { metric: s.name })
        : s.forecast.slice(0, 4) > s.deadline.slice(0, 4)
          ? t("forecast-not-this-year", { metric: s.name, deadline: viDate(s.deadline) })
          : t(s.forecast <= s.deadline ? "forecast-on-time" : "forecast-late", {
              metric: s.name,
              date: viDate(s.forecast),
              deadline: viDate(s.deadline),
            }),
    )
    .join("\n");
}

export function behindText(children: ChildStanding[], t: Translate): string {
  return children
    .map((child, i) =>
      t(child.standing.measure === "percent" ? "behind-line-rate" : "behind-line", {
        rank: i + 1,
        unit: child.name,
        done: child.standing.done,
        target: child.standing.target,
        percent: child.standing.percent,
        missing: child.standing.missing,
      }),
    )
    .join("\n");
}

/**
 * "“nđ xe ôm” fits several units: …": nothing is done until the person names one. Units of the same
 * name are told apart by the unit above them.
 */
/** A unit among namesakes, with the union above it when another of them has the very same name. */
export function namesakeLabel(
  lookup: { units: Unit[] },
  unit: Unit,
  nameOf: (unitId: number) => string | undefined,
): string {
  const twin = lookup.units.some((other) => other.id !== unit.id && other.name === unit.name);
  const above = twin && unit.parentId !== null ? nameOf(unit.parentId) : undefined;
  return above ? `${unit.name} (${above})` : unit.name;
}

/** The names of the namesakes' parent units, looked up once, for `namesakeLabel` and `severalText`. */
export async function parentNames(
  units: Pick<UnitRepository, "byId">,
  lookup: { units: Unit[] },
): Promise<(unitId: number) => string | undefined> {
  const names = new Map<number, string>();
  for (const unit of lookup.units) {
    if (unit.parentId === null || names.has(unit.parentId)) continue;
    const parent = await units.byId(unit.parentId);
    if (parent) names.set(parent.id, parent.name);
  }
  return (unitId) => names.get(unitId);
}

/** With `buttons`, each unit comes with a button asking the same question, and the text says to press one. */
export function severalText(
  lookup: { named: string; units: Unit[]; more: number },
  t: Translate,
  nameOf: (unitId: number) => string | undefined,
  buttons = false,
): string {
  const lines = lookup.units.map((unit) => `• ${namesakeLabel(lookup, unit, nameOf)}`);
  if (lookup.more > 0) lines.push(t("unit-several-more", { count: lookup.more }));
  const twins = lookup.units.some((unit) => namesakeLabel(lookup, unit, nameOf) !== unit.name);
  const how = buttons ? t("unit-several-pick") : twins ? t("unit-several-twins") : t("unit-several-how");
  return [t(buttons ? "unit-several-ask" : "unit-several", { named: lookup.named }), ...lines, how].join("\n");
}
