// What the dashboard's pages and downloads are made of, read for a person through the same domain functions
// the chat uses: standings, the report table, tasks and announcements.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import type { Actor } from "#domain/actor.ts";
import { dayOf } from "#domain/calendar.ts";
import { unitTable } from "#domain/dashboard.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import type { PolicyService } from "#domain/reminder-policy.ts";
import { metricSheet } from "#domain/report-sheets.ts";
import { periodOf, type StandingService } from "#domain/standing.ts";
import { unitsOwing } from "#domain/tasks.ts";
import { standingBars } from "#src/charts/standing-bars.ts";
import type { ProgressBar } from "#src/charts/progress-chart.ts";
import type { ReportSheet } from "#src/workbooks/report-workbook.ts";
import type { AnnouncementLine } from "./announcements-page.tsx";
import type { TaskLine } from "./tasks-page.tsx";
import { selectRows, type UnitQuery } from "./units-query.ts";

export interface ViewServices {
  repos: Repositories;
  standing: StandingService;
  policies: PolicyService;
  timeZone: string;
}

/** The units table of a subtree, filtered and sorted as asked, with the metrics it can show. */
export async function unitsView(services: ViewServices, top: Unit, query: UnitQuery, today: string) {
  const table = await unitTable(services.repos, services, top, query.metric, today);
  const known = await services.repos.metrics.all();
  const metrics = table.metrics.map((key) => ({ key, name: known.get(key)?.name ?? key }));
  return { ...table, metrics, total: table.rows.length, rows: selectRows(table.rows, query) };
}

/** The units table as the chat's export lays out a metric's sheet, the top unit's own line as the totals. */
export async function unitsSheet(
  services: ViewServices,
  top: Unit,
  query: UnitQuery,
  today: string,
): Promise<ReportSheet> {
  const view = await unitsView(services, top, query, today);
  const metric = await services.repos.metrics.get(view.metric);
  const tallies = await services.repos.ledger.tallies(top.id, periodOf(today));
  const target = await services.repos.targets.find(top.id, view.metric, periodOf(today));
  const standing = target && metric ? await services.standing.measure(top, metric, target, today, tallies) : null;
  const done = metric ? metric.events.reduce((sum, e) => sum + (tallies.get(e) ?? 0), 0) : 0;
  const name = metric?.name ?? view.metric;
  return metricSheet(top, today, name, view.rows, { unit: top, depth: -1, standing, done });
}

/** The chart of the overview: the units below on the metric most of them were given, else the unit's targets. */
export async function overviewBars(services: ViewServices, unit: Unit, today: string): Promise<ProgressBar[]> {
  const standing = await services.standing.ofUnit(unit, today);
  if (isLeaf(unit)) return standingBars([], standing.targets);
  const given = await services.repos.targets.childMetrics(unit.id, periodOf(today));
  const metric = given[0] ?? standing.targets[0]?.metric;
  const children = metric ? await services.standing.children(unit, metric, today) : [];
  return standingBars(children, standing.targets);
}

/** Tasks that apply to a unit or were set below it, with the units of its subtree that have done each. */
export async function taskLines(repos: Repositories, top: Unit): Promise<TaskLine[]> {
  const tasks = new Map(
    [...(await repos.reminders.tasksFor(lineage(top))), ...(await repos.reminders.tasksInSubtree(top))].map((t) => [
      t.id,
      t,
    ]),
  );
  const done = await repos.dashboard.tasksDone([...tasks.keys()]);
  const lines: TaskLine[] = [];
  for (const task of tasks.values()) {
    const owner = await repos.units.byId(task.unitId);
    if (!owner) continue;
    // A task set above the person's unit asks something of every unit of their subtree, no more.
    const scope = owner.path.startsWith(top.path) ? owner : top;
    const owing = await unitsOwing(repos, scope);
    const doneBy = done.get(task.id) ?? new Set<number>();
    lines.push({
      id: task.id,
      title: task.title,
      dueOn: task.dueOn,
      owing: owing.length,
      done: owing.filter((u) => doneBy.has(u.id)),
      open: owing.filter((u) => !doneBy.has(u.id)),
    });
  }
  return lines.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
}

export async function announcementLines(repos: Repositories, top: Unit, timeZone: string): Promise<AnnouncementLine[]> {
  const lines: AnnouncementLine[] = [];
  for (const broadcast of await repos.dashboard.broadcastsIn(top.path, 100)) {
    const counts = await repos.outbox.broadcastCounts(broadcast.id);
    const unit = await repos.units.byId(broadcast.unitId);
    lines.push({
      id: broadcast.id,
      sentAt: dayOf(new Date(broadcast.confirmedAt ?? broadcast.createdAt), timeZone),
      unit: unit?.name ?? "",
      text: broadcast.text,
      recipients: broadcast.recipients,
      delivered: counts.delivered,
      failed: counts.failed + counts.blocked,
      pending: counts.pending,
    });
  }
  return lines;
}

/** The unit a person's dashboard opens on: their highest post. */
export function topUnitOf(actor: Actor): Unit {
  return actor.home.unit;
}
