// The /tiendo chart: 25 bars rendered to PNG (ECharts SVG → resvg), after a warm-up.
import { renderProgressChart, type ProgressBar } from "../src/charts/progress-chart.ts";
import { summarize } from "./percentiles.ts";

const TARGET_MS = 300;

export async function benchChart(): Promise<{ name: string; value: string; target: string; pass: boolean }[]> {
  const bars: ProgressBar[] = Array.from({ length: 25 }, (_, i) => ({
    label: `CĐCS Công ty TNHH Sản xuất Thương mại số ${i + 1}`,
    done: 20 + i * 7,
    target: 200,
    expected: 110,
    behind: 20 + i * 7 < 110,
  }));
  const chart = { title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên", subtitle: "Năm 2026, số liệu đến ngày 21/11/2026", bars };
  for (let i = 0; i < 3; i++) renderProgressChart(chart);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    renderProgressChart(chart);
    times.push(performance.now() - started);
  }
  const { median, p99 } = summarize(times);
  return [
    { name: "progress chart, 25 bars, PNG (median of 50)", value: `${median.toFixed(0)} ms (p99 ${p99.toFixed(0)} ms)`, target: `< ${TARGET_MS} ms`, pass: median < TARGET_MS },
  ];
}
