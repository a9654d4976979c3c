import { describe, expect, it } from "vitest";
import { parseViNumber, readNumberAt } from "#nlu/vi-number.ts";

describe("parseViNumber", () => {
  it.each([
    ["5", 5],
    ["04", 4],
    ["1.578", 1578],
    ["12.000", 12000],
    ["12,000", 12000],
    ["12k", 12000],
    ["12 nghìn", 12000],
    ["12 ngàn", 12000],
    ["3 trăm", 300],
    ["100K", 100_000],
    ["100k", 100_000],
    ["2 chục", 20],
    ["3 chục 5", 35],
    ["1 nghìn 2", 1200],
    ["12 nghìn 5", 12_500],
    ["1 nghìn 2 trăm", 1200],
    ["1 nghìn 25", 1025],
  ])("reads digits %s as %d", (text, value) => {
    expect(parseViNumber(text)).toBe(value);
  });

  it.each([
    ["một", 1],
    ["năm", 5],
    ["mười", 10],
    ["mười lăm", 15],
    ["mười nhăm", 15],
    ["hai mươi", 20],
    ["hai mươi mốt", 21],
    ["hai mươi tư", 24],
    ["ba mươi lăm", 35],
    ["hai chục", 20],
    ["hai mốt", 21],
    ["ba lăm", 35],
    ["một trăm", 100],
    ["một trăm linh năm", 105],
    ["hai trăm lẻ ba", 203],
    ["ba trăm hai mươi", 320],
    ["trăm rưỡi", 150],
    ["một nghìn", 1000],
    ["một nghìn hai", 1200],
    ["1 nghìn 2 trăm", 1200],
    ["hai nghìn năm trăm", 2500],
  ])("reads words %s as %d", (text, value) => {
    expect(parseViNumber(text)).toBe(value);
  });

  it("reads words typed without marks", () => {
    expect(parseViNumber("hai muoi mot")).toBe(21);
    expect(parseViNumber("muoi lam")).toBe(15);
  });

  it("refuses phone numbers and identifiers", () => {
    expect(parseViNumber("0912345678")).toBeUndefined();
    expect(parseViNumber("0912.345.678")).toBeUndefined();
  });

  it("refuses text that is more than a number", () => {
    expect(parseViNumber("5 đoàn viên")).toBeUndefined();
    expect(parseViNumber("vài")).toBeUndefined();
    expect(parseViNumber("chục")).toBeUndefined();
  });

  it("refuses a word whose marks make it another word", () => {
    expect(parseViNumber("bà")).toBeUndefined();
    expect(parseViNumber("muối")).toBeUndefined();
  });
});

describe("parseViNumber, numbers that used to be misread", () => {
  it.each([
    ["một nghìn hai", 1200],
    ["hai chục", 20],
    ["một nghìn không trăm linh năm", 1005],
    ["mot nghin khong tram linh nam", 1005],
    ["một nghìn linh năm", 1005],
    ["hai nghìn không trăm hai mươi tư", 2024],
  ])("reads %s as %d", (text, value) => {
    expect(parseViNumber(text)).toBe(value);
  });

  it("does not read 1e2 as a number at all", () => {
    expect(parseViNumber("1e2")).toBeUndefined();
  });

  it("does not take 'không' alone for a number", () => {
    expect(parseViNumber("không")).toBeUndefined();
    expect(parseViNumber("không trăm")).toBeUndefined();
  });
});

describe("readNumberAt", () => {
  it("says how many words the number took", () => {
    expect(readNumberAt(["ket", "nap", "hai", "muoi", "mot", "nguoi"], 2)).toEqual({
      value: 21,
      length: 3,
      ambiguous: false,
    });
  });

  it("flags lone words that are also everyday words, so the caller checks what follows", () => {
    expect(readNumberAt(["nam", "nay"], 0)?.ambiguous).toBe(true);
    expect(readNumberAt(["sau", "khi"], 0)?.ambiguous).toBe(true);
    expect(readNumberAt(["hai", "nguoi"], 0)?.ambiguous).toBe(false);
    expect(readNumberAt(["5"], 0)?.ambiguous).toBe(false);
  });
});
