// What the units table shows of its rows: filtered by sector, flag and name (with or without diacritics),
// sorted by a column, a page of 200 at a time. Read from the address, so every view is a plain link.
import type { UnitRow } from "#domain/dashboard.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";

export const PAGE_SIZE = 200;
export const SORTS = ["tree", "name", "done", "target", "percent", "missing", "last"] as const;
export type Sort = (typeof SORTS)[number];
export const FLAGS = ["behind", "silent", "nochair"] as const;
export type Flag = (typeof FLAGS)[number];
export const SECTOR_FILTERS = ["state", "non_state", "informal", "none"] as const;

export interface UnitQuery {
  metric?: string;
  sector?: (typeof SECTOR_FILTERS)[number];
  flag?: Flag;
  q?: string;
  sort: Sort;
  desc: boolean;
  page: number;
  /** The unit whose subtree is shown; the person's own top unit when absent. */
  unit?: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((item) => item === value);

export function readQuery(query: (name: string) => string | undefined): UnitQuery {
  const page = Number(query("trang") ?? 1);
  const unit = Number(query("unit"));
  const metric = query("metric");
  const q = query("q")?.trim().slice(0, 100);
  const sector = oneOf(SECTOR_FILTERS, query("sector"));
  const flag = oneOf(FLAGS, query("flag"));
  return {
    ...(metric && /^[a-z0-9_]{1,64}$/.test(metric) ? { metric } : {}),
    ...(sector ? { sector } : {}),
    ...(flag ? { flag } : {}),
    ...(q ? { q } : {}),
    sort: oneOf(SORTS, query("sort")) ?? "tree",
    desc: query("dir") === "desc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
    ...(Number.isInteger(unit) && unit > 0 ? { unit } : {}),
  };
}

/** The address of a view of the table: the query with some parts changed, empty parts left out. */
export function queryString(query: UnitQuery, change: Partial<UnitQuery> = {}): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.unit) params.set("unit", String(merged.unit));
  if (merged.metric) params.set("metric", merged.metric);
  if (merged.sector) params.set("sector", merged.sector);
  if (merged.flag) params.set("flag", merged.flag);
  if (merged.q) params.set("q", merged.q);
  if (merged.sort !== "tree") params.set("sort", merged.sort);
  if (merged.desc) params.set("dir", "desc");
  if (merged.page > 1) params.set("trang", String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function hasFlag(row: UnitRow, flag: Flag): boolean {
  if (flag === "behind") return row.behind;
  if (flag === "silent") return row.silentDays !== null;
  return row.hasChair === false;
}

const sortKey: Record<Exclude<Sort, "tree" | "name">, (row: UnitRow) => number | string> = {
  done: (row) => row.standing?.done ?? row.done,
  target: (row) => row.standing?.target ?? -1,
  percent: (row) => row.standing?.percent ?? -1,
  missing: (row) => row.standing?.missing ?? -1,
  last: (row) => row.lastReport ?? "",
};

/** The rows that pass the filters, in the asked order. */
export function selectRows(rows: UnitRow[], query: UnitQuery): UnitRow[] {
  const wanted = query.q ? foldWords(query.q) : "";
  const picked = rows.filter(
    (row) =>
      (!query.sector || (row.unit.sector ?? "none") === query.sector) &&
      (!query.flag || hasFlag(row, query.flag)) &&
      (!wanted || foldWords(`${row.unit.name} ${row.unit.code}`).includes(wanted)),
  );
  if (query.sort === "tree") return query.desc ? picked.reverse() : picked;
  const sign = query.desc ? -1 : 1;
  const collator = new Intl.Collator("vi");
  if (query.sort === "name") return picked.sort((a, b) => sign * collator.compare(a.unit.name, b.unit.name));
  const key = sortKey[query.sort];
  return picked.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (x < y ? -1 : x > y ? 1 : 0) || collator.compare(a.unit.name, b.unit.name);
  });
}

export function pageOf<T>(rows: T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const at = Math.min(page, pages);
  return { rows: rows.slice((at - 1) * PAGE_SIZE, at * PAGE_SIZE), page: at, pages };
}
