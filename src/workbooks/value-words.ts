// The words officers write in the kind, sector and metric columns, mapped to the keys the domain
// stores. Keys pass through; unknown text passes through unchanged so the domain can report it.
import { foldWords } from "#nlu/fold-diacritics.ts";

// A long phrase and its usual abbreviation read the same, so "Liên đoàn Lao động huyện" matches
// "LĐLĐ huyện" and "CĐ ngành TW" matches "Công đoàn ngành trung ương".
const SHORT_FORMS: [RegExp, string][] = [
  [/\blien doan lao dong\b/g, "ldld"],
  [/\bcong doan\b/g, "cd"],
  [/\bthanh pho\b/g, "tp"],
  [/\bdoan vien\b/g, "dv"],
  [/\bnha nuoc\b/g, "nn"],
  [/\bkhu vuc\b/g, "kv"],
  [/\btrung uong\b/g, "tw"],
  [/\bkhu cong nghiep\b/g, "kcn"],
];

function shortForm(text: string): string {
  return SHORT_FORMS.reduce((folded, [phrase, short]) => folded.replace(phrase, short), foldWords(text));
}

function wordMap(words: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, aliases] of Object.entries(words)) {
    for (const alias of [key, ...aliases]) {
      const folded = shortForm(alias);
      const earlier = map.get(folded);
      if (earlier !== undefined && earlier !== key) throw new Error(`"${alias}" would mean both ${earlier} and ${key}`);
      map.set(folded, key);
    }
  }
  return map;
}

const KINDS = wordMap({
  grassroots: ["CĐCS", "Công đoàn cơ sở", "cấp cơ sở"],
  guild: ["Nghiệp đoàn", "NĐ"],
  district: [
    "LĐLĐ huyện",
    "LĐLĐ quận",
    "LĐLĐ thị xã",
    // A city inside a province (TP Thủ Đức, TP Đồng Xoài) is a district-level union; the five
    // centrally governed cities are named as such below.
    "LĐLĐ thành phố",
    "LĐLĐ thành phố thuộc tỉnh",
    "LĐLĐ cấp huyện",
    "Công đoàn ngành tỉnh",
    "Công đoàn khu công nghiệp",
    "Công đoàn các khu công nghiệp",
    "Công đoàn cấp trên trực tiếp cơ sở",
    "cấp huyện",
  ],
  province: [
    "LĐLĐ tỉnh",
    "LĐLĐ thành phố trực thuộc trung ương",
    "LĐLĐ cấp tỉnh",
    "Công đoàn ngành trung ương",
    "cấp tỉnh",
  ],
  national: ["Tổng Liên đoàn", "Tổng Liên đoàn Lao động Việt Nam", "TLĐ", "TLĐLĐVN"],
});

const SECTORS = wordMap({
  state: ["Nhà nước", "khu vực nhà nước", "KVNN", "hành chính sự nghiệp", "HCSN", "doanh nghiệp nhà nước", "DNNN"],
  non_state: [
    "Ngoài nhà nước",
    "khu vực ngoài nhà nước",
    "ngoài khu vực nhà nước",
    "KV ngoài NN",
    "doanh nghiệp ngoài nhà nước",
    "tư nhân",
    "FDI",
  ],
  informal: ["Phi chính thức", "kinh tế phi chính thức", "khu vực phi chính thức", "khu vực kinh tế phi chính thức"],
});

const METRICS = wordMap({
  ket_nap: ["Kết nạp đoàn viên", "kết nạp", "kết nạp đoàn viên mới", "kết nạp mới"],
  thuc_tang: [
    "Phát triển thực tăng",
    "thực tăng",
    "thực tăng đoàn viên",
    "phát triển thực tăng đoàn viên",
    "phát triển tăng đoàn viên",
    "phát triển tăng",
  ],
  ket_nap_phi_chinh_thuc: [
    "Kết nạp đoàn viên phi chính thức",
    "kết nạp phi chính thức",
    "kết nạp ĐV khu vực phi chính thức",
    "kết nạp đoàn viên khu vực kinh tế phi chính thức",
    "kết nạp đoàn viên kinh tế phi chính thức",
  ],
  thanh_lap_cdcs: ["Thành lập CĐCS", "thành lập công đoàn cơ sở", "thành lập mới CĐCS"],
  thanh_lap_nghiep_doan: ["Thành lập nghiệp đoàn", "thành lập NĐ", "thành lập mới nghiệp đoàn"],
  gioi_thieu_dang: [
    "Giới thiệu đoàn viên ưu tú cho Đảng",
    "giới thiệu đoàn viên ưu tú cho cấp ủy đảng",
    "giới thiệu đoàn viên công đoàn ưu tú cho cấp ủy đảng",
    "giới thiệu đoàn viên ưu tú",
    "giới thiệu Đảng",
    "giới thiệu ĐVƯT",
    "giới thiệu ĐVƯT cho Đảng",
  ],
  hoat_dong: ["Hoạt động xã hội", "hoạt động"],
});

const RATINGS = wordMap({
  xuat_sac: ["Hoàn thành xuất sắc nhiệm vụ", "hoàn thành xuất sắc", "HTXSNV", "xuất sắc"],
  tot: ["Hoàn thành tốt nhiệm vụ", "hoàn thành tốt", "HTTNV", "tốt"],
  hoan_thanh: ["Hoàn thành nhiệm vụ", "hoàn thành", "HTNV"],
  khong_hoan_thanh: ["Không hoàn thành nhiệm vụ", "không hoàn thành", "KHTNV"],
});

function normalize(words: Map<string, string>, text: string): string {
  const plain = text.trim();
  return plain === "" ? "" : (words.get(shortForm(plain)) ?? plain);
}

/** "CĐCS" → grassroots, "LĐLĐ huyện" → district, "Tổng Liên đoàn" → national. */
export function normalizeKind(text: string): string {
  return normalize(KINDS, text);
}

/** "Nhà nước" → state, "ngoài NN" → non_state, "kinh tế phi chính thức" → informal. */
export function normalizeSector(text: string): string {
  return normalize(SECTORS, text);
}

/** "Kết nạp đoàn viên" → ket_nap, "thực tăng" → thuc_tang, "giới thiệu ĐVƯT" → gioi_thieu_dang. */
export function normalizeMetric(text: string): string {
  return normalize(METRICS, text);
}

/** "Hoàn thành tốt nhiệm vụ" → tot, "HTXSNV" → xuat_sac. */
export function normalizeRating(text: string): string {
  return normalize(RATINGS, text);
}
