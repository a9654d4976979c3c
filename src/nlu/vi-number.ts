// Vietnamese numbers as officers type them: "1.578", "12.000", "04", "12k", "12 nghìn",
// "hai mươi mốt", "mười lăm", "ba lăm" (35), "một trăm linh năm", "1 nghìn 2 trăm", "2 chục",
// "1 nghìn 2" (1.200), "một nghìn không trăm linh năm" (1.005).

import { foldDiacritics } from "./fold-diacritics.ts";
import { normalize } from "./normalize.ts";

const UNIT_VALUES: ReadonlyMap<string, number> = new Map([
  ["mot", 1],
  ["hai", 2],
  ["ba", 3],
  ["bon", 4],
  ["nam", 5],
  ["sau", 6],
  ["bay", 7],
  ["tam", 8],
  ["chin", 9],
]);

// The last digit after "mươi": "hai mươi mốt" (21), "hai mươi tư" (24), "mười lăm" (15).
const TAIL_VALUES: ReadonlyMap<string, number> = new Map([...UNIT_VALUES, ["tu", 4], ["lam", 5], ["nham", 5]]);

// How each number word is spelled with its marks. A word typed with other marks is another
// word: "bà" is not "ba", "sau" may be "sáu" but "sàu" is not.
const SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ["mot", ["một", "mốt"]],
  ["hai", ["hai"]],
  ["ba", ["ba"]],
  ["bon", ["bốn"]],
  ["tu", ["tư"]],
  ["nam", ["năm"]],
  ["lam", ["lăm"]],
  ["nham", ["nhăm"]],
  ["sau", ["sáu"]],
  ["bay", ["bảy", "bẩy"]],
  ["tam", ["tám"]],
  ["chin", ["chín"]],
  ["khong", ["không"]],
  ["muoi", ["mười", "mươi"]],
  ["chuc", ["chục"]],
  ["tram", ["trăm"]],
  ["linh", ["linh"]],
  ["le", ["lẻ"]],
  ["nghin", ["nghìn"]],
  ["ngan", ["ngàn"]],
  ["trieu", ["triệu"]],
  ["ruoi", ["rưỡi"]],
]);

const TENS = /^(?:muoi|chuc)$/;
const THOUSAND = /^(?:nghin|ngan|k)$/;
const PLAIN_DIGITS = /^\d+$/;
const GROUPED_DIGITS = /^\d+(?:[.,]\d{3})+$/;
const THOUSANDS_K = /^(\d+)k$/;

export interface NumberReading {
  value: number;
  /** How many words the number spans. */
  length: number;
  /** True for a lone word that is also an everyday word ("năm" year, "sau" after, "một số" some). */
  ambiguous: boolean;
}

/** A phone number or an identifier, never a count: long digit runs, or a leading 0 on 4+ digits. */
export function looksLikePhone(digits: string): boolean {
  return digits.length >= 9 || (digits.length >= 4 && digits.startsWith("0"));
}

/** The value of a digit token ("12", "1.578", "12,000", "12k"), or undefined. */
export function digitValue(token: string): number | undefined {
  if (PLAIN_DIGITS.test(token)) return looksLikePhone(token) ? undefined : Number(token);
  if (GROUPED_DIGITS.test(token)) {
    const digits = token.replace(/[.,]/g, "");
    return looksLikePhone(digits) ? undefined : Number(digits);
  }
  const k = THOUSANDS_K.exec(token);
  if (k?.[1] !== undefined) return Number(k[1]) * 1000;
  return undefined;
}

class Reader {
  constructor(
    private readonly words: readonly string[],
    private readonly typed: readonly string[] | undefined,
  ) {}

  /** The folded word at i if it can be the number word `word` given how it was typed. */
  is(i: number, word: string): boolean {
    return this.words[i] === word && this.spelledAsNumber(i);
  }

  spelledAsNumber(i: number): boolean {
    const typed = this.typed?.[i];
    const folded = this.words[i];
    if (typed === undefined || folded === undefined || typed === folded) return true;
    return SPELLINGS.get(folded)?.includes(typed) ?? true;
  }

  word(i: number): string | undefined {
    return this.words[i];
  }

  isTens(i: number): boolean {
    return TENS.test(this.words[i] ?? "") && this.spelledAsNumber(i);
  }

  /** A single digit typed as a digit ("3 chục 5"). */
  digit(i: number): number | undefined {
    const w = this.words[i];
    return w !== undefined && /^\d$/.test(w) ? Number(w) : undefined;
  }

  unit(i: number, table: ReadonlyMap<string, number> = UNIT_VALUES): number | undefined {
    const w = this.words[i];
    if (w === undefined || !this.spelledAsNumber(i)) return undefined;
    return table.get(w);
  }

  /** A number below 1,000 at i, in words or digits. */
  belowThousand(i: number): { value: number; next: number } | undefined {
    const w = this.words[i];
    if (w === undefined) return undefined;
    if (PLAIN_DIGITS.test(w) && w.length <= 3) {
      const value = Number(w);
      if (this.is(i + 1, "tram")) return this.afterHundreds(value * 100, i + 2);
      // "2 chục" is 20, "3 chục 5" is 35: digits and words count alike.
      if (w.length === 1 && this.isTens(i + 1)) {
        const tail = this.unit(i + 2, TAIL_VALUES) ?? this.digit(i + 2);
        return tail === undefined ? { value: value * 10, next: i + 2 } : { value: value * 10 + tail, next: i + 3 };
      }
      return { value, next: i + 1 };
    }
    // "không trăm" only ever stands inside a number: "một nghìn không trăm linh năm".
    if (this.is(i, "khong") && this.is(i + 1, "tram")) return this.afterHundreds(0, i + 2);
    if (this.is(i, "muoi")) {
      const tail = this.unit(i + 1, TAIL_VALUES);
      return tail === undefined ? { value: 10, next: i + 1 } : { value: 10 + tail, next: i + 2 };
    }
    if (this.is(i, "tram")) return this.afterHundreds(100, i + 1);
    const u = this.unit(i);
    if (u === undefined) return undefined;
    if (this.is(i + 1, "tram")) return this.afterHundreds(u * 100, i + 2);
    const tensWord = this.words[i + 1];
    if (tensWord !== undefined && TENS.test(tensWord) && this.spelledAsNumber(i + 1)) {
      const tail = this.unit(i + 2, TAIL_VALUES);
      return tail === undefined ? { value: u * 10, next: i + 2 } : { value: u * 10 + tail, next: i + 3 };
    }
    // Spoken shorthand: "hai mốt" is 21, "ba lăm" is 35, "hai tư" is 24.
    const next = this.words[i + 1];
    if (u >= 2 && next !== undefined && /^(?:mot|tu|lam|nham)$/.test(next) && this.spelledAsNumber(i + 1)) {
      const tail = TAIL_VALUES.get(next);
      if (tail !== undefined && (next !== "mot" || this.typed?.[i + 1] === "mốt" || this.typed === undefined)) {
        return { value: u * 10 + tail, next: i + 2 };
      }
    }
    return { value: u, next: i + 1 };
  }

  private afterHundreds(value: number, i: number): { value: number; next: number } {
    if ((this.is(i, "linh") || this.is(i, "le")) && this.unit(i + 1) !== undefined) {
      return { value: value + (this.unit(i + 1) ?? 0), next: i + 2 };
    }
    if (this.is(i, "ruoi")) return { value: value + 50, next: i + 1 };
    const w = this.words[i];
    if (
      w !== undefined &&
      (this.is(i, "muoi") ||
        (this.unit(i) !== undefined && this.words[i + 1] !== undefined && TENS.test(this.words[i + 1] ?? "")))
    ) {
      const rest = this.belowThousand(i);
      if (rest !== undefined && rest.value < 100) return { value: value + rest.value, next: rest.next };
    }
    return { value, next: i };
  }
}

/**
 * Reads the number starting at word i of folded, space-split words. `typed` (the same words
 * as typed, with their marks) lets "bà" and "sàu" be told from "ba" and "sáu".
 */
const NUMBER_START = /^(?:\d|mot$|hai$|ba$|bon$|nam$|sau$|bay$|tam$|chin$|muoi$|tram$)/;

export function readNumberAt(
  words: readonly string[],
  i: number,
  typed?: readonly string[],
): NumberReading | undefined {
  const first = words[i];
  if (first === undefined || !NUMBER_START.test(first)) return undefined;
  const reader = new Reader(words, typed);

  let value: number;
  let next: number;
  const digits = digitValue(first);
  if (digits !== undefined && !PLAIN_DIGITS.test(first)) {
    value = digits;
    next = i + 1;
  } else if (PLAIN_DIGITS.test(first) && first.length > 3) {
    if (digits === undefined) return undefined;
    value = digits;
    next = i + 1;
  } else {
    const small = reader.belowThousand(i);
    if (small === undefined) return undefined;
    value = small.value;
    next = small.next;
  }

  const scale = words[next];
  if (scale !== undefined && THOUSAND.test(scale) && reader.spelledAsNumber(next)) {
    value *= 1000;
    next += 1;
    if (reader.is(next, "ruoi")) {
      value += 500;
      next += 1;
    } else if ((reader.is(next, "linh") || reader.is(next, "le")) && reader.unit(next + 1) !== undefined) {
      // "một nghìn linh năm" is 1,005.
      value += reader.unit(next + 1) ?? 0;
      next += 2;
    } else {
      const rest = reader.belowThousand(next);
      if (rest !== undefined) {
        // "một nghìn hai" and "1 nghìn 2" are 1,200: a lone digit after the thousands counts hundreds.
        const loneDigit =
          rest.next === next + 1 &&
          rest.value < 10 &&
          (!PLAIN_DIGITS.test(words[next] ?? "") || /^\d$/.test(words[next] ?? ""));
        value += loneDigit ? rest.value * 100 : rest.value;
        next = rest.next;
      }
    }
  } else if (scale === "trieu" && reader.spelledAsNumber(next)) {
    value *= 1_000_000;
    next += 1;
  }

  const length = next - i;
  const ambiguous = length === 1 && !/^\d/.test(first) && /^(?:nam|sau|bay|tam|bon|mot|ba|tram)$/.test(first);
  return { value, length, ambiguous };
}

/** The value of a text that is one number and nothing else ("mười lăm", "12.000", "12 nghìn"). */
export function parseViNumber(text: string): number | undefined {
  const typed = normalize(text)
    .split(" ")
    .filter((w) => w !== "");
  const words = typed.map(foldDiacritics);
  const reading = readNumberAt(words, 0, typed);
  return reading !== undefined && reading.length === words.length ? reading.value : undefined;
}
