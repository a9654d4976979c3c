// Chat spellings and abbreviations union officers type on their phones, each mapped to the
// folded full form the grammar is written in ("ko co dv moi" → "khong co doan vien moi").

import { normalizeFolded } from "./normalize.ts";

/** Abbreviations that mean one thing whatever surrounds them. Keys and values are folded. */
const FIXED: ReadonlyMap<string, string> = new Map([
  // members and organisations
  ["dv", "doan vien"],
  ["dvien", "doan vien"],
  ["doanvien", "doan vien"],
  ["dvcd", "doan vien cong doan"],
  ["cd", "cong doan"],
  ["cdoan", "cong doan"],
  ["congdoan", "cong doan"],
  ["cdcs", "cong doan co so"],
  ["cdbp", "cong doan bo phan"],
  ["nd", "nghiep doan"],
  ["ndoan", "nghiep doan"],
  ["cty", "cong ty"],
  ["congty", "cong ty"],
  ["ld", "lao dong"],
  ["nld", "nguoi lao dong"],
  ["cn", "cong nhan"],
  ["cnvc", "cong nhan vien chuc"],
  ["cnvcld", "cong nhan vien chuc lao dong"],
  ["cnld", "cong nhan lao dong"],
  ["ng", "nguoi"],
  ["ngta", "nguoi ta"],
  ["tv", "thanh vien"],
  ["gv", "giao vien"],
  ["d/c", "dong chi"],
  ["bch", "ban chap hanh"],
  ["tp", "thanh pho"],
  ["ds", "danh sach"],
  ["sdt", "so dien thoai"],
  ["dt", "dien thoai"],
  ["vhtt", "van hoa the thao"],
  ["tdtt", "the duc the thao"],
  ["xh", "xa hoi"],
  // verbs
  ["kn", "ket nap"],
  ["knap", "ket nap"],
  ["ketnap", "ket nap"],
  ["tlap", "thanh lap"],
  ["thlap", "thanh lap"],
  ["thanhlap", "thanh lap"],
  ["gt", "gioi thieu"],
  ["bc", "bao cao"],
  ["bcao", "bao cao"],
  ["baocao", "bao cao"],
  ["hdsd", "huong dan su dung"],
  ["tiendo", "tien do"],
  // function words
  ["ko", "khong"],
  ["k", "khong"],
  ["kg", "khong"],
  ["kh", "khong"],
  ["khg", "khong"],
  ["hok", "khong"],
  ["hem", "khong"],
  ["khum", "khong"],
  ["hk", "khong"],
  ["dc", "duoc"],
  ["dk", "duoc"],
  ["bn", "bao nhieu"],
  ["bnh", "bao nhieu"],
  ["bnhieu", "bao nhieu"],
  ["baonhieu", "bao nhieu"],
  ["nhiu", "nhieu"],
  ["thiu", "thieu"],
  ["e", "em"],
  ["mk", "minh"],
  ["mik", "minh"],
  ["mh", "minh"],
  ["mjk", "minh"],
  ["mjnh", "minh"],
  ["r", "roi"],
  ["rui", "roi"],
  ["rau", "roi"],
  ["j", "gi"],
  ["ji", "gi"],
  ["z", "vay"],
  ["zay", "vay"],
  ["dzay", "vay"],
  ["ntn", "nhu the nao"],
  ["vs", "voi"],
  ["cx", "cung"],
  ["wa", "qua"],
  ["hqua", "hom qua"],
  ["homqua", "hom qua"],
  ["hnay", "hom nay"],
  ["homnay", "hom nay"],
  ["thg", "thang"],
  ["zo", "vao"],
  ["vo", "vao"],
  ["lun", "luon"],
  ["bik", "biet"],
  ["bit", "biet"],
  ["mun", "muon"],
  ["ak", "a"],
  ["ah", "a"],
  ["uh", "u"],
  ["uk", "u"],
  ["hoy", "thoi"],
  ["thui", "thoi"],
  ["gium", "giup"],
  ["dum", "giup"],
  ["giupp", "giup"],
  // thanks
  ["tks", "cam on"],
  ["thks", "cam on"],
  ["thanks", "cam on"],
  ["thank", "cam on"],
  ["thanx", "cam on"],
  ["thx", "cam on"],
  ["tnx", "cam on"],
  ["camon", "cam on"],
  ["ok", "ok"],
  ["oke", "ok"],
  ["oki", "ok"],
  ["okie", "ok"],
  ["okay", "ok"],
  ["oce", "ok"],
]);

// "hum" is "hôm" before a day word and "không" elsewhere; "tl" and "hđ" likewise depend on
// their neighbours, so they are decided here rather than in the fixed table.
const DAY_WORDS = /^(?:qua|nay|kia|truoc|sau|wa)$/;
const AFTER_TL = /^(?:#|\d|cong|nghiep|cdcs|cd|nd|duoc|dc|them|moi|xong|mot|hai|ba)/;
const CONTRACT_VERBS = /^(?:het|cham|dut|ky|theo|gia|han)$/;

/**
 * The folded full form of one folded word. `typed` is the word as typed (lowercase, with its
 * marks) for the few words whose marks decide the reading ("vô" vs "vợ").
 */
export function expandWord(word: string, typed: string, prev: string | undefined, next: string | undefined): string {
  switch (word) {
    case "hum":
      return next !== undefined && DAY_WORDS.test(next) ? "hom" : "khong";
    case "tl":
      return next !== undefined && AFTER_TL.test(next) ? "thanh lap" : "tl";
    case "hd":
      return prev !== undefined && CONTRACT_VERBS.test(prev) ? "hop dong" : "hoat dong";
    case "vo":
      // "vô" (into) is common in the South; "vợ" (wife) must not become "vào".
      return typed === "vô" || typed === "vo" ? "vao" : word;
    case "hong":
      // "hông" is southern "không"; "hỏng" (broken) is not.
      return typed === "hông" || typed === "hong" ? "khong" : word;
    default:
      return FIXED.get(word) ?? word;
  }
}

/** The whole text in folded full form, e.g. for tests and for unit-name keys. */
export function expandAbbreviations(text: string): string {
  const words = normalizeFolded(text)
    .split(" ")
    .filter((w) => w !== "");
  return words.map((w, i) => expandWord(w, w, words[i - 1], words[i + 1])).join(" ");
}
