// `npm run cli -- audit [--unit CODE] [--since YYYY-MM-DD]`: the audit log, newest first, one entry a line.
import type { Repositories } from "#db/index.ts";
import type { AuditEntry } from "#db/repositories/audit.ts";
import { dayOf, isValidDay } from "#domain/calendar.ts";
import { instantAt, timeOf } from "#domain/local-time.ts";
import type { CliIo } from "./import.ts";

const BATCH = 500;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function line(entry: AuditEntry, timeZone: string): string {
  const at = new Date(entry.at);
  const who =
    entry.personId === null
      ? entry.platform
      : `#${entry.personId} ${entry.personName ?? "?"} (${entry.platform}:${entry.account ?? "?"})`;
  const change = [entry.before === null ? "" : JSON.stringify(entry.before), JSON.stringify(entry.after)]
    .filter((part) => part !== "" && part !== "null")
    .join(" → ");
  return [`${dayOf(at, timeZone)} ${timeOf(at, timeZone)}`, entry.kind, entry.unitCode ?? "-", who, change].join("\t");
}

export async function runAudit(args: string[], repos: Repositories, timeZone: string, io: CliIo): Promise<number> {
  const code = option(args, "--unit");
  const sinceDay = option(args, "--since");
  if (args.some((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"))) {
    io.err("usage: npm run cli -- audit [--unit <unit_code>] [--since YYYY-MM-DD]");
    return 2;
  }
  if (sinceDay !== undefined && !isValidDay(sinceDay)) {
    io.err("--since must be a day, YYYY-MM-DD");
    return 2;
  }
  const unit = code === undefined ? undefined : await repos.units.byCode(code);
  if (code !== undefined && !unit) {
    io.err(`unknown unit ${code}`);
    return 1;
  }
  const since = sinceDay === undefined ? undefined : instantAt(sinceDay, "00:00", timeZone).toISOString();
  let beforeId: number | undefined;
  let count = 0;
  for (;;) {
    const page = await repos.audit.read({
      limit: BATCH,
      ...(unit ? { within: unit } : {}),
      ...(since ? { since } : {}),
      ...(beforeId ? { beforeId } : {}),
    });
    for (const entry of page) io.out(line(entry, timeZone));
    count += page.length;
    if (page.length < BATCH) break;
    beforeId = page.at(-1)?.id;
  }
  if (count === 0) io.err("no entries");
  return 0;
}
