// Announcements: one copy per person linked in a subtree, through the outbox, and the delivery count back to
// the person who sent it once nothing is left to send.
import type { Repositories } from "#db/index.ts";
import { audit, type Doer } from "./audit.ts";
import { outboxMessage } from "./outbox-message.ts";
import type { Translate } from "./reminder-texts.ts";

/** Puts one copy per person linked in the subtree into the outbox; returns how many. Confirming twice adds nothing. */
export function queueBroadcast(
  repos: Pick<Repositories, "reminders" | "people" | "outbox" | "transaction" | "audit">,
  id: number,
  unit: { id: number; path: string },
  text: string,
  heading: string,
  now: Date,
  who: Doer,
): number {
  const people = repos.reminders.peopleInSubtree(unit);
  const rows = people.flatMap((personId) => {
    const address = repos.people.address(personId);
    if (!address) return [];
    const key = `broadcast:${id}:p${personId}`;
    const content = { key, kind: "broadcast", text: `${heading}\n\n${text}`, notBefore: now.toISOString() };
    return [outboxMessage({ personId, address }, { ...content, broadcastId: id })];
  });
  repos.transaction(() => {
    repos.outbox.enqueue(rows, now.toISOString());
    repos.reminders.confirmBroadcast(id, rows.length, now.toISOString());
    audit(repos, who, "announcement_sent", unit, { after: { broadcast: id, recipients: rows.length } });
  });
  return rows.length;
}

/** An announcement its author decided against: settled, and never reported on. */
export function cancelBroadcast(repos: Pick<Repositories, "reminders">, id: number, now: Date): void {
  repos.reminders.confirmBroadcast(id, 0, now.toISOString());
  repos.reminders.markReported(id, now.toISOString());
}

/** Announcements that have nothing left to send get their counts to the person who made them. */
export function reportDeliveries(
  repos: Pick<Repositories, "reminders" | "people" | "outbox" | "transaction">,
  t: Translate,
  now: Date,
): number {
  let reported = 0;
  for (const broadcast of repos.reminders.unreportedBroadcasts()) {
    const counts = repos.outbox.broadcastCounts(broadcast.id);
    const personId = broadcast.createdBy;
    if (counts.pending > 0 || personId === null) continue;
    const address = repos.people.address(personId);
    repos.transaction(() => {
      if (!repos.reminders.markReported(broadcast.id, now.toISOString())) return;
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
      repos.outbox.enqueue([message], now.toISOString());
      reported++;
    });
  }
  return reported;
}
