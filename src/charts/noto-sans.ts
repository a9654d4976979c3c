// The one font our charts are drawn in. resvg gets the files; echarts gets widths measured from
// the same files, so layout (truncation, legend spacing, centring) matches what is rasterised.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const FONT_FAMILY = "Noto Sans";

export const fontFiles: readonly string[] = [
  require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
];

interface Face {
  unitsPerEm: number;
  /** Advance width in font units per code point. */
  advances: Map<number, number>;
  fallbackAdvance: number;
}

let faces: { regular: Face; bold: Face } | undefined;

function loadFaces(): { regular: Face; bold: Face } {
  if (!faces) {
    const [regular, bold] = fontFiles.map((file) => parseFace(readFileSync(file)));
    if (!regular || !bold) throw new Error("Noto Sans font files are missing");
    faces = { regular, bold };
  }
  return faces;
}

/** Width in pixels of a single line of text, without kerning (which only ever narrows it). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const face = bold ? loadFaces().bold : loadFaces().regular;
  let units = 0;
  for (const char of text.normalize("NFC")) {
    units += face.advances.get(char.codePointAt(0) ?? 0) ?? face.fallbackAdvance;
  }
  return (units * fontSize) / face.unitsPerEm;
}

/** A CSS/zrender font string ("bold 28px Noto Sans") measured the same way. */
export function measureCssFont(text: string, font: string | undefined): number {
  const size = /(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1];
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? "");
  return textWidth(text, size === undefined ? 12 : Number(size), bold);
}

/** Shortens text with "…" until it fits in maxWidth pixels. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string {
  const clean = text.normalize("NFC").trim();
  if (textWidth(clean, fontSize, bold) <= maxWidth) return clean;
  const chars = [...clean];
  let lo = 0;
  let hi = chars.length;
  // Binary search on the longest prefix that fits together with the ellipsis.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidth(chars.slice(0, mid).join("").trimEnd() + "…", fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("").trimEnd() + "…";
}

// Just enough of the TrueType format to read advance widths: head, hhea, hmtx and cmap 4/12.
function parseFace(font: Buffer): Face {
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };

  const unitsPerEm = font.readUInt16BE(table("head") + 18);
  const numberOfHMetrics = font.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advanceOf = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const glyphs = readCmap(font, table("cmap"));
  const advances = new Map<number, number>();
  for (const [codePoint, glyph] of glyphs) advances.set(codePoint, advanceOf(glyph));
  return { unitsPerEm, advances, fallbackAdvance: advanceOf(0) };
}

function readCmap(font: Buffer, cmap: number): Map<number, number> {
  let format4: number | undefined;
  let format12: number | undefined;
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const subtable = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(subtable);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) format12 ??= subtable;
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= subtable;
  }
  const glyphs = new Map<number, number>();
  if (format12 !== undefined) {
    const groups = font.readUInt32BE(format12 + 12);
    for (let i = 0; i < groups; i++) {
      const group = format12 + 16 + 12 * i;
      const start = font.readUInt32BE(group);
      const end = font.readUInt32BE(group + 4);
      const glyph = font.readUInt32BE(group + 8);
      for (let c = start; c <= end; c++) glyphs.set(c, glyph + c - start);
    }
    return glyphs;
  }
  if (format4 === undefined) throw new Error("font has no Unicode cmap");
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + 2 * s);
    const end = font.readUInt16BE(ends + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
  return glyphs;
}
