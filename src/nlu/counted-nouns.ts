// The nouns that follow a count in a report ("5 đoàn viên", "2 CĐCS", "1 hoạt động"). They tell
// "kết nạp năm đoàn viên" (five) from "năm nay" (this year), and "May 10" from "10 người".
// Forms are folded and abbreviation-expanded; longer phrases come first so they win.

export const PERSON_NOUNS: readonly string[] = [
  "nguoi lao dong",
  "doan vien cong doan",
  "doan vien",
  "thanh vien",
  "dong chi",
  "anh chi em",
  "anh em",
  "chi em",
  "anh chi",
  "cong nhan vien chuc lao dong",
  "cong nhan vien chuc",
  "cong nhan lao dong",
  "cong nhan",
  "lao dong",
  "nhan vien",
  "giao vien",
  "co giao",
  "thay giao",
  "bac tai",
  "tai xe",
  "nguoi",
  "ban",
  "anh",
  "chi",
  "em",
  "co",
  "chu",
  "bac",
  "ong",
  "ba",
  "tho",
  "dua",
  "chau",
  "ca nhan",
  "truong hop",
];

export const UNION_NOUNS: readonly string[] = ["cong doan co so", "cong doan bo phan", "cong doan"];

export const GUILD_NOUNS: readonly string[] = ["nghiep doan"];

export const ACTIVITY_NOUNS: readonly string[] = [
  "hoat dong",
  "chuong trinh",
  "buoi",
  "giai",
  "dot",
  "cuoc",
  "chuyen",
  "hoi thao",
  "hoi thi",
  "su kien",
];

const ALL = [...PERSON_NOUNS, ...UNION_NOUNS, ...GUILD_NOUNS, ...ACTIVITY_NOUNS, "cai", "chiec"];

/** Regex source matching any of the phrases, longest first, as whole words. */
export function alternation(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).join("|");
}

const COUNTED_START = new RegExp(`^(?:${alternation(ALL)})(?: |$)`);

/** True when the words starting at `rest` (space-joined) begin with a counted noun. */
export function startsWithCountedNoun(rest: string): boolean {
  return COUNTED_START.test(rest);
}
