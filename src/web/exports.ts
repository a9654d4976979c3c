// The dashboard's tables as .xlsx, laid out like the chat's export (the same workbook writer), each
// download written to the audit log.
import type { Hono } from "hono";
import type { Unit } from "#db/repositories/units.ts";
import type { Actor } from "#domain/actor.ts";
import { audit } from "#domain/audit.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { reportFileName, reportSheets } from "#domain/report-sheets.ts";
import { writeListWorkbook, type ListSheet } from "#src/workbooks/list-workbook.ts";
import { writeReportWorkbook, type ReportSheet } from "#src/workbooks/report-workbook.ts";
import { forbiddenPage, type Guards, type Kit } from "./kit.tsx";
import type { DashboardEnv } from "./session.ts";
import { readQuery } from "./units-query.ts";
import { announcementSheet, taskSheets } from "./list-sheets.ts";
import { announcementLines, taskLines, topUnitOf, unitsSheet } from "./views.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const report = async (sheets: ReportSheet[]) => ({ data: await writeReportWorkbook(sheets), sheets: sheets.length });
const list = async (sheets: ListSheet[]) => ({ data: await writeListWorkbook(sheets), sheets: sheets.length });

/** A written workbook sent as a download, the export written to the audit log first. */
async function workbook(
  kit: Kit,
  actor: Actor,
  unit: Unit,
  book: { data: Uint8Array; sheets: number },
  table: string,
  name: string,
) {
  const { data } = book;
  const who = { at: kit.clock(), personId: actor.personId, platform: "web", account: null };
  await audit(kit.repos, who, "workbook_exported", unit, { after: { sheets: book.sheets, table } });
  return new Response(data as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}

export function exportRoutes(app: Hono<DashboardEnv>, kit: Kit, guards: Guards): void {
  // The chat's /xuatbaocao, for the person's top unit: one sheet per metric.
  app.get("/xuat/tong-quan.xlsx", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    const sheets = await reportSheets(kit.repos, top, kit.today());
    if (sheets.length === 0) return c.redirect(kit.base || "/", 303);
    return workbook(kit, actor, top, await report(sheets), "overview", reportFileName(top, kit.today()));
  });

  // The units table as shown: its metric, filters and order.
  app.get("/xuat/don-vi.xlsx", ...guards, async (c) => {
    const actor = c.get("actor");
    const query = readQuery((name) => c.req.query(name));
    const unit = query.unit ? await kit.repos.units.byId(query.unit) : topUnitOf(actor);
    if (!unit || !actor.canSee(unit) || isLeaf(unit)) return forbiddenPage(kit, c);
    const sheet = await unitsSheet(kit, unit, { ...query, page: 1 }, kit.today());
    return workbook(kit, actor, unit, await report([sheet]), "units", `don-vi-${unit.code}-${kit.today()}.xlsx`);
  });

  // The tasks and announcements pages as shown, for the person's top unit.
  app.get("/xuat/nhiem-vu.xlsx", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    if (isLeaf(top)) return forbiddenPage(kit, c);
    const sheets = taskSheets(top, kit.today(), await taskLines(kit.repos, top));
    return workbook(kit, actor, top, await list(sheets), "tasks", `nhiem-vu-${top.code}-${kit.today()}.xlsx`);
  });

  app.get("/xuat/thong-bao.xlsx", ...guards, async (c) => {
    const actor = c.get("actor");
    const top = topUnitOf(actor);
    if (isLeaf(top)) return forbiddenPage(kit, c);
    const sheet = announcementSheet(top, kit.today(), await announcementLines(kit.repos, top, kit.timeZone));
    return workbook(kit, actor, top, await list([sheet]), "announcements", `thong-bao-${top.code}-${kit.today()}.xlsx`);
  });

  app.get("/xuat/don-vi/:file{[0-9]+\\.xlsx}", ...guards, async (c) => {
    const actor = c.get("actor");
    const unit = await kit.repos.units.byId(Number.parseInt(c.req.param("file"), 10));
    if (!unit || !actor.canSee(unit)) return forbiddenPage(kit, c);
    const sheets = await reportSheets(kit.repos, unit, kit.today());
    if (sheets.length === 0) return c.redirect(`${kit.base}/don-vi/${unit.id}`, 303);
    return workbook(kit, actor, unit, await report(sheets), "unit", reportFileName(unit, kit.today()));
  });
}
