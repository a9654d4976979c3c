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

/** Share of the target reached, floored to a tenth of a percent so a unit one short never reads 100,0%. */
function rateOf(done: number, target: number): number | null {
  return target > 0 ? Math.floor((Math.max(done, 0) * 1000) / target) / 1000 : null;
}

export function reportRowOf(line: ReportLine): ReportRow {
  const s = line.standing;
  const base = {
    code: line.unit.code,
    name: line.unit.name,
    depth: Math.max(0, line.depth),
    sector: line.unit.sector ? (SECTOR_NAMES[line.unit.sector] ?? null) : null,
  };
  if (!s) {
    const target = line.allocated ?? null;
    return {
      ...base,
      target,
      done: line.done,
      rate: target === null ? null : rateOf(line.done, target),
      missing: target === null ? null : Math.max(0, target - line.done),
      pace: target !== null && line.done >= target ? "reached" : null,
    };
  }
  return {
    ...base,
    measure: s.measure,
    target: s.target,
    done: s.done,
    // For a per-unit minimum, done counts the units that reached it; the standing's share says the rest.
    rate: s.scope === "each" ? s.percent / 100 : rateOf(s.done, s.target),
    missing: s.missing,
    pace:
      s.missing === 0
        ? "reached"
        : s.measure === "count" && s.scope === "total"
          ? s.behindPace
            ? "behind"
            : "on"
          : null,
  };
}

export async function reportSheets(repos: Repositories, root: Unit, today: string): Promise<ReportSheet[]> {
  return (await buildReport(repos, root, today)).map((report) => ({
    ...metricSheet(root, today, report.name, report.lines, report.totals),
    notes: [
      ...(report.totals.allocated !== undefined
        ? [`${root.name} chưa có chỉ tiêu riêng; dòng Tổng cộng lấy tổng chỉ tiêu giao cho các đơn vị trực thuộc.`]
        : []),
      ...report.gaps.map(
        (gap) =>
          `${gap.unit.name}: chỉ tiêu ${gap.target.toLocaleString("vi-VN")}, các đơn vị trực thuộc được phân bổ ${gap.allocated.toLocaleString("vi-VN")} ` +
          `(${gap.allocated < gap.target ? "còn thiếu" : "vượt"} ${Math.abs(gap.target - gap.allocated).toLocaleString("vi-VN")}` +
          `${gap.missingChildren > 0 ? `; ${gap.missingChildren} đơn vị chưa được giao` : ""}).`,
      ),
    ],
  }));
}

/** One metric's table: its title, the unit and date, a row per line and the unit's own line as the totals. */
export function metricSheet(
  root: Unit,
  today: string,
  name: string,
  lines: ReportLine[],
  totals: ReportLine,
): ReportSheet {
  return {
    sheetName: name,
    title: `BÁO CÁO TIẾN ĐỘ CHỈ TIÊU: ${name.toLocaleUpperCase("vi")}`,
    subtitle: `${root.name} — năm ${today.slice(0, 4)} — số liệu đến ngày ${viDate(today)}`,
    rows: lines.map(reportRowOf),
    totals: { ...reportRowOf(totals), code: root.code, name: "Tổng cộng" },
  };
}

export function reportFileName(root: Unit, today: string): string {
  return `bao-cao-${root.code}-${today}.xlsx`;
}
