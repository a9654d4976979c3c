// One message in, its parse out: what it wants, what it reports, for which unit and when.

import { canonicalize, type CanonicalText } from "./canonical-text.ts";
import { splitClauses, type Clauses } from "./clauses.ts";
import { classify } from "./intent.ts";
import { findPeople } from "./people.ts";
import { extractReports } from "./reports.ts";
import { rankIntents } from "./suggest.ts";
import type { Intent, Parse, ParseOptions } from "./types.ts";
import { findBareUnitName, findUnitMention } from "./unit-mention.ts";

// A date after these words names an occasion ("chào mừng 28/7"), not when the report happened.
const OCCASION = /^(?:mung|niem|dip|le|nhan)$/;
const TIME_ONLY_CLAUSE = /^(?:@t|da|thi|vao|roi|a|da|ngay|hom|ben|em|minh|toi|tui)$/;

const FAR_AHEAD_DAYS = 60;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function datedAt(canonical: CanonicalText, i: number, today: string | undefined): string | undefined {
  const token = canonical.tokens[i];
  if (token?.date === undefined || OCCASION.test(canonical.tokens[i - 1]?.form ?? "")) return undefined;
  // A report looks back: "tháng 12" said in June is last December. A date only days ahead stays
  // as said ("ngày 20/6" on the 15th), so that the bot can point out it has not come yet.
  if (token.guessedYear === true && today !== undefined && daysBetween(today, token.date) > FAR_AHEAD_DAYS) {
    return `${String(Number(token.date.slice(0, 4)) - 1).padStart(4, "0")}${token.date.slice(4)}`;
  }
  return token.date;
}

function reportDate(
  canonical: CanonicalText,
  clauses: Clauses,
  triggerTokens: readonly number[],
  today: string | undefined,
): string | undefined {
  const triggerClauses = new Set(triggerTokens.map((t) => clauses.clauseOf[t]));
  const triggerSentences = new Set(triggerTokens.map((t) => clauses.sentenceOf[t]));
  for (let i = 0; i < canonical.tokens.length; i += 1) {
    const date = datedAt(canonical, i, today);
    if (date === undefined) continue;
    if (triggerClauses.has(clauses.clauseOf[i])) return date;
    // "Hôm qua, kết nạp 3 đv": a clause that is only the date dates its sentence.
    const [from, to] = clauses.bounds[clauses.clauseOf[i] ?? 0] ?? [0, 0];
    const alone = canonical.tokens.slice(from, to).every((t) => TIME_ONLY_CLAUSE.test(t.form));
    if (alone && triggerSentences.has(clauses.sentenceOf[i])) return date;
  }
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
    const date = reportDate(canonical, clauses, extraction.triggerTokens, options.today);
    if (date !== undefined) result.date = date;
    const people = findPeople(canonical, extraction.triggerTokens[0] ?? 0);
    if (people !== undefined) result.people = people;
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
