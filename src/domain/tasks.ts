// Tasks a district sets: delivered at once to the people of every unit below it, and done per unit.
import type { Repositories } from "#db/index.ts";
import type { Task } from "#db/repositories/reminders.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import type { TranslateIn } from "#src/i18n.ts";
import { viDate } from "./calendar.ts";
import { isLeaf } from "./leaf-unit.ts";
import { outboxMessage } from "./outbox-message.ts";

/** A task applies to the unit it was set on and to every unit below it. */
export function appliesTo(task: Pick<Task, "unitId">, unit: Pick<Unit, "id" | "path">): boolean {
  return lineage(unit).includes(task.unitId);
}

/** The grassroots unions and guilds a task set on `owner` asks something of. */
export function unitsOwing(repos: Pick<Repositories, "units">, owner: Unit): Unit[] {
  return isLeaf(owner) ? [owner] : repos.units.subtree(owner).filter(isLeaf);
}

/**
 * Puts the new task into the outbox for every person with a role on each unit it applies to, in their
 * language, with a done button for that unit; returns how many messages. Queuing it again adds nothing.
 */
export function queueTask(
  repos: Pick<Repositories, "units" | "reminders" | "people" | "outbox">,
  task: Task,
  owner: Unit,
  options: { translateIn: TranslateIn; sendAt: (unit: Unit) => Date; now: Date },
): number {
  const { translateIn, sendAt, now } = options;
  const rows = unitsOwing(repos, owner).flatMap((unit) => {
    const notBefore = sendAt(unit).toISOString();
    return repos.reminders.people(unit.id).flatMap(({ personId }) => {
      const address = repos.people.address(personId);
      if (!address) return [];
      const locale = repos.people.person(personId)?.locale ?? "vi";
      const args = { title: task.title, unit: unit.name, from: owner.name, deadline: viDate(task.dueOn) };
      return [
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
      ];
    });
  });
  repos.outbox.enqueue(rows, now.toISOString());
  return rows.length;
}
