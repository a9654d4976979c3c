// 004: Thành ủy Đà Lạt, plan 41-KH/ThU on Resolution 02-NQ/TW: the city has 13.000 đoàn viên by 2023, 14.000 by
// 2025 and 16.500 by 2030. The 14.000 milestone is moved to the world's year and set on LĐLĐ TP Đà Lạt; the plan
// gives its unions no targets of their own. The unions and their members are illustrative.
import { asks, type PlanScript, redelivered, report, undoes } from "../script.ts";

export const daLat2021: PlanScript = {
  plan: "004 Thành ủy Đà Lạt, kế hoạch 41-KH/ThU (tổng số đoàn viên)",
  units: [
    { code: "LD", name: "LĐLĐ tỉnh Lâm Đồng", kind: "province" },
    { code: "DL", name: "LĐLĐ TP Đà Lạt", parent: "LD", kind: "district" },
    {
      code: "HOA",
      name: "CĐCS Công ty TNHH Hoa Rừng Xanh",
      parent: "DL",
      sector: "non_state",
      members: 4_800,
      workers: 6_400,
    },
    { code: "DH", name: "CĐCS Trường Đại học Đà Lạt", parent: "DL", sector: "state", members: 7_300, workers: 7_400 },
    {
      code: "DLS",
      name: "CĐCS Công ty CP Du lịch Langbiang",
      parent: "DL",
      sector: "non_state",
      members: 610,
      workers: 900,
    },
  ],
  targets: [{ unit: "DL", metric: "tong_doan_vien", value: 14_000, due: "12-31" }],
  people: {
    hoa: { unit: "HOA", role: "chair", name: "Phan Thị Hồng" },
    dh: { unit: "DH", role: "chair", name: "K'Brơi" },
    dls: { unit: "DLS", role: "chair", name: "Lương Văn Lâm" },
    officer: { unit: "DL", role: "officer", name: "Ka Thị Liên" },
    admin: { unit: "DL", role: "admin", name: "Đoàn Văn Hải" },
  },
  steps: [
    asks("officer", "con thieu bao nhieu dv"),
    asks("officer", "tổng số đoàn viên còn thiếu bao nhiêu"),
    report("hoa", "ket nap 1.200 dv", [["join", 1_200]]),
    asks("officer", "con thieu bao nhieu doan vien"),
    undoes("hoa", "hoan tac", "• Kết nạp 1.200 đoàn viên"),
    report("hoa", "ket nap một nghìn hai dv", [["join", 1_200]]),
    report("hoa", "nghỉ hưu 2 đv", [["leave", 2]]),
    report("hoa", "giảm 5 đv do chuyển công tác", [["leave", 5]]),
    report("hoa", "5 dv nghi viec", [["leave", 5]]),
    {
      who: "hoa",
      says: "con thieu bao nhieu dv",
      expect: (t) => [`${t.name("HOA")} chưa được giao chỉ tiêu nào cho năm ${t.year}`],
    },
    asks("officer", "con thieu bao nhieu dv"),
    report("dh", "ngày 10/6 kết nạp 4 dv", [["join", 4]], { daysAgo: 5 }),
    report("dh", "ket nap 3 dv ngay 1/1", [["join", 3]], { daysAgo: 165 }),
    report("dh", "hom qua ket nap 6 dv", [["join", 6]], { daysAgo: 1, updateId: 74_001 }),
    redelivered("dh", "hom qua ket nap 6 dv", 74_001),
    {
      who: "dh",
      says: "ngày 20/6 kết nạp 4 đv",
      expect: () => ["chưa tới", "chưa ghi nhận"],
      ledger: true,
    },
    report("dls", "ket nap 40 dv", [["join", 40]]),
    report("dls", "12 dv nghi viec", [["leave", 12]]),
    report("dls", "/giam 3", [["leave", 3]]),
    undoes("dls", "/hoantac", "• Giảm 3 đoàn viên"),
    asks("officer", "con thieu bao nhieu dv"),
    {
      who: "officer",
      says: "/han",
      expect: (t) => [`Hạn sắp tới của ${t.name("DL")}`, t.deadlineLine("DL", "tong_doan_vien")],
    },
    {
      who: "officer",
      says: "dai hoc da lat con thieu bao nhieu",
      expect: (t) => [`${t.name("DH")} chưa được giao chỉ tiêu nào cho năm ${t.year}`],
    },
    {
      who: "dh",
      says: "tiến độ của cty du lịch langbiang",
      expect: () => ["không tìm thấy"],
      absent: (t) => [t.line("DL", "tong_doan_vien")],
    },
    report("officer", "Du lịch Langbiang kết nạp 9 đv", [["join", 9]], { unit: "DLS" }),
    asks("admin", "tong so doan vien con thieu bao nhieu"),
    {
      who: "admin",
      says: "tien do",
      expect: (t) => [`Tiến độ của ${t.name("DL")}, năm ${t.year}`, t.line("DL", "tong_doan_vien")],
      // A member total is neither split among the unions nor paced from zero.
      absent: () => ["Phân bổ", "🔮 Tổng số đoàn viên"],
    },
    {
      who: "dls",
      says: "ko co ai nghi viec",
      expect: () => ["không ghi nhận gì"],
      ledger: true,
    },
  ],
};
