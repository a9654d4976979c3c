// 002: LĐLĐ quận Thủ Đức, plan 39/KH-LĐLĐ (2020) for the mid-term review: every CĐCS holds its review conference
// ("hội nghị sơ kết giữa nhiệm kỳ") before 15/12, the district's own on 29/12. It sets no member targets, so the
// conference is a per-unit minimum of one activity and a task the district assigns; members are still reported.
import { type PlanScript, redelivered, report, undoes } from "../script.ts";

const TASK = "Tổ chức hội nghị sơ kết giữa nhiệm kỳ";

export const quanThuDuc2020: PlanScript = {
  plan: "002 LĐLĐ quận Thủ Đức, kế hoạch 39/KH-LĐLĐ sơ kết giữa nhiệm kỳ",
  units: [
    { code: "HCM", name: "LĐLĐ TP Hồ Chí Minh", kind: "province" },
    { code: "QTD", name: "LĐLĐ quận Thủ Đức", parent: "HCM", kind: "district" },
    {
      code: "PP",
      name: "CĐCS Công ty CP Dệt Phong Phú",
      parent: "QTD",
      sector: "non_state",
      members: 1_800,
      workers: 2_100,
    },
    { code: "LC", name: "CĐCS Trường Tiểu học Linh Chiểu", parent: "QTD", sector: "state", members: 45, workers: 47 },
    { code: "LT", name: "CĐCS Phường Linh Trung", parent: "QTD", sector: "state", members: 30, workers: 32 },
  ],
  targets: [{ unit: "QTD", metric: "hoat_dong", value: 1, due: "12-15", each: true }],
  people: {
    pp: { unit: "PP", role: "chair", name: "Nguyễn Thị Thu" },
    lc: { unit: "LC", role: "chair", name: "Bùi Văn Hùng" },
    lt: { unit: "LT", role: "chair", name: "Trịnh Thị Hoa" },
    officer: { unit: "QTD", role: "officer", name: "Nguyễn Đình Cường" },
    admin: { unit: "QTD", role: "admin", name: "Lê Minh Tâm" },
  },
  steps: [
    {
      who: "admin",
      says: `/giaoviec ${TASK} hạn 15/12/2026`,
      expect: (t) => [`Đã giao việc “${TASK}” cho ${t.name("QTD")}`, `hạn 15/12/${t.year}`],
    },
    {
      who: "pp",
      says: "/han",
      expect: (t) => [`Hạn sắp tới của ${t.name("PP")}`, `Việc “${TASK}”: hạn 15/12/${t.year}`],
    },
    {
      who: "lc",
      says: "han nop khi nao",
      expect: (t) => [`Việc “${TASK}”: hạn 15/12/${t.year}`],
    },
    report("pp", "to chuc 1 hoat dong", [["activity", 1]]),
    {
      who: "officer",
      says: "con thieu bao nhieu",
      expect: (t) => [`📊 ${t.name("QTD")}, năm ${t.year}`, t.line("QTD", "hoat_dong"), t.name("LC"), t.name("LT")],
    },
    {
      who: "pp",
      says: "đã xong hội nghị sơ kết giữa nhiệm kỳ",
      expect: (t) => [`Đã ghi nhận ${t.name("PP")} hoàn thành việc “${TASK}”`],
    },
    {
      who: "lt",
      says: "da xong hoi nghi so ket giua nhiem ky",
      expect: (t) => [`Đã ghi nhận ${t.name("LT")} hoàn thành việc “${TASK}”`],
    },
    {
      who: "pp",
      says: "/han",
      absent: () => [`Việc “${TASK}”`],
    },
    report("pp", "ket nap 15 dv", [["join", 15]]),
    report("pp", "4 dv nghi viec", [["leave", 4]]),
    report("pp", "2 đv nghỉ hưu", [["leave", 2]]),
    report("pp", "hom qua 3 dv chuyen cong tac", [["leave", 3]], { daysAgo: 1 }),
    undoes("pp", "hoan tac", "• Giảm 3 đoàn viên"),
    report("lc", "hom qua to chuc 1 hoat dong hoi nghi so ket", [["activity", 1]], { daysAgo: 1, updateId: 72_001 }),
    redelivered("lc", "hom qua to chuc 1 hoat dong hoi nghi so ket", 72_001),
    {
      who: "officer",
      says: "con thieu bao nhieu",
      expect: (t) => [t.line("QTD", "hoat_dong"), t.name("LT")],
      absent: (t) => [`chưa đạt: ${t.name("LC")}`],
    },
    report("lt", "ket nap 2 dv", [["join", 2]]),
    {
      who: "lt",
      says: "con thieu bao nhieu",
      expect: (t) => [`📊 ${t.name("LT")}, năm ${t.year}`, ...t.minimumLines("LT", "hoat_dong")],
      absent: () => ["chưa được giao chỉ tiêu nào"],
    },
    {
      who: "lt",
      says: "/han",
      expect: (t) => [`Hạn sắp tới của ${t.name("LT")}`, t.minimumDeadlineLine("LT", "hoat_dong")],
      absent: () => ["Chúc mừng"],
    },
    {
      who: "officer",
      says: "/han",
      expect: (t) => [t.deadlineLine("QTD", "hoat_dong")],
    },
    report("lt", "hom qua to chuc hoi nghi so ket, 1 hoat dong", [["activity", 1]], { daysAgo: 1 }),
    {
      who: "lt",
      says: "con thieu bao nhieu",
      expect: (t) => t.minimumLines("LT", "hoat_dong"),
    },
    {
      who: "lt",
      says: "ket nap 2 dv cho cty det phong phu",
      expect: () => ["chỉ báo cáo được cho", "không ghi nhận báo cáo"],
      ledger: true,
    },
    {
      who: "lt",
      says: "cty det phong phu con thieu bao nhieu",
      expect: () => ["không tìm thấy"],
    },
    report("officer", "Phường Linh Trung tổ chức 1 hoạt động", [["activity", 1]], { unit: "LT" }),
    {
      who: "officer",
      says: "con thieu bao nhieu",
      expect: (t) => [t.line("QTD", "hoat_dong")],
    },

    {
      who: "lt",
      says: "k có ai nghỉ",
      expect: () => ["không ghi nhận gì"],
      ledger: true,
    },
    {
      who: "lc",
      says: "/hoantac",
      does: (t) => t.undo("lc"),
      expect: () => ["Đã hoàn tác báo cáo", "• Tổ chức 1 hoạt động"],
      ledger: true,
    },
    {
      who: "lc",
      says: "hoan tac",
      expect: () => ["Không có báo cáo nào của anh/chị để hoàn tác"],
      ledger: true,
    },
  ],
};
