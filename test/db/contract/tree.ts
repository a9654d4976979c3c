// A small unit tree the contract suites share: a nation, two provinces, a district, grassroots unions.
import type { LedgerEntryInput } from "#db/repositories/ledger.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Sector, UnitKind } from "#db/schema.ts";
import type { Repos } from "./backends.ts";

export interface Tree {
  nation: Unit;
  hanoi: Unit;
  hue: Unit;
  district: Unit;
  /** Two grassroots unions of the district, a state one and a non-state one, and a guild. */
  a: Unit;
  b: Unit;
  guild: Unit;
  /** A grassroots union straight under Huế. */
  c: Unit;
}

export async function unit(
  repos: Repos,
  code: string,
  name: string,
  parentCode: string | null,
  kind: UnitKind,
  sector: Sector | null = null,
  members = 0,
  workers = 0,
): Promise<Unit> {
  return repos.units.upsert({ code, name, parentCode, kind, sector, members, workers });
}

export async function tree(repos: Repos): Promise<Tree> {
  const nation = await unit(repos, "VN", "Tổng Liên đoàn Lao động Việt Nam", null, "national");
  const hanoi = await unit(repos, "HN", "LĐLĐ thành phố Hà Nội", "VN", "province");
  const hue = await unit(repos, "HUE", "LĐLĐ thành phố Huế", "VN", "province");
  const district = await unit(repos, "HN-BD", "LĐLĐ quận Ba Đình", "HN", "district");
  const a = await unit(repos, "A", "CĐCS Trường Kim Long", "HN-BD", "grassroots", "state", 40, 100);
  const b = await unit(repos, "B", "CĐCS Công ty May Đức Giang", "HN-BD", "grassroots", "non_state", 200, 500);
  const guild = await unit(repos, "G", "Nghiệp đoàn xe ôm Ba Đình", "HN-BD", "guild", "informal", 15, 60);
  const c = await unit(repos, "C", "CĐCS Bệnh viện Trung ương Huế", "HUE", "grassroots", "state", 300, 400);
  return { nation, hanoi, hue, district, a, b, guild, c };
}

/** A unit's ancestors and itself, root first, as the ledger wants them. */
export const lineageOf = (unit: Unit): number[] => unit.path.split("/").filter(Boolean).map(Number);

/** A report's ledger entry for a unit: `count` admissions on 30 April 2026, from message `source`. */
export const entry = (
  unit: Unit,
  count: number,
  source: string,
  more: Partial<LedgerEntryInput> = {},
): LedgerEntryInput => ({
  unitId: unit.id,
  lineage: lineageOf(unit),
  event: "join",
  count,
  informal: false,
  occurredOn: "2026-04-30",
  reporterId: null,
  source,
  ...more,
});
