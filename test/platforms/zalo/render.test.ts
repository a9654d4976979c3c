import { describe, expect, it } from "vitest";
import type { Choice } from "#commands/types.ts";
import { createImageStore } from "#src/platforms/zalo/image-store.ts";
import { readChoice, renderForZalo } from "#src/platforms/zalo/render.ts";
import { loadTranslations } from "#src/i18n.ts";
import { splitText } from "#src/platforms/split-text.ts";

const undo: Choice = { label: "↩️ Hoàn tác", action: "undo:17" };
const help: Choice = { label: "Hướng dẫn", action: "say:hướng dẫn" };

describe("splitText", () => {
  it("keeps a text within the limit whole", () => {
    expect(splitText("một\nhai", 2000)).toEqual(["một\nhai"]);
    expect(splitText("", 2000)).toEqual([]);
  });

  it("splits at line breaks, packing as many whole lines as fit", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `dòng ${i} ${"x".repeat(90)}`);
    const parts = splitText(lines.join("\n"), 250);
    expect(parts).toEqual([
      lines.slice(0, 2).join("\n"),
      lines.slice(2, 4).join("\n"),
      lines.slice(4, 6).join("\n"),
      lines.slice(6, 8).join("\n"),
      lines.slice(8).join("\n"),
    ]);
  });

  it("cuts a single overlong line at a space, or hard when it has none", () => {
    const words = Array.from({ length: 50 }, () => "công đoàn").join(" ");
    for (const part of splitText(words, 100)) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part.startsWith(" ") || part.endsWith(" ")).toBe(false);
    }
    expect(splitText("x".repeat(250), 100).map((p) => p.length)).toEqual([100, 100, 50]);
  });

  it("never cuts an emoji in half", () => {
    const parts = splitText(`${"x".repeat(99)}📈${"y".repeat(10)}`, 100);
    expect(parts[0]).toBe("x".repeat(99));
    expect(parts[1]?.startsWith("📈")).toBe(true);
  });
});

describe("readChoice", () => {
  it.each([
    ["1", undo],
    ["2", help],
    [" 2 ", help],
    ["số 2", help],
    ["So 2", help],
    ["#1", undo],
    ["2.", help],
    ["chọn 1", undo],
    ["hoan tac", undo],
    ["Hoàn tác!", undo],
    ["HƯỚNG DẪN", help],
  ])("reads %j", (text, choice) => {
    expect(readChoice(text, [undo, help])).toEqual(choice);
  });

  it.each(["0", "3", "12", "", "   ", "kết nạp 2 đoàn viên", "hoàn", "2 3", "1 đoàn viên"])(
    "reads %j as no choice",
    (text) => {
      expect(readChoice(text, [undo, help])).toBeUndefined();
    },
  );
});

describe("renderForZalo", () => {
  const { translate } = loadTranslations();
  const t = (key: string, args?: Record<string, string | number>) => translate("vi", key, args);

  it("appends numbered choices and a hint to the text", () => {
    expect(renderForZalo({ text: "Đã ghi nhận.", choices: [undo, help] }, t).texts).toEqual([
      "Đã ghi nhận.\n\n1. ↩️ Hoàn tác\n2. Hướng dẫn\nTrả lời bằng số (1, 2…) để chọn.",
    ]);
  });

  it("leaves a chart out without a media store, and links it with one", () => {
    const image = { png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), caption: "Biểu đồ" };
    expect(renderForZalo({ text: "Tiến độ", image }, t)).toEqual({ texts: ["Tiến độ"] });
    const store = createImageStore({ publicUrl: "https://bot.example.vn/" });
    const rendered = renderForZalo({ text: "Tiến độ", image }, t, store);
    expect(rendered.photo?.url).toMatch(/^https:\/\/bot\.example\.vn\/media\/[0-9a-f]{32}\.png$/);
    expect(rendered.photo?.caption).toBe("Biểu đồ");
  });

  it("links a file with a media store, and points to Telegram without one", () => {
    const file = {
      name: "bao-cao-C1-2026-06-15.xlsx",
      data: new Uint8Array([0x50, 0x4b]),
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    const store = createImageStore({ publicUrl: "https://bot.example.vn" });
    const [linked] = renderForZalo({ text: "Báo cáo:", file }, t, store).texts;
    expect(linked).toMatch(
      /^Báo cáo:\n\nTải tệp Excel tại đây \(liên kết dùng được trong 24 giờ\):\nhttps:\/\/bot\.example\.vn\/media\/[0-9a-f]{32}\/bao-cao-C1-2026-06-15\.xlsx$/,
    );
    expect(renderForZalo({ text: "Báo cáo:", file }, t).texts[0]).toContain("Telegram");
  });

  it("keeps every message within 2,000 characters", () => {
    const text = Array.from({ length: 100 }, (_, i) => `Dòng ${i}: ${"đoàn viên ".repeat(5).trim()}`).join("\n");
    const { texts } = renderForZalo({ text, choices: [undo] }, t);
    expect(texts.length).toBeGreaterThan(1);
    for (const part of texts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(texts.join("\n")).toBe(`${text}\n\n1. ↩️ Hoàn tác\nTrả lời bằng số 1 để chọn.`);
  });
});
