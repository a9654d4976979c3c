import { describe, expect, it } from "vitest";
import { CHART_WIDTH, MAX_BARS, chartHeight, progressChartSvg, renderProgressChart, type ProgressBar } from "../../src/charts/progress-chart.ts";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const bars = (n: number): ProgressBar[] =>
  Array.from({ length: n }, (_, i) => ({
    label: i === 0 ? "Nghiệp đoàn xe ôm thành phố Thủ Đức" : `CĐCS Công ty TNHH Điện tử Hiệp Phú số ${i}`,
    done: i * 37,
    target: 12_000,
    expected: 6_000,
    behind: i % 2 === 0,
  }));

describe("the progress chart", () => {
  it("is a PNG of the chart's width and of a height that grows with the bars", () => {
    for (const n of [1, 5, 12]) {
      const png = renderProgressChart({ title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên", bars: bars(n) });
      expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(n) });
    }
    expect(chartHeight(12)).toBeGreaterThan(chartHeight(5));
  });

  it("keeps at most 25 bars, the furthest behind, and says so", () => {
    const many = bars(40);
    expect(pngSize(renderProgressChart({ title: "Tỉnh", bars: many })).height).toBe(chartHeight(MAX_BARS));
    expect(progressChartSvg({ title: "Tỉnh", bars: many })).toContain(`${MAX_BARS}/40`);
  });

  it("renders with no bars at all", () => {
    const png = renderProgressChart({ title: "CĐCS mới", bars: [] });
    expect(pngSize(png).width).toBe(CHART_WIDTH);
    expect(progressChartSvg({ title: "CĐCS mới", bars: [] })).toContain("Chưa có chỉ tiêu");
  });

  it("keeps Vietnamese labels intact and writes numbers the Vietnamese way", () => {
    const svg = progressChartSvg({ title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên", bars: bars(3) });
    expect(svg).toContain("Nghiệp đoàn xe ôm");
    expect(svg).toContain("12.000");
    expect(svg).toContain("Kết nạp đoàn viên");
  });

  it("draws the same picture for the same figures", () => {
    const chart = { title: "Huyện", subtitle: "Năm 2026", bars: bars(6) };
    expect(Buffer.from(renderProgressChart(chart)).equals(Buffer.from(renderProgressChart(chart)))).toBe(true);
  });
});
