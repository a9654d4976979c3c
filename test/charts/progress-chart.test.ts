import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CHART_WIDTH,
  LEGEND,
  PHONE_WIDTH,
  chartHeight,
  progressChartSvg,
  renderProgressChart,
  renderProgressChartAsync,
  type ProgressBar,
  type ProgressChart,
} from "#src/charts/progress-chart.ts";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a PNG must start with. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function bar(label: string, done: number, target: number, expected = Math.round(target * 0.9)): ProgressBar {
  return { label, done, target, expected, behind: done < expected };
}

function district(barCount: number): ProgressChart {
  const bars = Array.from({ length: barCount }, (_, i) => bar(`CĐCS đơn vị số ${i + 1}`, 10 + i, 100));
  return { title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên", subtitle: "Năm 2026, cập nhật 21/11/2026", bars };
}

/** Labels in the order they are drawn, top to bottom. */
function drawnOrder(svg: string, labels: string[]): string[] {
  return labels.filter((l) => svg.includes(l)).sort((a, b) => svg.indexOf(a) - svg.indexOf(b));
}

describe("the /tiendo progress chart", () => {
  it.each([1, 2, 7, 25])("is a PNG of CHART_WIDTH × chartHeight(%i) for that many bars", (n) => {
    expect(pngSize(renderProgressChart(district(n)))).toEqual({ width: CHART_WIDTH, height: chartHeight(n) });
  });

  it("grows with every bar up to 25 and no further", () => {
    expect(chartHeight(2)).toBeGreaterThan(chartHeight(1));
    expect(chartHeight(25)).toBeGreaterThan(chartHeight(24));
    expect(chartHeight(26)).toBe(chartHeight(25));
    expect(pngSize(renderProgressChart(district(40))).height).toBe(chartHeight(25));
  });

  it("keeps the 25 furthest behind of a longer list and says so in the subtitle", () => {
    const bars = Array.from({ length: 40 }, (_, i) => bar(`Đơn vị ${String(i + 1).padStart(2, "0")}`, i * 3, 120));
    const svg = progressChartSvg({ title: "Kết nạp đoàn viên", subtitle: "Năm 2026", bars });
    expect(svg).toContain("Năm 2026 (25/40 đơn vị chậm nhất)");
    expect(svg).toContain("Đơn vị 01");
    expect(svg).toContain("Đơn vị 25");
    expect(svg).not.toContain("Đơn vị 26");
    const longSubtitle = `Năm 2026, ${"số liệu tổng hợp từ báo cáo của các công đoàn cơ sở ".repeat(3)}`;
    expect(progressChartSvg({ title: "Kết nạp", subtitle: longSubtitle, bars })).toContain(
      "… (25/40 đơn vị chậm nhất)",
    );
  });

  it("draws an empty list as a small chart that says there are no targets", () => {
    const png = renderProgressChart({ title: "CĐCS Công ty TNHH Điện tử Hiệp Phú", bars: [] });
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: chartHeight(0) });
    expect(chartHeight(0)).toBeLessThan(chartHeight(1));
    expect(progressChartSvg({ title: "Kết nạp đoàn viên", bars: [] })).toContain("Chưa có chỉ tiêu");
  });

  it("draws the same bytes for the same figures", () => {
    const first = renderProgressChart(district(12));
    expect(Buffer.from(renderProgressChart(district(12))).equals(first)).toBe(true);
  });

  it("draws the same picture off the main thread", async () => {
    const png = await renderProgressChartAsync(district(5));
    expect(Buffer.from(png).equals(renderProgressChart(district(5)))).toBe(true);
  });

  it("writes Vietnamese names intact and numbers the Vietnamese way", () => {
    const svg = progressChartSvg({
      title: "LĐLĐ TP Thủ Đức — Kết nạp đoàn viên",
      subtitle: "Năm 2026, cập nhật 21/11/2026",
      bars: [
        bar("Nghiệp đoàn xe ôm thành phố Thủ Đức", 45, 60),
        bar("CĐCS Công ty TNHH Điện tử Hiệp Phú", 1578, 12000),
      ],
    });
    expect(svg).toContain("LĐLĐ TP Thủ Đức — Kết nạp đoàn viên");
    expect(svg).toContain("Năm 2026, cập nhật 21/11/2026");
    expect(svg).toContain("Nghiệp đoàn xe ôm thành phố Thủ Đức");
    expect(svg).toContain("CĐCS Công ty TNHH Điện tử Hiệp Phú");
    expect(svg).toContain("45/60 (75%)");
    expect(svg).toContain("1.578/12.000 (13%)");
    expect(svg).toContain("Mức cần đạt đến nay");
    expect(svg).toContain("Chậm tiến độ");
  });

  it("never shows 100% for a unit still short of its target", () => {
    expect(progressChartSvg({ title: "Kết nạp", bars: [bar("CĐCS Bưu điện", 999, 1000)] })).toContain(
      "999/1.000 (99%)",
    );
  });

  it("puts units behind pace first, the furthest behind at the top", () => {
    const labels = ["Đúng hạn", "Chậm nhẹ", "Vượt chỉ tiêu", "Chậm nhiều"];
    const bars = [
      bar("Đúng hạn", 92, 100),
      bar("Chậm nhẹ", 80, 100),
      bar("Vượt chỉ tiêu", 130, 100),
      bar("Chậm nhiều", 10, 100),
    ];
    expect(drawnOrder(progressChartSvg({ title: "Kết nạp", bars }), labels)).toEqual([
      "Chậm nhiều",
      "Chậm nhẹ",
      "Đúng hạn",
      "Vượt chỉ tiêu",
    ]);
  });

  it("shortens a name too long for its row with an ellipsis", () => {
    const long =
      "CĐCS Công ty Cổ phần Dệt may Gia Định — Chi nhánh Khu Công nghệ cao Sài Gòn, Nhà máy số 2, Phân xưởng Hoàn tất";
    const svg = progressChartSvg({ title: "Kết nạp", bars: [bar(long, 5, 10)] });
    expect(svg).not.toContain(long);
    expect(svg).toMatch(/CĐCS Công ty Cổ phần Dệt may[^<]*…</);
  });

  it("composes names typed with combining marks and escapes markup in them", () => {
    const decomposed = "Nghiệp đoàn xe ôm".normalize("NFD");
    const svg = progressChartSvg({
      title: "Kết nạp",
      bars: [bar(decomposed, 1, 2), bar("Công ty A & B <Chi nhánh>", 1, 2)],
    });
    expect(svg).toContain("Nghiệp đoàn xe ôm");
    expect(svg).toContain("Công ty A &amp; B &lt;Chi nhánh&gt;");
    expect(
      pngSize(renderProgressChart({ title: "Kết nạp", bars: [bar("Công ty A & B <Chi nhánh>", 1, 2)] })).width,
    ).toBe(CHART_WIDTH);
  });

  it("has a legend entry only for what is drawn", () => {
    const onPace = progressChartSvg({ title: "Kết nạp", bars: [bar("Đúng hạn", 95, 100), bar("Vượt", 120, 100)] });
    expect(onPace).toContain(LEGEND.onPace);
    expect(onPace).not.toContain(LEGEND.behind);
    const allBehind = progressChartSvg({ title: "Kết nạp", bars: [bar("Chậm", 10, 100)] });
    expect(allBehind).toContain(LEGEND.behind);
    expect(allBehind).not.toContain(LEGEND.onPace);
    for (const svg of [onPace, allBehind]) {
      expect(svg).toContain(LEGEND.target);
      expect(svg).toContain(LEGEND.expected);
    }
  });

  it("draws the today mark in the colour the /tiendo caption names", () => {
    const svg = progressChartSvg({
      title: "Kết nạp",
      bars: [bar("CĐCS Bưu điện", 10, 100), bar("CĐCS Điện lực", 95, 100)],
    });
    const caption = /^chart-caption = (.*)$/m.exec(readFileSync("locales/vi.ftl", "utf8"))?.[1] ?? "";
    expect(caption).toContain("vạch đen");
    // Black, visibly: one mark per bar and the legend's key; nothing else is drawn black.
    const black = [...svg.matchAll(/<path [^>]*>/g)].filter(
      (m) => /fill="(#000|#000000|rgb\(0,0,0\))"/.test(m[0]) && !m[0].includes('fill-opacity="0"'),
    );
    expect(black).toHaveLength(2 + 1);
  });

  it("stays readable on a 375-pixel phone screen: no text under 12 px once scaled to it", () => {
    for (const chart of [district(25), { title: "Kết nạp đoàn viên", bars: [] }]) {
      const sizes = [...progressChartSvg(chart).matchAll(/font-size:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect((Math.min(...sizes) * PHONE_WIDTH) / CHART_WIDTH).toBeGreaterThanOrEqual(12);
    }
    expect(CHART_WIDTH).toBeLessThanOrEqual(2 * PHONE_WIDTH);
  });

  it("gives a unit's full name its own line on a phone-sized picture", () => {
    const name = "CĐCS Bệnh viện Đa khoa khu vực Thủ Đức";
    expect(progressChartSvg({ title: "Kết nạp", bars: [bar(name, 1578, 12000)] })).toContain(name);
  });
});
