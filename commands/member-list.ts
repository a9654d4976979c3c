// "/danhsachdv": a unit's members, for those entitled to see them: its own chair and officers, or staff above it
// ("/danhsachdv <mã đơn vị>"). ID numbers masked; every view logged with the records shown.
import { audit, doerOf } from "#domain/audit.ts";
import { viDate } from "#domain/calendar.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { entryUnit } from "#domain/member-entry.ts";
import { openMember } from "#domain/member-register.ts";
import { maskIdNumber } from "#domain/member-vault.ts";
import { vaultOr } from "./member-register.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

/** Lines shown at most; the export has them all. */
const SHOWN = 50;

async function unitList(req: Request, services: Services): Promise<Reply> {
  const { t, repos } = services;
  if (!req.actor) return reply(t("not-linked"));
  const code = (req.args ?? "").trim();
  const named = code ? await repos.units.byCode(code) : entryUnit(req.actor);
  if (!named) return reply(t(code ? "member-list-unknown" : "member-list-how", { code }));
  if (!isLeaf(named) || !req.actor.canSee(named)) return reply(t("member-list-unknown", { code: code || named.code }));
  const vault = await vaultOr(services);
  if (!("seal" in vault)) return vault;
  const rows = await repos.members.ofUnit(named.id);
  const shown = rows.slice(0, SHOWN);
  await audit(repos, doerOf(req), "member_list_viewed", named, { after: { members: shown.map((r) => r.id) } });
  if (rows.length === 0) return reply(t("member-list-empty", { unit: named.name }));
  const lines = shown.map((row, i) => {
    const m = openMember(vault, row);
    const line = t("member-line", {
      n: i + 1,
      name: m.fullName,
      gender: t("member-gender", { gender: m.gender ?? "female" }),
      birth: m.birthDate ? viDate(m.birthDate) : "—",
      masked: maskIdNumber(m.idNumber),
      hometown: m.hometown || "—",
      joined: viDate(m.joinedOn),
    });
    return `${line} · ${t("member-list-state", { approval: m.approval, status: m.status })}`;
  });
  if (rows.length > SHOWN) lines.push(t("member-list-more", { count: rows.length - SHOWN }));
  return reply([t("member-list-heading", { unit: named.name, count: rows.length }), ...lines].join("\n"));
}

export const memberList: Command = {
  intents: [],
  slash: ["danhsachdv", "dsdv"],
  run: unitList,
};
