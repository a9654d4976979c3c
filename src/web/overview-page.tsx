// The overview of the person's top unit: its targets as the chat gives them, and the progress chart.
import type { UnitStanding } from "#domain/standing.ts";
import type { Translate } from "#src/i18n.ts";
import { day } from "./format.ts";
import { TargetsTable } from "./targets-table.tsx";

export function OverviewPage(props: {
  t: Translate;
  locale: string;
  base: string;
  today: string;
  standing: UnitStanding;
  chart: boolean;
}) {
  const { t, standing, base } = props;
  const unit = standing.unit;
  return (
    <>
      <h1>{t("web-overview-heading", { unit: unit.name, period: standing.period })}</h1>
      <p class="muted">
        {t("web-as-of", { date: day(props.today) })} · <a href={`${base}/xuat/tong-quan.xlsx`}>{t("web-download")}</a>
      </p>
      <h2>{t("web-targets-heading")}</h2>
      <TargetsTable standing={standing} t={t} locale={props.locale} />
      {props.chart && (
        <>
          <h2>{t("web-chart-heading")}</h2>
          <img
            class="chart"
            src={`${base}/bieu-do.png`}
            alt={t("web-chart-alt", { unit: unit.name })}
            width="750"
            loading="lazy"
          />
        </>
      )}
      <p>
        <a class="button" href={`${base}/don-vi`}>
          {t("web-nav-units")} ›
        </a>
      </p>
    </>
  );
}
