// The bars of a progress chart from standings: one per unit below when there are any, else one per target.
import type { ChildStanding, TargetStanding } from "#domain/standing.ts";
import type { ProgressBar } from "./progress-chart.ts";

export function standingBars(children: ChildStanding[], targets: TargetStanding[]): ProgressBar[] {
  const bar = (label: string, s: TargetStanding): ProgressBar => ({
    label,
    done: s.done,
    target: s.target,
    expected: s.expected,
    behind: s.behindPace,
  });
  return children.length > 0 ? children.map((c) => bar(c.name, c.standing)) : targets.map((s) => bar(s.name, s));
}
