// Lays a report's figures out as the appendix tables officers send upward: titles, rows, totals, notes.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { ReportRow, ReportSheet } from "#src/workbooks/report-workbook.ts";
import { viDate } from "./calendar.ts";
import { buildReport, type ReportLine } from "./report-table.ts";

const SECTOR_NAMES: Record<string, string> = {
  state: "Nhà nước",
  non_state: "Ngoài nhà nước",
  informal: "Phi chính thức",
};

function rowOf(line: ReportLine): ReportRow {
  const s = line.standing;
  return {
    code: line.unit.code,
    name: line.unit.name,
    depth: Math.max(0, line.depth),
    target: s ? s.target : null,
    done: s ? s.done : line.done,
    percent: s ? s.percent : null,
    missing: s ? s.missing : null,
    pace: s
      ? s.missing === 0
        ? "reached"
        : s.measure === "count" && s.scope === "total"
          ? s.behindPace
            ? "behind"
            : "on"
          : null
      : null,
    sector: line.unit.sector ? (SECTOR_NAMES[line.unit.sector] ?? null) : null,
  };
}

/** Excel limits sheet names to 31 characters, without some punctuation, and unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name
    .replace(/[\\/?*[\]:]/g, " ")
    .slice(0, 28)
    .trim();
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base} ${i}`;
  used.add(candidate);
  return candidate;
}

export function reportSheets(repos: Repositories, root: Unit, today: string): ReportSheet[] {
  const used = new Set<string>();
  const period = today.slice(0, 4);
  return buildReport(repos, root, today).map((report) => ({
    sheetName: sheetName(report.name, used),
    title: `BÁO CÁO TIẾN ĐỘ CHỈ TIÊU: ${report.name.toLocaleUpperCase("vi")}`,
    subtitle: `${root.name} — năm ${period} — số liệu đến ngày ${viDate(today)}`,
    rows: report.lines.map(rowOf),
    totals: { ...rowOf(report.totals), code: root.code, name: "Tổng cộng" },
    notes: report.gaps.map(
      (gap) =>
        `${gap.unit.name}: chỉ tiêu ${gap.target.toLocaleString("vi-VN")}, các đơn vị trực thuộc được phân bổ ${gap.allocated.toLocaleString("vi-VN")} ` +
        `(${gap.allocated < gap.target ? "còn thiếu" : "vượt"} ${Math.abs(gap.target - gap.allocated).toLocaleString("vi-VN")}` +
        `${gap.missingChildren > 0 ? `; ${gap.missingChildren} đơn vị chưa được giao` : ""}).`,
    ),
  }));
}

export function reportFileName(root: Unit, today: string): string {
  return `bao-cao-${root.code}-${today}.xlsx`;
}
