// Numbers and dates as the person reads them: 12.000 and 53,3 in Vietnamese, DD/MM/YYYY always.
import { viDate } from "#domain/calendar.ts";
import type { TargetStanding } from "#domain/standing.ts";

const formats = new Map<string, Intl.NumberFormat>();

export function numberIn(locale: string): (n: number) => string {
  const tag = locale === "en" ? "en-GB" : "vi-VN";
  let format = formats.get(tag);
  if (!format) formats.set(tag, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })));
  return (n) => format.format(n);
}

export const day = (iso: string | null): string => (iso ? viDate(iso.slice(0, 10)) : "");

/** "reached", "behind", "on", or null when a pace means nothing (rates, minimums). */
export function paceOf(s: TargetStanding): "reached" | "behind" | "on" | null {
  if (s.missing === 0) return "reached";
  if (s.measure !== "count" || s.scope !== "total" || !s.paced) return null;
  return s.behindPace ? "behind" : "on";
}
