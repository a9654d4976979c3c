import { describe, expect, it } from "vitest";
import { expandAbbreviations } from "#nlu/abbreviations.ts";
import { foldDiacritics, hasDiacritics } from "#nlu/fold-diacritics.ts";
import { normalize, normalizeFolded } from "#nlu/normalize.ts";

describe("normalize", () => {
  it("lowercases, trims and keeps one space between words", () => {
    expect(normalize("  KẾT   NẠP\t5  ĐOÀN VIÊN \n")).toBe("kết nạp 5 đoàn viên");
  });

  it("composes decomposed input (NFD from some keyboards) into NFC", () => {
    const decomposed = "kết nạp".normalize("NFD");
    expect(decomposed).not.toBe("kết nạp");
    expect(normalize(decomposed)).toBe("kết nạp");
  });

  it("separates a count from the word glued to it", () => {
    expect(normalize("5đv")).toBe("5 đv");
    expect(normalize("kn5dv")).toBe("kn 5 dv");
    expect(normalize("KN3DV")).toBe("kn 3 dv");
  });

  it("keeps suffixes that belong to the number: thousands, hours", () => {
    expect(normalize("12k")).toBe("12k");
    expect(normalize("họp lúc 8h30")).toBe("họp lúc 8h30");
  });
});

describe("foldDiacritics", () => {
  it("removes tone and vowel marks, keeping case", () => {
    expect(foldDiacritics("Kết nạp thêm Ưu tú")).toBe("Ket nap them Uu tu");
  });

  it("turns đ and Đ into d and D, which Unicode decomposition does not do", () => {
    expect(foldDiacritics("Đoàn viên đã đóng")).toBe("Doan vien da dong");
  });

  it("makes full, partial and missing marks compare equal", () => {
    expect(foldDiacritics("kêt nap")).toBe(foldDiacritics("kết nạp"));
    expect(normalizeFolded("KẾT NẠP")).toBe("ket nap");
  });

  it("tells marked words from plain ones", () => {
    expect(hasDiacritics("sáu")).toBe(true);
    expect(hasDiacritics("sau")).toBe(false);
    expect(hasDiacritics("đv")).toBe(true);
  });
});

describe("expandAbbreviations", () => {
  it("spells out what officers abbreviate", () => {
    expect(expandAbbreviations("ko co dv moi")).toBe("khong co doan vien moi");
    expect(expandAbbreviations("ĐVCĐ cđcs nđ")).toBe("doan vien cong doan cong doan co so nghiep doan");
    expect(expandAbbreviations("kn 5 đc ko")).toBe("ket nap 5 duoc khong");
    expect(expandAbbreviations("con thiu bn")).toBe("con thieu bao nhieu");
    expect(expandAbbreviations("cty ABC")).toBe("cong ty abc");
    expect(expandAbbreviations("e hok bit")).toBe("em khong biet");
  });

  it("reads 'k' alone as không", () => {
    expect(expandAbbreviations("k co ai nghi")).toBe("khong co ai nghi");
  });

  it("decides context-dependent abbreviations from their neighbours", () => {
    expect(expandAbbreviations("hum qua")).toBe("hom qua");
    expect(expandAbbreviations("hum bit")).toBe("khong biet");
    expect(expandAbbreviations("het hd")).toBe("het hop dong");
    expect(expandAbbreviations("to chuc 2 hd")).toBe("to chuc 2 hoat dong");
  });
});
