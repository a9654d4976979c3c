// "sửa đoàn viên Nguyễn Văn An", "sua dv Nguyen Van An", "sửa hồ sơ đv Lê Thị Hoa: quê Mỏ Cày Bắc": a chair
// opening a member's record to correct it, by name, optionally with the corrections after a comma or colon.
// The corrections are read as a member typed in free form is (member-entry.ts).
import { foldDiacritics } from "./fold-diacritics.ts";
import { readMemberEntry } from "./member-entry.ts";
import type { MemberEdit } from "./types.ts";

/** The verb, then what is corrected ("hồ sơ", "thông tin", "đoàn viên", "đv", in any sensible order). */
const OPENING =
  /^(?:sua|chinh\s+sua|cap\s+nhat|dieu\s+chinh)(?:\s+lai)?\s+(?:(?:ho\s+so|thong\s+tin|tt)(?:\s+(?:cua|cho))?\s+(?:doan\s+vien|dv)|ho\s+so|doan\s+vien|dv)(?:\s+(?:cua|cho|la|ten))?(?=\s|$|[,:;])\s*[:]?\s*/;

/** A name as officers type it on a phone: two to seven words of letters, marks and capitals optional. */
function isName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 7 && words.every((w) => /^\p{L}+$/u.test(w));
}

export function readMemberEdit(text: string): MemberEdit | undefined {
  const typed = text.normalize("NFC").trim();
  // Folding keeps each Vietnamese letter one character long, so positions in the folded text are the typed ones.
  const opening = OPENING.exec(foldDiacritics(typed).toLowerCase());
  if (!opening) return undefined;
  const rest = typed.slice(opening[0].length);
  const cut = rest.search(/[,:;\n]/);
  const name = (cut < 0 ? rest : rest.slice(0, cut)).trim();
  if (name && !isName(name)) return undefined;
  const corrections = cut < 0 ? undefined : readMemberEntry(rest.slice(cut + 1));
  return { ...(name ? { name } : {}), ...(corrections ? { fields: corrections } : {}) };
}
