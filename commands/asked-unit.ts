// The unit an ask is about: the one named, else the person's own; or the answer saying why there is none.
import type { Unit } from "#db/repositories/units.ts";
import { lookUpUnit } from "#domain/unit-lookup.ts";
import { severalText } from "./standing-text.ts";
import { reply, type Reply, type Request, type Services } from "./types.ts";

export function askedUnit(req: Request, { repos, t }: Services): Unit | Reply {
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  const named = req.args ?? req.parse.unit;
  const lookup = lookUpUnit(actor, named, repos, true);
  if (lookup.kind === "several") return reply(severalText(lookup, t, (id) => repos.units.byId(id)?.name));
  if (lookup.kind !== "found") return reply(t("ask-outside", { named: named ?? "", unit: actor.home.unit.name }));
  return lookup.unit;
}

export function isReply(value: Unit | Reply): value is Reply {
  return "text" in value;
}
