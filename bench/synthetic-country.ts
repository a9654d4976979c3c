// The benchmark's country: a union tree of the requested size and a stream of ledger rows over it,
// both drawn from a seeded random source so that every build is the same.
import type { Target } from "#db/repositories/targets.ts";
import type { Sector, UnitKind } from "#db/schema.ts";
import { seededRandom, weightedIndex, type Random } from "./seeded-random.ts";
import { districtUnionName, leafUnionName, PROVINCES, provinceUnionName, type LeafSector } from "./vietnamese-names.ts";

export interface Scale {
  name: string;
  units: number;
  provinces: number;
  districts: number;
  ledgerRows: number;
}

export const SCALES = {
  full: { name: "full", units: 131_000, provinces: 63, districts: 700, ledgerRows: 10_000_000 },
  quick: { name: "quick", units: 13_000, provinces: 63, districts: 70, ledgerRows: 1_000_000 },
  /** For checking the bulk seed against ledger.record row by row. */
  tiny: { name: "tiny", units: 400, provinces: 4, districts: 12, ledgerRows: 30_000 },
} satisfies Record<string, Scale>;

/** The day the benchmark takes as "today": mid-year, so targets are part done and deadlines ahead. */
export const BENCH_TODAY = "2026-06-15";
export const BENCH_NOW = new Date(`${BENCH_TODAY}T03:00:00.000Z`);
/** The ledger covers last year and this year up to today. */
const FIRST_DAY = "2025-01-01";
export const PERIODS = ["2025", "2026"] as const;

/** Seeded reports carry update ids 100,000,000 and up: same width, so their text order is their number order. */
export const FIRST_SEEDED_UPDATE_ID = 100_000_000;

export interface PlannedUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  kind: UnitKind;
  sector: Sector | null;
  members: number;
  workers: number;
  path: string;
  depth: number;
}

export interface Country {
  units: PlannedUnit[];
  targets: Target[];
  /** Ids of the grassroots units and guilds: where reports come from. */
  leaves: number[];
}

export const LEVELS = ["national", "province", "district", "grassroots"] as const;
export type Level = (typeof LEVELS)[number];

function isLeafKind(kind: UnitKind): boolean {
  return kind === "grassroots" || kind === "guild";
}

/** Splits `total` into `parts` counts of at least `minimum`, in proportion to the weights. */
function apportion(total: number, weights: number[], minimum: number, random: Random): number[] {
  const counts = weights.map(() => minimum);
  const draw = weightedIndex(weights);
  for (let left = total - minimum * weights.length; left > 0; left--) {
    const i = draw(random);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

export function planCountry(scale: Scale, seed = 2026): Country {
  const random = seededRandom(seed);
  const units: PlannedUnit[] = [];
  const add = (unit: Omit<PlannedUnit, "id" | "path" | "depth">): PlannedUnit => {
    const id = units.length + 1;
    const parent = unit.parentId === null ? undefined : units[unit.parentId - 1];
    const planned: PlannedUnit = {
      ...unit,
      id,
      path: parent ? `${parent.path}${id}/` : `/${id}/`,
      depth: parent ? parent.depth + 1 : 0,
    };
    units.push(planned);
    return planned;
  };

  const root = add({
    code: "VN",
    name: "Tổng Liên đoàn Lao động Việt Nam",
    parentId: null,
    kind: "national",
    sector: null,
    members: 0,
    workers: 0,
  });
  const provinceList = PROVINCES.slice(0, scale.provinces);
  const provinces = provinceList.map(([name, city], i) =>
    add({
      code: `P${String(i + 1).padStart(2, "0")}`,
      name: provinceUnionName(name, city),
      parentId: root.id,
      kind: "province",
      sector: null,
      members: 0,
      workers: 0,
    }),
  );

  const districtCounts = apportion(
    scale.districts,
    provinceList.map(([, , w]) => w),
    1,
    random,
  );
  const districts: PlannedUnit[] = [];
  provinces.forEach((province, p) => {
    const city = provinceList[p]?.[1] ?? false;
    for (let d = 0; d < (districtCounts[p] ?? 0); d++) {
      districts.push(
        add({
          code: `${province.code}-D${String(d + 1).padStart(2, "0")}`,
          name: districtUnionName(random, city),
          parentId: province.id,
          kind: "district",
          sector: null,
          members: 0,
          workers: 0,
        }),
      );
    }
  });

  // Industrial districts hold many more unions than rural ones: log-normal weights.
  const leafTotal = scale.units - units.length;
  const leafCounts = apportion(
    leafTotal,
    districts.map(() => Math.exp(0.7 * random.normal())),
    5,
    random,
  );
  const leaves: number[] = [];
  districts.forEach((district, d) => {
    for (let c = 0; c < (leafCounts[d] ?? 0); c++) {
      const roll = random.next();
      const sector: LeafSector = roll < 0.6 ? "non_state" : roll < 0.92 ? "state" : "informal";
      const workers =
        sector === "non_state"
          ? clamp(150 * Math.exp(1.1 * random.normal()), 40, 40_000)
          : sector === "state"
            ? clamp(40 * Math.exp(0.8 * random.normal()), 40, 3_000)
            : clamp(60 * Math.exp(0.6 * random.normal()), 40, 800);
      const share = sector === "informal" ? 0.3 + 0.5 * random.next() : 0.55 + 0.4 * random.next();
      const leaf = add({
        code: `${district.code}-${sector === "informal" ? "N" : "C"}${String(c + 1).padStart(4, "0")}`,
        name: leafUnionName(random, sector),
        parentId: district.id,
        kind: sector === "informal" ? "guild" : "grassroots",
        sector,
        members: Math.round(workers * share),
        workers,
      });
      leaves.push(leaf.id);
    }
  });

  return { units, targets: planTargets(units, random), leaves };
}

/** Admission targets on every unit, the roll-up levels' being the sum below them; a few other metrics here and there. */
function planTargets(units: PlannedUnit[], random: Random): Target[] {
  const targets: Target[] = [];
  const add = (unitId: number, metric: string, period: string, value: number, deadline: string | null) =>
    targets.push({ unitId, metric, period, value, deadline, scope: "total", planId: null });
  for (const period of PERIODS) {
    const ketNap = new Map<number, number>();
    // Children come after their parents in `units`, so walking backwards sums every subtree first.
    for (let i = units.length - 1; i >= 0; i--) {
      const unit = units[i];
      if (!unit) continue;
      const own = isLeafKind(unit.kind)
        ? Math.max(1, Math.round(unit.workers * (0.3 + 0.7 * random.next())))
        : Math.round((ketNap.get(unit.id) ?? 0) * (1 + 0.1 * random.next()));
      if (unit.parentId !== null) ketNap.set(unit.parentId, (ketNap.get(unit.parentId) ?? 0) + own);
      const early = isLeafKind(unit.kind) && random.next() < 0.2;
      add(unit.id, "ket_nap", period, own, early ? `${period}-09-30` : `${period}-12-31`);
      if (unit.sector === "non_state" && random.next() < 0.4) {
        add(unit.id, "thuc_tang", period, Math.max(1, Math.round(own * 0.6)), null);
      }
      if (unit.sector === "state" && random.next() < 0.3) {
        add(unit.id, "gioi_thieu_dang", period, random.between(1, 3), `${period}-07-20`);
      }
      if (!isLeafKind(unit.kind)) {
        add(unit.id, "thuc_tang", period, Math.round(own * 0.5), null);
        add(unit.id, "thanh_lap_cdcs", period, random.between(5, 60), null);
      }
    }
  }
  return targets;
}

export function levelOf(unit: Pick<PlannedUnit, "depth">): Level {
  return LEVELS[Math.min(unit.depth, 3)] ?? "grassroots";
}

/** One ledger row as the bulk seed writes it; `reverses` rows undo the row before them. */
export interface PlannedLedgerRow {
  id: number;
  unitId: number;
  event: string;
  count: number;
  informal: boolean;
  occurredOn: string;
  period: string;
  source: string;
  /** The update that carried the report, for processed_updates; null for an undo. */
  updateId: number | null;
  reverses: number | null;
  undoneBy: number | null;
  createdAt: string;
}

function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Calls `emit` for `total` ledger rows in time order: reports from leaves in proportion to their workers,
 * mostly small admissions, some departures (negative), some Party referrals, and now and then an undo.
 */
export function planLedger(country: Country, total: number, emit: (row: PlannedLedgerRow) => void, seed = 7): void {
  const random = seededRandom(seed);
  const leaves = country.leaves.map((id) => country.units[id - 1]).filter((u): u is PlannedUnit => u !== undefined);
  const drawLeaf = weightedIndex(leaves.map((u) => u.workers));
  const days = daysFrom(FIRST_DAY, BENCH_TODAY);
  let updateId = FIRST_SEEDED_UPDATE_ID;
  let id = 1;
  while (id <= total) {
    const day = days[Math.min(days.length - 1, Math.floor(((id - 1) * days.length) / total))] ?? BENCH_TODAY;
    const createdAt = `${day}T0${random.between(1, 9)}:${String(random.int(60)).padStart(2, "0")}:00.000Z`;
    const unit = leaves[drawLeaf(random)];
    if (!unit) throw new Error("no leaf drawn");
    const roll = random.next();
    const guild = unit.kind === "guild";
    let event = "join";
    let count = 1 + Math.floor(random.next() ** 3 * 7);
    if (roll < 0.15) {
      event = "leave";
      count = -(1 + Math.floor(random.next() ** 2 * 3));
    } else if (!guild && roll < 0.19) {
      event = "party_referral";
      count = 1;
    }
    const undone = id < total && random.next() < 0.004;
    const row: PlannedLedgerRow = {
      id,
      unitId: unit.id,
      event,
      count,
      informal: guild && event === "join",
      occurredOn: day,
      period: day.slice(0, 4),
      source: `telegram:${updateId}`,
      updateId,
      reverses: null,
      undoneBy: undone ? id + 1 : null,
      createdAt,
    };
    emit(row);
    updateId++;
    id++;
    if (undone) {
      emit({ ...row, id, count: -count, source: `undo:${row.id}`, updateId: null, reverses: row.id, undoneBy: null });
      id++;
    }
  }
}
