// Finds where a message names a unit ("kết nạp 5 đv cho CĐCS Công ty May 10", "tiến độ của nđ
// xe ôm") and quotes it back as typed. A head word ("CĐCS", "công ty", "nghiệp đoàn",
// "trường"...) starts the name; the first word that begins the rest of the sentence ends it.

import type { CanonicalText } from "./canonical-text.ts";
import { sourceOf } from "./canonical-text.ts";
import { startsWithCountedNoun } from "./counted-nouns.ts";

const HEADS = [
  "cong doan co so",
  "cong doan bo phan",
  "to cong doan",
  "cong doan nganh",
  "cong doan",
  "nghiep doan",
  "cong ty",
  "xi nghiep",
  "nha may",
  "truong",
  "benh vien",
  "trung tam",
  "uy ban nhan dan",
  "ubnd",
  "phong",
  "chi nhanh",
  "hop tac xa",
  "htx",
  "doanh nghiep",
  "tap doan",
  "khach san",
  "ngan hang",
  "buu dien",
  "tram y te",
  "xuong",
  "chi cuc",
  "ban quan ly",
  "khu cong nghiep",
  "lien doan lao dong",
  "ldld",
  "thcs",
  "thpt",
  "mam non",
  "tieu hoc",
  "kho bac",
  "bao hiem xa hoi",
  "dien luc",
  "cuc thue",
  "cuc hai quan",
  "cuc thong ke",
  "vien kiem sat",
  "toa an",
  "dai phat thanh",
  "dai truyen hinh",
  "ban tuyen giao",
  "ban dan van",
  "ban to chuc",
  "hoi nong dan",
  "hoi lien hiep phu nu",
  "hoi cuu chien binh",
  "hoi chu thap do",
  "doi quan ly thi truong",
].sort((a, b) => b.length - a.length);

// Heads that are also everyday words once their marks are gone ("số" is "so", "viên" is "vien"): they
// start a name only when typed with their own marks.
const MARKED_HEADS = new Map([
  ["so", "sở"],
  ["cuc", "cục"],
  ["vien", "viện"],
  ["dai", "đài"],
  ["tram", "trạm"],
]);
// "so y te" typed without marks is the health department; "so lao dong", "so lieu" are numbers.
const DEPARTMENT_SUBJECTS =
  /^(?:y te|giao duc|giao thong|tai chinh|tai nguyen|noi vu|tu phap|xay dung|cong thuong|nong nghiep|lao dong thuong binh|ke hoach|van hoa|khoa hoc|thong tin|ngoai vu|du lich|gtvt|gddt|tnmt|khcn|ldtbxh|tttt|vhttdl)(?= |$)/;

// Words that begin the rest of the sentence, so end a unit name, unless capitalised as part of it.
const STOP_WORDS = new Set([
  "vua",
  "da",
  "moi",
  "dang",
  "se",
  "co",
  "con",
  "duoc",
  "thi",
  "la",
  "nay",
  "do",
  "minh",
  "em",
  "toi",
  "tui",
  "chung",
  "ben",
  "anh",
  "chi",
  "voi",
  "va",
  "cho",
  "cua",
  "o",
  "tai",
  "trong",
  "tu",
  "den",
  "khi",
  "neu",
  "nhung",
  "ma",
  "roi",
  "nhe",
  "nha",
  "a",
  "ha",
  "oi",
  "ay",
  "kia",
  "nua",
  "xong",
  "het",
  "luon",
  "rat",
  "sao",
  "the",
  "nao",
  "gi",
  "khong",
  "chua",
  "ket",
  "nghi",
  "giam",
  "tang",
  "them",
  "xin",
  "bao",
  "tien",
  "thieu",
  "can",
  "phai",
  "hien",
  "xem",
  "hoi",
  "dat",
  "ty",
  "ti",
  "vay",
  "nhi",
  "ạ",
  "hen",
  "di",
  "ve",
  "ra",
  "cung",
  "deu",
  "lai",
  "nen",
  "vi",
  "ai",
  "ho",
  "no",
  "ong",
  "ba",
  "bot",
  "gioi",
  "chuyen",
  "to",
  "thuc",
  "phat",
]);
// Phrases that contain a stop word but belong to a name: "Bệnh viện Đa khoa", "Cổ phần", "Cơ khí".
const NAME_COMPOUNDS =
  /^(?:da khoa|co phan|co khi|co dien|co so|moi truong|to cong doan|thanh pho|to dan pho|ben thanh|ben xe|ben cat|cho lon|ba chieu|ba ria|da lat|da nang|tan phu|an binh|viec nha|nha may|nha van hoa|nha hang|nha sach|nha tre)(?= |$)/;
// A stop word typed with other marks is another word: "vé số" is not "về", "nhà" is not "nha".
const STOP_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ["ve", ["về"]],
  ["nha", ["nhá"]],
  ["co", ["có"]],
  ["da", ["đã"]],
  ["do", ["đó", "đấy"]],
  ["con", ["còn"]],
  ["moi", ["mới"]],
  ["ba", ["bà"]],
  ["chi", ["chị", "chỉ"]],
  ["ong", ["ông"]],
  ["to", ["tổ"]],
  ["tu", ["từ", "tự"]],
  ["ma", ["mà"]],
  ["hoi", ["hỏi"]],
  ["lai", ["lại"]],
  ["di", ["đi"]],
  ["nao", ["nào"]],
  ["the", ["thế"]],
  ["tang", ["tăng"]],
  ["giam", ["giảm"]],
  ["bao", ["báo", "bao"]],
  ["tien", ["tiến"]],
  ["thuc", ["thực"]],
  ["phat", ["phát"]],
  ["ket", ["kết"]],
  ["can", ["cần"]],
  ["phai", ["phải"]],
  ["dat", ["đạt"]],
  ["hien", ["hiện"]],
  ["ty", ["tỷ", "tỉ"]],
  ["vi", ["vì"]],
  ["ho", ["họ"]],
  ["no", ["nó"]],
  ["nen", ["nên"]],
  ["ben", ["bên"]],
  ["cua", ["của"]],
  ["tai", ["tại"]],
  ["trong", ["trong"]],
  ["den", ["đến"]],
  ["duoc", ["được"]],
  ["dang", ["đang"]],
  ["nghi", ["nghỉ"]],
  ["thieu", ["thiếu"]],
  ["them", ["thêm"]],
  ["chuyen", ["chuyển"]],
  ["gioi", ["giới"]],
  ["vua", ["vừa"]],
  ["la", ["là"]],
  ["xin", ["xin"]],
  ["xem", ["xem"]],
  ["het", ["hết"]],
  ["roi", ["rồi"]],
  // "cho" is "for"; "chợ" (a market) is in names: "Nghiệp đoàn tiểu thương chợ Bến Thành".
  ["cho", ["cho"]],
]);

function stopsAsTyped(form: string, typed: string): boolean {
  const spellings = STOP_SPELLINGS.get(form);
  return spellings === undefined || typed === form || spellings.includes(typed);
}

// Phrases that begin the rest of the sentence although their first word is common in names.
const STOP_PHRASES =
  /^(?:thanh lap|ra mat|ve huu|qua doi|tu tran|cham dut|het hop dong|bo viec|thoi viec|huong dan)(?= |$)/;

const GENERIC = new Set([
  "cong",
  "doan",
  "co",
  "so",
  "bo",
  "phan",
  "nghiep",
  "ty",
  "to",
  "nganh",
  "minh",
  "nay",
  "ta",
  "ubnd",
]);
const PUNCTUATION = /^[^a-z0-9#~]/;

// Heads by their first word, longest first, as word lists.
const HEADS_BY_FIRST = new Map<string, string[][]>();
for (const head of HEADS) {
  const words = head.split(" ");
  const first = words[0] ?? "";
  HEADS_BY_FIRST.set(first, [...(HEADS_BY_FIRST.get(first) ?? []), words]);
}

/** How many words the unit head starting at word i takes, or 0. `typed` tells "sở" from "số". */
function headAt(forms: string[], i: number, typed: readonly string[] = []): number {
  const candidates = HEADS_BY_FIRST.get(forms[i] ?? "");
  for (const words of candidates ?? []) {
    if (words.every((w, k) => forms[i + k] === w)) return words.length;
  }
  const form = forms[i] ?? "";
  const marked = MARKED_HEADS.get(form);
  if (marked === undefined) return 0;
  const as = typed[i];
  if (as === marked) return 1;
  return form === "so" && as === "so" && DEPARTMENT_SUBJECTS.test(forms.slice(i + 1, i + 5).join(" ")) ? 1 : 0;
}

// Units that found others: in "thành lập CĐCS Công ty X" the company is the new union, and only
// a district-level name ("LĐLĐ huyện Y thành lập 2 CĐCS") can be the unit reporting.
const FOUNDING_UNITS = new Set(["lien doan lao dong", "ldld", "cong doan nganh"]);

/** Where the name that a head word starts at token i ends (exclusive). */
function nameEnd(canonical: CanonicalText, i: number, start: number, limit: number): number {
  const { tokens, shouting } = canonical;
  const forms = tokens.map((t) => t.form);
  const typed = tokens.map((t) => t.typed);
  let end = start;
  while (end < limit && end - i < 12) {
    const token = tokens[end];
    const form = forms[end] ?? "";
    if (token === undefined || PUNCTUATION.test(form) || form.startsWith("@")) break;
    const rest = forms.slice(end, end + 3).join(" ");
    // "số 2" is part of a name; "500 lao động" is a head count that ends it.
    const ordinal = forms[end - 1] === "so";
    if (form.startsWith("#") && !ordinal && startsWithCountedNoun(forms.slice(end + 1, end + 4).join(" "))) break;
    const nextHead = headAt(forms, end, typed);
    if (nextHead > 0) {
      end += nextHead;
      continue;
    }
    const compound = NAME_COMPOUNDS.exec(rest);
    if (compound !== null) {
      end += compound[0].split(" ").length;
      continue;
    }
    if (STOP_PHRASES.test(rest)) break;
    // "Giày da", "thuộc da": leather, not "đã".
    if (
      form === "da" &&
      token.typed.toLowerCase() === "da" &&
      (forms[end - 1] === "giay" || forms[end - 1] === "thuoc")
    ) {
      end += 1;
      continue;
    }
    const capitalised = token.capital && !shouting;
    if (STOP_WORDS.has(form) && !capitalised && (token.abbreviated === true || stopsAsTyped(form, token.typed))) break;
    if (form === "may" && token.typed === "mấy") break;
    end += 1;
  }
  return end;
}

/** The words between i and end that tell the name apart: not head words, not generic ones. */
function distinctWords(
  forms: string[],
  i: number,
  end: number,
  headLength: number,
  typed: readonly string[] = [],
): string[] {
  return forms
    .slice(i, end)
    .filter((form, k) => k >= headLength && !GENERIC.has(form) && headAt(forms, i + k, typed) === 0);
}

/**
 * The unit the message names, as typed, or undefined. With `foundingOnly`, only a unit that can
 * found others counts.
 */
export function findUnitMention(canonical: CanonicalText, foundingOnly = false): string | undefined {
  const forms = canonical.tokens.map((t) => t.form);
  const typed = canonical.tokens.map((t) => t.typed);
  for (let i = 0; i < forms.length; i += 1) {
    const headLength = headAt(forms, i, typed);
    if (headLength === 0) continue;
    if (canonical.tokens[i]?.typed === "trưởng") continue;
    // "sở tài chính": the department's subject is its name, though "tai" alone may be "tại".
    const subject = forms[i] === "so" ? DEPARTMENT_SUBJECTS.exec(forms.slice(i + 1, i + 5).join(" ")) : null;
    const start = i + headLength + (subject ? subject[0].split(" ").length : 0);
    const end = nameEnd(canonical, i, start, forms.length);
    const head = forms.slice(i, i + headLength).join(" ");
    const named = distinctWords(forms, i, end, headLength, typed);
    if (named.length > 0 && (!foundingOnly || FOUNDING_UNITS.has(head))) return sourceOf(canonical, i, end);
    i = end - 1;
  }
  return undefined;
}

// The kind words of a founded unit: the name proper follows them ("CĐCS Công ty X" is "Công ty X").
const KIND_HEADS = new Set(["cong doan co so", "cong doan", "nghiep doan"]);

/**
 * Where a founding message names the unit it founded, without its kind word ("thành lập CĐCS Công ty
 * TNHH Minh Phát" → the tokens of "Công ty TNHH Minh Phát"), looked for between tokens `from` and `to`;
 * undefined when only the kind is said ("thành lập 1 CĐCS mới"). A unit that founds others (an LĐLĐ)
 * is the one reporting, never the one founded.
 */
export function findFoundedName(
  canonical: CanonicalText,
  from: number,
  to: number,
): { from: number; to: number } | undefined {
  const forms = canonical.tokens.map((t) => t.form);
  for (let i = from; i < to; i += 1) {
    const headLength = headAt(forms, i);
    if (headLength === 0 || canonical.tokens[i]?.typed === "trưởng") continue;
    const head = forms.slice(i, i + headLength).join(" ");
    const end = nameEnd(canonical, i, i + headLength, to);
    if (FOUNDING_UNITS.has(head) || distinctWords(forms, i, end, headLength).length === 0) {
      i = end - 1;
      continue;
    }
    return { from: KIND_HEADS.has(head) ? i + headLength : i, to: end };
  }
  return undefined;
}

// Words that open an ask or a time, not a name: "tình hình …", "hạn nộp …", "năm nay …", "số liệu …".
const NOT_A_NAME_START = new Set([
  "tinh",
  "han",
  "nop",
  "so",
  "bao",
  "chi",
  "nam",
  "thang",
  "hom",
  "tuan",
  "ket",
  "muon",
  "toan",
  "da",
  "don",
  "thong",
  "tong",
  "lap",
  "phi",
]);

/** Fewest words a name typed without a head word must have: one word ("Sáng") is too often not a name. */
const BARE_NAME_WORDS = 2;

/**
 * The words that open a message before what it asks or reports, when no head word names a unit:
 * "xe ôm công nghệ còn thiếu bao nhiêu", "May Linh Xuân kết nạp 3". Only a hint: the caller uses it
 * when it fits one of the person's units closely, and otherwise reads the message as if it named none.
 */
export function findBareUnitName(canonical: CanonicalText): string | undefined {
  const { tokens, shouting } = canonical;
  const forms = tokens.map((t) => t.form);
  let end = 0;
  while (end < tokens.length) {
    const token = tokens[end];
    const form = forms[end] ?? "";
    if (token === undefined || PUNCTUATION.test(form) || form.startsWith("@") || form.startsWith("#")) break;
    const rest = forms.slice(end, end + 3).join(" ");
    const compound = NAME_COMPOUNDS.exec(rest);
    if (compound !== null) {
      end += compound[0].split(" ").length;
      continue;
    }
    if (STOP_PHRASES.test(rest)) break;
    const capitalised = token.capital && !shouting && end > 0;
    if (STOP_WORDS.has(form) && !capitalised && (token.abbreviated === true || stopsAsTyped(form, token.typed))) break;
    if (form === "may" && token.typed === "mấy") break;
    end += 1;
  }
  const words = forms.slice(0, end).filter((form) => !GENERIC.has(form));
  if (words.length < BARE_NAME_WORDS || NOT_A_NAME_START.has(forms[0] ?? "")) return undefined;
  return sourceOf(canonical, 0, end);
}
