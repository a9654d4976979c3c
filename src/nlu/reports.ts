// Finds what a message reports: members admitted or lost, unions and guilds founded, members
// referred to the Party, activities held, each with its count when one is given.
//
// A report is a trigger ("kết nạp", "nghỉ việc", "giảm 2", "3 đv mới"...) and a count found in a
// fixed place around it: right after it ("kết nạp được 5 người"), else right before it ("2 đv
// nghỉ việc"). Numbers anywhere else (company names, worker totals, dates, phone numbers) are
// never counts.
//
// A count the officer may not have meant as read (a signed "-3", a "1e2", the same event told
// twice with different numbers) is not guessed at: the extraction says why it is uncertain.

import type { CanonicalText } from "./canonical-text.ts";
import { tokenAt } from "./canonical-text.ts";
import type { Clauses } from "./clauses.ts";
import { readFoundedUnit } from "./founded-unit.ts";
import { ACTIVITY_NOUNS, PERSON_NOUNS, alternation } from "./counted-nouns.ts";
import type { ReportEvent, ReportItem, Uncertain } from "./types.ts";

const PERSON = alternation(PERSON_NOUNS);
// New workers are not new members: "thêm 3 đv", "5 đv mới", but not "tuyển thêm 5 công nhân mới".
const MEMBER = "doan vien cong doan|doan vien|thanh vien";
const NEW_ENDS =
  "(?= [,.;!?:]| (?:nha|nhe|a|roi|ha|ne|trong|tu|o|cua|cho|thang|tuan|@t|va|vao|gia nhap|tham gia|anh|chi|em|ban|bot|oi|het|ca|nao|luon|dau|nua)(?= |$)|$)";
const ACTIVITY_NOUN = alternation(ACTIVITY_NOUNS);

function words(body: string): RegExp {
  return new RegExp(`(?<![^ ])(?:${body})(?![^ ])`, "g");
}

const LEAVE_VERBS = [
  "nghi viec",
  "thoi viec",
  "nghi huu",
  "ve huu",
  "nghi che do",
  "nghi lam",
  "bo viec",
  "bo lam",
  "chuyen cong tac",
  "chuyen sinh hoat(?: cong doan)?",
  "chuyen (?:di|ve|sang|qua)(?: (?:noi|don vi|cong ty|co quan|truong|cho) khac)?",
  "chuyen (?:cong ty|don vi|co quan|truong|noi|cho)(?: khac)?",
  "(?:xin )?ra khoi(?: to chuc)?(?: cong doan)?",
  "(?:xin )?roi(?: khoi)?(?: to chuc)? (?:cong doan|cong ty|don vi)",
  "cham dut hop dong",
  "het hop dong",
  "qua doi",
  "tu tran",
  "mat viec",
  "xoa ten",
].join("|");

const ACTIVITY_VERBS =
  "tham hoi|trao qua|tang qua|phat qua|hien mau|du lich|tham quan|lam tu thien|tu thien|trao hoc bong";

// What an organised activity is called; "tổ chức" followed by none of these is the
// organisation itself ("ra khỏi tổ chức công đoàn") or a meeting.
const ACTIVITY_WORDS = new RegExp(
  `(?<![^ ])(?:${[
    "hoat dong",
    "buoi",
    "chuong trinh",
    "giai",
    "hoi thao",
    "hoi thi",
    "cuoc thi",
    "hoi dien",
    "ngay hoi",
    "le hoi",
    "le ky niem",
    "ky niem",
    "chuyen di",
    "tiec",
    "van nghe",
    "van hoa",
    "the thao",
    "the duc",
    "tham quan",
    "du lich",
    "da ngoai",
    "di choi",
    "da banh",
    "bong da",
    "bong chuyen",
    "keo co",
    "cau long",
    "chay bo",
    "trung thu",
    "tham hoi",
    "trao qua",
    "tang qua",
    "phat qua",
    "hien mau",
    "tu thien",
    "mit tinh",
    "hop mat",
    "gap mat",
    "giao luu",
    "dieu duong",
    "mai am",
    "thieu nhi",
    "tet",
    "sinh nhat",
    "hoc bong",
    "xa hoi",
    "cham lo",
  ].join("|")})(?![^ ])`,
);

const PARTY_CONTEXT =
  / (?:uu tu|dang uy|cap uy|chi bo|(?:cho|len|vao|de|ket nap|voi|gioi thieu) dang|dang (?:xem xet|boi duong)|cam tinh|nhan thuc ve dang) /;

type Kind = ReportEvent | "found";

interface Rule {
  re: RegExp;
  kind: Kind;
  /** 2: a verb whose count is looked for around it; 1: a phrase holding its own count; 0: weakest. */
  rank: number;
  /** Capture group holding the count, for phrases that hold one. */
  countGroup?: number;
  /** A total that the following items may break down ("giảm 3: 2 nghỉ việc, 1 nghỉ hưu"). */
  total?: boolean;
  /** "nghỉ" alone: a leave only with a count, a negation or a closing word ("nghỉ hết rồi"). */
  bare?: boolean;
  needs?: "party" | "activity" | "activity-sentence";
}

const RULES: readonly Rule[] = [
  { re: words("ket nap(?: vao)? dang(?: vien)?"), kind: "party_referral", rank: 3 },
  {
    re: words("(?:de nghi|de xuat)(?: cho)? (?:chi bo|dang uy|cap uy|dang)(?: (?:xem xet|boi duong))* ket nap"),
    kind: "party_referral",
    rank: 3,
  },
  { re: words("gioi thieu(?: them)?"), kind: "party_referral", rank: 3, needs: "party" },
  { re: words(`#(\\d+)(?: (?:${PERSON}))? uu tu`), kind: "party_referral", rank: 1, countGroup: 1, needs: "party" },
  { re: words("thanh lap|lap|ra mat"), kind: "found", rank: 2 },
  { re: words("ket nap(?: vao(?: to chuc)? cong doan)?"), kind: "join", rank: 2 },
  { re: words("(?:xin )?(?:vao|gia nhap|tham gia)(?: to chuc)? cong doan"), kind: "join", rank: 2 },
  { re: words("phat trien(?: (?:moi|duoc|them))* #(\\d+)"), kind: "join", rank: 1, countGroup: 1 },
  {
    re: words("(?<!(?:thuc|phat trien) )tang(?: (?:them|duoc))?(?: :)?(?: [-+])? #(\\d+)"),
    kind: "join",
    rank: 1,
    countGroup: 1,
    total: true,
  },
  { re: words(`(?<!(?:can|phai|con|nua|tuyen) )them #(\\d+) (?:${MEMBER})`), kind: "join", rank: 1, countGroup: 1 },
  { re: words("\\+ ?#(\\d+)"), kind: "join", rank: 1, countGroup: 1 },
  // "3 đv mới" is new members; "2 đv mới nghỉ" is "just left".
  { re: words(`#(\\d+) (?:${MEMBER}) moi${NEW_ENDS}`), kind: "join", rank: 1, countGroup: 1 },
  { re: words(`(?:${MEMBER}) moi(?: :)? #(\\d+)`), kind: "join", rank: 1, countGroup: 1 },
  // Only counted by a negation: "không có đv mới", "chưa có ai mới".
  { re: words(`(?:ai|${MEMBER})(?: nao)? moi${NEW_ENDS}`), kind: "join", rank: 0 },
  {
    re: words(`#(\\d+) (?:${PERSON})(?: moi)? (?:vao|gia nhap)(?= [,.;!?]| nha| nhe| a| roi|$)`),
    kind: "join",
    rank: 1,
    countGroup: 1,
  },
  { re: words(LEAVE_VERBS), kind: "leave", rank: 2 },
  { re: words("nghi"), kind: "leave", rank: 2, bare: true },
  {
    re: words("giam(?: (?:di|them|duoc|mat))?(?: :)?(?: [-+])? #(\\d+)"),
    kind: "leave",
    rank: 1,
    countGroup: 1,
    total: true,
  },
  { re: words(`(?<=^|[,;:.] )- ?#(\\d+)(?= (?:${PERSON}))`), kind: "leave", rank: 1, countGroup: 1 },
  { re: words(`mat(?: di)?(?: [-+])? #(\\d+)(?: (?:${PERSON}))?`), kind: "leave", rank: 1, countGroup: 1, total: true },
  { re: words("(?:phoi hop )?to chuc|trien khai"), kind: "activity", rank: 2, needs: "activity" },
  { re: words(`(?:vua|da|moi)(?: di)? (?:${ACTIVITY_VERBS})`), kind: "activity", rank: 2 },
  { re: words("#(\\d+) hoat dong"), kind: "activity", rank: 1, countGroup: 1 },
  { re: words("#(\\d+) (?:buoi|chuong trinh)"), kind: "activity", rank: 1, countGroup: 1, needs: "activity-sentence" },
];

// Words allowed between a verb and its count: "kết nạp được thêm 5", "kết nạp đoàn viên mới: 5 người".
const FILLER = [
  "them",
  "duoc",
  "moi",
  "tong cong",
  "tong so",
  "tong",
  "tat ca",
  "ca thay",
  "khoang",
  "tam",
  "gan",
  "hon",
  "tren",
  "dung",
  "chinh thuc",
  "luon",
  "thi",
  "la",
  ":",
  "-",
  "\\+",
  "=",
  "@t",
  "trong",
  "vao",
  "ket qua",
  "so luong",
  "so",
  "nua",
  "len",
  "toi",
  "den",
  "xong",
  "lai",
  "roi",
  "thanh cong",
  "chi",
  "it nhat",
  "cong doan",
  "to chuc cong doan",
  "ca",
  "dang",
  "cho dang",
  "du",
].join("|");
const NOT_A_COUNT_AFTER = "(?! (?:%|tuoi|lan|phan tram|dong(?! chi)|trieu|ty)(?= |$))";
const PERSON_AFTER = new RegExp(
  `^(?: (?:${FILLER}|(?:${PERSON})(?: cong doan)?))*? #(\\d+)(?= |$)${NOT_A_COUNT_AFTER}`,
);
const FOUND_AFTER =
  /^(?: (?:moi|them|duoc|xong|thanh cong|them duoc|duoc them|@t|chinh thuc|:))*(?: #(\d+))?(?: (?:moi|them))? (cong doan co so|cong doan bo phan|cong doan|nghiep doan)(?= |$)/;
const FOUND_BEFORE =
  /(?:^| )#(\d+) (cong doan co so|cong doan bo phan|cong doan|nghiep doan)(?: moi)?(?: (?:da|vua|duoc|moi|deu|cung))*$/;
const ANNIVERSARY = /(?:^| )(?:nam|ngay|ky niem|@d)(?: thu)?(?: #\d+)?$/;
const ACTIVITY_AFTER = new RegExp(
  `^(?: (?:duoc|them|them duoc|duoc them|thanh cong|@t))* #(\\d+) (?:${ACTIVITY_NOUN})(?= |$)`,
);
const NUMBER_BEFORE = /(?:^| )#(\d+)((?: [a-z@~]+)*)$/;
const PERSON_START = new RegExp(`^ (?:${PERSON})(?= |$)`);
const FILLER_BEFORE = /^(?: (?:moi|da|vua|duoc|xin|deu|cung|bi|dang|roi|thi|la|vao|con|lai|cung da|da duoc|vua moi))*$/;
const OPEN_BEFORE = /(?:^|[,;:(]| va| con| co| thi| @t| la| nhung)$/;
const NEGATION_BEFORE = new RegExp(
  `(?:^| )(?:khong|chua|chang|cha)(?: (?:he|co|duoc|the|them|ai|nao|vao|moi|ca|mot|nguoi nao|${PERSON}))*$`,
);
const NEGATION_AFTER = new RegExp(`^(?: duoc)? (?:khong|chua)(?: duoc)? (?:ai|nguoi nao|(?:${PERSON}) nao)(?= |$)`);
const BARE_LEAVE_END = /^(?: (?:het|luon|roi|nha|nhe|a|ha|nua))*(?: [,.;!?]|$)/;
const NOT_LEAVING =
  /^ (?:phep|le|tet|om|sinh|thai san|trua|ngoi|mat|hop|la|rang|sao|gi|bu|dich|he|khoe|chut|ngang|giai lao|dem|@t|@d)(?= |$)/;
const INFORMAL = / (?:phi chinh thuc|tu do) /;
const INFORMAL_PART = / trong do #(\d+)((?: [a-z]+){0,6}?) (?:phi chinh thuc|tu do)(?= )/;
// "sẽ kết nạp", "có nhu cầu thành lập", "đang vận động": not done yet, so not a report.
const INTENTION =
  /(?:^| )(?:muon|se|du kien|chuan bi|ke hoach|nhu cau|van dong|dinh|can|phai|nen|co the|sap|dang|ho so|thu tuc)(?: (?:@t|duoc|them|tiep tuc|tien hanh|lam|se))*$/;
const COUNT_WITH_PERSON = new RegExp(`^ #\\d+ (?:${PERSON})(?= |$)`);
const ONLY_PERSON_BETWEEN = new RegExp(`^(?: (?:${PERSON}))? ?$`);
const TOTAL_WORD = /(?:^| )(?:tong|tong cong|tat ca|tong so)(?: [a-z]+)?$/;
// "kết nạp 2 đv nữ, 1 đv nam": a list that drops its verb after the first item.
const GENDER = "nu|nam";
const QUALIFIED = new RegExp(`^(?: (?:${PERSON}))? (?:${GENDER})(?= |$)`);
const LIST_ITEM = new RegExp(`^ (?:,|va)(?: va)? #(\\d+)(?: (?:${PERSON}))? (?:${GENDER})(?= [,.;!?]| va| ,|$)`);
// "kết nạp 2 đv tổ 1, 3 đv tổ 2": another item, or a breakdown? The bot cannot tell, and asks.
const PARALLEL_ITEM = new RegExp(`^ (?:${PERSON})(?: [^ ,.;!?]+)+ , #(\\d+) (?:${PERSON})(?= |$)`);
// A second telling marked as more: "chiều kết nạp thêm 2", "2 đv nữa".
const ANOTHER_TIME = / (?:them|nua|tiep)(?= )/;
const DAY_PART = /^(?:sang|trua|chieu|toi|dem|@t)$/;
const SIGN_OPENER = /^(?:@t|va|con|thi|ngoai|ra)$/;
const ODD_NUMBER = /^~(?:sci|dec)$/;
const NO_CHANGE = /(?:^| )(?:khong|chua) co (?:bien dong|thay doi)(?: (?:gi|nao))?(?: (?:ve )?doan vien)?(?= |$)/;

interface Found {
  kind: Kind;
  rule: Rule;
  start: number;
  end: number;
  /** Token index of the trigger's first token. */
  token: number;
  count?: number;
  /** Offset of the "#" of the number used as count. */
  countAt?: number;
  negated?: boolean;
  /** The counts of a verbless list the bot cannot add up with certainty ("2, 3"). */
  unclearList?: string;
}

export interface Extraction {
  reports: ReportItem[];
  /** Token indices of the triggers kept, in order. */
  triggerTokens: number[];
  /** A report phrase stood in a question ("đã kết nạp 5 đv chưa?"). */
  askedAboutReport: boolean;
  /** Why the counts cannot be recorded as read. */
  uncertain?: Uncertain;
}

/** The working state of one extraction; methods rather than closures keep the hot path lean. */
class Finder {
  readonly text: string;
  found: Found[] = [];
  readonly used = new Set<number>();
  askedAboutReport = false;
  uncertain: Uncertain | undefined;
  private readonly sentences: string[] = [];

  constructor(
    readonly canonical: CanonicalText,
    readonly clauses: Clauses,
  ) {
    this.text = canonical.text;
    canonical.tokens.forEach((t, i) => {
      const sentence = clauses.sentenceOf[i] ?? 0;
      this.sentences[sentence] = `${this.sentences[sentence] ?? " "}${t.form} `;
    });
  }

  clauseStartChar(token: number): number {
    const first = this.clauses.bounds[this.clauses.clauseOf[token] ?? 0]?.[0] ?? 0;
    return this.canonical.offsets[first] ?? 0;
  }

  sentenceText(token: number): string {
    return this.sentences[this.clauses.sentenceOf[token] ?? 0] ?? " ";
  }

  /** A verb's slot runs to the next verb; phrases holding their own count may sit inside it. */
  nextStart(f: Found): number {
    for (const g of this.found) if (g.start > f.start && g.rule.rank >= 2) return g.start;
    return this.text.length;
  }

  after(f: Found): string {
    return this.text.slice(f.end, this.nextStart(f));
  }

  before(f: Found): string {
    return this.text.slice(this.clauseStartChar(f.token), f.start).trimEnd();
  }

  countAfter(f: Found): { count: number; at: number; endsAt: number } | undefined {
    const rest = this.after(f);
    const m =
      f.kind === "activity"
        ? ACTIVITY_AFTER.exec(rest)
        : f.kind === "found_union" || f.kind === "found_guild"
          ? null
          : PERSON_AFTER.exec(rest);
    if (m?.[1] === undefined) return undefined;
    const at = f.end + m[0].lastIndexOf(`#${m[1]}`);
    return this.used.has(at) ? undefined : { count: Number(m[1]), at, endsAt: f.end + m[0].length };
  }

  countBefore(f: Found): { count: number; at: number } | undefined {
    if (f.kind === "activity" || f.kind === "found_union" || f.kind === "found_guild") return undefined;
    const slice = this.before(f);
    const m = NUMBER_BEFORE.exec(slice);
    if (m?.[1] === undefined) return undefined;
    const at = this.clauseStartChar(f.token) + m.index + m[0].indexOf("#");
    if (this.used.has(at)) return undefined;
    const tail = m[2] ?? "";
    const person = PERSON_START.exec(tail);
    const gap = person === null ? tail : tail.slice(person[0].length);
    const gapWords = gap.split(" ").filter((w) => w !== "").length;
    // A bare number opens an item at the start of a clause, after "và"/"có"..., or right after
    // the previous verb ("2 nghỉ việc 1 nghỉ hưu").
    const numberStart = this.clauseStartChar(f.token) + m.index + (m[0].startsWith(" ") ? 1 : 0);
    const open =
      m.index === 0 || OPEN_BEFORE.test(slice.slice(0, m.index)) || this.found.some((g) => g.end + 1 === numberStart);
    if ((person !== null && gapWords <= 5) || (person === null && FILLER_BEFORE.test(gap) && open)) {
      return { count: Number(m[1]), at };
    }
    return undefined;
  }

  /** 1. Every trigger, longest and strongest first where they overlap. */
  findTriggers(): void {
    const all: Found[] = [];
    for (const rule of RULES) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(this.text); m !== null; m = rule.re.exec(this.text)) {
        const start = m.index;
        const f: Found = {
          kind: rule.kind,
          rule,
          start,
          end: start + m[0].length,
          token: tokenAt(this.canonical, start),
        };
        const n = rule.countGroup === undefined ? undefined : m[rule.countGroup];
        if (n !== undefined) {
          f.count = Number(n);
          f.countAt = start + m[0].indexOf(`#${n}`);
        }
        all.push(f);
      }
    }
    all.sort((a, b) => a.start - b.start || b.rule.rank - a.rule.rank || b.end - a.end);
    const kept: Found[] = [];
    for (const f of all) {
      const clash = kept.findIndex((k) => f.start < k.end && k.start < f.end);
      const other = kept[clash];
      if (other === undefined) kept.push(f);
      else if (
        f.rule.rank > other.rule.rank ||
        (f.rule.rank === other.rule.rank && f.end - f.start > other.end - other.start)
      ) {
        kept[clash] = f;
      }
    }
    this.found = kept.sort((a, b) => a.start - b.start);
  }

  /** 2. Conditions that make a trigger no report at all. */
  isReport(f: Found): boolean {
    const { canonical, clauses } = this;
    if (clauses.question[clauses.clauseOf[f.token] ?? 0] === true) {
      this.askedAboutReport = true;
      return false;
    }
    if (f.rule.rank >= 2 && INTENTION.test(this.before(f))) {
      const previous = canonical.tokens[f.token - 1];
      // "đang" (in progress) folds like "Đảng"; only the former is an intention.
      if (previous?.form !== "dang" || previous.typed === "đang") return false;
    }
    const sentence = this.sentenceText(f.token);
    if (f.rule.needs === "party") {
      if (PARTY_CONTEXT.test(sentence)) return true;
      const rest = this.after(f);
      return PERSON_AFTER.test(rest) && COUNT_WITH_PERSON.test(rest.slice(rest.indexOf("#") - 1));
    }
    if (f.rule.needs === "activity") {
      const next = tokenAt(canonical, f.end) + 1;
      const window = ` ${canonical.tokens
        .slice(next, next + 7)
        .map((t) => t.form)
        .join(" ")} `;
      return !/^ (?:to chuc )?cong doan /.test(window) && ACTIVITY_WORDS.test(window);
    }
    if (f.rule.needs === "activity-sentence")
      return ACTIVITY_WORDS.test(sentence.replace(/ (?:buoi|chuong trinh) /g, " "));
    if (f.kind === "found") return this.resolveFounding(f);
    if (f.rule.bare === true) {
      const typed = canonical.tokens[f.token]?.typed ?? "";
      if (typed.includes("ĩ") || NOT_LEAVING.test(this.after(f))) return false;
    }
    return true;
  }

  /** "thành lập" founds a union or a guild depending on the noun around it, with its count. */
  private resolveFounding(f: Found): boolean {
    if (ANNIVERSARY.test(this.text.slice(0, f.start).trimEnd())) return false;
    const rest = this.after(f);
    const head = this.before(f);
    const a = FOUND_AFTER.exec(rest);
    const b = a === null ? FOUND_BEFORE.exec(head) : null;
    const noun = a?.[2] ?? b?.[2];
    if (noun === undefined) return false;
    f.kind = noun === "nghiep doan" ? "found_guild" : "found_union";
    const n = a?.[1] ?? b?.[1];
    if (n !== undefined) {
      f.count = Number(n);
      f.countAt =
        a !== null ? f.end + rest.indexOf(`#${n}`) : this.clauseStartChar(f.token) + head.lastIndexOf(`#${n}`);
      this.used.add(f.countAt);
    }
    return true;
  }

  /** 3. A party referral swallows the "kết nạp" that follows it ("giới thiệu ... để Đảng xem xét kết nạp"). */
  swallowedByReferral(f: Found): boolean {
    if (f.kind !== "join" || !this.text.startsWith("ket nap", f.start)) return false;
    const { clauses } = this;
    return this.found.some(
      (p) =>
        p.kind === "party_referral" &&
        p.start < f.start &&
        clauses.sentenceOf[p.token] === clauses.sentenceOf[f.token] &&
        (clauses.clauseOf[p.token] === clauses.clauseOf[f.token] || PERSON_AFTER.exec(this.after(f)) === null),
    );
  }

  /** 4. Counts: first right after each verb, then the phrases holding their own, then right before. */
  assignCounts(): void {
    const verbs = this.found.filter((f) => f.rule.countGroup === undefined && f.count === undefined);
    verbs.forEach((f, i) => {
      if (NEGATION_BEFORE.test(this.before(f)) || NEGATION_AFTER.test(this.after(f))) {
        f.negated = true;
        f.count = 0;
        return;
      }
      const next = this.countAfter(f);
      if (next === undefined) return;
      // "2 nghỉ việc 1 nghỉ hưu": the 1 is the next verb's count when that verb has none after
      // it and this one has its own before it.
      const following = verbs[i + 1];
      if (
        following !== undefined &&
        ONLY_PERSON_BETWEEN.test(this.text.slice(next.endsAt, following.start)) &&
        this.countAfter(following) === undefined &&
        this.countBefore(f) !== undefined
      ) {
        return;
      }
      f.count = next.count;
      f.count += this.listAfter(f, next.endsAt);
      f.countAt = next.at;
      this.used.add(next.at);
    });
    this.found = this.found.filter((f) => {
      if (f.rule.countGroup === undefined || f.countAt === undefined) return true;
      if (this.used.has(f.countAt)) return false;
      if (NEGATION_BEFORE.test(this.before(f))) {
        f.negated = true;
        f.count = 0;
      }
      this.used.add(f.countAt);
      return true;
    });
    for (const f of this.found) {
      if (f.count !== undefined || f.negated === true) continue;
      if (f.rule.rank === 0) {
        if (NEGATION_BEFORE.test(this.before(f))) {
          f.negated = true;
          f.count = 0;
        }
        continue;
      }
      const previous = this.countBefore(f);
      if (previous !== undefined) {
        f.count = previous.count;
        f.countAt = previous.at;
        this.used.add(previous.at);
      }
    }
    // A count given after a colon further on: "giới thiệu đoàn viên ưu tú cho cấp ủy: 2 người".
    for (const f of this.found) {
      if (f.count !== undefined) continue;
      const rest = this.after(f);
      const m = /(?:^| ): #(\d+)(?= |$)/.exec(rest);
      if (m?.[1] === undefined) continue;
      const at = f.end + m.index + m[0].indexOf("#");
      if (!this.used.has(at)) {
        f.count = Number(m[1]);
        f.countAt = at;
        this.used.add(at);
      }
    }
  }

  /** "kết nạp 2 đv nữ, 1 đv nam": the items after the first that only drop the verb. */
  private listAfter(f: Found, endsAt: number): number {
    let rest = this.text.slice(endsAt, this.nextStart(f));
    const first = QUALIFIED.exec(rest);
    if (first === null) {
      const parallel = PARALLEL_ITEM.exec(rest);
      if (parallel?.[1] !== undefined) f.unclearList = `${f.count ?? ""}, ${parallel[1]}`;
      return 0;
    }
    let offset = endsAt + first[0].length;
    rest = rest.slice(first[0].length);
    let extra = 0;
    for (let m = LIST_ITEM.exec(rest); m?.[1] !== undefined; m = LIST_ITEM.exec(rest)) {
      const at = offset + m[0].indexOf("#");
      if (this.used.has(at)) break;
      this.used.add(at);
      extra += Number(m[1]);
      offset += m[0].length;
      rest = rest.slice(m[0].length);
    }
    return extra;
  }

  /** 5. Drop what is not a report after all, and what only breaks another down. */
  prune(): void {
    let found = this.found.filter(
      (f) => f.rule.bare !== true || f.count !== undefined || BARE_LEAVE_END.test(this.after(f)),
    );
    // Items inside parentheses after a counted report only break it down: "giảm 2 (1 nghỉ hưu, 1 chuyển đi)".
    const depth = this.clauses.depth;
    found = found.filter((f, i) => {
      if ((depth[f.token] ?? 0) === 0) return true;
      return !found.slice(0, i).some((g) => g.count !== undefined && (depth[g.token] ?? 0) === 0);
    });
    // Items right after a total that add up to it break it down too: "giảm 3, 2 nghỉ việc 1 nghỉ hưu".
    for (let i = 0; i < found.length; i += 1) {
      const total = found[i];
      if (total?.rule.total !== true || total.count === undefined) continue;
      let sum = 0;
      let j = i + 1;
      while (j < found.length && found[j]?.kind === total.kind && found[j]?.count !== undefined && sum < total.count) {
        sum += found[j]?.count ?? 0;
        j += 1;
      }
      if (j > i + 1 && sum === total.count) found.splice(i + 1, j - i - 1);
    }
    // ... or a total after its parts: "nghỉ việc 2, về hưu 1, tổng giảm 3".
    for (let i = found.length - 1; i > 0; i -= 1) {
      const total = found[i];
      if (total?.rule.total !== true || total.count === undefined || !TOTAL_WORD.test(this.before(total))) continue;
      let sum = 0;
      for (let j = i - 1; j >= 0 && found[j]?.kind === total.kind && found[j]?.count !== undefined; j -= 1)
        sum += found[j]?.count ?? 0;
      if (sum === total.count) found.splice(i, 1);
    }
    // "Ổng nghỉ việc rồi, giảm 1": the countless mention and the counted one are the same report.
    this.found = found.filter((f, i) => {
      if (f.count !== undefined) return true;
      if (found.some((g) => g.kind === f.kind && g.count !== undefined)) return false;
      return !found.slice(0, i).some((g) => g.kind === f.kind);
    });
  }

  /** 6. Counts the officer may not have meant as read: the bot asks about them. */
  doubts(): void {
    const { tokens } = this.canonical;
    for (const f of this.found) {
      if (f.countAt === undefined) continue;
      const k = tokenAt(this.canonical, f.countAt);
      const sign = tokens[k - 1];
      const number = tokens[k];
      if (sign === undefined || number === undefined || !/^[-+]$/.test(sign.form) || sign.end !== number.start)
        continue;
      // "+3 đv" opening a clause is the officer's notation; "kết nạp -3", "giảm +2" contradict or doubt.
      if (this.opensClause(k - 1)) continue;
      this.uncertain = { reason: "count-signed", text: this.canonical.source.slice(sign.start, number.end) };
      // The count is not known until the officer says it without the sign.
      delete f.count;
      return;
    }
    for (const f of this.found) {
      if (f.count !== undefined || f.negated === true) continue;
      const [from, to] = this.clauses.bounds[this.clauses.clauseOf[f.token] ?? 0] ?? [0, 0];
      const odd = tokens.slice(from, to).find((t) => ODD_NUMBER.test(t.form));
      if (odd !== undefined) {
        this.uncertain = { reason: "count-form", text: odd.typed };
        return;
      }
    }
    const list = this.found.find((f) => f.unclearList !== undefined);
    if (list?.unclearList !== undefined) {
      this.uncertain = { reason: "count-repeated", text: list.unclearList };
      return;
    }
    this.sameEvents();
  }

  /** Nothing but time words stands between the clause's start (or its colon) and token i. */
  private opensClause(i: number): boolean {
    const [from] = this.clauses.bounds[this.clauses.clauseOf[i] ?? 0] ?? [0, 0];
    for (let j = i - 1; j >= from; j -= 1) {
      const form = this.canonical.tokens[j]?.form ?? "";
      if (form === ":") return true;
      if (!SIGN_OPENER.test(form)) return false;
    }
    return true;
  }

  /**
   * The same event told twice is one event: "2 chị nghỉ luôn, giảm 2 đoàn viên" is 2 departures.
   * Events marked as separate add up ("sáng kết nạp 3, chiều kết nạp thêm 2"), and so do different
   * reasons for leaving ("2 nghỉ việc, 1 nghỉ hưu"). Anything else the bot cannot tell, and asks.
   */
  private sameEvents(): void {
    const personal = (f: Found) => f.kind === "join" || f.kind === "leave" || f.kind === "party_referral";
    const counted = this.found.filter((f) => personal(f) && (f.count ?? 0) > 0);
    const dropped = new Set<Found>();
    for (let j = 1; j < counted.length; j += 1) {
      const b = counted[j];
      if (b === undefined) continue;
      for (let i = 0; i < j; i += 1) {
        const a = counted[i];
        if (a === undefined || dropped.has(a) || a.kind !== b.kind || this.separate(a, b)) continue;
        if (a.rule.total === true || b.rule.total === true) {
          if (a.count === b.count) {
            dropped.add(b);
            break;
          }
        } else if (this.verb(a) !== this.verb(b)) continue;
        this.uncertain = { reason: "count-repeated", text: `${a.count ?? ""}, ${b.count ?? ""}` };
        return;
      }
    }
    this.found = this.found.filter((f) => !dropped.has(f));
  }

  private clauseWords(f: Found): CanonicalText["tokens"] {
    const [from, to] = this.clauses.bounds[this.clauses.clauseOf[f.token] ?? 0] ?? [0, 0];
    return this.canonical.tokens.slice(from, to);
  }

  /** b is said to be another time: "thêm", "nữa", or a time of its own ("chiều", "hôm qua"). */
  private separate(a: Found, b: Found): boolean {
    const words = this.clauseWords(b);
    if (ANOTHER_TIME.test(` ${words.map((t) => t.form).join(" ")} `)) return true;
    const when = (f: Found) =>
      this.clauseWords(f)
        .filter((t) => DAY_PART.test(t.form))
        .map((t) => t.typed)
        .join(" ");
    const bWhen = when(b);
    return bWhen !== "" && bWhen !== when(a);
  }

  private verb(f: Found): string {
    return this.text.slice(f.start, f.end);
  }

  /** The token that ends what a trigger's sentence says about it: the next verb or the sentence's end. */
  private saidWith(f: Found): number {
    const { tokens } = this.canonical;
    const next = this.nextStart(f);
    let end = f.token;
    while (end < tokens.length && this.clauses.sentenceOf[end] === this.clauses.sentenceOf[f.token]) end += 1;
    return next >= this.text.length ? end : Math.min(end, tokenAt(this.canonical, next));
  }

  /** 7. Informal-economy members, and "trong đó N ... phi chính thức" splits. */
  items(): ReportItem[] {
    const reports: ReportItem[] = [];
    for (const f of this.found) {
      const kind = f.kind;
      if (kind === "found") continue;
      const personal = kind === "join" || kind === "leave" || kind === "party_referral";
      const scope = ` ${this.text.slice(f.start, this.nextStart(f)).replace(/ [.;!?].*$/, "")} `;
      const part = personal ? INFORMAL_PART.exec(scope) : null;
      const partCount = part?.[1] === undefined ? undefined : Number(part[1]);
      if (f.count !== undefined && partCount !== undefined && partCount <= f.count) {
        if (f.count > partCount) reports.push({ event: kind, count: f.count - partCount });
        reports.push({ event: kind, count: partCount, informal: true });
        continue;
      }
      const item: ReportItem = { event: kind };
      if (f.count !== undefined) item.count = f.count;
      if ((kind === "found_union" || kind === "found_guild") && (f.count ?? 1) === 1) {
        const founded = readFoundedUnit(this.canonical, f.token, this.saidWith(f), kind === "found_guild");
        if (founded !== undefined) item.founded = founded;
      }
      if (personal && INFORMAL.test(scope)) item.informal = true;
      reports.push(item);
    }
    if (reports.length === 0 && NO_CHANGE.test(this.text)) {
      reports.push({ event: "join", count: 0 }, { event: "leave", count: 0 });
    }
    return reports;
  }
}

export function extractReports(canonical: CanonicalText, clauses: Clauses): Extraction {
  const finder = new Finder(canonical, clauses);
  finder.findTriggers();
  finder.found = finder.found.filter((f) => finder.isReport(f));
  finder.found = finder.found.filter((f) => !finder.swallowedByReferral(f));
  finder.assignCounts();
  finder.prune();
  finder.doubts();
  const reports = finder.items();
  const extraction: Extraction = {
    reports,
    triggerTokens: finder.found.map((f) => f.token),
    askedAboutReport: finder.askedAboutReport,
  };
  if (finder.uncertain !== undefined) extraction.uncertain = finder.uncertain;
  return extraction;
}
