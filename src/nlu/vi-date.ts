// Dates and other time expressions in a message ("20/7", "ngày 15 tháng 3", "tháng 4/2024",
// "hôm qua", "tuần trước", "cuối tháng", "quý 3", "thứ 5 tuần trước", "chủ nhật vừa rồi"), resolved to YYYY-MM-DD against `today`.
// Every time expression is found even when it has no single date ("năm nay", "8h", "6 tháng"),
// so that its numbers are never read as counts. Relative dates need `today`; without it they
// are found but left unresolved.

import { expandAbbreviations } from "./abbreviations.ts";

export interface TimeSpan {
  /** First word of the expression. */
  start: number;
  /** One past its last word. */
  end: number;
  /** "point" for a moment or period; "duration" for a length of time ("6 tháng", "95 năm"). */
  kind: "point" | "duration";
  date?: string;
  /** The year was not written and was taken from today. */
  guessedYear?: boolean;
  /** A day the calendar does not have ("29/02/2023", "31/4"): read, but with no date. */
  invalid?: boolean;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIso(iso: string | undefined): Day | undefined {
  const match = iso === undefined ? null : ISO_DATE.exec(iso);
  if (match === null) return undefined;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function format(day: Day): string | undefined {
  if (day.m < 1 || day.m > 12 || day.d < 1 || day.d > daysInMonth(day.y, day.m)) return undefined;
  return `${String(day.y).padStart(4, "0")}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

function addDays(day: Day, n: number): string | undefined {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

function addMonths(day: Day, n: number): Day {
  const index = day.y * 12 + (day.m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1, d: 1 };
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? 2000 + y : y;
}

const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ["gieng", 1],
  ["mot", 1],
  ["hai", 2],
  ["ba", 3],
  ["tu", 4],
  ["bon", 4],
  ["nam", 5],
  ["sau", 6],
  ["bay", 7],
  ["tam", 8],
  ["chin", 9],
  ["muoi", 10],
  ["chap", 12],
]);

const QUARTER_WORDS: ReadonlyMap<string, number> = new Map([
  ["1", 1],
  ["2", 2],
  ["3", 3],
  ["4", 4],
  ["i", 1],
  ["ii", 2],
  ["iii", 3],
  ["iv", 4],
  ["mot", 1],
  ["hai", 2],
  ["ba", 3],
  ["bon", 4],
  ["tu", 4],
]);

const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;
const MONTH_YEAR = /^(\d{1,2})[/-](\d{4})$/;
const CLOCK = /^\d{1,2}(?:[hg:]\d{0,2})$/;
const DIGITS = /^\d+$/;
const DURATION_UNITS = /^(?:thang|nam|tuan|ngay|hom|bua|gio|tieng|phut|h|g)$/;
const DAY_PARTS = /^(?:sang|trua|chieu|toi|dem)$/;
const PREVIOUS = /^(?:truoc|roi|ngoai|qua)$/;
const NEXT = /^(?:sau|toi)$/;

// "thứ 2" … "thứ 7" (Monday … Saturday), "chủ nhật" (Sunday); weeks start on Monday.
const WEEKDAY_WORDS: ReadonlyMap<string, number> = new Map([
  ["2", 0],
  ["3", 1],
  ["4", 2],
  ["5", 3],
  ["6", 4],
  ["7", 5],
  ["hai", 0],
  ["ba", 1],
  ["tu", 2],
  ["bon", 2],
  ["nam", 3],
  ["sau", 4],
  ["bay", 5],
]);
// "lần thứ 2", "đợt thứ ba", "năm thứ 5": an ordinal, not a weekday.
const ORDINAL_NOUN = /^(?:lan|dot|lop|khoa|ky|nam|ngay|hang|giai|nguoi|cau|muc|phan|buoc|dieu|y|vong|tap|so)$/;
// "thu 5 triệu" collects money; a weekday is not followed by a quantity.
const NOT_AFTER_WEEKDAY = /^(?:trieu|nghin|ngan|tram|chuc|muoi|dong|k|tr|%|lan|~money)$/;

function weekdayIndex(day: Day): number {
  return (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7;
}

class Scanner {
  private readonly today: Day | undefined;

  constructor(
    private readonly w: readonly string[],
    today: string | undefined,
    private readonly skip: (i: number) => boolean,
  ) {
    this.today = parseIso(today);
  }

  at(i: number): string | undefined {
    return this.skip(i) ? undefined : this.w[i];
  }

  /** A month number at i ("3", "03", "ba", "tư", "mười hai") and how many words it took. */
  month(i: number): { m: number; len: number; year?: number } | undefined {
    const w = this.at(i);
    if (w === undefined) return undefined;
    const my = MONTH_YEAR.exec(w);
    if (my !== null) {
      const m = Number(my[1]);
      return m >= 1 && m <= 12 ? { m, len: 1, year: Number(my[2]) } : undefined;
    }
    if (DIGITS.test(w)) {
      const m = Number(w);
      return m >= 1 && m <= 12 && w.length <= 2 ? { m, len: 1 } : undefined;
    }
    if (w === "muoi") {
      const next = this.at(i + 1);
      if (next === "mot") return { m: 11, len: 2 };
      if (next === "hai") return { m: 12, len: 2 };
    }
    const m = MONTH_WORDS.get(w);
    return m === undefined ? undefined : { m, len: 1 };
  }

  /** "năm 2024" or "/2024" right after a month or quarter. */
  year(i: number): { y: number; len: number } | undefined {
    const w = this.at(i);
    const next = this.at(i + 1);
    if ((w === "nam" || w === "/") && next !== undefined && /^\d{4}$/.test(next)) return { y: Number(next), len: 2 };
    return undefined;
  }

  dayOf(m: number, d: number, y: number | undefined): string | undefined {
    const year = y ?? this.today?.y;
    return year === undefined ? undefined : format({ y: year, m, d });
  }

  relativeDays(n: number): string | undefined {
    return this.today === undefined ? undefined : addDays(this.today, n);
  }

  relativeMonth(n: number): string | undefined {
    return this.today === undefined ? undefined : format(addMonths(this.today, n));
  }

  /** The expression starting at word i, if any. */
  scan(i: number): TimeSpan | undefined {
    const w = this.at(i);
    if (w === undefined) return undefined;
    const next = this.at(i + 1);

    // "ngày 20/7", "hôm 12/6", "mùng 5", "ngày 15 tháng 3 năm 2024"
    if ((w === "ngay" || w === "hom" || w === "mung" || w === "bua") && next !== undefined) {
      const inner = this.dayExpression(i + 1);
      if (inner !== undefined) return { ...inner, start: i };
      if ((w === "ngay" || w === "mung") && DIGITS.test(next) && Number(next) >= 1 && Number(next) <= 31) {
        const today = this.today;
        const span: TimeSpan = { start: i, end: i + 2, kind: "point" };
        if (today === undefined) return span;
        const date = format({ y: today.y, m: today.m, d: Number(next) });
        return date === undefined ? { ...span, invalid: true } : { ...span, date };
      }
    }
    const day = this.dayExpression(i);
    if (day !== undefined) return day;
    const weekday = this.weekdayExpression(i);
    if (weekday !== undefined) return weekday;

    if (w === "thang") return this.monthExpression(i);
    if (w === "quy") return this.quarterExpression(i, "start");
    if (w === "nam") {
      if (next !== undefined && /^\d{4}$/.test(next)) return { start: i, end: i + 2, kind: "point" };
      if (next === "nay" || (next !== undefined && (PREVIOUS.test(next) || NEXT.test(next)))) {
        return { start: i, end: i + 2, kind: "point" };
      }
    }
    if (w === "tuan") {
      if (next === "nay") return { start: i, end: i + 2, kind: "point" };
      if (next === "vua" && (this.at(i + 2) === "qua" || this.at(i + 2) === "roi")) {
        return this.withDate({ start: i, end: i + 3, kind: "point" }, this.relativeDays(-7));
      }
      if (next !== undefined && PREVIOUS.test(next))
        return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(-7));
      if (next !== undefined && NEXT.test(next))
        return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(7));
    }
    if (w === "cuoi" || w === "dau" || w === "giua") return this.edgeExpression(i, w);

    // "hôm nay", "bữa qua", "sáng nay", "chiều qua", "hôm kia", "ngày mai"
    if ((w === "hom" || w === "bua" || w === "ngay" || DAY_PARTS.test(w)) && next !== undefined) {
      if (w === "ngay" && next === "hom") {
        const after = this.at(i + 2);
        if (after === "nay") return this.withDate({ start: i, end: i + 3, kind: "point" }, this.relativeDays(0));
        if (after === "qua") return this.withDate({ start: i, end: i + 3, kind: "point" }, this.relativeDays(-1));
      }
      if (next === "nay") return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(0));
      if (next === "qua") return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(-1));
      if (next === "kia" && w !== "ngay")
        return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(-2));
      if (next === "kia") return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(2));
      if (next === "mai" && w !== "hom")
        return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeDays(1));
      if (w === "hom" && next === "truoc") return { start: i, end: i + 2, kind: "point" };
    }
    if (w === "mai") return this.withDate({ start: i, end: i + 1, kind: "point" }, this.relativeDays(1));

    // Clock times: "8h", "8h30", "10:30", "lúc 8", "8 giờ", "14 giờ 30 phút"
    if (CLOCK.test(w)) return { start: i, end: i + 1, kind: "point" };
    if (w === "luc" && next !== undefined && (DIGITS.test(next) || CLOCK.test(next))) {
      const unit = this.at(i + 2);
      const end = unit === "gio" || unit === "h" || unit === "g" ? i + 3 : i + 2;
      return { start: i, end, kind: "point" };
    }
    if (DIGITS.test(w) && next !== undefined && DURATION_UNITS.test(next)) {
      let end = i + 2;
      if (
        (next === "gio" || next === "h" || next === "g") &&
        this.at(end) !== undefined &&
        DIGITS.test(this.at(end) ?? "")
      ) {
        end += this.at(end + 1) === "phut" ? 2 : 1;
      }
      return { start: i, end, kind: next === "gio" || next === "h" || next === "g" ? "point" : "duration" };
    }
    return undefined;
  }

  private withDate(span: TimeSpan, date: string | undefined): TimeSpan {
    return date === undefined ? span : { ...span, date };
  }

  /** A day or month named without its year: the year is today's, and says so. */
  private dated(span: TimeSpan, date: string | undefined, year: number | undefined): TimeSpan {
    if (date === undefined) return year === undefined && this.today === undefined ? span : { ...span, invalid: true };
    return year === undefined ? { ...span, date, guessedYear: true } : { ...span, date };
  }

  /** "20/7", "20/7/2024", "15 tháng 3", "15 tháng 3 năm 2024" at i. */
  private dayExpression(i: number): TimeSpan | undefined {
    const w = this.at(i);
    if (w === undefined) return undefined;
    const dm = DAY_MONTH.exec(w);
    if (dm !== null) {
      const d = Number(dm[1]);
      const m = Number(dm[2]);
      if (d < 1 || d > 31 || m < 1 || m > 12) return undefined;
      const y = dm[3] === undefined ? undefined : fullYear(dm[3]);
      return this.dated({ start: i, end: i + 1, kind: "point" }, this.dayOf(m, d, y), y);
    }
    if (DIGITS.test(w) && this.at(i + 1) === "thang") {
      const d = Number(w);
      const month = this.month(i + 2);
      if (month === undefined || d < 1 || d > 31) return undefined;
      let end = i + 2 + month.len;
      let y = month.year;
      const year = this.year(end);
      if (year !== undefined) {
        y = year.y;
        end += year.len;
      }
      return this.dated({ start: i, end, kind: "point" }, this.dayOf(month.m, d, y), y);
    }
    return undefined;
  }

  /**
   * "thứ 5 tuần trước", "thứ hai tuần này", "chủ nhật vừa rồi", "thứ 6 tới", "thứ 3". Alone, a
   * weekday is the latest one up to today: a report looks back.
   */
  private weekdayExpression(i: number): TimeSpan | undefined {
    const w = this.at(i);
    const next = this.at(i + 1);
    let target: number | undefined;
    if (w === "thu" && next !== undefined) target = WEEKDAY_WORDS.get(next);
    else if (w === "chu" && next === "nhat") target = 6;
    if (target === undefined || ORDINAL_NOUN.test(this.w[i - 1] ?? "")) return undefined;
    const end = i + 2;
    const after = this.at(end);
    if (after !== undefined && NOT_AFTER_WEEKDAY.test(after)) return undefined;
    const today = this.today;
    const span = (length: number, offset: ((todayIndex: number) => number) | undefined): TimeSpan => {
      const base: TimeSpan = { start: i, end: end + length, kind: "point" };
      if (today === undefined || offset === undefined) return base;
      return this.withDate(base, addDays(today, offset(weekdayIndex(today))));
    };
    const then = this.at(end + 1);
    if (after === "tuan") {
      if (then === "nay") return span(2, (t) => target - t);
      if (then === "vua" && (this.at(end + 2) === "qua" || this.at(end + 2) === "roi"))
        return span(3, (t) => target - t - 7);
      if (then !== undefined && PREVIOUS.test(then)) return span(2, (t) => target - t - 7);
      if (then !== undefined && NEXT.test(then)) return span(2, (t) => target - t + 7);
    }
    // The latest one before today: "chủ nhật vừa rồi" said on a Sunday is a week ago.
    const before = (t: number) => -(((t - target + 6) % 7) + 1);
    if (after === "vua" && (then === "qua" || then === "roi")) return span(2, before);
    if (after !== undefined && PREVIOUS.test(after)) return span(1, before);
    if (after === "nay") return span(1, (t) => target - t);
    if (after === "toi" || after === "sau") return span(1, (t) => ((target - t + 6) % 7) + 1);
    return span(0, (t) => -((t - target + 7) % 7));
  }

  /** "tháng 3", "tháng 4/2024", "tháng tư", "tháng này", "tháng trước". */
  private monthExpression(i: number): TimeSpan | undefined {
    const next = this.at(i + 1);
    if (next === undefined) return undefined;
    if (next === "nay") return { start: i, end: i + 2, kind: "point" };
    if (next === "vua" && (this.at(i + 2) === "qua" || this.at(i + 2) === "roi")) {
      return this.withDate({ start: i, end: i + 3, kind: "point" }, this.relativeMonth(-1));
    }
    if (PREVIOUS.test(next)) return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeMonth(-1));
    if (NEXT.test(next)) return this.withDate({ start: i, end: i + 2, kind: "point" }, this.relativeMonth(1));
    const month = this.month(i + 1);
    if (month === undefined) return undefined;
    let end = i + 1 + month.len;
    let y = month.year;
    const year = this.year(end);
    if (year !== undefined) {
      y = year.y;
      end += year.len;
    }
    return this.dated({ start: i, end, kind: "point" }, this.dayOf(month.m, 1, y), y);
  }

  /** "quý 3", "quý III/2024", "quý này", "quý trước"; `edge` picks its first or last day. */
  quarterExpression(i: number, edge: "start" | "end"): TimeSpan | undefined {
    const next = this.at(i + 1);
    if (next === undefined) return undefined;
    if (next === "nay") return { start: i, end: i + 2, kind: "point" };
    const today = this.today;
    const shift = PREVIOUS.test(next) ? -1 : NEXT.test(next) ? 1 : undefined;
    if (shift !== undefined) {
      if (today === undefined) return { start: i, end: i + 2, kind: "point" };
      const q = Math.floor((today.m - 1) / 3) + shift;
      const y = today.y + Math.floor(q / 4);
      return this.withDate({ start: i, end: i + 2, kind: "point" }, this.quarterDay(y, (((q % 4) + 4) % 4) + 1, edge));
    }
    let q = QUARTER_WORDS.get(next);
    let end = i + 2;
    let y: number | undefined;
    const my = MONTH_YEAR.exec(next);
    if (my !== null) {
      q = QUARTER_WORDS.get(my[1] ?? "");
      y = Number(my[2]);
    }
    if (q === undefined) return undefined;
    const year = this.year(end);
    if (year !== undefined) {
      y = year.y;
      end += year.len;
    }
    y ??= today?.y;
    return this.withDate({ start: i, end, kind: "point" }, y === undefined ? undefined : this.quarterDay(y, q, edge));
  }

  private quarterDay(y: number, q: number, edge: "start" | "end"): string | undefined {
    const first = (q - 1) * 3 + 1;
    return edge === "start" ? format({ y, m: first, d: 1 }) : format({ y, m: first + 2, d: daysInMonth(y, first + 2) });
  }

  /** "cuối tháng", "đầu tháng 5", "giữa tháng", "cuối năm", "đầu năm", "cuối quý 2". */
  private edgeExpression(i: number, edge: "cuoi" | "dau" | "giua"): TimeSpan | undefined {
    const what = this.at(i + 1);
    const today = this.today;
    if (what === "thang") {
      const month = this.month(i + 2);
      const span = month === undefined ? this.monthExpression(i + 1) : undefined;
      let end = month === undefined ? (span?.end ?? i + 2) : i + 2 + month.len;
      let m = month?.m;
      let y = month?.year;
      if (month !== undefined) {
        const year = this.year(end);
        if (year !== undefined) {
          y = year.y;
          end += year.len;
        }
      } else if (span?.date !== undefined) {
        const base = parseIso(span.date);
        m = base?.m;
        y = base?.y;
      } else if (span !== undefined && this.at(i + 2) !== "nay") {
        return { start: i, end, kind: "point" };
      }
      m ??= today?.m;
      y ??= today?.y;
      if (m === undefined || y === undefined) return { start: i, end, kind: "point" };
      const d = edge === "dau" ? 1 : edge === "giua" ? 15 : daysInMonth(y, m);
      return this.withDate({ start: i, end, kind: "point" }, format({ y, m, d }));
    }
    if (what === "nam") {
      let end = i + 2;
      let y = today?.y;
      const next = this.at(i + 2);
      if (next !== undefined && /^\d{4}$/.test(next)) {
        y = Number(next);
        end += 1;
      } else if (next === "nay") {
        end += 1;
      }
      if (y === undefined) return { start: i, end, kind: "point" };
      const date =
        edge === "dau"
          ? format({ y, m: 1, d: 1 })
          : edge === "giua"
            ? format({ y, m: 6, d: 30 })
            : format({ y, m: 12, d: 31 });
      return this.withDate({ start: i, end, kind: "point" }, date);
    }
    if (what === "quy") {
      const q = this.quarterExpression(i + 1, edge === "cuoi" ? "end" : "start");
      return q === undefined ? undefined : { ...q, start: i };
    }
    if (what === "tuan") return { start: i, end: i + 2, kind: "point" };
    return undefined;
  }
}

/**
 * All time expressions in folded words, left to right, not overlapping. `skip(i)` marks words
 * that must not be read as time (a person called Mai is not "tomorrow").
 */
export function findTimeExpressions(
  words: readonly string[],
  today?: string,
  skip: (i: number) => boolean = () => false,
): TimeSpan[] {
  const scanner = new Scanner(words, today, skip);
  const spans: TimeSpan[] = [];
  for (let i = 0; i < words.length; ) {
    let span = scanner.scan(i);
    // "mấy bữa nay", "mấy hôm nay": these days, not today.
    if (span?.date !== undefined && /^(?:may|nhung|cac|vai)$/.test(words[i - 1] ?? ""))
      span = { start: span.start, end: span.end, kind: span.kind };
    if (span === undefined || span.end <= i) {
      i += 1;
      continue;
    }
    spans.push(span);
    i = span.end;
  }
  return spans;
}

/** The first date a text names, as YYYY-MM-DD; relative dates need `today` (YYYY-MM-DD). */
export function parseViDate(text: string, today?: string): string | undefined {
  // "sáu" with its mark is six ("tháng sáu"); folding would make it "sau" (next).
  const six = text.normalize("NFC").replace(/(?<!\p{L})[sS]áu(?!\p{L})/gu, "6");
  const words = expandAbbreviations(six.replace(/[,;!?()]/g, " "))
    .replace(/(?<![^ ])([a-z]+)\/(\d{4})(?![^ ])/g, "$1 / $2")
    .split(" ")
    .filter((w) => w !== "");
  return findTimeExpressions(words, today).find((s) => s.date !== undefined)?.date;
}
