// `npm run cli -- reminders --at <ISO> [--dry-run]`, `broadcast <unit_code> "<text>"`, `task add …`:
// the operator's view of what the running server will send. Writing only fills the outbox; the server sends.
import type { Repositories } from "#db/index.ts";
import { audit, operator } from "#domain/audit.ts";
import { queueBroadcast } from "#domain/broadcasts.ts";
import { dayOf, viDate } from "#domain/calendar.ts";
import { readDay } from "#domain/import.ts";
import { instantAt } from "#domain/local-time.ts";
import { computeDue } from "#domain/reminders.ts";
import { policyService } from "#domain/reminder-policy.ts";
import { standingService } from "#domain/standing.ts";
import { loadTranslations } from "#src/i18n.ts";
import type { CliIo } from "./import.ts";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runReminders(
  args: string[],
  repos: Repositories,
  timeZone: string,
  quietHours: string | null,
  io: CliIo,
): Promise<number> {
  const atText = option(args, "--at");
  const at = atText ? new Date(atText) : new Date();
  if (Number.isNaN(at.getTime())) {
    io.err("usage: npm run cli -- reminders --at <ISO time, e.g. 2026-07-01T08:00:00+07:00> [--dry-run]");
    return 2;
  }
  const { translate } = loadTranslations();
  const ctx = {
    repos,
    standing: standingService(repos),
    policies: policyService(repos, quietHours),
    t: (key: string, a?: Record<string, string | number>) => translate("vi", key, a),
    timeZone,
  };
  // Everything that falls due on that local day up to that moment.
  const dayStart = instantAt(dayOf(at, timeZone), "00:00", timeZone);
  const due = await computeDue(ctx, new Date(dayStart.getTime() - 1), at);
  for (const item of due) {
    io.out(
      [
        `person #${item.personId} (${item.recipientName})`,
        item.unitName,
        item.kind,
        item.deadline ? viDate(item.deadline) : "-",
      ].join("\t"),
    );
  }
  if (args.includes("--dry-run")) {
    io.out(`${due.length} message(s) due; dry run, nothing written.`);
    return 0;
  }
  const added = await repos.outbox.enqueue(due, at.toISOString());
  io.out(`${due.length} message(s) due, ${added} new in the outbox; the running server sends them.`);
  return 0;
}

export async function runBroadcast(args: string[], repos: Repositories, io: CliIo): Promise<number> {
  const [code, ...words] = args.filter((a) => !a.startsWith("--"));
  const text = words.join(" ").trim();
  const unit = code ? await repos.units.byCode(code) : undefined;
  if (!code || !text) {
    io.err('usage: npm run cli -- broadcast <unit_code> "<text>"');
    return 2;
  }
  if (!unit) {
    io.err(`unknown unit ${code}`);
    return 1;
  }
  const { translate } = loadTranslations();
  const now = new Date();
  const id = await repos.reminders.createBroadcast(unit.id, text, null, now.toISOString());
  const count = await queueBroadcast(
    repos,
    id,
    unit,
    text,
    translate("vi", "broadcast-message", { unit: unit.name }),
    now,
    operator(now),
  );
  io.out(`announcement #${id} queued for ${count} people in ${unit.name}; the running server sends it.`);
  return 0;
}

export async function runTask(args: string[], repos: Repositories, io: CliIo): Promise<number> {
  const [verb, code, ...words] = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const due = readDay(option(args, "--due") ?? "");
  const title = words.join(" ").trim();
  const unit = code ? await repos.units.byCode(code) : undefined;
  if (verb !== "add" || !code || !title || !due) {
    io.err('usage: npm run cli -- task add <unit_code> "<title>" --due DD/MM/YYYY');
    return 2;
  }
  if (!unit) {
    io.err(`unknown unit ${code}`);
    return 1;
  }
  const id = await repos.transaction(async () => {
    const task = await repos.reminders.addTask(unit.id, title, due, null, new Date().toISOString());
    await audit(repos, operator(new Date()), "task_sent", unit, { after: { task, due } });
    return task;
  });
  io.out(`task #${id} “${title}” for ${unit.name} and the units below it, due ${viDate(due)}.`);
  return 0;
}
