// 001: Công đoàn Viên chức tỉnh Bình Định, "Chương trình công tác công đoàn năm 2024": every CĐCS introduces at
// least 01 đoàn viên ưu tú to the Party, organises at least 01 social and 01 cultural activity (2 in all),
// 100% of the civil servants who may join are members, 100% of CĐCS "hoàn thành tốt". All its unions are state.
import { asks, type PlanScript, redelivered, report, undoes } from "../script.ts";

const END = "12-31";

export const vienChucBinhDinh2024: PlanScript = {
  plan: "001 Công đoàn Viên chức tỉnh Bình Định, chương trình công tác 2024",
  units: [
    { code: "BD", name: "LĐLĐ tỉnh Bình Định", kind: "province" },
    { code: "VC", name: "Công đoàn Viên chức tỉnh Bình Định", parent: "BD", kind: "district" },
    { code: "GD", name: "CĐCS Sở Giáo dục và Đào tạo", parent: "VC", sector: "state", members: 95, workers: 100 },
    { code: "QH", name: "CĐCS Trường THPT Quốc Học Quy Nhơn", parent: "VC", sector: "state", members: 88, workers: 95 },
    {
      code: "BVT",
      name: "CĐCS Bệnh viện Đa khoa tỉnh Bình Định",
      parent: "VC",
      sector: "state",
      members: 1_190,
      workers: 1_200,
    },
    { code: "YT", name: "CĐCS Sở Y tế", parent: "VC", sector: "state", members: 60, workers: 62 },
  ],
  targets: [
    { unit: "VC", metric: "gioi_thieu_dang", value: 1, due: END, each: true },
    { unit: "VC", metric: "hoat_dong", value: 2, due: END, each: true },
    { unit: "VC", metric: "ty_le_ket_nap_nha_nuoc", value: 100, due: END },
    { unit: "VC", metric: "ty_le_htt_nha_nuoc", value: 100, due: END },
    // "100% CCVCLĐ đủ điều kiện gia nhập tổ chức công đoàn", for each union.
    { unit: "GD", metric: "ty_le_ket_nap_nha_nuoc", value: 100, due: END },
    { unit: "QH", metric: "ty_le_ket_nap_nha_nuoc", value: 100, due: END },
    { unit: "BVT", metric: "ty_le_ket_nap_nha_nuoc", value: 100, due: END },
    { unit: "YT", metric: "ty_le_ket_nap_nha_nuoc", value: 100, due: END },
  ],
  people: {
    gd: { unit: "GD", role: "chair", name: "Trần Thị Bình" },
    qh: { unit: "QH", role: "chair", name: "Võ Thị Hạnh" },
    bvt: { unit: "BVT", role: "chair", name: "Lê Văn Tám" },
    yt: { unit: "YT", role: "chair", name: "Nguyễn Thị Yến" },
    officer: { unit: "VC", role: "officer", name: "Trương Văn Đức" },
    admin: { unit: "VC", role: "admin", name: "Nguyễn Văn Quản" },
  },
  steps: [
    {
      who: "officer",
      says: "con thieu bao nhieu",
      expect: (t) => [
        t.heading("VC"),
        t.line("VC", "gioi_thieu_dang"),
        t.line("VC", "hoat_dong"),
        t.line("VC", "ty_le_ket_nap_nha_nuoc"),
      ],
    },
    asks("gd", "con thieu bao nhieu dv", { more: (t) => t.rateNeed("GD", "ty_le_ket_nap_nha_nuoc") }),
    report("gd", "ket nap 3 dv", [["join", 3]]),
    report("gd", "gthieu 1 dv uu tu cho dang", [["referral", 1]]),
    report("gd", "to chuc 1 hoat dong van nghe", [["activity", 1]]),
    report("gd", "đã tổ chức 1 hoạt động xã hội", [["activity", 1]]),
    report("qh", "kết nạp 2 đoàn viên", [["join", 2]]),
    asks("qh", "con thieu bao nhieu"),
    report("qh", "gioi thieu 1 doan vien uu tu cho dang", [["referral", 1]], { updateId: 71_001 }),
    redelivered("qh", "gioi thieu 1 doan vien uu tu cho dang", 71_001),
    report("qh", "hom qua to chuc 1 hoat dong the thao", [["activity", 1]], { daysAgo: 1 }),
    {
      who: "qh",
      says: "con thieu bao nhieu",
      expect: (t) => [
        t.heading("QH"),
        ...t.minimumLines("QH", "gioi_thieu_dang"),
        ...t.minimumLines("QH", "hoat_dong"),
      ],
    },
    {
      who: "qh",
      says: "/han",
      expect: (t) => [t.minimumDeadlineLine("QH", "hoat_dong")],
      absent: () => ["Chúc mừng", "Giới thiệu đoàn viên ưu tú cho Đảng (mỗi đơn vị"],
    },
    report("bvt", "ket nap 5 dv", [["join", 5]]),
    report("bvt", "2 dv nghi huu", [["leave", 2]]),
    report("bvt", "1 dv chuyen cong tac", [["leave", 1]]),
    asks("bvt", "con thieu bao nhieu dv", { more: (t) => t.rateNeed("BVT", "ty_le_ket_nap_nha_nuoc") }),
    undoes("bvt", "hoan tac", "• Giảm 1 đoàn viên"),
    asks("bvt", "bv minh con thieu bao nhieu dv", { more: (t) => t.rateNeed("BVT", "ty_le_ket_nap_nha_nuoc") }),
    report("yt", "ket nap hai dv", [["join", 2]]),
    report("yt", "hom qua to chuc hoi nghi so ket, 1 hoat dong", [["activity", 1]], { daysAgo: 1 }),
    {
      who: "officer",
      says: "con thieu bao nhieu",
      expect: (t) => [
        t.heading("VC"),
        t.line("VC", "gioi_thieu_dang"),
        t.line("VC", "hoat_dong"),
        t.line("VC", "ty_le_ket_nap_nha_nuoc"),
      ],
    },
    {
      who: "officer",
      says: "con thieu bao nhieu dv",
      expect: (t) => [
        t.heading("VC"),
        t.line("VC", "ty_le_ket_nap_nha_nuoc"),
        ...t.rateNeed("VC", "ty_le_ket_nap_nha_nuoc"),
      ],
      absent: (t) => [t.line("VC", "hoat_dong")],
    },
    asks("officer", "truong quoc hoc con thieu bao nhieu", { unit: "QH" }),
    asks("officer", "sở y tế còn thiếu bao nhiêu", { unit: "YT", absent: (t) => [t.heading("VC")] }),
    {
      who: "officer",
      says: "tien do cua so y te",
      expect: (t) => [`Tiến độ của ${t.name("YT")}, năm ${t.year}`, t.line("YT", "ty_le_ket_nap_nha_nuoc")],
    },
    {
      who: "officer",
      says: "tien do",
      expect: (t) => [`Tiến độ của ${t.name("VC")}, năm ${t.year}`, t.line("VC", "ty_le_ket_nap_nha_nuoc")],
      // Each union's 100% does not add up to the province's: "được giao 400/100" is no allocation gap.
      absent: () => ["Phân bổ"],
    },
    {
      who: "officer",
      says: "/han",
      expect: (t) => [
        `Hạn sắp tới của ${t.name("VC")}`,
        t.deadlineLine("VC", "gioi_thieu_dang"),
        t.deadlineLine("VC", "hoat_dong"),
        t.deadlineLine("VC", "ty_le_ket_nap_nha_nuoc"),
        t.deadlineLine("VC", "ty_le_htt_nha_nuoc"),
      ],
    },
    {
      who: "officer",
      says: "tiến độ của cđcs sở y tế",
      expect: (t) => [`Tiến độ của ${t.name("YT")}, năm ${t.year}`, t.line("YT", "ty_le_ket_nap_nha_nuoc")],
    },
    report("officer", "Trường Quốc Học kết nạp 1 đv", [["join", 1]], { unit: "QH" }),
    {
      who: "gd",
      says: "truong quoc hoc con thieu bao nhieu",
      expect: () => ["không tìm thấy", "hỏi về đơn vị của mình"],
      absent: (t) => [t.line("QH", "ty_le_ket_nap_nha_nuoc")],
    },
    {
      who: "gd",
      says: "ket nap 2 dv cho truong quoc hoc",
      expect: () => ["chỉ báo cáo được cho", "không ghi nhận báo cáo"],
      ledger: true,
    },
    report("yt", "to chuc 2 hoat dong", [["activity", 2]]),
    report("yt", "gioi thieu 1 dv uu tu", [["referral", 1]]),
    {
      who: "officer",
      says: "bao nhieu don vi chua gioi thieu dang vien",
      expect: (t) => [t.line("VC", "gioi_thieu_dang"), t.name("BVT")],
    },
    {
      who: "gd",
      says: "ket nap 1 nghìn hai trăm dv",
      expect: (t) => [`1.200 nhiều hơn số lao động của ${t.name("GD")} (${t.unit("GD").workers} người)`],
      ledger: true,
    },
    report("bvt", "ket nap 7 dv", [["join", 7]]),
    {
      who: "bvt",
      says: "con thieu bao nhieu",
      expect: (t) => [t.heading("BVT"), t.line("BVT", "ty_le_ket_nap_nha_nuoc")],
      absent: () => ["cần kết nạp thêm"],
    },
  ],
};
