// Tasks a district sets: delivered at once to the people of every unit below it, and done per unit.
import type { Repositories } from "#db/index.ts";
import type { Task } from "#db/repositories/reminders.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import type { TranslateIn } from "#src/i18n.ts";
import { viDate } from "./calendar.ts";
import { isLeaf } from "./leaf-unit.ts";
import type { OutboxInput } from "#db/repositories/outbox.ts";
import { outboxMessage } from "./outbox-message.ts";

/** A task applies to the unit it was set on and to every unit below it. */
export function appliesTo(task: Pick<Task, "unitId">, unit: Pick<Unit, "id" | "path">): boolean {
  return lineage(unit).includes(task.unitId);
}

/** The grassroots unions and guilds a task set on `owner` asks something of. */
export async function unitsOwing(repos: Pick<Repositories, "units">, owner: Unit): Promise<Unit[]> {
  return isLeaf(owner) ? [owner] : (await repos.units.subtree(owner)).filter(isLeaf);
}

/**
 * Puts the new task into the outbox for every person with a role on each unit it applies to, in their
 * language, with a done button for that unit; returns how many messages. Queuing it again adds nothing.
 */
export async function queueTask(
  repos: Pick<Repositories, "units" | "reminders" | "people" | "outbox">,
  task: Task,
  owner: Unit,
  options: { translateIn: TranslateIn; sendAt: (unit: Unit) => Date | Promise<Date>; now: Date },
): Promise<number> {
  const { translateIn, sendAt, now } = options;
  const rows: OutboxInput[] = [];
  for (const unit of await unitsOwing(repos, owner)) {
    const notBefore = (await sendAt(unit)).toISOString();
    for (const { personId } of await repos.reminders.people(unit.id)) {
      const address = await repos.people.address(personId);
      if (!address) continue;
      const locale = (await repos.people.person(personId))?.locale ?? "vi";
      const args = { title: task.title, unit: unit.name, from: owner.name, deadline: viDate(task.dueOn) };
      rows.push(
        outboxMessage(
          { personId, address },
          {
            key: `task-new:${task.id}:u${unit.id}:p${personId}`,
            kind: "task",
            text: translateIn(locale, "task-new", args),
            choices: [{ label: translateIn(locale, "button-task-done"), action: `done:${task.id}:${unit.id}` }],
            notBefore,
          },
        ),
      );
    }
  }
  await repos.outbox.enqueue(rows, now.toISOString());
  return rows.length;
}
