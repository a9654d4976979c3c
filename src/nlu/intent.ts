// Decides what a message wants, from its canonical text and the reports found in it.
// Order matters: an undo names the report it undoes, a how-to question names the report it is
// about, and a question about a report ("đã kết nạp 5 đv chưa?") is not a report.

import type { CanonicalText } from "./canonical-text.ts";
import type { Clauses } from "./clauses.ts";
import type { Extraction } from "./reports.ts";
import type { Intent, MetricKey } from "./types.ts";

function phrases(body: string): RegExp {
  return new RegExp(`(?<![^ ])(?:${body})(?![^ ])`);
}

const UNDO = phrases(
  [
    "hoan tac",
    "undo",
    "cancel",
    "rut lai",
    "lay lai",
    "(?:nhap|go|bao cao|bao|danh|ghi|gui) (?:nham|sai|lon|lo)",
    "(?:nham|sai) roi",
    "(?:xoa|huy|bo)(?: (?:bo|giup|di|cai|lenh|bao cao|so lieu|tin|dong|em|anh|minh|toi|e|gium))* (?:cai |bao cao |tin |so lieu )?(?:vua|nay|do|nay di|ban nay|luc nay|truoc)",
    "(?:xoa|huy)(?: bo)? (?:bao cao|cai|lenh|so lieu|tin nhan|giup|giup em|giup anh|giup minh|di)",
    "bo (?:bao cao|cai|tin|so lieu)(?: vua)?",
    "sua (?:lai )?(?:giup|gium|di|bao cao|so lieu|cai)",
    "huy bo",
  ].join("|"),
);
const UNDO_ALONE = /^(?:thoi )?(?:huy|xoa|bo)(?: (?:di|nhe|nha|giup|a))*(?: [.!])?$/;

const HELP_STRONG = phrases(
  [
    "huong dan",
    "hdsd",
    "help",
    "tro giup",
    "menu",
    "chuc nang",
    "lenh (?:nao|gi)",
    "lam (?:sao|the nao|nhu the nao|nhu nao) (?:de|ma)",
    "(?:thi|phai|can) lam (?:sao|the nao|nhu the nao)",
    "cach (?:dung|su dung|bao cao|nhap|lam|xem|gui|hoi)",
    "(?:dung|su dung|nhap|bao cao|xai) (?:sao|the nao|nhu the nao|nhu nao|kieu gi|ra sao)",
    "kieu gi",
    "khong (?:biet|hieu) (?:cach |phai )?(?:dung|nhap|lam|bao cao|su dung|xai)",
    "khong hieu",
    "(?:lam|biet|ho tro|giup) (?:duoc )?(?:nhung )?gi",
    "lam gi duoc",
    "giup (?:duoc )?gi",
    "chi (?:minh|em|toi|anh|chi|tui) (?:cach|voi)",
  ].join("|"),
);
const HELP_ALONE =
  /^(?:bot |em |oi |bot oi )*(?:giup|tro giup|cuu)(?: do)?(?: (?:minh|em|toi|anh|chi|tui|voi|nhe|nha|a|di|bot))*(?: [,.!?])*$|^\?$|^\/?(?:help|start)$/;

// Ask cues. Deadline words outrank remaining, which outranks progress: "còn mấy ngày nữa tới
// hạn" asks for a deadline, "còn thiếu bao nhiêu thì đạt chỉ tiêu" for what is missing.
const DEADLINE_STRONG = phrases(
  "han(?! che)|deadline|dead line|thoi han|han chot|han cuoi|het han|den han|toi han|(?:may|bao nhieu) ngay nua|bao lau nua",
);
const REMAINING = phrases(
  [
    "con thieu",
    "(?<!gioi )thieu(?! nhi(?![a-z]))",
    "bao nhieu nua",
    "may nua",
    "nhieu nua",
    "con lai",
    "con(?: phai| can)?(?: [a-z@#]+){0,5} (?:bao nhieu|may|nhieu)",
    "(?:can|phai)(?: [a-z@]+){0,4} (?:bao nhieu|may|nhieu)",
    "nua (?:thi|moi|la) (?:dat|du|xong|hoan thanh)",
  ].join("|"),
);
const PROGRESS = phrases(
  [
    "tien do",
    "tinh hinh",
    "ket qua",
    "so lieu",
    "thong ke",
    "ty le",
    "ti le",
    "phan tram",
    "%",
    "(?:dat|duoc|co|la|len|toi) (?:duoc )?(?:bao nhieu|may)",
    "(?:dat|duoc) nhieu(?! (?:lam|qua|the|ghe))",
    "tong so",
    "tong cong",
    "hien co",
    "(?:den|toi) dau",
    "(?:don vi|cong doan co so|nghiep doan|cong ty) nao",
    "vuot(?: chi tieu)?",
    "dat chi tieu",
    "hoan thanh chi tieu",
    "chua (?:dat|hoan thanh)",
    "chi tieu",
    "xep hang",
    "cham nhat",
    "bao cao chua",
    "(?:sao|the nao|ra sao|nhu nao) roi",
  ].join("|"),
);
const DEADLINE_WEAK = phrases(
  [
    "khi nao",
    "bao gio",
    "ngay nao",
    "hom nao",
    "luc nao",
    "ngay may",
    "(?<!du )lich",
    "sap toi",
    "sap den",
    "nhac viec",
    "moc thoi gian",
    "(?:phai|can) nop",
    "(?:nop|gui|bao cao) truoc",
    "truoc ngay",
    "nop (?:gi|nhung gi)",
    "viec gi",
    "can lam gi",
  ].join("|"),
);
const ALREADY_DONE = / da(?: [a-z@#]+)+ chua(?: [a-z]+)* $/;
const EVENT_WORDS = phrases(
  "ket nap|nghi viec|nghi huu|chuyen cong tac|thanh lap|gioi thieu|to chuc|doan vien|giam|tang",
);

const THANKS = phrases("cam on|cam ta|da ta|thank you|cam on nhieu");
const GREET = phrases("xin chao|chao(?! mung)|alo|hello|helo|hi|hey|bot oi|good morning|chao buoi sang");
const GREET_ALONE = /^(?:(?:em|bot|ban|anh|chi|a|oi|ca nha|moi nguoi)\s?)*(?:oi)?$/;

export interface Classification {
  intent: Intent;
  metric?: MetricKey;
}

function askIntent(text: string): Intent | undefined {
  if (DEADLINE_STRONG.test(text)) return "ask_deadlines";
  if (REMAINING.test(text)) return "ask_remaining";
  if (PROGRESS.test(text)) return "ask_progress";
  if (DEADLINE_WEAK.test(text)) return "ask_deadlines";
  return undefined;
}

/** The target an ask is about, when it names one. */
export function metricOf(text: string): MetricKey | undefined {
  const t = ` ${text} `;
  if (/ (?:phi chinh thuc|tu do) /.test(t)) return "ket_nap_phi_chinh_thuc";
  if (/ (?:thuc tang|phat trien tang|tang thuc|tang rong) /.test(t)) return "thuc_tang";
  if (/ (?:(?:thanh lap|lap)(?: [a-z]+){0,3} nghiep doan|(?:bao nhieu|may) nghiep doan) /.test(t))
    return "thanh_lap_nghiep_doan";
  if (
    / (?:(?:thanh lap|lap)(?: [a-z]+){0,3} cong doan|(?:bao nhieu|may) cong doan co so|cong doan co so(?: [a-z]+){0,3} thanh lap|cong doan co so nua) /.test(
      t,
    )
  ) {
    return "thanh_lap_cdcs";
  }
  if (/ (?:gioi thieu|uu tu|ket nap dang|dang vien|cho dang) /.test(t)) return "gioi_thieu_dang";
  if (/ tong(?: so)? doan vien /.test(t)) return "tong_doan_vien";
  if (/ ket nap /.test(t)) return "ket_nap";
  if (/ doan vien /.test(t)) return "doan_vien";
  return undefined;
}

function withMetric(intent: Intent, text: string): Classification {
  const metric = metricOf(text);
  return metric === undefined ? { intent } : { intent, metric };
}

export function classify(canonical: CanonicalText, clauses: Clauses, extraction: Extraction): Classification {
  const text = canonical.text;
  const padded = ` ${text} `;
  const bare = text.replace(/ ?[.!?,]+$/, "").trim();

  // "anh Huy nghỉ việc" names a person, it does not cancel anything.
  const withoutNames = canonical.tokens.map((t) => (t.name === true ? "~name" : t.form)).join(" ");
  if (UNDO.test(withoutNames) || UNDO_ALONE.test(bare)) return { intent: "undo" };
  if (HELP_STRONG.test(text) || HELP_ALONE.test(bare) || HELP_ALONE.test(text.trim())) return { intent: "help" };

  const ask = askIntent(text);
  // "tiến độ thành lập CĐCS", "xem số liệu kết nạp": an ask that names a report without a count.
  const counted = extraction.reports.some((r) => r.count !== undefined);
  if (extraction.reports.length > 0 && (counted || ask === undefined)) return { intent: "report" };

  const asked = clauses.question.some((q) => q);
  if (ask !== undefined) return withMetric(ask, text);
  if (extraction.askedAboutReport || (asked && ALREADY_DONE.test(padded) && EVENT_WORDS.test(text))) {
    return withMetric("ask_progress", text);
  }

  if (THANKS.test(text)) return { intent: "thanks" };
  if (GREET.test(text) && (GREET_ALONE.test(text.replace(GREET, "").trim()) || canonical.tokens.length <= 6)) {
    return { intent: "greet" };
  }
  return { intent: "unknown" };
}
