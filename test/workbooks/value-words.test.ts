import { describe, expect, it } from "vitest";
import { SECTORS, UNIT_KINDS } from "#db/schema.ts";
import { BUILTIN_METRICS } from "#db/repositories/metrics.ts";
import { normalizeKind, normalizeMetric, normalizeSector } from "#src/workbooks/read-table.ts";

const KIND_WORDS: Record<string, string[]> = {
  grassroots: ["CĐCS", "Công đoàn cơ sở", "cdcs", "cđcs", "CONG DOAN CO SO"],
  guild: ["Nghiệp đoàn", "NĐ", "nghiep doan"],
  district: [
    "LĐLĐ huyện",
    "LĐLĐ quận",
    "LĐLĐ thành phố",
    "LĐLĐ thị xã",
    "Liên đoàn Lao động huyện",
    "LĐLĐ TP",
    "Công đoàn ngành tỉnh",
    "cấp huyện",
  ],
  province: [
    "LĐLĐ tỉnh",
    "LĐLĐ thành phố trực thuộc trung ương",
    "LĐLĐ TP trực thuộc TW",
    "Công đoàn ngành trung ương",
    "CĐ ngành TW",
    "cấp tỉnh",
  ],
  national: ["Tổng Liên đoàn", "TLĐ", "Tổng Liên đoàn Lao động Việt Nam"],
};

const SECTOR_WORDS: Record<string, string[]> = {
  state: ["Nhà nước", "khu vực nhà nước", "KVNN", "KV NN"],
  non_state: ["Ngoài nhà nước", "ngoài NN", "Khu vực ngoài Nhà nước"],
  informal: ["Phi chính thức", "kinh tế phi chính thức", "KHU VỰC KINH TẾ PHI CHÍNH THỨC"],
};

const METRIC_WORDS: Record<string, string[]> = {
  ket_nap: ["Kết nạp đoàn viên", "kết nạp", "ket nap dv"],
  thuc_tang: ["Phát triển thực tăng", "thực tăng", "phát triển tăng đoàn viên"],
  ket_nap_phi_chinh_thuc: ["Kết nạp đoàn viên phi chính thức", "kết nạp ĐV khu vực phi chính thức"],
  thanh_lap_cdcs: ["Thành lập CĐCS", "thành lập công đoàn cơ sở"],
  thanh_lap_nghiep_doan: ["Thành lập nghiệp đoàn"],
  gioi_thieu_dang: ["Giới thiệu đoàn viên ưu tú cho Đảng", "giới thiệu đảng", "giới thiệu ĐVƯT"],
  hoat_dong: ["Hoạt động xã hội", "hoạt động"],
};

const cases = (words: Record<string, string[]>) =>
  Object.entries(words).flatMap(([key, list]) => [key, ...list].map((word) => [word, key] as const));

describe("the words officers write for a unit's kind, sector and a target's metric", () => {
  it.each(cases(KIND_WORDS))("kind %s → %s", (word, key) => expect(normalizeKind(word)).toBe(key));
  it.each(cases(SECTOR_WORDS))("sector %s → %s", (word, key) => expect(normalizeSector(word)).toBe(key));
  it.each(cases(METRIC_WORDS))("metric %s → %s", (word, key) => expect(normalizeMetric(word)).toBe(key));

  it("maps only to keys the database and the domain know", () => {
    expect(Object.keys(KIND_WORDS).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(SECTOR_WORDS).sort()).toEqual([...SECTORS].sort());
    const builtin = BUILTIN_METRICS.map((metric) => metric.key);
    for (const key of Object.keys(METRIC_WORDS)) expect(builtin).toContain(key);
  });

  it("passes unknown text through, trimmed, so the domain can name it", () => {
    expect(normalizeKind("  Công đoàn bộ phận ")).toBe("Công đoàn bộ phận");
    expect(normalizeSector("FDI Hàn Quốc")).toBe("FDI Hàn Quốc");
    expect(normalizeMetric("ký thoả ước")).toBe("ký thoả ước");
    expect(normalizeKind("")).toBe("");
  });

  it("does not read a centrally governed city as a district", () => {
    expect(normalizeKind("LĐLĐ thành phố trực thuộc trung ương")).not.toBe(normalizeKind("LĐLĐ thành phố"));
  });
});
