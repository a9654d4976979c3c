// "/xuatbaocao", "xuất báo cáo": an .xlsx of the asker's subtree, laid out like a report's appendix table.
import { audit, doerOf } from "#domain/audit.ts";
import { reportFileName, reportSheets } from "#domain/report-sheets.ts";
import { writeReportWorkbook } from "#src/workbooks/report-workbook.ts";
import { askedUnit, isReply } from "./asked-unit.ts";
import { reply, type Command } from "./types.ts";

export const exportReport: Command = {
  intents: ["export"],
  slash: ["xuatbaocao", "baocao"],
  async run(req, services) {
    const { repos, t } = services;
    const unit = await askedUnit(req, services);
    if (isReply(unit)) return unit;
    const sheets = await reportSheets(repos, unit, req.today);
    if (sheets.length === 0) return reply(t("export-no-targets", { unit: unit.name }));
    const data = await writeReportWorkbook(sheets);
    await audit(repos, doerOf(req), "workbook_exported", unit, { after: { sheets: sheets.length } });
    return {
      text: t("export-ready", { unit: unit.name, sheets: sheets.length }),
      file: {
        name: reportFileName(unit, req.today),
        data,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    };
  },
};
