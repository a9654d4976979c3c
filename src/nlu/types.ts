// The parse of one message: the interface between the language layer and the commands.

export const INTENTS = [
  "report",
  "ask_remaining",
  "ask_progress",
  "ask_deadlines",
  "undo",
  "help",
  "greet",
  "thanks",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export const REPORT_EVENTS = ["join", "leave", "found_union", "found_guild", "party_referral", "activity"] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

export const METRIC_KEYS = [
  "ket_nap",
  "thuc_tang",
  "ket_nap_phi_chinh_thuc",
  "thanh_lap_cdcs",
  "thanh_lap_nghiep_doan",
  "gioi_thieu_dang",
  "tong_doan_vien",
  // Not a metric: "đoàn viên" asked about without saying which member target — every one the unit has.
  "doan_vien",
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface ReportItem {
  event: ReportEvent;
  /** Absent when the message gives no number ("kết nạp vài người"). */
  count?: number;
  /** True when the members are informal-economy workers. */
  informal?: boolean;
}

export interface Parse {
  intent: Intent;
  reports?: ReportItem[];
  metric?: MetricKey;
  /** The text naming a unit, as written. */
  unit?: string;
  /** Words that may name a unit without its head word ("xe ôm công nghệ còn thiếu bao nhiêu"): used only if they fit one. */
  unitHint?: string;
  /** YYYY-MM-DD, when the message dates what it reports. */
  date?: string;
  people?: string[];
}

export interface ParseOptions {
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh; relative dates ("hôm qua") are read against it. */
  today?: string;
}
