import { describe, expect, it } from "vitest";
import { matchUnit, unitNameKey } from "#nlu/index.ts";

const units = [
  { id: 1, name: "CĐCS Công ty ABC" },
  { id: 2, name: "Nghiệp đoàn xe ôm" },
  { id: 3, name: "Nghiệp đoàn xe ôm công nghệ" },
  { id: 4, name: "CĐCS Trường THCS số 2" },
  { id: 5, name: "CĐCS Trường THCS số 3" },
  { id: 6, name: "CĐCS Công ty TNHH May Việt Tiến" },
  { id: 7, name: "CĐCS Bệnh viện Đa khoa huyện" },
  { id: 8, name: "Nghiệp đoàn giúp việc nhà" },
];

const best = (query: string) => matchUnit(query, units)[0]?.id;

describe("unitNameKey", () => {
  it("keeps only the words that tell a unit apart, without marks", () => {
    expect(unitNameKey("CĐCS Công ty ABC")).toBe("abc");
    expect(unitNameKey("cty ABC")).toBe("abc");
    expect(unitNameKey("Nghiệp đoàn xe ôm")).toBe("xe om");
    expect(unitNameKey("nđ xe om")).toBe("xe om");
    expect(unitNameKey("Trường THCS số 2")).toBe("thcs 2");
    expect(unitNameKey("thcs so 02")).toBe("thcs 2");
    expect(unitNameKey("Trường Trung học cơ sở số 2")).toBe("thcs 2");
  });
});

describe("matchUnit", () => {
  it("matches chat spellings to registered names", () => {
    expect(best("cty ABC")).toBe(1);
    expect(best("nđ xe om")).toBe(2);
    expect(best("thcs so 2")).toBe(4);
    expect(best("cty may Viet Tien")).toBe(6);
    expect(best("bv da khoa huyen")).toBe(7);
    expect(best("nd giup viec nha")).toBe(8);
  });

  it("prefers the exact name over a longer one that contains it", () => {
    const results = matchUnit("Nghiệp đoàn xe ôm", units);
    expect(results.map((r) => r.id).slice(0, 2)).toEqual([2, 3]);
    expect(results[0]?.score).toBe(1);
    expect(results[1]?.score ?? 1).toBeLessThan(1);
  });

  it("tells numbered units apart", () => {
    expect(best("trường THCS số 3")).toBe(5);
    expect(matchUnit("thcs so 2", units).map((r) => r.id)).not.toContain(5);
  });

  it("forgives a typo in a longer word", () => {
    expect(best("cty may Viet Tein")).toBe(6);
  });

  it("returns nothing when nothing is plausible", () => {
    expect(matchUnit("Công ty Hoàng Long", units)).toEqual([]);
    expect(matchUnit("", units)).toEqual([]);
  });

  it("scores in (0, 1], best first", () => {
    // "xe om cong" names all of unit 3 but only part of unit 2, which comes first in the list.
    const results = matchUnit("xe om cong", units);
    expect(results.map((r) => r.id)).toEqual([3, 2]);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? 1);
    expect(matchUnit("xe om cong", [...units].reverse())).toEqual(results);
  });
});
