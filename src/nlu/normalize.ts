// The first pass over a message: one Unicode form, one case, one space between words, and a
// space between a count and the word glued to it ("5đv" → "5 đv", "kn5dv" → "kn 5 dv").

import { foldDiacritics } from "./fold-diacritics.ts";

// Suffixes that belong to the number they follow: 12k (thousand), 8h / 8g (o'clock), 2tr (million).
const GLUED_SUFFIX = /^(?:k|h|g|tr)$/;
const DIGITS_THEN_LETTERS = /(\d)(\p{L}+)/gu;
const LETTERS_THEN_DIGITS = /(\p{L})(\d)/gu;
const SPACES = /\s+/g;

export function normalize(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(DIGITS_THEN_LETTERS, (whole, digit: string, letters: string) =>
      GLUED_SUFFIX.test(letters) ? whole : `${digit} ${letters}`,
    )
    .replace(LETTERS_THEN_DIGITS, (whole, letter: string, digit: string, offset: number, all: string) =>
      // "8h30" stays a time of day.
      letter === "h" && offset > 0 && /\d/.test(all[offset - 1] ?? "") ? whole : `${letter} ${digit}`,
    )
    .replace(SPACES, " ")
    .trim();
}

/** normalize() and then fold the diacritics away: the form most matching is done on. */
export function normalizeFolded(text: string): string {
  return foldDiacritics(normalize(text));
}
