// Grassroots unions and guilds are where members are admitted and reports come from; every unit
// above them only adds up what is below.
import type { Unit } from "#db/repositories/units.ts";

export function isLeaf(unit: Pick<Unit, "kind">): boolean {
  return unit.kind === "grassroots" || unit.kind === "guild";
}
