// One unit: its targets and standing, its reports over time (undone ones struck through), its tasks, and
// its member lists awaiting approval.
import type { ReportEntry } from "#db/repositories/dashboard.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { UnitStanding } from "#domain/standing.ts";
import type { Translate } from "#src/i18n.ts";
import { day, numberIn } from "./format.ts";
import { Scroll } from "./layout.tsx";
import { TargetsTable } from "./targets-table.tsx";
import type { TaskLine } from "./tasks-page.tsx";

export interface UnitView {
  t: Translate;
  locale: string;
  base: string;
  unit: Unit;
  today: string;
  standing: UnitStanding;
  reports: ReportEntry[];
  tasks: TaskLine[];
  /** The unit's member lists awaiting approval (counts only), and whether the person reviews them. */
  memberLists: { lists: PendingList[]; reviewer: boolean };
  /** Whether the person may go back to an overview above this unit. */
  staff: boolean;
}

export interface PendingList {
  id: number;
  count: number;
  /** YYYY-MM-DD in the configured time zone: a list sent after 17:00 UTC was sent the next day in Vietnam. */
  sentOn: string;
}

/** Counts only: the members' names are shown in the chat, where each view is written to the audit log. */
function MemberLists(props: { t: Translate; lists: PendingList[]; reviewer: boolean }) {
  const { t, lists } = props;
  if (lists.length === 0)
    return (
      <p class="muted" id="member-lists">
        {t("web-unit-members-none")}
      </p>
    );
  return (
    <div id="member-lists">
      <ul>
        {lists.map((list) => (
          <li data-member-list={String(list.id)}>
            {t("web-unit-members-line", { id: list.id, count: list.count, date: day(list.sentOn) })}
          </li>
        ))}
      </ul>
      <p class="muted">{t(props.reviewer ? "web-unit-members-review" : "web-unit-members-waiting")}</p>
    </div>
  );
}

const EVENTS = new Set(["join", "leave", "found_union", "found_guild", "party_referral", "activity"]);

export function reportText(entry: ReportEntry, t: Translate, locale: string): string {
  const count = numberIn(locale)(Math.abs(entry.count));
  if (entry.reverses !== null) return t("web-report-undo", { id: entry.reverses });
  if (entry.event === "join" && entry.informal) return t("web-event-join-informal", { count });
  return EVENTS.has(entry.event)
    ? t(`web-event-${entry.event}`, { count })
    : t("web-event-other", { event: entry.event, count });
}

function Reports(props: UnitView) {
  const { t, reports, locale } = props;
  if (reports.length === 0) return <p class="muted">{t("web-unit-reports-none")}</p>;
  return (
    <Scroll label={t("web-unit-reports")}>
      <table id="reports">
        <thead>
          <tr>
            <th>{t("web-col-day")}</th>
            <th>{t("web-col-report")}</th>
            <th>{t("web-col-reporter")}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((entry) => {
            const text = reportText(entry, t, locale);
            const undone = entry.undoneBy !== null;
            return (
              <tr data-report={String(entry.id)} class={undone ? "undone" : undefined}>
                <td>{day(entry.occurredOn)}</td>
                <td>
                  {undone ? <del>{text}</del> : text}
                  {undone && <span class="muted"> ({t("web-report-undone")})</span>}
                </td>
                <td>{entry.reporter ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

function Tasks(props: UnitView) {
  const { t, tasks } = props;
  if (tasks.length === 0) return <p class="muted">{t("web-tasks-none")}</p>;
  return (
    <Scroll label={t("web-unit-tasks")}>
      <table id="unit-tasks">
        <thead>
          <tr>
            <th>{t("web-col-task")}</th>
            <th>{t("web-col-due")}</th>
            <th class="n">{t("web-col-progress")}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr>
              <td>{task.title}</td>
              <td>{day(task.dueOn)}</td>
              <td class={`n ${task.done.length === task.owing ? "reached" : ""}`}>
                {task.owing === 1
                  ? t(task.done.length === 1 ? "web-task-done" : "web-task-open")
                  : `${task.done.length}/${task.owing}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function UnitPage(props: UnitView) {
  const { t, unit, standing, base } = props;
  return (
    <>
      {props.staff && (
        <p>
          <a href={base || "/"}>{t("web-back-overview")}</a>
        </p>
      )}
      <h1>{t("web-overview-heading", { unit: unit.name, period: standing.period })}</h1>
      <p class="muted">
        {unit.code} · {t("web-as-of", { date: day(props.today) })} ·{" "}
        <a href={`${base}/xuat/don-vi/${unit.id}.xlsx`}>{t("web-download")}</a>
      </p>
      <h2>{t("web-unit-targets")}</h2>
      <TargetsTable standing={standing} t={t} locale={props.locale} />
      <h2>{t("web-unit-reports")}</h2>
      <Reports {...props} />
      <h2>{t("web-unit-tasks")}</h2>
      <Tasks {...props} />
      <h2>{t("web-unit-members")}</h2>
      <MemberLists t={t} {...props.memberLists} />
    </>
  );
}
