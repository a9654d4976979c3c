// A message rewritten into the one form the grammar reads: folded, abbreviations expanded,
// numbers as "#12", time expressions as "@t" (a moment) or "@d" (a length of time), one
// space between tokens. Every token remembers where it came from, so that a unit name can be
// quoted back exactly as the user typed it.

import { expandWord } from "./abbreviations.ts";
import { startsWithCountedNoun } from "./counted-nouns.ts";
import { foldDiacritics, hasDiacritics } from "./fold-diacritics.ts";
import { digitValue, looksLikePhone, readNumberAt } from "./vi-number.ts";
import { findTimeExpressions } from "./vi-date.ts";

export interface Token {
  /** Canonical form: a folded word, "#<n>", "@t", "@d", "~tel", "~sci" (1e2) or a punctuation mark. */
  form: string;
  /** The word as typed, lowercased (with its marks). */
  typed: string;
  /** The form comes from an abbreviation ("hqua" → "hom", "qua"), so `typed` does not spell it. */
  abbreviated?: boolean;
  /** Span in the NFC source text. */
  start: number;
  end: number;
  /** Written with a capital then lowercase letters ("Mai", not "CĐCS"): how names are written. */
  capital: boolean;
  value?: number;
  date?: string;
  /** The date's year was not written and was taken from today. */
  guessedYear?: boolean;
  /** Names a day the calendar does not have ("29/02/2023"). */
  invalidDate?: boolean;
  /** "thang sau" in a message typed without marks: June or next month. */
  ambiguousDate?: boolean;
  /** A person's name that happens to be a number or date word ("anh Hai", "chị Mai"). */
  name?: boolean;
  /** Capitalised inside a sentence, so part of a name ("trường mầm non Sao Mai"). */
  proper?: boolean;
}

export interface CanonicalText {
  /** The message in NFC; token spans point into it. */
  source: string;
  tokens: Token[];
  /** Token forms joined by single spaces. */
  text: string;
  /** Offset of each token's form in `text`. */
  offsets: number[];
  /** Written mostly in capitals, so capitals say nothing about names. */
  shouting: boolean;
}

// Words come first: they are most of any message, and no number pattern can start with a letter.
const LEXEME = new RegExp(
  [
    "([đĐ]/[cC](?![\\p{L}]))",
    "([\\p{L}\\p{M}]+)",
    "(\\n)",
    "(\\d{1,2}[/-]\\d{4}(?![\\d/-]))", // month/year
    "(\\d{1,2}[/-]\\d{1,2}(?:[/-]\\d{2,4})?(?![\\d/]))", // day/month(/year)
    "(\\d{1,2}\\.\\d{1,2}\\.\\d{4}(?!\\d))", // day.month.year
    "(\\d{1,2}(?:[hg:]\\d{2}|[hg])(?![\\p{L}\\d]))", // clock time
    "(\\d+(?:[.,]\\d+)?%)",
    "(\\d+(?:[.,]\\d{3})+(?![\\d]))", // thousands
    "(\\d+[.,]\\d+)", // decimal
    "(\\d+[kK](?![\\p{L}]))",
    "(\\d+tr(?![\\p{L}]))", // money
    "(\\d+[eE][+-]?\\d+(?![\\p{L}\\d]))", // "1e2": no officer means a hundred by it
    "(\\d+)",
    "([^\\s\\p{L}\\p{M}\\d])",
  ].join("|"),
  "gu",
);

const HONORIFICS = new Set([
  "anh",
  "chị",
  "chi",
  "em",
  "cô",
  "co",
  "chú",
  "chu",
  "bác",
  "bac",
  "ông",
  "ong",
  "bà",
  "ba",
  "dì",
  "di",
  "cậu",
  "cau",
  "thím",
  "thim",
  "mợ",
  "thầy",
  "thay",
  "bạn",
  "ban",
  "út",
  "ut",
]);
const NAME_LIKE = /^(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|mai|lam|tram|huy)$/;

interface Lexeme {
  forms: string[];
  typed: string;
  start: number;
  end: number;
  capital: boolean;
  /** A word of two letters or more, all in capitals. */
  shouted: boolean;
}

function lex(source: string): Lexeme[] {
  const out: Lexeme[] = [];
  LEXEME.lastIndex = 0;
  for (let m = LEXEME.exec(source); m !== null; m = LEXEME.exec(source)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const typed = raw.toLowerCase();
    // "Mai" is capitalised; "CĐCS" is an acronym.
    const capital = raw[0] !== typed[0] && (raw.length === 1 || raw.slice(1) !== raw.slice(1).toUpperCase());
    let forms: string[];
    if (m[2] !== undefined) forms = [foldDiacritics(typed)];
    else if (m[1] !== undefined) forms = ["dong", "chi"];
    else if (m[3] !== undefined) forms = [";"];
    else if (m[4] !== undefined || m[5] !== undefined || m[7] !== undefined) forms = [typed];
    else if (m[6] !== undefined) forms = [typed.replace(/\./g, "/")];
    else if (m[8] !== undefined) forms = ["%"];
    else if (m[9] !== undefined || m[11] !== undefined) {
      const value = digitValue(typed);
      forms = [value === undefined ? "~tel" : String(value)];
    } else if (m[10] !== undefined) forms = ["~dec"];
    else if (m[12] !== undefined) forms = ["~money"];
    else if (m[13] !== undefined) forms = ["~sci"];
    else if (m[14] !== undefined) forms = [looksLikePhone(raw) ? "~tel" : raw];
    else forms = [raw];
    const shouted = m[2] !== undefined && raw.length > 1 && raw === raw.toUpperCase();
    out.push({ forms, typed, start, end, capital, shouted });
  }
  return out;
}

function expand(lexemes: Lexeme[]): Token[] {
  const tokens: Token[] = [];
  lexemes.forEach((lexeme, i) => {
    const word = lexeme.forms[0] ?? "";
    const forms =
      lexeme.forms.length === 1 && /^[a-z]/.test(word)
        ? expandWord(word, lexeme.typed, lexemes[i - 1]?.forms.at(-1), lexemes[i + 1]?.forms[0]).split(" ")
        : lexeme.forms;
    const abbreviated = forms.length !== 1 || forms[0] !== word;
    for (const form of forms) {
      const token: Token = { form, typed: lexeme.typed, start: lexeme.start, end: lexeme.end, capital: lexeme.capital };
      if (abbreviated) token.abbreviated = true;
      tokens.push(token);
    }
  });
  return tokens;
}

/** More than half the words of two letters or more are in capitals. */
function isShouting(lexemes: readonly Lexeme[]): boolean {
  let words = 0;
  let upper = 0;
  for (const lexeme of lexemes) {
    if (lexeme.end - lexeme.start < 2 || !/^[a-z]/.test(lexeme.forms[0] ?? "")) continue;
    words += 1;
    if (lexeme.shouted) upper += 1;
  }
  return words > 0 && upper / words > 0.5;
}

/**
 * Marks "anh Hai", "chị Mai", "Trần Văn Nam": names that would otherwise read as numbers or dates;
 * and capitalised words inside a sentence, which belong to names.
 */
function markNames(tokens: Token[], shouting: boolean): void {
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (
      !shouting &&
      token.capital &&
      previous !== undefined &&
      !/^[.!?;]$/.test(previous.form) &&
      /^[a-z]/.test(token.form)
    ) {
      token.proper = true;
    }
    if (!NAME_LIKE.test(token.form)) return;
    const prev = tokens[i - 1];
    if (prev === undefined) return;
    const rest = tokens
      .slice(i + 1, i + 4)
      .map((t) => t.form)
      .join(" ");
    // "ba mươi" is thirty, "bà Mười" is a person: a plain "ba" before a number word is a number.
    const afterHonorific = HONORIFICS.has(prev.typed) && prev.start !== token.start && prev.typed !== "ba";
    if (afterHonorific && ((token.capital && !shouting) || !startsWithCountedNoun(rest))) token.name = true;
    // Inside a capitalised full name: "Trần Văn Nam", "Võ Thị Sáu".
    else if (!shouting && token.capital && prev.capital && /^\p{L}/u.test(prev.typed) && i > 1) token.name = true;
  });
}

function collapse(tokens: Token[], from: number, to: number, form: string, extra: Partial<Token>): Token {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first === undefined || last === undefined) throw new RangeError("empty span");
  const typed = tokens
    .slice(from, to)
    .filter((t, k, all) => k === 0 || t.start !== all[k - 1]?.start)
    .map((t) => t.typed)
    .join(" ");
  return { form, typed, start: first.start, end: last.end, capital: first.capital, ...extra };
}

// How time words are spelled with their marks: "Mái ấm" is no "mai" (tomorrow), "thắng" no "tháng".
const TIME_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ["mai", []],
  ["nay", ["này"]],
  ["qua", []],
  ["kia", []],
  ["thang", ["tháng"]],
  ["nam", ["năm"]],
  ["tuan", ["tuần"]],
  ["quy", ["quý", "quí"]],
  ["ngay", ["ngày"]],
  ["hom", ["hôm"]],
  ["bua", ["bữa"]],
  ["sau", []],
  ["toi", ["tới", "tối"]],
  ["truoc", ["trước"]],
  ["roi", ["rồi"]],
  ["dau", ["đầu"]],
  ["cuoi", ["cuối"]],
  ["giua", ["giữa"]],
  ["luc", ["lúc"]],
  ["gio", ["giờ"]],
  ["mung", ["mùng", "mồng"]],
  ["thu", ["thứ"]],
  ["chu", ["chủ"]],
  ["nhat", ["nhật"]],
]);

// "sáu" with its mark is always six ("tháng sáu", "thứ sáu"); "sau" is "after" or "next".
function timeForm(token: Token): string {
  return token.form === "sau" && token.typed === "sáu" && token.name !== true ? "6" : token.form;
}

function notTime(token: Token | undefined): boolean {
  if (token === undefined || token.name === true) return true;
  const spellings = TIME_SPELLINGS.get(token.form);
  return (
    spellings !== undefined &&
    token.abbreviated !== true &&
    token.typed !== token.form &&
    !spellings.includes(token.typed)
  );
}

function markTime(tokens: Token[], today: string | undefined): Token[] {
  const forms = tokens.map(timeForm);
  const spans = findTimeExpressions(forms, today, (i) => forms[i] !== "6" && notTime(tokens[i]));
  if (spans.length === 0) return tokens;
  const plain = !tokens.some((t) => hasDiacritics(t.typed));
  const out: Token[] = [];
  let i = 0;
  for (const span of spans) {
    out.push(...tokens.slice(i, span.start));
    out.push(
      collapse(tokens, span.start, span.end, span.kind === "duration" ? "@d" : "@t", {
        ...(span.date === undefined ? {} : { date: span.date }),
        ...(span.guessedYear === true ? { guessedYear: true } : {}),
        ...(span.invalid === true ? { invalidDate: true } : {}),
        ...(plain && span.end === span.start + 2 && forms[span.start] === "thang" && forms[span.start + 1] === "sau"
          ? { ambiguousDate: true }
          : {}),
      }),
    );
    i = span.end;
  }
  out.push(...tokens.slice(i));
  return out;
}

// Number words that are also everyday words need a counted noun after them: "năm đoàn viên"
// is five members, "năm nay" is this year, "sau khi" is "after".
function markNumbers(tokens: Token[]): Token[] {
  const forms = tokens.map((t) => (t.name === true ? "~name" : t.form));
  // Abbreviations are read by their full form ("bn" is not a number, but neither is its typing).
  const typed = tokens.map((t) => (t.abbreviated === true ? t.form : t.typed));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const reading = readNumberAt(forms, i, typed);
    const token = tokens[i];
    if (token === undefined) break;
    if (reading === undefined) {
      out.push(token);
      i += 1;
      continue;
    }
    const end = i + reading.length;
    const rest = forms.slice(end, end + 4).join(" ");
    const plainlyTyped = !hasDiacritics(token.typed) || /^(?:nam|mot|tram)$/.test(token.form);
    if (reading.ambiguous && plainlyTyped && !startsWithCountedNoun(rest)) {
      out.push(token);
      i += 1;
      continue;
    }
    out.push(collapse(tokens, i, end, `#${reading.value}`, { value: reading.value }));
    i = end;
  }
  return out;
}

export function canonicalize(text: string, today?: string): CanonicalText {
  const source = text.normalize("NFC");
  const lexemes = lex(source);
  const shouting = isShouting(lexemes);
  const tokens = expand(lexemes);
  markNames(tokens, shouting);
  const final = markNumbers(markTime(tokens, today));
  const offsets: number[] = [];
  let offset = 0;
  for (const token of final) {
    offsets.push(offset);
    offset += token.form.length + 1;
  }
  return { source, tokens: final, text: final.map((t) => t.form).join(" "), offsets, shouting };
}

/** Index of the token whose form covers character `at` of `text`. */
export function tokenAt(canonical: CanonicalText, at: number): number {
  const { offsets } = canonical;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The source text covered by tokens [from, to), trimmed. */
export function sourceOf(canonical: CanonicalText, from: number, to: number): string {
  const first = canonical.tokens[from];
  const last = canonical.tokens[to - 1];
  if (first === undefined || last === undefined) return "";
  return canonical.source.slice(first.start, last.end).trim();
}
