// Announcements: one copy per person linked in a subtree, through the outbox, and the delivery count back to
// the person who sent it once nothing is left to send.
import type { Repositories } from "#db/index.ts";
import { audit, type Doer } from "./audit.ts";
import type { OutboxInput } from "#db/repositories/outbox.ts";
import { outboxMessage } from "./outbox-message.ts";
import type { Translate } from "./reminder-texts.ts";

/** Puts one copy per person linked in the subtree into the outbox; returns how many. Confirming twice adds nothing. */
export async function queueBroadcast(
  repos: Pick<Repositories, "reminders" | "people" | "outbox" | "transaction" | "audit">,
  id: number,
  unit: { id: number; path: string },
  text: string,
  heading: string,
  now: Date,
  who: Doer,
): Promise<number> {
  const people = await repos.reminders.peopleInSubtree(unit);
  const rows: OutboxInput[] = [];
  for (const personId of people) {
    const address = await repos.people.address(personId);
    if (!address) continue;
    const key = `broadcast:${id}:p${personId}`;
    const content = { key, kind: "broadcast", text: `${heading}\n\n${text}`, notBefore: now.toISOString() };
    rows.push(outboxMessage({ personId, address }, { ...content, broadcastId: id }));
  }
  await repos.transaction(async () => {
    await repos.outbox.enqueue(rows, now.toISOString());
    await repos.reminders.confirmBroadcast(id, rows.length, now.toISOString());
    await audit(repos, who, "announcement_sent", unit, { after: { broadcast: id, recipients: rows.length } });
  });
  return rows.length;
}

/** An announcement its author decided against: settled, and never reported on. */
export async function cancelBroadcast(repos: Pick<Repositories, "reminders">, id: number, now: Date): Promise<void> {
  await repos.reminders.confirmBroadcast(id, 0, now.toISOString());
  await repos.reminders.markReported(id, now.toISOString());
}

/** Announcements that have nothing left to send get their counts to the person who made them. */
export async function reportDeliveries(
  repos: Pick<Repositories, "reminders" | "people" | "outbox" | "transaction">,
  t: Translate,
  now: Date,
): Promise<number> {
  let reported = 0;
  for (const broadcast of await repos.reminders.unreportedBroadcasts()) {
    const counts = await repos.outbox.broadcastCounts(broadcast.id);
    const personId = broadcast.createdBy;
    if (counts.pending > 0 || personId === null) continue;
    const address = await repos.people.address(personId);
    await repos.transaction(async () => {
      if (!(await repos.reminders.markReported(broadcast.id, now.toISOString()))) return;
      if (!address) return;
      const preview = broadcast.text.length > 40 ? `${broadcast.text.slice(0, 40)}…` : broadcast.text;
      const message = outboxMessage(
        { personId, address },
        {
          key: `broadcast-report:${broadcast.id}`,
          kind: "broadcast_report",
          text: t("broadcast-report", { preview, ...counts }),
          notBefore: now.toISOString(),
        },
      );
      await repos.outbox.enqueue([message], now.toISOString());
      reported++;
    });
  }
  return reported;
}
