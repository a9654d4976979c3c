// How long the progress report workbook takes for a province-wide table of 10,000 units, the size a
// large LĐLĐ tỉnh exports. `npx tsx bench/export.ts` runs it alone.
import { fileURLToPath } from "node:url";
import { writeReportWorkbook, type ReportRow, type ReportSheet } from "#src/workbooks/report-workbook.ts";
import { seededRandom, type Random } from "./seeded-random.ts";
import { districtUnionName, leafUnionName, type LeafSector } from "./vietnamese-names.ts";

export const EXPORT_ROWS = 10_000;
export const EXPORT_TARGET_MS = 5_000;
const RUNS = 3;

function standing(random: Random, target: number): Pick<ReportRow, "target" | "done" | "rate" | "missing" | "pace"> {
  const done = Math.floor(target * random.next() * 1.2);
  const missing = Math.max(0, target - done);
  const pace = missing === 0 ? "reached" : random.next() < 0.4 ? "behind" : "on";
  return { target, done, rate: Math.floor((done * 1000) / target) / 1000, missing, pace };
}

/** A province: districts, each followed by its grassroots unions one level down, in deterministic names. */
export function provinceSheet(rows: number, seed = 20261121): ReportSheet {
  const random = seededRandom(seed);
  const sectors: LeafSector[] = ["state", "non_state", "informal"];
  const list: ReportRow[] = [];
  let district = 0;
  while (list.length < rows) {
    const code = `D${++district}`;
    list.push({
      code,
      name: districtUnionName(random, false),
      depth: 0,
      ...standing(random, random.between(500, 5000)),
    });
    const units = random.between(50, 250);
    for (let i = 1; i <= units && list.length < rows; i++) {
      const sector = random.pick(sectors);
      const row: ReportRow = {
        code: `${code}-${i}`,
        name: leafUnionName(random, sector),
        depth: 1,
        sector,
        ...standing(random, random.between(5, 300)),
      };
      if (random.next() < 0.05) row.note = "Chưa báo cáo biến động đoàn viên quý này";
      list.push(row);
    }
  }
  const target = list.filter((row) => row.depth === 0).reduce((sum, row) => sum + (row.target ?? 0), 0);
  return {
    sheetName: "Kết nạp đoàn viên",
    title: "BÁO CÁO TIẾN ĐỘ CHỈ TIÊU KẾT NẠP ĐOÀN VIÊN",
    subtitle: "LĐLĐ tỉnh Bình Phước — năm 2026 — số liệu đến ngày 21/11/2026",
    rows: list,
    totals: { code: "", name: "Tổng cộng", depth: 0, ...standing(random, target) },
    notes: ["Tổng chỉ tiêu phân bổ cho các đơn vị trực thuộc lớn hơn chỉ tiêu được giao."],
  };
}

export async function benchExport(): Promise<{ name: string; ms: number; target: string; pass: boolean }[]> {
  const sheet = provinceSheet(EXPORT_ROWS);
  // Loading exceljs and warming the JIT are paid once per process, not per export.
  await writeReportWorkbook([{ ...sheet, rows: sheet.rows.slice(0, 200) }]);
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    bytes = (await writeReportWorkbook([sheet])).byteLength;
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
  return [
    {
      name: `export report workbook, ${EXPORT_ROWS.toLocaleString("en")} rows (${(bytes / 1e6).toFixed(1)} MB, median of ${RUNS})`,
      ms,
      target: `< ${EXPORT_TARGET_MS.toLocaleString("en")} ms`,
      pass: ms < EXPORT_TARGET_MS,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const result of await benchExport()) {
    console.log(`${result.name}: ${result.ms.toFixed(0)} ms (${result.target}) ${result.pass ? "pass" : "FAIL"}`);
  }
}
