// "/xuatbaocao", "xuất báo cáo": an .xlsx of the asker's subtree, laid out like a report's appendix table.
import { reportFileName, reportSheets } from "../src/domain/report-sheets.ts";
import { lookUpUnit } from "../src/domain/unit-lookup.ts";
import { writeReportWorkbook } from "../src/workbooks/report-workbook.ts";
import { severalText } from "./standing-text.ts";
import { reply, type Command } from "./types.ts";

export const exportReport: Command = {
  intents: [],
  slash: ["xuatbaocao", "baocao"],
  async run(req, { repos, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const named = req.args ?? req.parse.unit;
    const lookup = lookUpUnit(actor, named, repos, true);
    if (lookup.kind === "several") return reply(severalText(lookup, t));
    if (lookup.kind !== "found") return reply(t("ask-outside", { named: named ?? "", unit: actor.home.unit.name }));
    const sheets = reportSheets(repos, lookup.unit, req.today);
    if (sheets.length === 0) return reply(t("export-no-targets", { unit: lookup.unit.name }));
    const data = await writeReportWorkbook(sheets);
    return {
      text: t("export-ready", { unit: lookup.unit.name, sheets: sheets.length }),
      file: { name: reportFileName(lookup.unit, req.today), data, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };
  },
};
