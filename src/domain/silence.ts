// When a grassroots unit fell silent: the reminders nudge it, the weekly digest and the dashboard flag it.
import { dayOf } from "./calendar.ts";

/** The day a unit's silence began: its last report, or when its first person linked; null if nobody is linked. */
export function silentSince(lastReport: string | null, firstRoleAt: string | null, timeZone: string): string | null {
  const linkedDay = firstRoleAt ? dayOf(new Date(firstRoleAt), timeZone) : null;
  if (!lastReport) return linkedDay;
  return linkedDay && linkedDay > lastReport ? linkedDay : lastReport;
}
