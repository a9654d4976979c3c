// Calendar days in the configured time zone: the bot's notion of "today" and of days left.

const formatters = new Map<string, Intl.DateTimeFormat>();

// Every message asks for today's date; formatting it once a minute is enough.
let lastDay = { minute: Number.NaN, timeZone: "", day: "" };

/** YYYY-MM-DD of an instant in a time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute === lastDay.minute && timeZone === lastDay.timeZone) return lastDay.day;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  const day = format.format(instant);
  lastDay = { minute, timeZone, day };
  return day;
}

const dayMs = 86_400_000;

// Pages of thousands of units ask the same few days over and over: each is parsed once.
const parsedDays = new Map<string, number>();

function msOf(day: string): number {
  let ms = parsedDays.get(day);
  if (ms === undefined) {
    ms = Date.parse(`${day}T00:00:00Z`);
    if (parsedDays.size >= 10_000) parsedDays.clear();
    parsedDays.set(day, ms);
  }
  return ms;
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / dayMs);
}

const addedDays = new Map<string, string>();

export function addDays(day: string, days: number): string {
  const key = `${day}+${days}`;
  let found = addedDays.get(key);
  if (found === undefined) {
    found = new Date(msOf(day) + days * dayMs).toISOString().slice(0, 10);
    if (addedDays.size >= 10_000) addedDays.clear();
    addedDays.set(key, found);
  }
  return found;
}

/** DD/MM/YYYY, as Vietnamese officers write dates. */
export function viDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
