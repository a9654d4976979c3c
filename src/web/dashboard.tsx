// The web dashboard: the subtree at a glance for district staff, a unit's page for a chair. Signed in through
// the chat (/web), scoped by the same access rules, and mounted by server.ts beside the webhooks.
import { Hono } from "hono";
import type { Actor } from "#domain/actor.ts";
import { dayOf } from "#domain/calendar.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { mayReview } from "#domain/member-approval.ts";
import { renderProgressChartAsync } from "#src/charts/progress-chart.ts";
import { AnnouncementsPage } from "./announcements-page.tsx";
import { day } from "./format.ts";
import { exportRoutes } from "./exports.ts";
import { forbiddenPage, kitOf, signedOutPage, type DashboardOptions, type Guards, type Kit } from "./kit.tsx";
import { Notice, Page, STYLES } from "./layout.tsx";
import { loginRoutes } from "./login-routes.tsx";
import { OverviewPage } from "./overview-page.tsx";
import { headers, signedIn, type DashboardEnv } from "./session.ts";

export type { DashboardOptions };
import { TasksPage } from "./tasks-page.tsx";
import { UnitPage } from "./unit-page.tsx";
import { UnitsTable } from "./units-page.tsx";
import { readQuery } from "./units-query.ts";
import { announcementLines, overviewBars, taskLines, topUnitOf, unitsView } from "./views.ts";

/** In the demo the chat page holds "/", so the dashboard lives below this. */
export const DEMO_DASHBOARD_BASE = "/quanly";

export function dashboardRoutes(options: DashboardOptions): Hono {
  const kit = kitOf(options);
  const app = new Hono<DashboardEnv>().basePath(options.base || "/");
  const secured = headers(kit.secure);
  app.get("/app.css", (c) =>
    c.body(STYLES, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" }),
  );
  loginRoutes(app, kit);
  const page = [secured, signedIn(kit.repos, kit.secure, kit.clock, (c) => signedOutPage(kit, c))] as const;
  overviewRoutes(app, kit, page);
  unitRoutes(app, kit, page);
  exportRoutes(app, kit, page);
  // Never a stack trace, and never the address in a log: a login link's address holds its token.
  app.onError((_error, c) => {
    const shell = kit.shell(c);
    return c.html(<Notice {...shell} title={shell.t("web-title")} text={shell.t("web-not-found")} />, 400);
  });
  return app as unknown as Hono;
}

/** A chair has one page: their unit's. */
const unitPageOf = (kit: Kit, actor: Actor) => `${kit.base}/don-vi/${topUnitOf(actor).id}`;

function overviewRoutes(app: Hono<DashboardEnv>, kit: Kit, guards: Guards): void {
  app.get("/", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    if (isLeaf(top)) return c.redirect(unitPageOf(kit, actor), 303);
    const shell = kit.shell(c, actor);
    const standing = await kit.standing.ofUnit(top, kit.today());
    return c.html(
      <Page {...shell} tab="overview" title={top.name}>
        <OverviewPage {...shell} today={kit.today()} standing={standing} chart={true} />
      </Page>,
    );
  });

  app.get("/bieu-do.png", ...guards, async (c) => {
    const top = topUnitOf(c.get("actor"));
    const bars = await overviewBars(kit, top, kit.today());
    const { t } = kit.shell(c, c.get("actor"));
    const png = await renderProgressChartAsync({
      title: top.name,
      subtitle: t("web-as-of", { date: day(kit.today()) }),
      bars,
    });
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { "content-type": "image/png" });
  });

  app.get("/nhiem-vu", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    if (isLeaf(top)) return c.redirect(unitPageOf(kit, actor), 303);
    const shell = kit.shell(c, actor);
    const tasks = await taskLines(kit.repos, top);
    return c.html(
      <Page {...shell} tab="tasks" title={shell.t("web-nav-tasks")}>
        <TasksPage {...shell} top={top} tasks={tasks} />
      </Page>,
    );
  });

  app.get("/thong-bao", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    if (isLeaf(top)) return c.redirect(unitPageOf(kit, actor), 303);
    const shell = kit.shell(c, actor);
    const lines = await announcementLines(kit.repos, top, kit.timeZone);
    return c.html(
      <Page {...shell} tab="announcements" title={shell.t("web-nav-announcements")}>
        <AnnouncementsPage {...shell} top={top} lines={lines} />
      </Page>,
    );
  });
}

function unitRoutes(app: Hono<DashboardEnv>, kit: Kit, guards: Guards): void {
  app.get("/don-vi", ...guards, async (c) => {
    const actor = c.get("actor");
    const query = readQuery((name) => c.req.query(name));
    const asked = query.unit ? await kit.repos.units.byId(query.unit) : topUnitOf(actor);
    if (!asked || !actor.canSee(asked)) return forbiddenPage(kit, c);
    if (isLeaf(asked)) return c.redirect(`${kit.base}/don-vi/${asked.id}`, 303);
    const shell = kit.shell(c, actor);
    const view = await unitsView(kit, asked, query, kit.today());
    return c.html(
      <Page {...shell} tab="units" title={shell.t("web-nav-units")}>
        <UnitsTable
          {...shell}
          top={asked}
          query={query}
          metric={view.metric}
          metrics={view.metrics}
          rows={view.rows}
          total={view.total}
        />
      </Page>,
    );
  });

  app.get("/don-vi/:id{[0-9]+}", ...guards, async (c) => {
    const actor = c.get("actor");
    const unit = await kit.repos.units.byId(Number(c.req.param("id")));
    if (!unit || !actor.canSee(unit)) return forbiddenPage(kit, c);
    const shell = kit.shell(c, actor);
    const today = kit.today();
    const [reports, tasks] = await Promise.all([
      kit.repos.dashboard.reportsOf(unit.id, 50),
      taskLines(kit.repos, unit),
    ]);
    const standing = await kit.standing.ofUnit(unit, today);
    const pending = await kit.repos.members.lists(unit.path, "pending");
    const memberLists = {
      lists: pending
        .filter((list) => list.unitId === unit.id)
        .map((list) => ({ id: list.id, count: list.count, sentOn: dayOf(new Date(list.createdAt), kit.timeZone) })),
      reviewer: mayReview(actor, unit),
    };
    return c.html(
      <Page {...shell} tab="units" title={unit.name}>
        <UnitPage
          {...shell}
          unit={unit}
          today={today}
          standing={standing}
          reports={reports}
          tasks={tasks}
          memberLists={memberLists}
          staff={shell.staff ?? false}
        />
      </Page>,
    );
  });
}
