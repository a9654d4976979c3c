// Tasks that are not numbers: an admin sets one ("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/7"), every
// chair below gets it at once, and a chair marks it done by saying so ("đã nộp danh sách", "xong hội nghị sơ kết").
import type { Repositories } from "#db/index.ts";
import type { Task } from "#db/repositories/reminders.ts";
import { lineage, type Unit } from "#db/repositories/units.ts";
import type { Actor } from "#domain/actor.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { daysBetween, viDate } from "#domain/calendar.ts";
import { readDay } from "#domain/import.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { afterQuietHours } from "#domain/local-time.ts";
import { queueTask } from "#domain/tasks.ts";
import { taskWords } from "#nlu/task-done.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

interface UnitTask {
  unit: Unit;
  task: Task;
}

/** The tasks that apply to the leaf units a person reports for, open or done as asked. */
async function tasksOf(actor: Actor, repos: Repositories, done: boolean): Promise<UnitTask[]> {
  const found: UnitTask[] = [];
  for (const post of actor.posts.filter((p) => isLeaf(p.unit))) {
    for (const task of await repos.reminders.tasksFor(lineage(post.unit))) {
      if ((await repos.reminders.isDone(task.id, post.unit.id)) === done) found.push({ unit: post.unit, task });
    }
  }
  return found;
}

/** The task a "done" message is about, among the candidates, if its words name one clearly enough. */
function taskSaidDone(said: Set<string>, candidates: UnitTask[]): UnitTask | undefined {
  let best: (UnitTask & { score: number }) | undefined;
  for (const candidate of candidates) {
    const title = taskWords(candidate.task.title);
    if (title.length === 0) continue;
    const hits = title.filter((w) => said.has(w)).length;
    const score = hits / Math.min(title.length, 3);
    if (hits > 0 && score >= 0.5 && (!best || score > best.score)) best = { ...candidate, score };
  }
  return best;
}

/** No open task matches: says so, and lists the open ones with their deadlines. */
function noMatch(open: UnitTask[], req: Request, t: Services["t"]): Reply {
  if (open.length === 0) return reply(t("task-none-open"));
  const lines = open.map(({ task }) => {
    const days = daysBetween(req.today, task.dueOn);
    const key = days < 0 ? "deadline-task-line-overdue" : "deadline-task-line";
    return t(key, { title: task.title, deadline: viDate(task.dueOn), days: Math.abs(days) });
  });
  return reply([t("task-no-match"), ...new Set(lines)].join("\n"));
}

/** "đã nộp danh sách": marks the open task it names done; naming none, it was meant otherwise or is told the open ones. */
export const taskDone: Command = {
  intents: ["task_done"],
  open: true,
  async run(req, services) {
    const { repos, t } = services;
    const actor = req.actor;
    if (!actor) return req.parse.otherwise ? services.otherwise(req) : reply(t("task-not-found"));
    const said = new Set(req.parse.taskWords);
    const open = await tasksOf(actor, repos, false);
    const found = taskSaidDone(said, open);
    if (found) {
      await repos.reminders.markDone(found.task.id, found.unit.id, actor.personId, req.now.toISOString());
      return reply(t("task-done", { unit: found.unit.name, title: found.task.title }));
    }
    // "đã tổ chức 1 hoạt động" reports an activity: a message that means something else is answered as that.
    if (req.parse.otherwise && req.parse.otherwise.intent !== "unknown") return services.otherwise(req);
    const finished = taskSaidDone(said, await tasksOf(actor, repos, true));
    if (finished) return reply(t("task-already-done", { unit: finished.unit.name, title: finished.task.title }));
    return noMatch(open, req, t);
  },
};

/** "/giaoviec <title> hạn DD/MM/YYYY": a task for the admin's unit and everything below it, delivered at once. */
export const assignTask: Command = {
  intents: [],
  slash: ["giaoviec"],
  async run(req, { repos, t, translateIn, policies, timeZone, wakeDispatcher }) {
    const adminUnit = req.actor?.adminUnit;
    if (!adminUnit) return reply(t("task-not-admin"));
    const match = /^(.+?)\s+(?:hạn|han|trước|truoc)\s+(\d{1,2}\/\d{1,2}\/\d{4})\s*$/i.exec((req.args ?? "").trim());
    const due = match?.[2] ? readDay(match[2]) : null;
    const title = match?.[1]?.trim();
    if (!title || !due) return reply(t("task-how"));
    if (due < req.today) return reply(t("task-past", { deadline: viDate(due) }));
    // Nobody is woken at night for a new task: it waits for the end of the unit's quiet hours.
    const sendAt = async (unit: Unit) => afterQuietHours(req.now, (await policies.of(unit)).quietHours, timeZone);
    const sent = await repos.transaction(async () => {
      const id = await repos.reminders.addTask(
        adminUnit.id,
        title,
        due,
        req.actor?.personId ?? null,
        req.now.toISOString(),
      );
      const task = { id, unitId: adminUnit.id, title, dueOn: due };
      const queued = await queueTask(repos, task, adminUnit, { translateIn, sendAt, now: req.now });
      await audit(repos, doerOf(req), "task_sent", adminUnit, { after: { due, recipients: queued } });
      return queued;
    });
    if (sent > 0) wakeDispatcher();
    return reply(
      [
        t("task-assigned", { title, unit: adminUnit.name, deadline: viDate(due) }),
        t("task-delivered", { count: sent }),
      ].join("\n"),
    );
  },
};
