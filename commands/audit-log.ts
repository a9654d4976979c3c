// "/nhatky": a district admin reads who changed what in their subtree, newest first, a page at a time.
import type { AuditEntry } from "#db/repositories/audit.ts";
import { dayOf, viDate } from "#domain/calendar.ts";
import { timeOf } from "#domain/local-time.ts";
import { reply, type Command, type Translate } from "./types.ts";

export const AUDIT_PAGE = 20;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** "giá trị: 20 → 30; hạn: 31/12/2026": what changed, field by field. */
function changes(entry: AuditEntry, t: Translate): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => {
      const label = t("audit-field", { field });
      if (!(field in before)) return `${label}: ${shown(after[field])}`;
      return `${label}: ${shown(before[field])} → ${shown(after[field])}`;
    })
    .join("; ");
}

function line(entry: AuditEntry, t: Translate, timeZone: string): string {
  const at = new Date(entry.at);
  const changed = changes(entry, t);
  return t("audit-line", {
    when: `${viDate(dayOf(at, timeZone))} ${timeOf(at, timeZone)}`,
    who: entry.personName ?? t("audit-operator"),
    platform: entry.platform,
    what: t("audit-kind", { kind: entry.kind }),
    unit: entry.unitName ?? "—",
    changes: changed ? `: ${changed}` : "",
  });
}

export const auditLog: Command = {
  intents: [],
  slash: ["nhatky"],
  actions: ["nhatky"],
  async run(req, { repos, t, timeZone }) {
    const unit = req.actor?.adminUnit;
    if (!unit) return reply(t("audit-not-admin"));
    const beforeId = req.actionArg ? Number(req.actionArg) : undefined;
    const page = await repos.audit.read({
      within: unit,
      limit: AUDIT_PAGE + 1,
      ...(beforeId && Number.isSafeInteger(beforeId) ? { beforeId } : {}),
    });
    const entries = page.slice(0, AUDIT_PAGE);
    if (entries.length === 0) return reply(t(beforeId ? "audit-no-more" : "audit-empty", { unit: unit.name }));
    const heading = t(beforeId ? "audit-heading-more" : "audit-heading", { unit: unit.name });
    const last = entries.at(-1);
    const more =
      page.length > AUDIT_PAGE && last ? [{ label: t("button-audit-more"), action: `nhatky:${last.id}` }] : [];
    return reply([heading, ...entries.map((entry) => line(entry, t, timeZone))].join("\n"), more);
  },
};
