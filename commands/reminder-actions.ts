// The buttons under a reminder: snooze it, stop that kind, mark a task done; and "/batnhac" to undo a stop.
import { viDate } from "#domain/calendar.ts";
import { afterQuietHours, timeOf } from "#domain/local-time.ts";
import { dayOf } from "#domain/calendar.ts";
import { appliesTo } from "#domain/tasks.ts";
import { REMINDER_KINDS, type ReminderKind } from "#domain/reminders.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

async function snooze(req: Request, { repos, policies, timeZone, t }: Services): Promise<Reply> {
  const actor = req.actor;
  const match = /^(t\d+|k\d+:\d+):(1|3)$/.exec(req.actionArg ?? "");
  if (!actor || !match) return reply(t("action-expired"));
  const [, ref = "", days = "1"] = match;
  const later = new Date(req.now.getTime() + Number(days) * 86_400_000);
  const until = afterQuietHours(later, (await policies.of(actor.home.unit)).quietHours, timeZone);
  await repos.reminders.snooze(actor.personId, ref, until.toISOString());
  return reply(t("snoozed", { when: `${timeOf(until, timeZone)} ${viDate(dayOf(until, timeZone))}` }));
}

async function mute(req: Request, { repos, t }: Services): Promise<Reply> {
  const kind = req.actionArg ?? "";
  if (!req.actor || !(REMINDER_KINDS as readonly string[]).includes(kind)) return reply(t("action-expired"));
  await repos.reminders.mute(req.actor.personId, kind as ReminderKind);
  return reply(t("muted", { kind }));
}

async function done(req: Request, { repos, t }: Services): Promise<Reply> {
  const [taskId = "", unitId = ""] = (req.actionArg ?? "").split(":");
  // Ids as PostgreSQL's integer columns take them: anything else names no task or unit.
  const id = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : 0);
  const task = await repos.reminders.task(id(taskId));
  const unit = await repos.units.byId(id(unitId));
  // A forged or foreign task id gets the same answer as an old button: nothing about the task, nothing changed.
  if (!req.actor || !task || !unit || !req.actor.canReportFor(unit) || !appliesTo(task, unit))
    return reply(t("action-expired"));
  const first = await repos.reminders.markDone(task.id, unit.id, req.actor.personId, req.now.toISOString());
  return reply(t(first ? "task-done" : "task-already-done", { unit: unit.name, title: task.title }));
}

export const reminderActions: Command = {
  intents: [],
  actions: ["snooze", "mute", "done"],
  async run(req, services) {
    const name = req.actionName;
    if (name === "snooze") return await snooze(req, services);
    if (name === "mute") return await mute(req, services);
    return await done(req, services);
  },
};

export const unmute: Command = {
  intents: [],
  slash: ["batnhac"],
  async run(req, { repos, t }) {
    const kind = (req.args ?? "").trim();
    if (!req.actor || !(REMINDER_KINDS as readonly string[]).includes(kind)) return reply(t("unmute-how"));
    await repos.reminders.unmute(req.actor.personId, kind);
    return reply(t("unmuted", { kind }));
  },
};
