// "/xuatdanhsach": district staff download the approved members of their subtree for the national software.
import { doerOf } from "#domain/audit.ts";
import { reviewScopes } from "#domain/member-approval.ts";
import { exportMembers, memberFileName } from "#domain/member-export.ts";
import { vaultOr } from "./member-register.ts";
import { reply, type Command } from "./types.ts";

export const memberExport: Command = {
  intents: [],
  slash: ["xuatdanhsach"],
  async run(req, services) {
    const { t, repos } = services;
    const [scope] = req.actor ? reviewScopes(req.actor) : [];
    if (!scope) return reply(t("member-export-not-staff"));
    const vault = await vaultOr(services);
    if (!("seal" in vault)) return vault;
    const { data, count } = await exportMembers(repos, vault, scope, doerOf(req));
    if (count === 0) return reply(t("member-export-empty", { unit: scope.name }));
    return {
      text: t("member-export-ready", { unit: scope.name, count }),
      file: {
        name: memberFileName(scope, req.today),
        data,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    };
  },
};
