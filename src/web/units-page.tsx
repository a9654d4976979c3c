// The units table: every unit below, on one metric, with its flags; filters and sorting are plain links
// and a GET form, so it works without JavaScript.
import type { Unit } from "#db/repositories/units.ts";
import type { UnitRow } from "#domain/dashboard.ts";
import type { Translate } from "#src/i18n.ts";
import { day, numberIn, paceOf } from "./format.ts";
import { Scroll } from "./layout.tsx";
import { FLAGS, pageOf, queryString, SECTOR_FILTERS, type Sort, type UnitQuery } from "./units-query.ts";

export interface UnitsView {
  t: Translate;
  locale: string;
  base: string;
  top: Unit;
  query: UnitQuery;
  metric: string;
  metrics: { key: string; name: string }[];
  /** The rows after filtering and sorting, before paging. */
  rows: UnitRow[];
  total: number;
}

function Filters(props: UnitsView) {
  const { t, query, base } = props;
  return (
    <form class="filters" method="get" action={`${base}/don-vi`}>
      {query.unit && <input type="hidden" name="unit" value={String(query.unit)} />}
      <label>
        {t("web-filter-metric")}
        <select name="metric">
          {props.metrics.map((m) => (
            <option value={m.key} selected={m.key === props.metric}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("web-filter-sector")}
        <select name="sector">
          <option value="">{t("web-filter-all")}</option>
          {SECTOR_FILTERS.map((s) => (
            <option value={s} selected={s === query.sector}>
              {t(`web-sector-${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("web-filter-flag")}
        <select name="flag">
          <option value="">{t("web-filter-all")}</option>
          {FLAGS.map((f) => (
            <option value={f} selected={f === query.flag}>
              {t(`web-flag-${f === "nochair" ? "no-chair" : f}`, { days: 30 })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("web-filter-search")}
        <input type="search" name="q" value={query.q ?? ""} placeholder={t("web-filter-search-hint")} />
      </label>
      <button type="submit">{t("web-filter-apply")}</button>
    </form>
  );
}

function SortHeader(props: UnitsView & { sort: Sort; label: string; numeric?: boolean }) {
  const { query, sort, label, base } = props;
  const on = query.sort === sort;
  const desc = on ? !query.desc : sort !== "name";
  const href = `${base}/don-vi${queryString(query, { sort, desc, page: 1 })}`;
  return (
    <th class={props.numeric ? "n" : undefined} aria-sort={on ? (query.desc ? "descending" : "ascending") : undefined}>
      <a href={href} title={props.t("web-sort-by", { column: label })} data-sort={sort}>
        {label}
        {on ? (query.desc ? " ▼" : " ▲") : ""}
      </a>
    </th>
  );
}

function Flags(props: { row: UnitRow; t: Translate }) {
  const { row, t } = props;
  return (
    <>
      {row.behind && <span class="flag">{t("web-flag-behind")}</span>}
      {row.silentDays !== null && <span class="flag silent">{t("web-flag-silent", { days: row.silentDays })}</span>}
      {row.hasChair === false && <span class="flag nochair">{t("web-flag-no-chair")}</span>}
    </>
  );
}

function Row(props: { row: UnitRow; view: UnitsView }) {
  const { row, view } = props;
  const { t, base } = view;
  const n = numberIn(view.locale);
  const s = row.standing;
  const pace = s && paceOf(s);
  const pct = s?.measure === "percent" ? "%" : "";
  return (
    <tr data-unit={String(row.unit.id)}>
      <td class="name">
        <a href={`${base}/don-vi/${row.unit.id}`}>{row.unit.name}</a>
        <div class="muted">{row.unit.code}</div>
      </td>
      <td class="n missing">{s ? `${n(s.missing)}${pct}` : ""}</td>
      <td class="n done">{`${n(s ? s.done : row.done)}${pct}`}</td>
      <td class="n">{s ? `${n(s.target)}${pct}` : ""}</td>
      <td class="n">{s ? `${n(s.percent)}%` : ""}</td>
      <td class={pace ?? undefined}>{pace ? t(`web-pace-${pace}`) : ""}</td>
      <td>{row.lastReport ? day(row.lastReport) : <span class="muted">{t("web-never")}</span>}</td>
      <td>{row.hasChair === null ? "" : t(row.hasChair ? "web-chair-yes" : "web-chair-no")}</td>
      <td>
        <Flags row={row} t={t} />
      </td>
      <td>{row.unit.sector ? t(`web-sector-${row.unit.sector}`) : ""}</td>
    </tr>
  );
}

export function UnitsTable(props: UnitsView) {
  const { t, query, base } = props;
  const page = pageOf(props.rows, query.page);
  const sortable = (sort: Sort, label: string, numeric = false) => (
    <SortHeader {...props} sort={sort} label={label} numeric={numeric} />
  );
  return (
    <>
      <h1>{t("web-units-heading", { unit: props.top.name })}</h1>
      <Filters {...props} />
      <p class="muted">
        {t("web-units-count", { shown: props.rows.length, total: props.total })} ·{" "}
        <a href={`${base}/xuat/don-vi.xlsx${queryString(query, { page: 1 })}`}>{t("web-download")}</a>
      </p>
      {props.rows.length === 0 ? (
        <p class="notice">{t("web-units-none")}</p>
      ) : (
        <Scroll label={t("web-units-heading", { unit: props.top.name })}>
          <table id="units">
            <thead>
              <tr>
                {sortable("name", t("web-col-unit"))}
                {sortable("missing", t("web-col-missing"), true)}
                {sortable("done", t("web-col-done"), true)}
                {sortable("target", t("web-col-target"), true)}
                {sortable("percent", t("web-col-percent"), true)}
                <th>{t("web-col-pace")}</th>
                {sortable("last", t("web-col-last-report"))}
                <th>{t("web-col-chair")}</th>
                <th>{t("web-col-flags")}</th>
                <th>{t("web-col-sector")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <Row row={row} view={props} />
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {page.pages > 1 && (
        <p class="pager">
          {page.page > 1 && (
            <a href={`${base}/don-vi${queryString(query, { page: page.page - 1 })}`}>{t("web-prev")}</a>
          )}
          <span>{t("web-page", { page: page.page, pages: page.pages })}</span>
          {page.page < page.pages && (
            <a href={`${base}/don-vi${queryString(query, { page: page.page + 1 })}`} rel="next">
              {t("web-next")}
            </a>
          )}
        </p>
      )}
    </>
  );
}
