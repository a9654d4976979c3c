// The metric catalogue: built-in kinds from the plans, plus any an admin adds.
import type { Db } from "#db/client.ts";
import type { MetricKind, Sector } from "#db/schema.ts";

export interface Metric {
  key: string;
  name: string;
  kind: MetricKind;
  events: string[];
  sector: Sector | null;
  ratings: string[];
  builtin: boolean;
  /** The unit whose admin added it; null for built-in metrics and the operator's. */
  ownerUnitId: number | null;
}

export const BUILTIN_METRICS: Omit<Metric, "builtin" | "ownerUnitId">[] = [
  { key: "ket_nap", name: "Kết nạp đoàn viên", kind: "count", events: ["join"], sector: null, ratings: [] },
  // Departures are recorded with a negative count, so net growth is the plain sum of both.
  {
    key: "thuc_tang",
    name: "Phát triển thực tăng",
    kind: "count",
    events: ["join", "leave"],
    sector: null,
    ratings: [],
  },
  {
    key: "ket_nap_phi_chinh_thuc",
    name: "Kết nạp đoàn viên phi chính thức",
    kind: "count",
    events: ["join:informal"],
    sector: null,
    ratings: [],
  },
  { key: "thanh_lap_cdcs", name: "Thành lập CĐCS", kind: "count", events: ["found_union"], sector: null, ratings: [] },
  {
    key: "thanh_lap_nghiep_doan",
    name: "Thành lập nghiệp đoàn",
    kind: "count",
    events: ["found_guild"],
    sector: null,
    ratings: [],
  },
  {
    key: "gioi_thieu_dang",
    name: "Giới thiệu đoàn viên ưu tú cho Đảng",
    kind: "count",
    events: ["party_referral"],
    sector: null,
    ratings: [],
  },
  {
    key: "hoat_dong",
    name: "Hoạt động xã hội, văn hóa",
    kind: "count",
    events: ["activity"],
    sector: null,
    ratings: [],
  },
  { key: "tong_doan_vien", name: "Tổng số đoàn viên", kind: "members", events: [], sector: null, ratings: [] },
  {
    key: "ty_le_ket_nap_nha_nuoc",
    name: "Tỷ lệ kết nạp khu vực nhà nước",
    kind: "member_rate",
    events: [],
    sector: "state",
    ratings: [],
  },
  {
    key: "ty_le_ket_nap_ngoai_nha_nuoc",
    name: "Tỷ lệ kết nạp khu vực ngoài nhà nước",
    kind: "member_rate",
    events: [],
    sector: "non_state",
    ratings: [],
  },
  {
    key: "ty_le_htt_nha_nuoc",
    name: "CĐCS khu vực nhà nước hoàn thành tốt nhiệm vụ",
    kind: "rating_share",
    events: [],
    sector: "state",
    ratings: ["xuat_sac", "tot"],
  },
  {
    key: "ty_le_htt_ngoai_nha_nuoc",
    name: "CĐCS khu vực ngoài nhà nước hoàn thành tốt nhiệm vụ",
    kind: "rating_share",
    events: [],
    sector: "non_state",
    ratings: ["xuat_sac", "tot"],
  },
];

interface MetricRow extends Omit<Metric, "events" | "ratings" | "builtin"> {
  events: string;
  ratings: string;
  builtin: number;
}

export function metricRepository(db: Db) {
  const sqlite = db.$client;
  const upsert = sqlite.prepare(
    `insert into metrics (key, name, kind, events, sector, ratings, builtin, owner_unit_id)
     values (@key, @name, @kind, @events, @sector, @ratings, @builtin, @ownerUnitId)
     on conflict (key) do update set name = excluded.name, kind = excluded.kind, events = excluded.events,
       sector = excluded.sector, ratings = excluded.ratings, builtin = excluded.builtin,
       owner_unit_id = excluded.owner_unit_id`,
  );
  const dataVersion = sqlite.prepare("pragma data_version").pluck();
  const allStmt = sqlite.prepare(
    `select key, name, kind, events, sector, ratings, builtin, owner_unit_id as ownerUnitId
     from metrics order by builtin desc, rowid`,
  );
  let cache: Map<string, Metric> | undefined;
  // data_version moves when another connection (the operator CLI) commits: then the cache is stale.
  let seenVersion = -1;
  // Set by a write inside a transaction: until it ends, reads see the write but keep nothing, since it may
  // still be rolled back.
  let writtenUncommitted = false;
  const read = () =>
    new Map(
      (allStmt.all() as MetricRow[]).map((r) => [
        r.key,
        {
          ...r,
          events: JSON.parse(r.events) as string[],
          ratings: JSON.parse(r.ratings) as string[],
          builtin: r.builtin === 1,
        },
      ]),
    );

  const save = (metric: Metric) =>
    upsert.run({
      ...metric,
      events: JSON.stringify(metric.events),
      ratings: JSON.stringify(metric.ratings),
      builtin: metric.builtin ? 1 : 0,
    });

  return {
    /** Writes the built-in metrics; run at every start so their names follow the code. */
    ensureBuiltins(): void {
      sqlite.transaction(() => {
        for (const metric of BUILTIN_METRICS) save({ ...metric, builtin: true, ownerUnitId: null });
      })();
      cache = undefined;
    },
    all(): Map<string, Metric> {
      if (writtenUncommitted) {
        if (sqlite.inTransaction) return read();
        writtenUncommitted = false;
        cache = undefined;
      }
      const version = dataVersion.get() as number;
      if (version !== seenVersion) {
        seenVersion = version;
        cache = undefined;
      }
      cache ??= read();
      return cache;
    },
    get(key: string): Metric | undefined {
      return this.all().get(key);
    },
    /** Adds a metric, or changes one of the same key: who may do so is the caller's to check. */
    add(metric: Omit<Metric, "builtin" | "ownerUnitId">, ownerUnitId: number | null = null): void {
      save({ ...metric, builtin: false, ownerUnitId });
      cache = undefined;
      writtenUncommitted ||= sqlite.inTransaction;
    },
  };
}
