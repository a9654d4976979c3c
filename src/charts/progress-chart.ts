// The /tiendo picture: one bar per unit (or per target) showing done against target, with a tick
// where it should be by now. Officers forward it upward from a phone, so it is drawn large,
// worst first, and with Vietnamese number formatting.
import { Resvg } from "@resvg/resvg-js";
import type { BarSeriesOption, ScatterSeriesOption } from "echarts/charts";
import { BarChart, ScatterChart } from "echarts/charts";
import type {
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
} from "echarts/components";
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { init, setPlatformAPI, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { jobThread } from "#src/job-thread.ts";
import { FONT_FAMILY, fontFiles, measureCssFont, textWidth, truncateToWidth } from "./noto-sans.ts";

export interface ProgressBar {
  label: string;
  done: number;
  target: number;
  /** where it should be by now, same unit as target */
  expected: number;
  behind: boolean;
}

/** The legend's words, the same as the caption and the text beside the chart use. */
export const LEGEND = {
  onPace: "Đúng tiến độ",
  behind: "Chậm tiến độ",
  target: "Chỉ tiêu",
  expected: "Mức cần đạt đến nay",
} as const;

export interface ProgressChart {
  title: string;
  subtitle?: string;
  bars: ProgressBar[];
}

type Option = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TitleComponentOption
  | LegendComponentOption
  | GraphicComponentOption
>;

use([BarChart, ScatterChart, GridComponent, TitleComponent, LegendComponent, GraphicComponent, SVGRenderer]);
// Without a canvas echarts guesses text widths (every Vietnamese letter counts as 1em); measuring
// with the font resvg will draw keeps the legend, title and our truncation honest.
setPlatformAPI({ measureText: (text, font) => ({ width: measureCssFont(text, font) }) });

// Twice a 375-pixel phone screen: shown at the screen's width, the smallest text is 12 px there.
export const CHART_WIDTH = 750;
export const MAX_BARS = 25;
/** The narrowest phone screen the picture is made to be read on, in CSS pixels. */
export const PHONE_WIDTH = 375;

const PAD_X = 28;
const LEGEND_TOP = 116;
const HEADER = 208; // title, subtitle, a legend of up to two lines
const ROW = 72; // unit name on its own line, its bar and figures below
const FOOTER = 52; // percent axis
const EMPTY_HEIGHT = 220; // title, subtitle and "Chưa có chỉ tiêu"
const NAME_BOTTOM = 34; // from the top of a row to the bottom of its name
const BAR_OFFSET = 52; // from the top of a row to the middle of its bar
const BAR_HEIGHT = 20;
const TICK_HEIGHT = 30;
const PLOT_WIDTH = CHART_WIDTH - 2 * PAD_X;
const VALUE_GAP = 14; // between a bar's end and its figures

const NAME_SIZE = 26;
const VALUE_SIZE = 24;
const TITLE_SIZE = 30;
const SUBTITLE_SIZE = 24;
const LEGEND_SIZE = 24;
const AXIS_SIZE = 24;
/** Every size of text drawn, for the check that a phone can read it. */
export const FONT_SIZES = [NAME_SIZE, VALUE_SIZE, TITLE_SIZE, SUBTITLE_SIZE, LEGEND_SIZE, AXIS_SIZE, 26];

const COLORS = {
  onPace: "#1f6fc5",
  behind: "#e8590c",
  behindText: "#b93d00",
  behindBand: "#fff3eb",
  track: "#dfe5ec",
  /** The tick where a unit should be by today; the /tiendo caption calls it "vạch đen". */
  expected: "#000000",
  text: "#1d2430",
  muted: "#5b6573",
  axis: "#b8c0ca",
};

/** Height in pixels of the picture for this many bars (empty and over-long lists included). */
export function chartHeight(barCount: number): number {
  const shown = Number.isFinite(barCount) ? Math.min(Math.max(Math.floor(barCount), 0), MAX_BARS) : 0;
  return shown === 0 ? EMPTY_HEIGHT : HEADER + ROW * shown + FOOTER;
}

const numberVi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

interface Row {
  bar: ProgressBar;
  done: number;
  target: number;
  /** done / target, 1 = target reached */
  doneRatio: number;
  expectedRatio: number;
}

function toRow(bar: ProgressBar): Row {
  const clean = (n: number) => (Number.isFinite(n) ? Math.max(n, 0) : 0);
  const done = clean(bar.done);
  const target = clean(bar.target);
  const expected = clean(bar.expected);
  const ratio = (n: number) => (target > 0 ? n / target : n > 0 ? 1 : 0);
  return { bar, done, target, doneRatio: ratio(done), expectedRatio: Math.min(ratio(expected), 1) };
}

/** Behind pace first, then by how far the bar falls short of (or runs ahead of) its tick. */
function worstFirst(a: Row, b: Row): number {
  if (a.bar.behind !== b.bar.behind) return a.bar.behind ? -1 : 1;
  const gap = b.expectedRatio - b.doneRatio - (a.expectedRatio - a.doneRatio);
  if (Math.abs(gap) > 1e-9) return gap;
  return a.bar.label.localeCompare(b.bar.label, "vi");
}

function valueLabel(row: Row): string {
  const fraction = `${numberVi.format(row.done)}/${numberVi.format(row.target)}`;
  if (row.target <= 0) return fraction;
  // Floored, so a unit one short of its target never reads "100%".
  return `${fraction} (${numberVi.format(Math.floor(row.doneRatio * 100))}%)`;
}

/** The chart as an SVG document, before rasterising; exported so the text can be checked. */
export function progressChartSvg(chart: ProgressChart): string {
  const rows = chart.bars.map(toRow).sort(worstFirst).slice(0, MAX_BARS);
  const width = CHART_WIDTH;
  const height = chartHeight(rows.length);

  // The "(25/40 …)" note must survive a long subtitle, so only the caller's part is shortened.
  const note = chart.bars.length > MAX_BARS ? ` (${MAX_BARS}/${chart.bars.length} đơn vị chậm nhất)` : "";
  const room = PLOT_WIDTH - textWidth(note, SUBTITLE_SIZE);
  const subtitle = (truncateToWidth(chart.subtitle ?? "", room, SUBTITLE_SIZE) + note).trim();

  const option: Option = {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text },
    title: {
      left: PAD_X,
      top: 20,
      itemGap: 14,
      padding: 0,
      text: truncateToWidth(chart.title, PLOT_WIDTH, TITLE_SIZE, true),
      textStyle: { fontSize: TITLE_SIZE, fontWeight: "bold", color: COLORS.text },
      subtext: subtitle,
      subtextStyle: { fontSize: SUBTITLE_SIZE, color: COLORS.muted },
    },
    ...(rows.length === 0 ? emptyBody() : barsBody(rows)),
  };

  const rendered = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    rendered.setOption(option);
    return rendered.renderToSVGString();
  } finally {
    rendered.dispose();
  }
}

function emptyBody(): Option {
  return {
    graphic: [
      {
        type: "text",
        x: CHART_WIDTH / 2,
        y: EMPTY_HEIGHT - 60,
        style: {
          text: "Chưa có chỉ tiêu",
          fill: COLORS.muted,
          fontFamily: FONT_FAMILY,
          fontSize: 26,
          align: "center",
          verticalAlign: "middle",
        },
      },
    ],
  };
}

function barsBody(rows: Row[]): Option {
  const drawnMax = Math.max(1, ...rows.map((r) => r.doneRatio));
  // Whole quarters of the target, so the 100% line always falls on a grid line; capped at 200%.
  const axisMax = Math.min(Math.ceil(drawnMax * 4) / 4, 2) * 100;
  const percent = (ratio: number) => Math.min(ratio * 100, axisMax);
  const behindCount = rows.filter((r) => r.bar.behind).length;
  const onPaceCount = rows.length - behindCount;
  // The figures sit right of the bars, in a column as wide as the widest of them.
  const values = rows.map(valueLabel);
  const valueColumn = Math.max(...values.map((v) => textWidth(v, VALUE_SIZE, true))) + VALUE_GAP;

  const texts = rowTexts(rows, values);
  const band = behindBand(behindCount);
  const drawn = drawnBars(rows, percent, onPaceCount, behindCount);

  return {
    grid: {
      left: PAD_X,
      right: PAD_X + valueColumn,
      top: HEADER + BAR_OFFSET - ROW / 2,
      height: ROW * rows.length,
      containLabel: false,
    },
    legend: {
      top: LEGEND_TOP,
      left: PAD_X,
      width: PLOT_WIDTH,
      padding: 0,
      itemWidth: 28,
      itemHeight: 16,
      itemGap: 22,
      selectedMode: false,
      textStyle: { fontSize: LEGEND_SIZE, color: COLORS.text },
      data: [
        ...drawn.map((d) => d.legend),
        { name: LEGEND.target, icon: "roundRect" },
        { name: LEGEND.expected, icon: "path://M0,0h3v14h-3z" },
      ],
    },
    xAxis: {
      type: "value",
      min: 0,
      max: axisMax,
      interval: axisMax > 100 ? 50 : 25,
      axisLabel: { fontSize: AXIS_SIZE, color: COLORS.muted, formatter: (v: number) => `${numberVi.format(v)}%` },
      // Grid lines would cut through the unit names; the track already marks 100%.
      splitLine: { show: false },
      axisLine: { show: true, lineStyle: { color: COLORS.axis } },
      axisTick: { show: true, length: 5, lineStyle: { color: COLORS.axis } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((_, i) => String(i)),
      show: false,
    },
    graphic: [...band, ...texts],
    series: [
      barSeries(
        LEGEND.target,
        COLORS.track,
        rows.map(() => 100),
        2,
      ),
      ...drawn.map((d) => d.series),
      {
        type: "scatter",
        name: LEGEND.expected,
        data: rows.map((r, i) => [percent(r.expectedRatio), i]),
        z: 5,
        silent: true,
        symbol: "rect",
        symbolSize: [5, TICK_HEIGHT],
        itemStyle: { color: COLORS.expected },
      },
    ],
  };
}

/** Each row's unit name above its bar, and its figures right of it. */
function rowTexts(rows: Row[], values: string[]): GraphicComponentOption[] {
  const rowTop = (i: number) => HEADER + ROW * i;
  return rows.flatMap((row, i) => [
    {
      type: "text",
      z: 10,
      x: PAD_X,
      y: rowTop(i) + NAME_BOTTOM,
      style: {
        text: truncateToWidth(row.bar.label, PLOT_WIDTH, NAME_SIZE),
        fill: COLORS.text,
        fontFamily: FONT_FAMILY,
        fontSize: NAME_SIZE,
        verticalAlign: "bottom",
      },
    },
    {
      type: "text",
      z: 10,
      x: CHART_WIDTH - PAD_X,
      y: rowTop(i) + BAR_OFFSET,
      style: {
        text: values[i] ?? "",
        fill: row.bar.behind ? COLORS.behindText : COLORS.text,
        fontFamily: FONT_FAMILY,
        fontSize: VALUE_SIZE,
        fontWeight: "bold",
        align: "right",
        verticalAlign: "middle",
      },
    },
  ]);
}

/** A tinted band behind the rows of units behind pace, which come first. */
function behindBand(behindCount: number): GraphicComponentOption[] {
  return behindCount === 0
    ? []
    : [
        {
          type: "rect",
          z: -10,
          shape: { x: 0, y: HEADER - 4, width: CHART_WIDTH, height: ROW * behindCount },
          style: { fill: COLORS.behindBand },
        },
      ];
}

function barSeries(name: string, color: string, data: (number | "-")[], z: number): BarSeriesOption {
  return {
    type: "bar",
    name,
    data,
    z,
    barWidth: BAR_HEIGHT,
    barGap: "-100%",
    silent: true,
    itemStyle: { color, borderRadius: BAR_HEIGHT / 2 },
  };
}

/** The bars of units on pace and behind it, each kind only when a unit is drawn with it. */
function drawnBars(rows: Row[], percent: (ratio: number) => number, onPaceCount: number, behindCount: number) {
  // Only what is drawn has a legend entry: a chart with no unit behind pace has no orange key.
  return [
    ...(onPaceCount > 0
      ? [
          {
            legend: { name: LEGEND.onPace, icon: "roundRect" },
            series: barSeries(
              LEGEND.onPace,
              COLORS.onPace,
              rows.map((r) => (r.bar.behind ? "-" : percent(r.doneRatio))),
              3,
            ),
          },
        ]
      : []),
    ...(behindCount > 0
      ? [
          {
            legend: { name: LEGEND.behind, icon: "roundRect" },
            series: barSeries(
              LEGEND.behind,
              COLORS.behind,
              rows.map((r) => (r.bar.behind ? percent(r.doneRatio) : "-")),
              3,
            ),
          },
        ]
      : []),
  ];
}

const resvgOptions = {
  font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  fitTo: { mode: "original" as const },
  background: "#ffffff",
};

/** PNG bytes, CHART_WIDTH × chartHeight(bars shown). Blocks for about 0.1 s for 25 bars. */
export function renderProgressChart(chart: ProgressChart): Uint8Array {
  return toBytes(new Resvg(progressChartSvg(chart), resvgOptions).render().asPng());
}

const chartThread = jobThread<{ progress: typeof renderProgressChart }>(new URL("./chart-worker.mjs", import.meta.url));

/**
 * Starts the chart thread now: loading ECharts there takes seconds on a busy machine, which the first
 * /tiendo would otherwise wait for. The thread does not keep the process alive.
 */
export function prepareChartThread(): void {
  chartThread.start();
}

/**
 * The same PNG, laid out and rasterised on a thread of its own so a webhook server keeps answering meanwhile:
 * the layout alone is 40 ms or more of JavaScript, which held every other chat on the main thread.
 */
export async function renderProgressChartAsync(chart: ProgressChart): Promise<Uint8Array> {
  return chartThread.run("progress", chart);
}

function toBytes(png: Buffer): Uint8Array {
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
