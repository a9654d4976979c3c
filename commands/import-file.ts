// A district admin sends an .xlsx or .csv of units or targets: check every row, show a summary,
// and apply it all or nothing when the admin confirms, only within the admin's own units.
import { readTableOffThread } from "#src/workbooks/read-table-off-thread.ts";
import { doerOf } from "#domain/audit.ts";
import { applyConfirmed, describeProblems, planImportInSlices, type ImportKind, type Row } from "#domain/import.ts";
import { storedRows, storeRows } from "#domain/import-payload.ts";
import { entryUnit } from "#domain/member-entry.ts";
import { reviewScopes } from "#domain/member-approval.ts";
import { checkCardFile, checkMemberFile, settleMemberFile } from "./member-import.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** A chat message lists this many bad rows; the rest are counted. */
const SHOWN_ERRORS = 25;
/** Files larger than this are not read: a province's units fit in far less. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

async function check(req: Request, services: Services): Promise<Reply> {
  const { repos, t } = services;
  const scope = req.actor?.adminUnit;
  // A chair sends member lists; district staff send card numbers; only admins send units and targets.
  const mayImportMembers = req.actor !== null && (entryUnit(req.actor) ?? reviewScopes(req.actor)[0]) !== undefined;
  if (!scope && !mayImportMembers) return reply(t("import-not-admin"));
  const document = req.document;
  if (!document) return reply(t("import-how"));
  if (document.data.byteLength > MAX_IMPORT_BYTES) return reply(t("import-too-big"));
  const table = await readTableOffThread(document.data, document.name);
  if (table.tooLarge) return reply(table.problems.join("\n"));
  if (!table.kind) return reply([t("import-unreadable"), ...table.problems].join("\n"));
  if (table.kind === "members") return checkMemberFile(req, services, table);
  if (table.kind === "cards") return checkCardFile(req, services, table);
  if (!scope) return reply(t("import-not-admin"));
  const plan = await planImportInSlices(table.kind, table.rows, repos, req.today, scope);
  if (plan.errors.length > 0) {
    const lines = plan.errors
      .slice(0, SHOWN_ERRORS)
      .map((e) => t("import-error-line", { line: e.line, reason: describeProblems(e, t) }));
    if (plan.errors.length > SHOWN_ERRORS)
      lines.push(t("import-more-errors", { count: plan.errors.length - SHOWN_ERRORS }));
    return reply(
      [
        t("import-has-errors", { count: plan.errors.length, rows: table.rows.length }),
        ...lines,
        "",
        t("import-fix-and-resend"),
      ].join("\n"),
    );
  }
  if (plan.rows.length === 0) return reply(t("import-empty"));
  const id = await storeRows(
    repos,
    { personId: req.actor?.personId ?? 0, kind: table.kind, now: req.now.toISOString() },
    table.rows,
  );
  return reply(t(`import-summary-${table.kind}`, { added: plan.added, changed: plan.changed, scope: scope.name }), [
    { label: t("button-import-confirm"), action: `import:${id}:yes` },
    { label: t("button-import-cancel"), action: `import:${id}:no` },
  ]);
}

async function settle(req: Request, services: Services): Promise<Reply> {
  const { repos, t } = services;
  const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
  const pending = await repos.pendingImports.get(Number(idText));
  if (!pending || !req.actor || pending.personId !== req.actor.personId) return reply(t("action-expired"));
  if (pending.kind === "members" || pending.kind === "cards") {
    if (pending.settledAt !== null) return reply(t("import-already-settled"));
    return settleMemberFile(req, services, pending, answer);
  }
  // An allocation is confirmed like a targets file, but its answers speak of the allocation.
  const allocation = pending.kind === "allocation";
  const kind = (allocation ? "targets" : pending.kind) as ImportKind;
  if (pending.settledAt !== null) return reply(t(allocation ? "allocate-already-settled" : "import-already-settled"));
  if (answer !== "yes") {
    await repos.transaction(async () => {
      if (await repos.pendingImports.settle(pending.id, req.now.toISOString()))
        await repos.pendingImports.dropParts(pending.id);
    });
    return reply(t("import-cancelled"));
  }
  const scope = req.actor?.adminUnit;
  if (!scope) return reply(t("import-not-admin"));
  // Checked again: units or targets may have changed since the file was read. The check lets other
  // requests in between its slices.
  const rows = await storedRows<Row>(repos, pending);
  const plan = await planImportInSlices(kind, rows, repos, req.today, scope);
  if (plan.errors.length > 0)
    return reply(t(allocation ? "allocate-stale" : "import-stale", { count: plan.errors.length }));
  // Settled once however many presses; a long file is then written a chunk at a time (see applyConfirmed).
  const applied = await applyConfirmed(pending.id, req.now.toISOString(), plan, repos, {
    by: { who: doerOf(req), via: allocation ? "allocation" : "file" },
    today: req.today,
    scopeUnitId: scope.id,
  });
  if (!applied) return reply(t(allocation ? "allocate-already-settled" : "import-already-settled"));
  const done = allocation ? "allocate-done" : `import-done-${plan.kind}`;
  return reply(t(done, { added: plan.added, changed: plan.changed, count: plan.added + plan.changed }));
}

export const importFile: Command = {
  intents: [],
  actions: ["import"],
  slash: ["nhap", "nhapexcel"],
  files: true,
  run(req, services) {
    return req.actionArg !== undefined ? settle(req, services) : check(req, services);
  },
};
