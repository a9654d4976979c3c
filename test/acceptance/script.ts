// The acceptance suite's small language: a plan's world (units, targets, people) and a script of exchanges,
// each a message or a button press with what the reply must say, computed from the plan and a running tally.
import type { Role, Sector, UnitKind } from "#db/schema.ts";
import type { Person, World } from "#test/world.ts";

export interface UnitSeed {
  code: string;
  name: string;
  parent?: string;
  kind?: UnitKind;
  sector?: Sector;
  members?: number;
  workers?: number;
}

export interface TargetSeed {
  unit: string;
  metric: MetricKey;
  value: number;
  /** "MM-DD" in the world's year: the plan's year is moved to the world's, as the demo does. */
  due: string;
  each?: boolean;
}

export interface PersonaSeed {
  unit: string;
  role: Role;
  name: string;
}

export type EventKind = "join" | "leave" | "referral" | "activity" | "found_union";

export type MetricKey =
  | "ket_nap"
  | "thuc_tang"
  | "ket_nap_phi_chinh_thuc"
  | "thanh_lap_cdcs"
  | "thanh_lap_nghiep_doan"
  | "gioi_thieu_dang"
  | "hoat_dong"
  | "tong_doan_vien"
  | "ty_le_ket_nap_nha_nuoc"
  | "ty_le_ket_nap_ngoai_nha_nuoc"
  | "ty_le_htt_nha_nuoc"
  | "ty_le_htt_ngoai_nha_nuoc";

export interface Step {
  who: string;
  says?: string;
  /** A button of the bot's last reply to this person, by its label. */
  presses?: string;
  /** Sent with this update id: the same id twice is Telegram redelivering one update. */
  updateId?: number;
  /** What the message changes in the tally, applied before the expectations are computed. */
  does?: (tally: Tally) => void;
  expect?: (tally: Tally) => string[];
  absent?: (tally: Tally) => string[];
  /** Buttons the reply must carry. */
  buttons?: string[];
  /** The database agrees with the tally: every report, undo and nothing else became a ledger row. */
  ledger?: true;
}

export interface PlanScript {
  /** The plan file and what it is. */
  plan: string;
  units: UnitSeed[];
  targets: TargetSeed[];
  people: Record<string, PersonaSeed>;
  steps: Step[];
}

export const METRIC_NAMES: Record<MetricKey, string> = {
  ket_nap: "Kết nạp đoàn viên",
  thuc_tang: "Phát triển thực tăng",
  ket_nap_phi_chinh_thuc: "Kết nạp đoàn viên phi chính thức",
  thanh_lap_cdcs: "Thành lập CĐCS",
  thanh_lap_nghiep_doan: "Thành lập nghiệp đoàn",
  gioi_thieu_dang: "Giới thiệu đoàn viên ưu tú cho Đảng",
  hoat_dong: "Hoạt động xã hội, văn hóa",
  tong_doan_vien: "Tổng số đoàn viên",
  ty_le_ket_nap_nha_nuoc: "Tỷ lệ kết nạp khu vực nhà nước",
  ty_le_ket_nap_ngoai_nha_nuoc: "Tỷ lệ kết nạp khu vực ngoài nhà nước",
  ty_le_htt_nha_nuoc: "CĐCS khu vực nhà nước hoàn thành tốt nhiệm vụ",
  ty_le_htt_ngoai_nha_nuoc: "CĐCS khu vực ngoài nhà nước hoàn thành tốt nhiệm vụ",
};

/** The targets people mean by "đoàn viên": admissions, net growth, members in total and member rates. */
export const MEMBER_METRICS: MetricKey[] = [
  "ket_nap",
  "thuc_tang",
  "ket_nap_phi_chinh_thuc",
  "tong_doan_vien",
  "ty_le_ket_nap_nha_nuoc",
  "ty_le_ket_nap_ngoai_nha_nuoc",
];

const RATE_SECTOR: Partial<Record<MetricKey, Sector>> = {
  ty_le_ket_nap_nha_nuoc: "state",
  ty_le_ket_nap_ngoai_nha_nuoc: "non_state",
};

export const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** YYYY-MM-DD shifted by whole days. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export const dayDiff = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
export const viDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

interface Row {
  by: string;
  unit: string;
  event: EventKind;
  count: number;
  day: string;
  report: number;
  undone: boolean;
}

/** What the test expects the database to hold: every report as the people sent it, undos included. */
export class Tally {
  private readonly rows: Row[] = [];
  private reports = 0;
  /** Ledger rows written: one per event of a report, one more per event undone. */
  ledgerRows = 0;
  readonly year: string;

  constructor(
    readonly units: UnitSeed[],
    readonly targets: TargetSeed[],
    readonly people: Record<string, PersonaSeed>,
    readonly today: string,
  ) {
    this.year = today.slice(0, 4);
  }

  unit(code: string): UnitSeed {
    const unit = this.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code} in the plan`);
    return unit;
  }

  name(code: string): string {
    return this.unit(code).name;
  }

  homeOf(who: string): string {
    const person = this.people[who];
    if (!person) throw new Error(`no persona ${who}`);
    return person.unit;
  }

  /** One report: each event one ledger row. `daysAgo` for "hôm qua" and dated reports. */
  report(by: string, unit: string, events: [EventKind, number][], daysAgo = 0): void {
    this.reports += 1;
    for (const [event, count] of events) {
      this.rows.push({
        by,
        unit,
        event,
        count,
        day: shiftDay(this.today, -daysAgo),
        report: this.reports,
        undone: false,
      });
      this.ledgerRows += 1;
    }
  }

  /** "Hoàn tác": the person's last report not yet undone. */
  undo(by: string): void {
    const last = this.rows.filter((r) => r.by === by && !r.undone).at(-1);
    if (!last) throw new Error(`${by} has nothing to undo`);
    for (const row of this.rows.filter((r) => r.report === last.report)) {
      row.undone = true;
      this.ledgerRows += 1;
    }
  }

  private subtree(code: string): UnitSeed[] {
    const inside = (u: UnitSeed): boolean => u.code === code || (u.parent !== undefined && inside(this.unit(u.parent)));
    return this.units.filter(inside);
  }

  private leaves(code: string): UnitSeed[] {
    return this.subtree(code).filter((u) => u.kind === undefined || u.kind === "grassroots" || u.kind === "guild");
  }

  private sum(units: UnitSeed[], events: EventKind[], informalOnly = false, thisYear = true): number {
    const codes = new Set(units.map((u) => u.code));
    return this.rows
      .filter((r) => !r.undone && codes.has(r.unit) && events.includes(r.event))
      .filter((r) => !thisYear || r.day.startsWith(this.year))
      .filter((r) => !informalOnly || this.unit(r.unit).sector === "informal")
      .reduce((s, r) => s + (r.event === "leave" ? -r.count : r.count), 0);
  }

  /** A count metric over a unit's subtree this year. */
  done(code: string, metric: MetricKey): number {
    const units = this.subtree(code);
    switch (metric) {
      case "ket_nap":
        return this.sum(units, ["join"]);
      case "thuc_tang":
        return this.sum(units, ["join", "leave"]);
      case "ket_nap_phi_chinh_thuc":
        return this.sum(units, ["join"], true);
      case "gioi_thieu_dang":
        return this.sum(units, ["referral"]);
      case "hoat_dong":
        return this.sum(units, ["activity"]);
      case "thanh_lap_cdcs":
        return this.sum(units, ["found_union"]);
      case "tong_doan_vien":
        return this.members(code);
      default:
        throw new Error(`${metric} is not a count`);
    }
  }

  /** Members now: the grassroots baselines plus every admission and departure since. */
  members(code: string): number {
    const leaves = this.leaves(code);
    return leaves.reduce((s, u) => s + (u.members ?? 0), 0) + this.sum(leaves, ["join", "leave"], false, false);
  }

  target(code: string, metric: MetricKey): TargetSeed {
    const target = this.targets.find((t) => t.unit === code && t.metric === metric);
    if (!target) throw new Error(`${code} has no ${metric} target in the plan`);
    return target;
  }

  deadline(code: string, metric: MetricKey): string {
    return `${this.year}-${this.target(code, metric).due}`;
  }

  /** The members and workers of a rate's sector in the subtree's grassroots unions. */
  rate(code: string, metric: MetricKey): { done: number; need: number } {
    const sector = RATE_SECTOR[metric];
    const unions = this.leaves(code).filter((u) => (u.kind ?? "grassroots") === "grassroots" && u.sector === sector);
    const members =
      unions.reduce((s, u) => s + (u.members ?? 0), 0) + this.sum(unions, ["join", "leave"], false, false);
    const workers = unions.reduce((s, u) => s + (u.workers ?? 0), 0);
    const target = this.target(code, metric).value;
    return {
      done: workers > 0 ? oneDecimal((members * 100) / workers) : 0,
      need: Math.max(0, Math.ceil((target * workers) / 100) - members),
    };
  }

  /** The standing line of one target, as a chair reads it (without its leading sign and days left). */
  line(code: string, metric: MetricKey): string {
    const target = this.target(code, metric);
    const name = METRIC_NAMES[metric];
    if (RATE_SECTOR[metric]) {
      const { done } = this.rate(code, metric);
      if (done >= target.value) return `${name}: đạt ${vi(done)}% (chỉ tiêu ${vi(target.value)}%), đã đạt`;
      const missing = oneDecimal(target.value - done);
      return `${name}: đạt ${vi(done)}% (chỉ tiêu ${vi(target.value)}%), còn thiếu ${vi(missing)} điểm phần trăm`;
    }
    if (target.each) {
      const leaves = this.leaves(code);
      const reached = leaves.filter((u) => this.done(u.code, metric) >= target.value).length;
      const head = `${name} (mỗi đơn vị ít nhất ${vi(target.value)})`;
      return reached === leaves.length
        ? `${head}: cả ${leaves.length} đơn vị đã đạt`
        : `${head}: ${reached}/${leaves.length} đơn vị đã đạt`;
    }
    return countLine(name, this.done(code, metric), target.value);
  }

  /** "→ cần kết nạp thêm N đoàn viên để đạt" under a member rate, while it is not reached. */
  rateNeed(code: string, metric: MetricKey): string[] {
    const { done, need } = this.rate(code, metric);
    return done >= this.target(code, metric).value ? [] : [`cần kết nạp thêm ${vi(need)} đoàn viên để đạt`];
  }

  /** Lines of the unit's own targets, in the plan's order, optionally only some metrics. */
  lines(code: string, only?: MetricKey[]): string[] {
    return this.targets
      .filter((t) => t.unit === code && (!only || only.includes(t.metric)))
      .filter((t) => !t.metric.startsWith("ty_le_htt"))
      .map((t) => this.line(code, t.metric));
  }

  /** The units below `code` that have a `metric` target and have not reached it, lowest share first. */
  behind(code: string, metric: MetricKey): string[] {
    const children = this.units.filter(
      (u) => u.parent === code && this.targets.some((t) => t.unit === u.code && t.metric === metric),
    );
    return children
      .map((u) => ({ u, done: this.done(u.code, metric), target: this.target(u.code, metric).value }))
      .filter((c) => c.done < c.target)
      .map((c) => ({ ...c, percent: Math.floor((c.done * 100) / c.target) }))
      .sort((a, b) => a.percent - b.percent || b.target - b.done - (a.target - a.done))
      .slice(0, 5)
      .map(
        (c, i) =>
          `${i + 1}. ${c.u.name}: ${vi(c.done)}/${vi(c.target)} (${c.percent}%), còn thiếu ${vi(c.target - c.done)}`,
      );
  }

  behindHeading(code: string, metric: MetricKey): string {
    const count = this.units.filter(
      (u) => u.parent === code && this.targets.some((t) => t.unit === u.code && t.metric === metric),
    ).length;
    return `Các đơn vị chậm nhất về ${METRIC_NAMES[metric]} (trong ${count} đơn vị có chỉ tiêu):`;
  }

  /**
   * "• Kết nạp đoàn viên: hạn 31/12/2026 (còn 199 ngày), còn thiếu 47" in /han; a rate or a share is short by
   * percentage points, a per-unit minimum by the units that have not reached it.
   */
  deadlineLine(code: string, metric: MetricKey): string {
    const target = this.target(code, metric);
    const due = this.deadline(code, metric);
    const name = METRIC_NAMES[metric];
    const when = `hạn ${viDay(due)} (còn ${dayDiff(this.today, due)} ngày)`;
    if (RATE_SECTOR[metric]) {
      const missing = oneDecimal(target.value - this.rate(code, metric).done);
      return `• ${name}: ${when}, còn thiếu ${vi(missing)} điểm phần trăm`;
    }
    // No script records a rating, so a "hoàn thành tốt" share is still at 0%.
    if (metric.startsWith("ty_le_htt")) return `• ${name}: ${when}, còn thiếu ${vi(target.value)} điểm phần trăm`;
    if (target.each) {
      const short = this.leaves(code).filter((u) => this.done(u.code, metric) < target.value).length;
      return `• ${name} (mỗi đơn vị ít nhất ${vi(target.value)}): ${when}, ${short} đơn vị chưa đạt`;
    }
    return `• ${name}: ${when}, còn thiếu ${vi(target.value - this.done(code, metric))}`;
  }

  /** The per-unit minimum a unit above `code` set on a metric. */
  minimumAbove(code: string, metric: MetricKey): TargetSeed {
    for (let unit = this.unit(code); unit.parent !== undefined; unit = this.unit(unit.parent)) {
      const above = unit.parent;
      const target = this.targets.find((t) => t.unit === above && t.metric === metric && t.each);
      if (target) return target;
    }
    throw new Error(`no minimum on ${metric} above ${code}`);
  }

  /** A union's own progress on a minimum set above it, and who set it, as "còn thiếu" shows them. */
  minimumLines(code: string, metric: MetricKey): string[] {
    const minimum = this.minimumAbove(code, metric);
    return [
      countLine(METRIC_NAMES[metric], this.done(code, metric), minimum.value),
      `→ mức tối thiểu cho mỗi đơn vị, do ${this.name(minimum.unit)} giao`,
    ];
  }

  /** A minimum set above, in the union's /han while it is not reached. */
  minimumDeadlineLine(code: string, metric: MetricKey): string {
    const minimum = this.minimumAbove(code, metric);
    const due = `${this.year}-${minimum.due}`;
    const head = `${METRIC_NAMES[metric]} (mỗi đơn vị ít nhất ${vi(minimum.value)}, do ${this.name(minimum.unit)} giao)`;
    const missing = minimum.value - this.done(code, metric);
    return `• ${head}: hạn ${viDay(due)} (còn ${dayDiff(this.today, due)} ngày), còn thiếu ${vi(missing)}`;
  }

  recorded(code: string, daysAgo = 0): string {
    return `Đã ghi nhận cho ${this.name(code)} (ngày ${viDay(shiftDay(this.today, -daysAgo))})`;
  }

  heading(code: string): string {
    return `📊 ${this.name(code)}, năm ${this.year}:`;
  }
}

export function countLine(name: string, done: number, target: number): string {
  if (done > target) return `${name}: ${vi(done)}/${vi(target)}, vượt chỉ tiêu ${vi(done - target)}`;
  if (done === target) return `${name}: ${vi(done)}/${vi(target)}, đã đạt chỉ tiêu`;
  return `${name}: ${vi(done)}/${vi(target)} (${Math.floor((done * 100) / target)}%), còn thiếu ${vi(target - done)}`;
}

const EVENT_TEXT: Record<EventKind, (count: number, informal: boolean) => string> = {
  join: (n, informal) => `• Kết nạp ${vi(n)} đoàn viên${informal ? " khu vực phi chính thức" : ""}`,
  leave: (n) => `• Giảm ${vi(n)} đoàn viên`,
  referral: (n) => `• Giới thiệu ${vi(n)} đoàn viên ưu tú cho cấp ủy Đảng`,
  activity: (n) => `• Tổ chức ${vi(n)} hoạt động`,
  found_union: (n) => `• Thành lập ${vi(n)} CĐCS`,
};

// Shorthands that keep a script readable as a specification.

/** A report from a person for their own unit (or `unit`), answered with the unit's new standing. */
export function report(
  who: string,
  says: string,
  events: [EventKind, number][],
  options: { unit?: string; daysAgo?: number; updateId?: number } = {},
): Step {
  const unitOf = (tally: Tally) => options.unit ?? tally.homeOf(who);
  return {
    who,
    says,
    updateId: options.updateId,
    does: (tally) => tally.report(who, unitOf(tally), events, options.daysAgo),
    expect: (tally) => {
      const unit = unitOf(tally);
      const informal = tally.unit(unit).sector === "informal";
      return [
        tally.recorded(unit, options.daysAgo),
        ...events.map(([event, count]) => EVENT_TEXT[event](count, informal && event === "join")),
        ...tally.lines(unit),
      ];
    },
    ledger: true,
  };
}

/** "Còn thiếu bao nhiêu": the unit's heading and the lines of the targets asked about. */
export function asks(
  who: string,
  says: string,
  options: { unit?: string; only?: MetricKey[]; more?: (t: Tally) => string[]; absent?: (t: Tally) => string[] } = {},
): Step {
  return {
    who,
    says,
    expect: (tally) => {
      const unit = options.unit ?? tally.homeOf(who);
      return [tally.heading(unit), ...tally.lines(unit, options.only), ...(options.more?.(tally) ?? [])];
    },
    absent: options.absent,
  };
}

export function undoes(who: string, says: string, undone: string): Step {
  return {
    who,
    says,
    does: (tally) => tally.undo(who),
    expect: (tally) => ["Đã hoàn tác báo cáo", undone, ...tally.lines(tally.homeOf(who))],
    ledger: true,
  };
}

/** The same update delivered again: nothing more is recorded. */
export function redelivered(who: string, says: string, updateId: number): Step {
  return { who, says, updateId, expect: () => [], absent: () => ["Đã ghi nhận"], ledger: true };
}

/** Words of Vietnamese with diacritics; a message without any is typed the way many people type. */
const DIACRITIC = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const CHAT_WORDS = /(?:^|[^\p{L}])(?:dv|đv|cty|nđ|nd|ko|k|dc|đc|gthieu|bn)(?=$|[^\p{L}])/iu;

export const withoutDiacritics = (text: string) => !DIACRITIC.test(text);
export const chatty = (text: string) => withoutDiacritics(text) || CHAT_WORDS.test(text);

export interface Cast {
  world: World;
  tally: Tally;
  people: Record<string, Person>;
}
