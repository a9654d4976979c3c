// /xuatbaocao for a province of 10,000 units: the subtree's queries, the report's layout and the
// workbook, timed together on a database built for it (1 province, 40 districts, 250 unions each).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, repositories, sqliteOf } from "#db/index.ts";
import { lineage } from "#db/repositories/units.ts";
import { reportSheets } from "#domain/report-sheets.ts";
import { writeReportWorkbook } from "#src/workbooks/report-workbook.ts";

const TARGET_MS = 5_000;
const TODAY = "2026-11-21";

export async function benchProvinceExport(): Promise<{ name: string; value: string; target: string; pass: boolean }[]> {
  const dir = mkdtempSync(join(tmpdir(), "tlcd-bench-export-"));
  try {
    const repos = repositories(openDatabase(join(dir, "export.sqlite")));
    const sqlite = sqliteOf(repos);
    let units = 1;
    await repos.transaction(async () => {
      const province = await repos.units.upsert({
        code: "P",
        name: "LĐLĐ tỉnh Bình Phước",
        parentCode: null,
        kind: "province",
        sector: null,
        members: 0,
        workers: 0,
      });
      await repos.targets.upsert({
        unitId: province.id,
        metric: "ket_nap",
        period: "2026",
        value: 250_000,
        deadline: "2026-12-31",
      });
      for (let d = 0; d < 40; d++) {
        const district = await repos.units.upsert({
          code: `D${d}`,
          name: `LĐLĐ huyện số ${d + 1}`,
          parentCode: "P",
          kind: "district",
          sector: null,
          members: 0,
          workers: 0,
        });
        await repos.targets.upsert({
          unitId: district.id,
          metric: "ket_nap",
          period: "2026",
          value: 6_000,
          deadline: "2026-12-31",
        });
        units++;
        for (let g = 0; g < 249; g++) {
          const unit = await repos.units.upsert({
            code: `D${d}-C${g}`,
            name: `CĐCS Công ty TNHH Sản xuất Thương mại số ${g + 1} huyện ${d + 1}`,
            parentCode: `D${d}`,
            kind: "grassroots",
            sector: g % 3 === 0 ? "state" : "non_state",
            members: 100 + g,
            workers: 150 + g,
          });
          await repos.targets.upsert({
            unitId: unit.id,
            metric: "ket_nap",
            period: "2026",
            value: 24,
            deadline: "2026-12-31",
          });
          const count = (g * 7) % 30;
          if (count > 0) {
            await repos.ledger.record(
              [
                {
                  unitId: unit.id,
                  lineage: lineage(unit),
                  event: "join",
                  count,
                  informal: false,
                  occurredOn: "2026-06-01",
                  reporterId: null,
                  source: `bench:${unit.id}`,
                },
              ],
              "2026-06-01T00:00:00.000Z",
            );
          }
          units++;
        }
      }
    });
    const root = await repos.units.byCode("P");
    if (!root) throw new Error("no province");
    await writeReportWorkbook((await reportSheets(repos, root, TODAY)).slice(0, 1)); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const data = await writeReportWorkbook(await reportSheets(repos, root, TODAY));
      times.push(performance.now() - started);
      bytes = data.byteLength;
    }
    sqlite.close();
    const median = times.sort((a, b) => a - b)[1] ?? Number.NaN;
    return [
      {
        name: `export of a province subtree of ${units.toLocaleString("en")} units, from the database to .xlsx (median of 3)`,
        value: `${Math.round(median).toLocaleString("en")} ms (${(bytes / 1e6).toFixed(1)} MB)`,
        target: `< ${TARGET_MS.toLocaleString("en")} ms`,
        pass: median < TARGET_MS,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of [...(await benchProvinceExport()), ...(await (await import("./chart.ts")).benchChart())])
    console.log(row);
}
