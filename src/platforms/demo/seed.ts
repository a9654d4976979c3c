// Demo data for the tokenless demo, drawn from LĐLĐ TP Thủ Đức's 2024 programme (8 guilds and their
// admission targets, the district's targets) and moved to the current year. The grassroots unions
// and the reports are illustrative, and the page says so.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import { addDays, dayOf } from "#domain/calendar.ts";
import { createInvite } from "#domain/invites.ts";

export const DEMO_PERSONAS = {
  chair: { telegramId: 910_001, name: "Chủ tịch CĐCS (demo)", unitCode: "TD-CDCS-01", role: "chair" as const },
  officer: { telegramId: 910_002, name: "Cán bộ LĐLĐ (demo)", unitCode: "TD", role: "admin" as const },
};
export type DemoPersona = keyof typeof DEMO_PERSONAS;

const GUILDS: [string, string, number][] = [
  ["TD-ND-XEOM", "Nghiệp đoàn xe ôm thành phố Thủ Đức", 20],
  ["TD-ND-THUCAN", "Nghiệp đoàn kinh doanh thức ăn đường phố", 10],
  ["TD-ND-BABANH", "Nghiệp đoàn xe mô tô 3 bánh", 20],
  ["TD-ND-GIUPVIEC", "Nghiệp đoàn giúp việc nhà", 20],
  ["TD-ND-XEOMCN", "Nghiệp đoàn xe ôm công nghệ", 10],
  ["TD-ND-GIUTRE", "Nghiệp đoàn giữ trẻ", 15],
  ["TD-ND-TOCNAIL", "Nghiệp đoàn hớt tóc làm nail", 10],
  ["TD-ND-TIEUTHUONG", "Nghiệp đoàn tiểu thương", 20],
];

// [code, name, sector, members, workers, ket_nap target]
const GRASSROOTS: [string, string, "state" | "non_state", number, number, number][] = [
  ["TD-CDCS-01", "CĐCS Công ty TNHH May Linh Xuân", "non_state", 412, 520, 60],
  ["TD-CDCS-02", "CĐCS Công ty CP Cơ khí Trường Thọ", "non_state", 230, 310, 40],
  ["TD-CDCS-03", "CĐCS Công ty TNHH Điện tử Hiệp Phú", "non_state", 880, 1_150, 150],
  ["TD-CDCS-04", "CĐCS Trường THCS Bình Chiểu", "state", 58, 60, 2],
  ["TD-CDCS-05", "CĐCS Bệnh viện Đa khoa khu vực Thủ Đức", "state", 940, 965, 20],
];

export async function seedDemo(repos: Repositories, now: Date, timeZone: string): Promise<void> {
  const today = dayOf(now, timeZone);
  const year = today.slice(0, 4);
  await repos.transaction(async () => {
    await seedDistrict(repos, year);
    const units = await seedUnits(repos, year);
    await seedReports(repos, units, today, now.toISOString());
    await seedPersonas(repos, now);
  });
}

/** The province, the district and the district's targets from its programme. */
async function seedDistrict(repos: Repositories, year: string): Promise<void> {
  await repos.units.upsert({
    code: "HCM",
    name: "LĐLĐ TP Hồ Chí Minh",
    parentCode: null,
    kind: "province",
    sector: null,
    members: 0,
    workers: 0,
  });
  const district = await repos.units.upsert({
    code: "TD",
    name: "LĐLĐ TP Thủ Đức",
    parentCode: "HCM",
    kind: "district",
    sector: null,
    members: 0,
    workers: 0,
  });
  const end = `${year}-12-31`;
  await repos.targets.upsert({ unitId: district.id, metric: "thuc_tang", period: year, value: 12_000, deadline: end });
  await repos.targets.upsert({
    unitId: district.id,
    metric: "ket_nap_phi_chinh_thuc",
    period: year,
    value: 100,
    deadline: end,
  });
  await repos.targets.upsert({ unitId: district.id, metric: "thanh_lap_cdcs", period: year, value: 60, deadline: end });
  await repos.targets.upsert({
    unitId: district.id,
    metric: "thanh_lap_nghiep_doan",
    period: year,
    value: 1,
    deadline: end,
  });
  // "Giới thiệu đoàn viên ưu tú ... trước 20/7/2024", moved to this year.
  await repos.targets.upsert({
    unitId: district.id,
    metric: "gioi_thieu_dang",
    period: year,
    value: 1_578,
    deadline: `${year}-07-20`,
  });
}

/** The guilds and grassroots unions below the district, each with its admission target. */
async function seedUnits(repos: Repositories, year: string): Promise<Unit[]> {
  const end = `${year}-12-31`;
  const units: Unit[] = [];
  for (const [code, name, target] of GUILDS) {
    const unit = await repos.units.upsert({
      code,
      name,
      parentCode: "TD",
      kind: "guild",
      sector: "informal",
      members: 0,
      workers: 0,
    });
    await repos.targets.upsert({ unitId: unit.id, metric: "ket_nap", period: year, value: target, deadline: end });
    units.push(unit);
  }
  for (const [code, name, sector, members, workers, target] of GRASSROOTS) {
    const unit = await repos.units.upsert({
      code,
      name,
      parentCode: "TD",
      kind: "grassroots",
      sector,
      members,
      workers,
    });
    await repos.targets.upsert({ unitId: unit.id, metric: "ket_nap", period: year, value: target, deadline: end });
    await repos.targets.upsert({
      unitId: unit.id,
      metric: "gioi_thieu_dang",
      period: year,
      value: 1,
      deadline: `${year}-07-20`,
    });
    units.push(unit);
  }
  return units;
}

async function seedReports(repos: Repositories, units: Unit[], today: string, nowIso: string): Promise<void> {
  const year = today.slice(0, 4);
  // A year of reports: some units on pace, some behind, one silent.
  const reports: [number, number, number][] = [
    [0, 12, 40],
    [0, 5, 12],
    [1, 3, 30],
    [2, 6, 25],
    [3, 2, 60],
    [4, 1, 90],
    [5, 4, 20],
    [6, 2, 7],
    [8, 18, 150],
    [8, 9, 45],
    [9, 7, 100],
    [10, 38, 120],
    [10, 44, 60],
    [12, 8, 200],
    [12, 3, 30],
  ];
  for (const [i, [index, count, daysAgo]] of reports.entries()) {
    const unit = units[index];
    if (!unit) continue;
    const occurredOn = addDays(today, -daysAgo);
    if (occurredOn.slice(0, 4) !== year) continue;
    const informal = unit.kind === "guild";
    await repos.ledger.record(
      [
        {
          unitId: unit.id,
          lineage: lineage(unit),
          event: "join",
          count,
          informal,
          occurredOn,
          reporterId: null,
          source: `demo:${i}`,
        },
      ],
      nowIso,
    );
  }
  const shrinking = units[8];
  if (shrinking) {
    const occurredOn = addDays(today, -35);
    await repos.ledger.record(
      [
        {
          unitId: shrinking.id,
          lineage: lineage(shrinking),
          event: "leave",
          count: -4,
          informal: false,
          occurredOn,
          reporterId: null,
          source: "demo:leave",
        },
      ],
      nowIso,
    );
  }
}

/** The demo's chair and officer, linked to their units as if they had redeemed an invite. */
async function seedPersonas(repos: Repositories, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  for (const persona of Object.values(DEMO_PERSONAS)) {
    const unit = await repos.units.byCode(persona.unitCode);
    if (!unit) continue;
    const { code } = await createInvite(repos, unit, persona.role, now);
    const invite = await repos.people.invite(code);
    if (!invite) continue;
    const id = String(persona.telegramId);
    await repos.people.redeem(invite, { platform: "telegram", externalId: id, chatId: id }, persona.name, nowIso);
  }
}
