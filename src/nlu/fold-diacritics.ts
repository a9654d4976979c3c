// Vietnamese text with its tone and vowel marks removed, so that "kết nạp", "kêt nap" and
// "ket nap" compare equal. Case is kept; đ/Đ become d/D (NFD does not decompose them).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Anything beyond printable ASCII and common whitespace takes the slow path.
const NON_ASCII = /[^\t\n\r -~]/;

// Each character is decomposed once and remembered: folding runs on every word of every message.
const folded = new Map<string, string>([
  ["đ", "d"],
  ["Đ", "D"],
]);

function foldChar(char: string): string {
  let result = folded.get(char);
  if (result === undefined) {
    result = char.normalize("NFD").replace(COMBINING_MARKS, "");
    if (result === "") result = char;
    // Vietnamese needs a few hundred entries; arbitrary symbols must not grow it without end.
    if (folded.size < 4096) folded.set(char, result);
  }
  return result;
}

export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = "";
  for (const char of text.normalize("NFC")) out += char.charCodeAt(0) < 128 ? char : foldChar(char);
  return out;
}

/** True when the word carries any Vietnamese mark (tone, breve, circumflex, horn or đ). */
export function hasDiacritics(word: string): boolean {
  return NON_ASCII.test(word) && foldDiacritics(word) !== word;
}

/** Text as words are compared: folded, lower case, letters and digits only ("Mã ĐV:" → "ma dv"). */
export function foldWords(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
