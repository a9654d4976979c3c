// Wall-clock times in the configured zone (Asia/Ho_Chi_Minh has no daylight saving, but any IANA zone works).
import { dayOf } from "./calendar.ts";

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM" of an instant in a time zone. */
export function timeOf(instant: Date, timeZone: string): string {
  let format = partFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    partFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** The instant a local day and "HH:MM" name in a time zone. */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  // Shift by the zone's offset at that moment; twice, in case the first shift crossed an offset change.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const shown = new Date(`${dayOf(instant, timeZone)}T${timeOf(instant, timeZone)}:00Z`);
    instant = new Date(instant.getTime() - (shown.getTime() - guess.getTime()));
  }
  return instant;
}

/** Day of the week of a YYYY-MM-DD, 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Moves an instant out of quiet hours ("21:00-07:00"): inside them, it becomes the end of the quiet
 * spell; outside, it stays.
 */
export function afterQuietHours(instant: Date, quietHours: string | null, timeZone: string): Date {
  if (!quietHours) return instant;
  const [start = "", end = ""] = quietHours.split("-");
  const now = timeOf(instant, timeZone);
  const wraps = start > end;
  const quiet = wraps ? now >= start || now < end : now >= start && now < end;
  if (!quiet) return instant;
  const day = dayOf(instant, timeZone);
  const endDay =
    wraps && now >= start ? new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : day;
  return instantAt(endDay, end, timeZone);
}
