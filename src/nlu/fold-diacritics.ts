// Vietnamese text with its tone and vowel marks removed, so that "kết nạp", "kêt nap" and
// "ket nap" compare equal. Case is kept; đ/Đ become d/D (NFD does not decompose them).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function foldDiacritics(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** True when the word carries any Vietnamese mark (tone, breve, circumflex, horn or đ). */
export function hasDiacritics(word: string): boolean {
  return !ASCII_ONLY.test(word) && foldDiacritics(word) !== word;
}
