// "Nguyễn Văn An nghỉ việc", "Trần Thị Bình nghỉ hưu từ 01/12/2026", "Lê Văn Cường chuyển sinh hoạt": a named
// member leaving. Only a name that looks like a person's (two to seven capitalised words) is read this way, so
// "2 đv nghỉ việc" stays a count report.
import { foldDiacritics } from "./fold-diacritics.ts";
import type { MemberDeparture } from "./types.ts";

const WHAT: [RegExp, MemberDeparture["status"]][] = [
  [/^(?:nghi\s+viec|thoi\s+viec|ra\s+khoi\s+(?:cong\s+doan|cd)|xin\s+ra\s+khoi\s+(?:cong\s+doan|cd))$/, "left"],
  [/^nghi\s+huu$/, "retired"],
  [/^(?:chuyen\s+(?:sinh\s+hoat|cong\s+tac|di|noi\s+khac))$/, "moved"],
];

const SENTENCE =
  /^(?<name>[^\d,;:]+?)\s+(?<what>nghi\s+viec|thoi\s+viec|xin\s+ra\s+khoi\s+(?:cong\s+doan|cd)|ra\s+khoi\s+(?:cong\s+doan|cd)|nghi\s+huu|chuyen\s+(?:sinh\s+hoat|cong\s+tac|di|noi\s+khac))(?:\s+(?:tu\s+)?(?:ngay\s+)?(?<date>\d{1,2}\/\d{1,2}\/\d{4}))?\s*[.!]?$/;

/** A person's name as typed: two to seven words of letters, each starting with a capital. */
function isName(words: string[]): boolean {
  return (
    words.length >= 2 &&
    words.length <= 7 &&
    words.every((w) => /^\p{L}+$/u.test(w) && w.charAt(0) === w.charAt(0).toLocaleUpperCase("vi"))
  );
}

export function readMemberDeparture(text: string): MemberDeparture | undefined {
  const typed = text.normalize("NFC").trim();
  // Folding keeps each Vietnamese letter one character long, so positions in the folded text are the typed ones.
  const match = SENTENCE.exec(foldDiacritics(typed).toLowerCase());
  const groups = match?.groups;
  if (!groups?.name || !groups.what) return undefined;
  const name = typed.slice(0, groups.name.length).trim();
  if (!isName(name.split(/\s+/))) return undefined;
  const status = WHAT.find(([pattern]) => pattern.test(groups.what ?? ""))?.[1];
  if (!status) return undefined;
  const [d, m, y] = (groups.date ?? "").split("/");
  const on = groups.date ? `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}` : undefined;
  return { name, status, ...(on ? { on } : {}) };
}
