// "/thongbao <text>": an announcement to everyone linked in the admin's subtree, confirmed first, sent
// through the outbox, with a delivery count back to the admin when it is done.
import { doerOf } from "#domain/audit.ts";
import { cancelBroadcast, queueBroadcast } from "#domain/broadcasts.ts";
import { reply, type Command, type Reply, type Request, type Services } from "./types.ts";

async function settle(req: Request, { repos, t, wakeDispatcher }: Services): Promise<Reply> {
  const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
  const broadcast = await repos.reminders.broadcast(Number(idText));
  if (!broadcast || !req.actor || broadcast.createdBy !== req.actor.personId) return reply(t("action-expired"));
  if (broadcast.confirmedAt !== null) return reply(t("broadcast-already"));
  const unit = await repos.units.byId(broadcast.unitId);
  // A role withdrawn since the announcement was drafted withdraws the right to send it.
  if (!unit || !req.actor.isAdminOf(unit)) return reply(t("action-expired"));
  if (answer !== "yes") {
    await cancelBroadcast(repos, broadcast.id, req.now);
    return reply(t("broadcast-cancelled"));
  }
  const count = await queueBroadcast(
    repos,
    broadcast.id,
    unit,
    broadcast.text,
    t("broadcast-message", { unit: unit.name }),
    req.now,
    doerOf(req),
  );
  wakeDispatcher();
  return reply(t("broadcast-queued", { count }));
}

export const broadcast: Command = {
  intents: [],
  slash: ["thongbao"],
  actions: ["bc"],
  async run(req, services) {
    const { repos, t } = services;
    if (req.actionArg !== undefined) return await settle(req, services);
    const unit = req.actor?.adminUnit;
    if (!unit || !req.actor) return reply(t("broadcast-not-admin"));
    const text = (req.args ?? "").trim();
    if (!text) return reply(t("broadcast-how"));
    let count = 0;
    for (const id of await repos.reminders.peopleInSubtree(unit)) if (await repos.people.address(id)) count++;
    if (count === 0) return reply(t("broadcast-nobody", { unit: unit.name }));
    const id = await repos.reminders.createBroadcast(unit.id, text, req.actor.personId, req.now.toISOString());
    return reply([t("broadcast-preview", { count, unit: unit.name }), "", text].join("\n"), [
      { label: t("button-broadcast-confirm"), action: `bc:${id}:yes` },
      { label: t("button-import-cancel"), action: `bc:${id}:no` },
    ]);
  },
};
