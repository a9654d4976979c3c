// Finds the unit a message is about, within what the person may act on.
import type { Repositories } from "#db/index.ts";
import { nameWords, type Unit } from "#db/repositories/units.ts";
import { isWithin } from "#db/tree.ts";
import { matchUnit } from "#nlu/index.ts";
import type { Actor } from "./actor.ts";
import { isLeaf } from "./leaf-unit.ts";

export type UnitLookup =
  | { kind: "found"; unit: Unit }
  /** Named, but nothing the person may act on goes by that name. */
  | { kind: "outside"; named: string }
  /** Named, but the name fits several units about equally (up to five of them, and how many more): which one is meant? */
  | { kind: "several"; named: string; units: Unit[]; more: number }
  /** Nothing named, and the person's unit has units below it: which one is meant? */
  | { kind: "ambiguous"; home: Unit };

/** Matches scoring within this of the best are too close to choose between. */
const CLOSE_SCORES = 0.05;

/** Subtrees up to this size are read whole and matched word by word, misspellings included. */
const WHOLE_SUBTREE = 2_000;
/** From larger ones, the units sharing the most words with the name are matched, this many at most. */
const INDEXED_CANDIDATES = 300;

/**
 * The units a person may act on that a name may mean, their own first; subtrees of district roles
 * included. A national officer reaches 131,000 units: reading them all took over a second, so a
 * large reach is narrowed through the name index first.
 */
async function reachable(actor: Actor, named: string, repos: Pick<Repositories, "units">): Promise<Unit[]> {
  const seen = new Map<number, Unit>();
  for (const post of actor.posts) seen.set(post.unit.id, post.unit);
  // Outermost scopes only: a unit below another of the person's units is in that one's subtree.
  const scopes = actor.posts
    .map((post) => post.unit)
    .filter((unit, _, all) => !isLeaf(unit) && !all.some((other) => other.id !== unit.id && isWithin(unit, other)));
  let size = 0;
  for (const unit of scopes) size += await repos.units.countInSubtreeUpTo(unit, WHOLE_SUBTREE + 1);
  const units =
    size <= WHOLE_SUBTREE
      ? (await Promise.all(scopes.map(async (unit) => await repos.units.subtree(unit)))).flat()
      : await repos.units.sharingWords(nameWords(named), scopes, INDEXED_CANDIDATES);
  for (const unit of units) seen.set(unit.id, unit);
  return [...seen.values()];
}

/** A name typed without its head word counts only when it fits a unit this well. */
const HINT_SCORE = 0.75;

async function byName(
  actor: Actor,
  named: string,
  repos: Pick<Repositories, "units">,
  minScore: number,
): Promise<UnitLookup | null> {
  const candidates = await reachable(actor, named, repos);
  const matches = matchUnit(named, candidates).filter((m) => m.score >= minScore);
  const best = matches[0];
  if (!best) return null;
  // "nđ xe ôm" fits two guilds almost equally, and "THCS Nguyễn Du" is the name of a school in many
  // districts: guessing would credit a report to the wrong one.
  const close = matches.filter((m) => (best.score === 1 ? m.score === 1 : best.score - m.score < CLOSE_SCORES));
  if (close.length > 1) {
    const units = close.slice(0, 5).flatMap((m) => candidates.filter((c) => c.id === m.id));
    return { kind: "several", named, units, more: close.length - units.length };
  }
  const unit = candidates.find((c) => c.id === best.id);
  return unit ? { kind: "found", unit } : null;
}

/** A hint that fits no unit the person may act on but a unit elsewhere this well names that unit. */
const ELSEWHERE_SCORE = 0.85;

async function rootOf(unit: Unit, repos: Pick<Repositories, "units">): Promise<Unit> {
  let root = unit;
  for (let above = root.parentId; above !== null; above = root.parentId) {
    const parent = await repos.units.byId(above);
    if (!parent) break;
    root = parent;
  }
  return root;
}

/** Whether the words name, closely, a unit outside what the person may act on. */
async function fitsElsewhere(actor: Actor, hint: string, repos: Pick<Repositories, "units">): Promise<boolean> {
  const roots = new Map<number, Unit>();
  for (const post of actor.posts) {
    const root = await rootOf(post.unit, repos);
    roots.set(root.id, root);
  }
  const candidates = (await repos.units.sharingWords(nameWords(hint), [...roots.values()], INDEXED_CANDIDATES)).filter(
    (unit) => !actor.canSee(unit),
  );
  return matchUnit(hint, candidates).some((m) => m.score >= ELSEWHERE_SCORE);
}

/**
 * For a report: the named unit if the person may report for it; otherwise their own grassroots unit.
 * For an ask (`allowAggregate`), a district person's own unit is a fine answer. A `hint` (words that
 * may be a name typed without its head word) is followed only when it fits a unit closely; when it fits
 * none the person may act on but closely fits one elsewhere, the unit is outside their reach.
 */
export async function lookUpUnit(
  actor: Actor,
  named: string | undefined,
  repos: Pick<Repositories, "units">,
  allowAggregate: boolean,
  hint?: string,
): Promise<UnitLookup> {
  if (named) return (await byName(actor, named, repos, 0)) ?? { kind: "outside", named };
  if (hint) {
    const hinted = await byName(actor, hint, repos, HINT_SCORE);
    if (hinted) return hinted;
    // "xe ôm công nghệ còn thiếu bao nhiêu" from another union's chair is not a question about their own.
    if (await fitsElsewhere(actor, hint, repos)) return { kind: "outside", named: hint };
  }
  const home = actor.home.unit;
  if (allowAggregate || isLeaf(home)) return { kind: "found", unit: home };
  const leaves = actor.posts.filter((post) => isLeaf(post.unit));
  if (leaves.length === 1 && leaves[0]) return { kind: "found", unit: leaves[0].unit };
  return { kind: "ambiguous", home };
}
