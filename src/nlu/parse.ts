// One message in, its parse out: what it wants, what it reports, for which unit and when.

import { canonicalize, type CanonicalText } from "./canonical-text.ts";
import { splitClauses, type Clauses } from "./clauses.ts";
import { classify } from "./intent.ts";
import { findPeople } from "./people.ts";
import { extractReports } from "./reports.ts";
import { rankIntents } from "./suggest.ts";
import type { Intent, Parse, ParseOptions, Uncertain } from "./types.ts";
import { findBareUnitName, findUnitMention } from "./unit-mention.ts";

// A date after these words names an occasion ("chào mừng 28/7"), not when the report happened.
const OCCASION = /^(?:mung|niem|dip|le|nhan)$/;
const TIME_ONLY_CLAUSE = /^(?:@t|da|thi|vao|roi|a|da|ngay|hom|ben|em|minh|toi|tui)$/;

const FAR_AHEAD_DAYS = 60;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** A token that dates something: a day, or a day the calendar lacks (which must be asked about). */
function isDate(canonical: CanonicalText, i: number): boolean {
  const token = canonical.tokens[i];
  if (token?.date === undefined && token?.invalidDate !== true) return false;
  return !OCCASION.test(canonical.tokens[i - 1]?.form ?? "");
}

function datedAt(canonical: CanonicalText, i: number, today: string | undefined): string | undefined {
  const token = canonical.tokens[i];
  if (token?.date === undefined) return undefined;
  // A report looks back: "tháng 12" said in June is last December. A date only days ahead stays
  // as said ("ngày 20/6" on the 15th), so that the bot can point out it has not come yet.
  if (token.guessedYear === true && today !== undefined && daysBetween(today, token.date) > FAR_AHEAD_DAYS) {
    return `${String(Number(token.date.slice(0, 4)) - 1).padStart(4, "0")}${token.date.slice(4)}`;
  }
  return token.date;
}

/** The token that dates the report, if any. */
function reportDateToken(
  canonical: CanonicalText,
  clauses: Clauses,
  triggerTokens: readonly number[],
): number | undefined {
  const triggerClauses = new Set(triggerTokens.map((t) => clauses.clauseOf[t]));
  const triggerSentences = new Set(triggerTokens.map((t) => clauses.sentenceOf[t]));
  for (let i = 0; i < canonical.tokens.length; i += 1) {
    if (!isDate(canonical, i)) continue;
    if (triggerClauses.has(clauses.clauseOf[i])) return i;
    // "Hôm qua, kết nạp 3 đv": a clause that is only the date dates its sentence.
    const [from, to] = clauses.bounds[clauses.clauseOf[i] ?? 0] ?? [0, 0];
    const alone = canonical.tokens.slice(from, to).every((t) => TIME_ONLY_CLAUSE.test(t.form));
    if (alone && triggerSentences.has(clauses.sentenceOf[i])) return i;
    // "Hôm qua tổ chức hội nghị sơ kết, 1 hoạt động": a date that opens its sentence dates all of it.
    const sentenceStart = clauses.sentenceOf.indexOf(clauses.sentenceOf[i] ?? 0);
    const opens = canonical.tokens.slice(sentenceStart, i).every((t) => TIME_ONLY_CLAUSE.test(t.form));
    if (opens && triggerSentences.has(clauses.sentenceOf[i])) return i;
  }
  return undefined;
}

/**
 * A report is dated within the period its targets count (this calendar year, up to today), on a
 * day the calendar has. Anything else is asked about, never moved to a day the officer did not say.
 */
function doubtAboutDate(
  canonical: CanonicalText,
  i: number,
  date: string | undefined,
  today: string | undefined,
): Uncertain | undefined {
  const token = canonical.tokens[i];
  const text = token?.typed ?? "";
  if (token?.invalidDate === true) return { reason: "date-impossible", text };
  if (token?.ambiguousDate === true) return { reason: "date-ambiguous", text };
  if (date === undefined || today === undefined) return undefined;
  if (date > today) return { reason: "date-future", text, date };
  if (date < `${today.slice(0, 4)}-01-01`) return { reason: "date-before-period", text, date };
  return undefined;
}

export function parse(text: string, options: ParseOptions = {}): Parse {
  const canonical = canonicalize(text, options.today);
  const clauses = splitClauses(canonical);
  const extraction = extractReports(canonical, clauses);
  const { intent, metric } = classify(canonical, clauses, extraction);
  const result: Parse = { intent };
  if (intent === "report") {
    result.reports = extraction.reports;
    const founding = extraction.reports.every((r) => r.event === "found_union" || r.event === "found_guild");
    const unit = findUnitMention(canonical, founding);
    if (unit !== undefined) result.unit = unit;
    else hintUnit(result, canonical);
    const dateToken = reportDateToken(canonical, clauses, extraction.triggerTokens);
    const date = dateToken === undefined ? undefined : datedAt(canonical, dateToken, options.today);
    if (date !== undefined) result.date = date;
    const people = findPeople(canonical, extraction.triggerTokens[0] ?? 0);
    if (people !== undefined) result.people = people;
    // The count is asked about before the date: it is the number an officer most often mistypes.
    const uncertain =
      extraction.uncertain ??
      (dateToken === undefined ? undefined : doubtAboutDate(canonical, dateToken, date, options.today));
    if (uncertain !== undefined) result.uncertain = uncertain;
  } else if (intent === "ask_remaining" || intent === "ask_progress" || intent === "ask_deadlines") {
    if (metric !== undefined) result.metric = metric;
    const unit = findUnitMention(canonical);
    if (unit !== undefined) result.unit = unit;
    else if (intent !== "ask_deadlines") hintUnit(result, canonical);
  }
  return result;
}

function hintUnit(result: Parse, canonical: CanonicalText): void {
  const hint = findBareUnitName(canonical);
  if (hint !== undefined) result.unitHint = hint;
}

/** For text the bot did not understand: the two or three intents it most likely meant. */
export function suggest(text: string, limit = 3): Intent[] {
  return rankIntents(text, parse(text).intent, limit);
}
