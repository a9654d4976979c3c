// The form of Vietnamese text that headings and value words are matched in: officers type with or
// without diacritics, in any case, with stray spaces and punctuation.
import { foldDiacritics } from "#nlu/fold-diacritics.ts";

/** "Mã ĐV:" → "ma dv"; "parent_code" → "parent code". */
export function foldText(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
