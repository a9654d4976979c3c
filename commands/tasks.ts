// Tasks that are not numbers: an admin sets one ("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/7"),
// and a chair marks it done by saying so ("đã nộp danh sách", "xong hội nghị sơ kết").
import type { Repositories } from "#db/index.ts";
import type { Task } from "#db/repositories/reminders.ts";
import { lineage, type Unit } from "#db/repositories/units.ts";
import type { Actor } from "#domain/actor.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { viDate } from "#domain/calendar.ts";
import { readDay } from "#domain/import.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { taskWords } from "#nlu/task-done.ts";
import { reply, type Command } from "./types.ts";

/** The leaf units a person reports for, with the open tasks that apply to each. */
function openTasks(actor: Actor, repos: Repositories): { unit: Unit; task: Task }[] {
  return actor.posts
    .filter((p) => isLeaf(p.unit))
    .flatMap((p) =>
      repos.reminders
        .tasksFor(lineage(p.unit))
        .filter((task) => !repos.reminders.isDone(task.id, p.unit.id))
        .map((task) => ({ unit: p.unit, task })),
    );
}

/** The open task a "done" message is about, if its words name one clearly enough. */
function taskSaidDone(said: Set<string>, actor: Actor, repos: Repositories): { unit: Unit; task: Task } | undefined {
  let best: { unit: Unit; task: Task; score: number } | undefined;
  for (const candidate of openTasks(actor, repos)) {
    const title = taskWords(candidate.task.title);
    if (title.length === 0) continue;
    const hits = title.filter((w) => said.has(w)).length;
    const score = hits / Math.min(title.length, 3);
    if (hits > 0 && score >= 0.5 && (!best || score > best.score)) best = { ...candidate, score };
  }
  return best;
}

/** "đã nộp danh sách": marks the open task it names done; naming none, it was meant otherwise. */
export const taskDone: Command = {
  intents: ["task_done"],
  open: true,
  run(req, services) {
    const { repos, t } = services;
    const actor = req.actor;
    const found = actor ? taskSaidDone(new Set(req.parse.taskWords), actor, repos) : undefined;
    if (!actor || !found) return req.parse.otherwise ? services.otherwise(req) : reply(t("task-not-found"));
    repos.reminders.markDone(found.task.id, found.unit.id, actor.personId, req.now.toISOString());
    return reply(t("task-done", { unit: found.unit.name, title: found.task.title }));
  },
};

/** "/giaoviec <title> hạn DD/MM/YYYY": a task for the admin's unit and everything below it. */
export const assignTask: Command = {
  intents: [],
  slash: ["giaoviec"],
  run(req, { repos, t }) {
    const adminUnit = req.actor?.adminUnit;
    if (!adminUnit) return reply(t("task-not-admin"));
    const match = /^(.+?)\s+(?:hạn|han|trước|truoc)\s+(\d{1,2}\/\d{1,2}\/\d{4})\s*$/i.exec((req.args ?? "").trim());
    const due = match?.[2] ? readDay(match[2]) : null;
    const title = match?.[1]?.trim();
    if (!title || !due) return reply(t("task-how"));
    if (due < req.today) return reply(t("task-past", { deadline: viDate(due) }));
    repos.reminders.addTask(adminUnit.id, title, due, req.actor?.personId ?? null, req.now.toISOString());
    audit(repos, doerOf(req), "task_sent", adminUnit, { after: { due } });
    return reply(t("task-assigned", { title, unit: adminUnit.name, deadline: viDate(due) }));
  },
};
