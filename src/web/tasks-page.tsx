// Tasks set in a subtree, and which of the units each asks something of have done it.
import type { Unit } from "#db/repositories/units.ts";
import type { Translate } from "#src/i18n.ts";
import { day } from "./format.ts";
import { Scroll } from "./layout.tsx";

export interface TaskLine {
  id: number;
  title: string;
  dueOn: string;
  /** How many units the task asks something of, within what the person sees. */
  owing: number;
  done: Unit[];
  open: Unit[];
}

function UnitList(props: { label: string; units: Unit[]; base: string }) {
  if (props.units.length === 0) return null;
  return (
    <details>
      <summary>{`${props.label} (${props.units.length})`}</summary>
      <ul>
        {props.units.map((unit) => (
          <li>
            <a href={`${props.base}/don-vi/${unit.id}`}>{unit.name}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TasksPage(props: { t: Translate; base: string; top: Unit; tasks: TaskLine[] }) {
  const { t, tasks, base } = props;
  return (
    <>
      <h1>{t("web-tasks-heading", { unit: props.top.name })}</h1>
      {tasks.length === 0 ? null : (
        <p class="muted">
          <a href={`${base}/xuat/nhiem-vu.xlsx`}>{t("web-download")}</a>
        </p>
      )}
      {tasks.length === 0 ? (
        <p class="notice">{t("web-tasks-none")}</p>
      ) : (
        <Scroll label={t("web-nav-tasks")}>
          <table id="tasks">
            <thead>
              <tr>
                <th>{t("web-col-task")}</th>
                <th>{t("web-col-due")}</th>
                <th class="n">{t("web-col-progress")}</th>
                <th>{t("web-col-unit")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr data-task={String(task.id)}>
                  <td>{task.title}</td>
                  <td>{day(task.dueOn)}</td>
                  <td class="n">{`${task.done.length}/${task.owing}`}</td>
                  <td>
                    <UnitList label={t("web-task-units-done")} units={task.done} base={base} />
                    <UnitList label={t("web-task-units-open")} units={task.open} base={base} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </>
  );
}
