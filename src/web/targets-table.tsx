// A unit's targets as the chat states them: done, target, share, missing, deadline and pace.
import type { TargetStanding, UnitStanding } from "#domain/standing.ts";
import type { Translate } from "#src/i18n.ts";
import { day, numberIn, paceOf } from "./format.ts";
import { Scroll } from "./layout.tsx";

export function TargetsTable(props: { standing: UnitStanding; t: Translate; locale: string }) {
  const { standing, t } = props;
  const n = numberIn(props.locale);
  if (standing.targets.length === 0)
    return <p class="notice">{t("web-no-targets", { unit: standing.unit.name, period: standing.period })}</p>;
  const unitOf = (s: TargetStanding) => (s.measure === "percent" ? "%" : "");
  return (
    <Scroll label={t("web-targets-heading")}>
      <table id="targets">
        <thead>
          <tr>
            <th>{t("web-col-metric")}</th>
            <th class="n">{t("web-col-missing")}</th>
            <th class="n">{t("web-col-done")}</th>
            <th class="n">{t("web-col-target")}</th>
            <th class="n">{t("web-col-percent")}</th>
            <th>{t("web-col-deadline")}</th>
            <th>{t("web-col-pace")}</th>
          </tr>
        </thead>
        <tbody>
          {standing.targets.map((s) => {
            const pace = paceOf(s);
            return (
              <tr data-metric={s.metric}>
                <td>
                  {s.name}
                  {s.setBy && <div class="muted">{s.setBy}</div>}
                </td>
                <td class="n missing">{`${n(s.missing)}${unitOf(s)}`}</td>
                <td class="n">
                  {s.scope === "each"
                    ? t("web-each-units", { reached: s.done, total: s.unitsTotal ?? 0 })
                    : `${n(s.done)}${unitOf(s)}`}
                </td>
                <td class="n">{`${n(s.target)}${unitOf(s)}`}</td>
                <td class="n">{`${n(s.percent)}%`}</td>
                <td>{day(s.deadline)}</td>
                <td class={pace ?? undefined}>{pace ? t(`web-pace-${pace}`) : t("web-pace-none")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}
