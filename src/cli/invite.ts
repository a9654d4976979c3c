// `npm run cli -- invite <unit_code> --role R` and `invite --under <unit_code> --role chair`.
import type { Repositories } from "#db/index.ts";
import { ROLES, type Role } from "#db/schema.ts";
import { createInvite, inviteLink } from "#domain/invites.ts";
import type { CliIo } from "./import.ts";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export async function runInvite(args: string[], repos: Repositories, now: Date, io: CliIo): Promise<number> {
  const role = option(args, "--role");
  const under = option(args, "--under");
  const daysText = option(args, "--days");
  const days = daysText === undefined ? undefined : Number(daysText);
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    io.err(`--role must be one of ${ROLES.join(", ")}`);
    return 2;
  }
  if (days !== undefined && !(Number.isInteger(days) && days > 0 && days <= 365)) {
    io.err("--days must be a whole number of days from 1 to 365");
    return 2;
  }
  const username = await repos.updates.setting("telegram.username");
  if (under !== undefined) {
    const root = await repos.units.byCode(under);
    if (!root) {
      io.err(`unknown unit ${under}`);
      return 1;
    }
    io.out("unit_code,unit_name,code,link");
    for (const unit of await repos.units.leavesWithoutRole(root, role)) {
      const { code } = await createInvite(repos, unit, role as Role, now, days);
      io.out([unit.code, unit.name, code, inviteLink(code, username) ?? ""].map(csvCell).join(","));
    }
    return 0;
  }
  const unitCode = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const unit = unitCode ? await repos.units.byCode(unitCode) : undefined;
  if (!unit) {
    io.err(
      unitCode ? `unknown unit ${unitCode}` : "usage: npm run cli -- invite <unit_code> --role chair|officer|admin",
    );
    return unitCode ? 1 : 2;
  }
  const { code, expiresAt } = await createInvite(repos, unit, role as Role, now, days);
  io.out(`Invite for ${unit.name} (${role}), valid until ${expiresAt.slice(0, 10)}. Send it once; it works once.`);
  io.out(inviteLink(code, username) ?? code);
  return 0;
}
