// The /tiendo chart: 25 bars rendered to PNG (echarts SVG → resvg), timed after a warm-up.
import { renderProgressChart, type ProgressBar, type ProgressChart } from "#src/charts/progress-chart.ts";
import { summarize } from "./percentiles.ts";
import { seededRandom } from "./seeded-random.ts";

const TARGET_MS = 300;
const WARM_UP = 3;
const RUNS = 50;

export interface ChartBenchRow {
  name: string;
  /** The same figures as text, for the results table in run.ts. */
  value: string;
  medianMs: number;
  p99Ms: number;
  target: string;
  pass: boolean;
}

/** A district's 25 units with realistic, partly long names and targets from tens to thousands. */
function districtChart(): ProgressChart {
  const random = seededRandom(2026);
  const kinds = ["CĐCS Công ty TNHH", "CĐCS Công ty Cổ phần", "Nghiệp đoàn", "CĐCS Trường THPT", "CĐCS Bệnh viện"];
  const names = [
    "Điện tử Hiệp Phú",
    "xe ôm thành phố Thủ Đức",
    "Dệt may Gia Định — Chi nhánh Khu Công nghệ cao",
    "Nguyễn Hữu Huân",
    "Linh Trung",
  ];
  const bars: ProgressBar[] = Array.from({ length: 25 }, (_, i) => {
    const target = random.pick([20, 45, 60, 150, 1_200, 12_000]);
    const expected = Math.round(target * 0.89);
    const done = Math.round(target * random.next() * 1.2);
    return {
      label: `${random.pick(kinds)} ${random.pick(names)} ${i + 1}`,
      done,
      target,
      expected,
      behind: done < expected,
    };
  });
  return { title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên", subtitle: "Năm 2026, cập nhật 21/11/2026", bars };
}

export async function benchChart(): Promise<ChartBenchRow[]> {
  const chart = districtChart();
  for (let i = 0; i < WARM_UP; i++) renderProgressChart(chart);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    renderProgressChart(chart);
    times.push(performance.now() - started);
  }
  const { median, p99 } = summarize(times);
  return [
    {
      name: `progress chart, 25 bars to PNG (${RUNS} renders)`,
      value: `median ${median.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
      medianMs: median,
      p99Ms: p99,
      target: `< ${TARGET_MS} ms`,
      pass: p99 < TARGET_MS,
    },
  ];
}
