// The names listed after a report: "kết nạp 2 đv: Nguyễn Văn An, Trần Thị Bình",
// "kết nạp 3 đv (anh Hùng, chị Lan, chị Mai)", "... gồm A và B", "... tên là A".

import type { CanonicalText } from "./canonical-text.ts";
import { foldDiacritics } from "./fold-diacritics.ts";

const HONORIFIC =
  /^(?:anh|chị|chi|em|cô|co|chú|chu|bác|bac|ông|ong|bà|ba|bạn|ban|cháu|chau|dì|di|cậu|cau|đ\/c|đồng chí|dong chi)\s+/iu;
const SEPARATOR = /\s*(?:[,;\n]|\s(?:và|va|với|voi)\s)\s*/iu;
const LIST_MARK = /^\s*(?:\d+\s*[.)/-]|[-+•*])\s*/u;
const NAME_WORD = /^\p{L}+$/u;
// A name typed in lowercase is taken only when it starts with a common family name.
const FAMILY_NAMES = new Set([
  "nguyen",
  "tran",
  "le",
  "pham",
  "hoang",
  "huynh",
  "phan",
  "vu",
  "vo",
  "dang",
  "bui",
  "do",
  "ho",
  "ngo",
  "duong",
  "ly",
  "dinh",
  "mai",
  "trinh",
  "truong",
  "lam",
  "luong",
  "ha",
  "cao",
  "ta",
  "quach",
  "chu",
  "thai",
  "kieu",
  "luu",
  "doan",
  "trieu",
  "tong",
  "vuong",
  "dao",
  "lai",
  "ton",
  "nong",
  "chau",
  "giang",
  "mac",
  "thach",
  "tang",
  "hua",
  "khuc",
  "au",
  "la",
  "diep",
  "bach",
  "quan",
  "tieu",
  "lu",
  "tat",
  "van",
]);

function cleanName(item: string): string | undefined {
  let name = item
    .trim()
    .replace(/[.!?)]+$/, "")
    .trim();
  const words = name.split(/\s+/);
  if (words.length > 1 && HONORIFIC.test(name)) name = name.replace(HONORIFIC, "");
  const parts = name.split(/\s+/).filter((w) => w !== "");
  if (parts.length === 0 || parts.length > 5 || !parts.every((w) => NAME_WORD.test(w))) return undefined;
  const capitalised = parts.every((w) => /^\p{Lu}/u.test(w));
  if (!capitalised && (parts.length < 2 || !FAMILY_NAMES.has(foldDiacritics(parts[0]?.toLowerCase() ?? ""))))
    return undefined;
  return name;
}

/** The people listed after the first report trigger, or undefined when none are. */
export function findPeople(canonical: CanonicalText, fromToken: number): string[] | undefined {
  const { tokens, source } = canonical;
  for (let i = fromToken + 1; i < tokens.length; i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token === undefined || next === undefined) return undefined;
    const form = token.form;
    const previous = tokens[i - 1]?.form ?? "";
    const afterCount = /^(?:vien|nguoi|chi|anh|em|ban|nhan|dong|moi)$/.test(previous);
    const introduces =
      form === ":" ||
      form === "(" ||
      form === "gom" ||
      (form === "la" && (previous === "ten" || afterCount)) ||
      (form === "ten" && next.form !== "la") ||
      (form === "," && afterCount);
    if (!introduces) {
      if (/^[.!?;]$/.test(form)) return undefined;
      continue;
    }
    const rest = source.slice(token.end);
    // "Kết nạp 3 đv:" then one name per line, maybe numbered: the list runs to a blank line.
    const lines = /^[ \t]*\n/.test(rest);
    const closing = lines ? /\n[ \t]*\n/ : form === "(" ? /[)\n]/ : /[.!?\n]/;
    const stop = rest.search(closing);
    const list = (stop === -1 ? rest : rest.slice(0, stop)).trim();
    const items = lines ? list.split("\n").map((line) => line.replace(LIST_MARK, "")) : list.split(SEPARATOR);
    const names: string[] = [];
    for (const item of items) {
      const name = cleanName(item);
      if (name === undefined) break;
      names.push(name);
    }
    if (names.length > 0) return names;
  }
  return undefined;
}
