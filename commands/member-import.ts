// Member lists and card-number files sent in chat: a chair's .xlsx or .csv of members (Họ và tên, Ngày sinh,
// Giới tính, Số CCCD, Quê quán, Ngày vào công đoàn…) or a district's card numbers, checked whole, every bad
// row named, and applied all or nothing after "Xác nhận nhập". The held file is sealed: it holds ID numbers.
import type { PendingImport } from "#db/repositories/pending-imports.ts";
import type { Unit } from "#db/repositories/units.ts";
import { doerOf } from "#domain/audit.ts";
import type { Row, RowError } from "#domain/import.ts";
import { reviewScopes } from "#domain/member-approval.ts";
import { addMembers, consentOf, entryUnit } from "#domain/member-entry.ts";
import { applyCards, planCards, planMembers } from "#domain/member-import.ts";
import type { MemberVault } from "#domain/member-vault.ts";
import type { ReadTable } from "#src/workbooks/read-table.ts";
import { vaultOr } from "./member-register.ts";
import { reply, type Reply, type Request, type Services } from "./types.ts";

const SHOWN_ERRORS = 25;

/** Every bad row, by line, the first 25 in full. */
export function rowErrorLines(errors: RowError[], rows: number, t: Services["t"]): string {
  const lines = errors
    .slice(0, SHOWN_ERRORS)
    .map((e) => t("import-error-line", { line: e.line, reason: e.problems.map((p) => t(p.key, p.args)).join(" ") }));
  if (errors.length > SHOWN_ERRORS) lines.push(t("import-more-errors", { count: errors.length - SHOWN_ERRORS }));
  return [t("import-has-errors", { count: errors.length, rows }), ...lines, "", t("import-fix-and-resend")].join("\n");
}

function hold(req: Request, services: Services, vault: MemberVault, kind: string, payload: unknown): Promise<number> {
  const sealed = vault.seal("draft", JSON.stringify(payload));
  return Promise.resolve(
    services.repos.pendingImports.create(req.actor?.personId ?? 0, kind, sealed, req.now.toISOString()),
  );
}

/** A member list from a chair or officer of a grassroots unit. */
export async function checkMemberFile(req: Request, services: Services, table: ReadTable): Promise<Reply> {
  const { t, repos } = services;
  const unit = req.actor && entryUnit(req.actor);
  if (!unit) return reply(t("member-not-grassroots"));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  if ((await consentOf(repos, unit.id)) === undefined)
    return reply(t("member-consent-needed", { unit: unit.name }), [
      { label: t("button-member-consent"), action: `consent:${unit.id}` },
    ]);
  const plan = await planMembers(table.rows, { repos, vault, unit, today: req.today });
  if (plan.errors.length > 0) return reply(rowErrorLines(plan.errors, table.rows.length, t));
  if (plan.members.length === 0) return reply(t("import-empty"));
  const id = await hold(req, services, vault, "members", { unitId: unit.id, rows: table.rows });
  const save =
    plan.sensitive > 0
      ? [
          { label: t("button-member-save-sensitive"), action: `import:${id}:sens` },
          { label: t("button-member-save-plain"), action: `import:${id}:yes` },
        ]
      : [{ label: t("button-import-confirm"), action: `import:${id}:yes` }];
  const text = t("member-file-summary", { count: plan.members.length, unit: unit.name, sensitive: plan.sensitive });
  return reply(text, [...save, { label: t("button-import-cancel"), action: `import:${id}:no` }]);
}

/** Card numbers from district staff, for approved members of their subtree. */
export async function checkCardFile(req: Request, services: Services, table: ReadTable): Promise<Reply> {
  const { t, repos } = services;
  const [scope] = req.actor ? reviewScopes(req.actor) : [];
  if (!scope) return reply(t("member-export-not-staff"));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const plan = await planCards(table.rows, { repos, vault, scope });
  if (plan.errors.length > 0) return reply(rowErrorLines(plan.errors, table.rows.length, t));
  if (plan.cards.length === 0) return reply(t("import-empty"));
  const id = await hold(req, services, vault, "cards", { unitId: scope.id, rows: table.rows });
  return reply(t("member-cards-summary", { count: plan.cards.length, unit: scope.name }), [
    { label: t("button-import-confirm"), action: `import:${id}:yes` },
    { label: t("button-import-cancel"), action: `import:${id}:no` },
  ]);
}

/** "import:<id>:yes|sens|no" on a held member list or card file: checked again, then written whole. */
export async function settleMemberFile(req: Request, services: Services, pending: PendingImport, answer: string) {
  const { t, repos } = services;
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  if (answer !== "yes" && answer !== "sens") {
    await repos.pendingImports.settle(pending.id, req.now.toISOString());
    return reply(t("import-cancelled"));
  }
  const held = openHeld(vault, pending.payload);
  const unit = held && (await repos.units.byId(held.unitId));
  if (!held || !unit || !req.actor) return reply(t("action-expired"));
  return pending.kind === "cards"
    ? settleCards(req, services, { pending, vault, unit, rows: held.rows })
    : settleMembers(req, services, { pending, vault, unit, rows: held.rows, sensitive: answer === "sens" });
}

/** The held file, or undefined when it no longer opens (a rotated key): its rows must never reach an error log. */
function openHeld(vault: MemberVault, payload: string): { unitId: number; rows: Row[] } | undefined {
  try {
    return JSON.parse(vault.open("draft", payload)) as { unitId: number; rows: Row[] };
  } catch {
    return undefined;
  }
}

interface Held {
  pending: PendingImport;
  vault: MemberVault;
  unit: Unit;
  rows: Row[];
}

async function settleMembers(req: Request, services: Services, held: Held & { sensitive: boolean }): Promise<Reply> {
  const { t, repos } = services;
  const { vault, unit } = held;
  if (!req.actor || entryUnit(req.actor)?.id !== unit.id) return reply(t("action-expired"));
  const consentId = await consentOf(repos, unit.id);
  const plan = await planMembers(held.rows, { repos, vault, unit, today: req.today });
  if (plan.errors.length > 0 || consentId === undefined) return reply(t("import-stale", { count: plan.errors.length }));
  if (!(await repos.pendingImports.settle(held.pending.id, req.now.toISOString())))
    return reply(t("import-already-settled"));
  const members = plan.members.map(({ member }) => ({ member, sensitiveConsent: held.sensitive }));
  const { listId } = await addMembers(repos, vault, unit, members, { who: doerOf(req), consentId, via: "file" });
  const count = await repos.members.listSize(listId);
  return reply(t("member-file-done", { added: members.length, unit: unit.name, count }));
}

async function settleCards(req: Request, services: Services, held: Held): Promise<Reply> {
  const { t, repos } = services;
  const [scope] = req.actor ? reviewScopes(req.actor) : [];
  if (!scope || scope.id !== held.unit.id) return reply(t("action-expired"));
  const plan = await planCards(held.rows, { repos, vault: held.vault, scope });
  if (plan.errors.length > 0) return reply(t("import-stale", { count: plan.errors.length }));
  if (!(await repos.pendingImports.settle(held.pending.id, req.now.toISOString())))
    return reply(t("import-already-settled"));
  await applyCards(repos, plan, scope, doerOf(req));
  return reply(t("member-cards-done", { count: plan.cards.length }));
}
