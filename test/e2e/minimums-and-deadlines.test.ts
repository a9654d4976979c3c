// Per-unit minimums set on a district reach every union below; /han says in what a shortfall is counted;
// the allocation check and the forecast only apply where they mean something.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

const DISTRICT = "Công đoàn Viên chức tỉnh Bình Định";
const UNIONS = [
  { code: "GD", name: "CĐCS Sở Giáo dục và Đào tạo", members: 95, workers: 100 },
  { code: "YT", name: "CĐCS Sở Y tế", members: 60, workers: 62 },
];
const REFERRALS = "Giới thiệu đoàn viên ưu tú cho Đảng";

let world: World;
async function target(
  code: string,
  metric: string,
  value: number,
  deadline: string,
  scope: "total" | "each" = "total",
) {
  const unit = await world.repos.units.byCode(code);
  if (!unit) throw new Error(`no unit ${code}`);
  await world.repos.targets.upsert({ unitId: unit.id, metric, period: "2026", value, deadline, scope });
}

beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "VC", name: DISTRICT, kind: "district" });
  for (const u of UNIONS) await world.unit({ ...u, parent: "VC", sector: "state" });
  await target("VC", "gioi_thieu_dang", 1, "2026-07-20", "each");
});
afterEach(() => world.close());

describe("a per-unit minimum set on the district", () => {
  it("shows a chair the minimum and their union's own progress on it", async () => {
    const chair = await world.personAt("YT");
    const reply = await chair.says("con thieu bao nhieu");
    expect(reply).not.toContain("chưa được giao chỉ tiêu nào");
    expect(reply).toContain(`${REFERRALS}: 0/1 (0%), còn thiếu 1`);
    expect(reply).toContain(`mức tối thiểu cho mỗi đơn vị, do ${DISTRICT} giao`);
    expect(await chair.says("gioi thieu 1 dv uu tu cho dang")).toContain(`${REFERRALS}: 1/1, đã đạt chỉ tiêu`);
  });

  it("lists the minimum in a chair's /han until it is reached", async () => {
    const chair = await world.personAt("YT");
    const han = await chair.says("/han");
    expect(han).not.toContain("Chúc mừng");
    expect(han).toContain(
      `• ${REFERRALS} (mỗi đơn vị ít nhất 1, do ${DISTRICT} giao): hạn 20/07/2026 (còn 35 ngày), còn thiếu 1`,
    );
    await chair.says("gioi thieu 1 dv uu tu cho dang");
    expect(await chair.says("/han")).toContain("không còn chỉ tiêu nào chưa đạt");
  });
});

describe("/han for the district", () => {
  it("counts what is missing in units, percentage points or members, with tasks among the targets by date", async () => {
    await target("VC", "ty_le_ket_nap_nha_nuoc", 100, "2026-12-31");
    await target("VC", "ty_le_htt_nha_nuoc", 90, "2026-11-30");
    const vc = await world.repos.units.byCode("VC");
    if (!vc) throw new Error("no VC");
    await world.repos.reminders.addTask(vc.id, "Nộp báo cáo sơ kết", "2026-07-01", null, world.now.toISOString());
    const officer = await world.personAt("VC", "officer");
    const han = await officer.says("/han");

    const members = UNIONS.reduce((s, u) => s + u.members, 0);
    const workers = UNIONS.reduce((s, u) => s + u.workers, 0);
    const rateMissing = oneDecimal(100 - oneDecimal((members * 100) / workers));
    const lines = [
      "• Việc “Nộp báo cáo sơ kết”: hạn 01/07/2026 (còn 16 ngày)",
      `• ${REFERRALS} (mỗi đơn vị ít nhất 1): hạn 20/07/2026 (còn 35 ngày), ${UNIONS.length} đơn vị chưa đạt`,
      "hạn 30/11/2026 (còn 168 ngày), còn thiếu 90 điểm phần trăm",
      `hạn 31/12/2026 (còn 199 ngày), còn thiếu ${vi(rateMissing)} điểm phần trăm`,
    ];
    const at = lines.map((line) => han.indexOf(line));
    expect(
      at.every((i) => i >= 0),
      han,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe("the allocation check and the forecast", () => {
  it("does not add up the rates given to the units below", async () => {
    await target("VC", "ty_le_ket_nap_nha_nuoc", 100, "2026-12-31");
    for (const u of UNIONS) await target(u.code, "ty_le_ket_nap_nha_nuoc", 100, "2026-12-31");
    const officer = await world.personAt("VC", "officer");
    const reply = await officer.says("tiến độ tỷ lệ kết nạp");
    expect(reply).toContain("Tỷ lệ kết nạp khu vực nhà nước");
    expect(reply).not.toContain("Phân bổ");
  });

  it("still warns when the counts given to the units below fall short of the district's", async () => {
    const parts = [20, 15];
    await target("VC", "thuc_tang", 50, "2026-12-31");
    for (const [i, u] of UNIONS.entries()) await target(u.code, "thuc_tang", parts[i] ?? 0, "2026-12-31");
    const officer = await world.personAt("VC", "officer");
    const reply = await officer.says("tiến độ thực tăng");
    expect(reply).toContain(`được giao ${parts[0]! + parts[1]!}/50`);
  });

  it("neither checks the allocation of a member total nor forecasts it", async () => {
    const total = UNIONS.reduce((s, u) => s + u.members, 0) + 10;
    await target("VC", "tong_doan_vien", total, "2026-12-31");
    const officer = await world.personAt("VC", "officer");
    const reply = await officer.says("tiến độ tổng số đoàn viên");
    expect(reply).toContain(`Tổng số đoàn viên: ${vi(total - 10)}/${vi(total)}`);
    expect(reply).not.toContain("🔮 Tổng số đoàn viên");
    expect(reply).not.toContain("Phân bổ");
  });
});
