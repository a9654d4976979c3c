// The unit an ask is about: the one named, else the person's own; or the answer saying why there is none.
import type { Unit } from "#db/repositories/units.ts";
import { lookUpUnit } from "#domain/unit-lookup.ts";
import { namesakeLabel, parentNames, severalText } from "./standing-text.ts";
import { reply, type Reply, type Request, type Services } from "./types.ts";

/**
 * `action`: the button action that asks the same question about one unit ("remaining"). When a name
 * fits several units, each becomes such a button, carrying the unit's id and the metric asked about.
 */
export async function askedUnit(req: Request, services: Services, action?: string): Promise<Unit | Reply> {
  const { repos, t, reader } = services;
  const actor = req.actor;
  if (!actor) return reply(t("not-linked"));
  if (action !== undefined && req.actionName === action) {
    const unit = await repos.units.byId(Number(req.actionArg?.split(":")[0]));
    // A button from someone else's chat, or for a unit the person no longer holds a role above.
    return unit && actor.canSee(unit) ? unit : reply(t("action-expired"));
  }
  const named = req.args ?? req.parse.unit;
  // A national officer's reach is searched through the name index off the main thread.
  const units = { ...repos.units, sharingWords: reader.sharingWords };
  const lookup = await lookUpUnit(actor, named, { units }, true, req.args ? undefined : req.parse.unitHint);
  if (lookup.kind === "several") {
    const nameOf = await parentNames(repos.units, lookup);
    if (action === undefined) return reply(severalText(lookup, t, nameOf));
    const metric = req.parse.metric ? `:${req.parse.metric}` : "";
    return reply(
      severalText(lookup, t, nameOf, true),
      lookup.units.map((unit) => ({
        label: namesakeLabel(lookup, unit, nameOf),
        action: `${action}:${unit.id}${metric}`,
      })),
    );
  }
  if (lookup.kind !== "found") {
    const asked = lookup.kind === "outside" ? lookup.named : (named ?? "");
    return reply(t("ask-outside", { named: asked, unit: actor.home.unit.name }));
  }
  return lookup.unit;
}

/** The metric a pressed "same question for this unit" button carries, else the one the message named. */
export function askedMetric(req: Request, action: string): string | undefined {
  if (req.actionName === action) return req.actionArg?.split(":")[1] || undefined;
  return req.parse.metric;
}

export function isReply(value: Unit | Reply): value is Reply {
  return "text" in value;
}
