// Renders standings as the short lines a chair reads on a phone.
import { viDate } from "../src/domain/calendar.ts";
import type { ChildStanding, TargetStanding, UnitStanding } from "../src/domain/standing.ts";
import type { Translate } from "./types.ts";

export function targetLine(s: TargetStanding, t: Translate): string {
  const args = {
    metric: t(`metric-${s.metric}`),
    done: s.done,
    target: s.target,
    percent: s.percent,
    missing: s.missing,
    over: Math.max(0, s.done - s.target),
    days: Math.abs(s.daysLeft),
    deadline: viDate(s.deadline),
  };
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

export function behindText(children: ChildStanding[], t: Translate): string {
  return children
    .map((child, i) =>
      t("behind-line", {
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
