// The parse of one message: the interface between the language layer and the commands.

/** What a sentence asks for, as the classifier reads it. */
export const SENTENCE_INTENTS = [
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
export type SentenceIntent = (typeof SENTENCE_INTENTS)[number];

/** What a message can be besides a sentence: a fixed phrase, a code, a piece of work said done. */
export const MESSAGE_INTENTS = [
  "export",
  "redeem_invite",
  "link_code",
  "task_done",
  "member_entry",
  "member_departure",
  "member_edit",
  "web_login",
  "web_logout",
] as const;
export type MessageIntent = (typeof MESSAGE_INTENTS)[number];

export const INTENTS = [...SENTENCE_INTENTS, ...MESSAGE_INTENTS] as const;
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

/** A unit a founding message names: "thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên". */
export interface FoundedUnit {
  /** The name without its kind word ("Công ty TNHH Minh Phát"), as typed. */
  name: string;
  /** Guessed from the name: a company limited or joint-stock is private, a school or a hospital state. */
  sector?: "state" | "non_state" | "informal";
  members?: number;
  workers?: number;
}

export interface ReportItem {
  event: ReportEvent;
  /** Absent when the message gives no number ("kết nạp vài người"). */
  count?: number;
  /** True when the members are informal-economy workers. */
  informal?: boolean;
  /** For a founding that names the new union or guild. */
  founded?: FoundedUnit;
}

// Why the bot will not record a report as read, but ask first. Nothing is recorded until the
// officer says it again plainly: a number is never changed silently.
export const UNCERTAIN_REASONS = [
  /** "kết nạp -3 đv", "kết nạp +3": a count with a sign, so up or down is unclear. */
  "count-signed",
  /** "kết nạp 1e2 đv", "2,5 đv": a count written in a form no officer means. */
  "count-form",
  /** "kết nạp 3 đv, kết nạp 2 đv": one event restated, or two? */
  "count-repeated",
  /** "29/02/2023": no such day. */
  "date-impossible",
  /** The day has not come yet. */
  "date-future",
  /** Before 1 January of today's year: outside the period targets count. */
  "date-before-period",
  /** "thang sau" typed without marks: June ("tháng sáu") or next month ("tháng sau")? */
  "date-ambiguous",
] as const;
export type UncertainReason = (typeof UNCERTAIN_REASONS)[number];

export interface Uncertain {
  reason: UncertainReason;
  /** The words in doubt, as typed ("-3", "1e2", "29/02/2023"). */
  text: string;
  /** YYYY-MM-DD, for a date that could be read but not accepted. */
  date?: string;
}

/** A member as typed: dates as DD/MM/YYYY text (or a bare year), the rest as written. */
export interface MemberFields {
  fullName?: string;
  gender?: "male" | "female";
  birthDate?: string;
  idNumber?: string;
  hometown?: string;
  joinedOn?: string;
  cardNumber?: string;
  ethnicity?: string;
  religion?: string;
}

/** A named member leaving: "Nguyễn Văn An nghỉ việc". */
export interface MemberDeparture {
  name: string;
  status: "left" | "retired" | "moved";
  /** YYYY-MM-DD when the message gives the day. */
  on?: string;
}

/** A chair opening a member's record to correct it: "sửa đoàn viên Nguyễn Văn An, quê Bến Tre". */
export interface MemberEdit {
  /** The member's name as typed; absent for a bare "sửa đoàn viên". */
  name?: string;
  /** Corrections given in the same message. */
  fields?: MemberFields;
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
  /** A slash command's name, lower case and without the slash ("ketnap" for "/ketnap 5"). */
  slash?: string;
  /** What follows a slash command or a fixed phrase ("/phanbo kết nạp" → "kết nạp"). */
  args?: string;
  /** An invite or link code, as typed. */
  code?: string;
  /** For "task_done": the words that may name the task ("đã nộp danh sách" → ["danh", "sach"]). */
  taskWords?: string[];
  /**
   * What the message means if the reading above does not apply: a code typed by someone already
   * linked, a "done" message that names no open task. The command that gets it decides.
   */
  otherwise?: Parse;
  /** For "member_departure": who leaves, how, and when. */
  departure?: MemberDeparture;
  /** For "member_edit": whose record, and any corrections given with it. */
  edit?: MemberEdit;
  /** For "member_entry": the member the message describes, or the parts it adds. */
  member?: MemberFields;
  /** Set when a report could not be read with certainty: the bot asks and records nothing. */
  uncertain?: Uncertain;
}

export interface ParseOptions {
  /** YYYY-MM-DD in the configured time zone; relative dates ("hôm qua") are read against it. */
  today?: string;
}
