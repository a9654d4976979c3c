// Announcements sent in a subtree, with how many reached their people and how many could not be sent.
import type { Unit } from "#db/repositories/units.ts";
import type { Translate } from "#src/i18n.ts";
import { day, numberIn } from "./format.ts";
import { Scroll } from "./layout.tsx";

export interface AnnouncementLine {
  id: number;
  sentAt: string;
  unit: string;
  text: string;
  recipients: number;
  delivered: number;
  failed: number;
  pending: number;
}

export function AnnouncementsPage(props: {
  t: Translate;
  locale: string;
  base: string;
  top: Unit;
  lines: AnnouncementLine[];
}) {
  const { t, lines } = props;
  const n = numberIn(props.locale);
  return (
    <>
      <h1>{t("web-announcements-heading", { unit: props.top.name })}</h1>
      {lines.length === 0 ? null : (
        <p class="muted">
          <a href={`${props.base}/xuat/thong-bao.xlsx`}>{t("web-download")}</a>
        </p>
      )}
      {lines.length === 0 ? (
        <p class="notice">{t("web-announcements-none")}</p>
      ) : (
        <Scroll label={t("web-nav-announcements")}>
          <table id="announcements">
            <thead>
              <tr>
                <th>{t("web-col-sent")}</th>
                <th>{t("web-col-unit")}</th>
                <th>{t("web-col-text")}</th>
                <th class="n">{t("web-col-recipients")}</th>
                <th class="n">{t("web-col-delivered")}</th>
                <th class="n">{t("web-col-failed")}</th>
                <th class="n">{t("web-col-pending")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr data-announcement={String(line.id)}>
                  <td>{day(line.sentAt)}</td>
                  <td>{line.unit}</td>
                  <td>{line.text}</td>
                  <td class="n">{n(line.recipients)}</td>
                  <td class="n delivered">{n(line.delivered)}</td>
                  <td class={`n failed ${line.failed > 0 ? "behind" : ""}`}>{n(line.failed)}</td>
                  <td class="n">{n(line.pending)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </>
  );
}
