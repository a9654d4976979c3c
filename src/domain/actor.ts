// Who is asking, and what they may see and report for.
import type { Repositories } from "#db/index.ts";
import type { Platform, Role } from "#db/schema.ts";
import { isWithin, type Unit } from "#db/repositories/units.ts";

export interface Post {
  unit: Unit;
  role: Role;
}

export class Actor {
  constructor(
    readonly personId: number,
    readonly displayName: string,
    readonly locale: string,
    /** Every role the person holds; never empty for a linked person. */
    readonly posts: Post[],
  ) {}

  /** The unit the person acts for when a message names none: their first, highest role. */
  get home(): Post {
    const sorted = [...this.posts].sort((a, b) => a.unit.depth - b.unit.depth);
    const first = sorted[0];
    if (!first) throw new Error("actor without a post");
    return first;
  }

  /** A role on a unit covers the unit and, for district or province roles, every unit below it. */
  canSee(unit: Unit): boolean {
    return this.posts.some((post) => isWithin(unit, post.unit));
  }

  canReportFor(unit: Unit): boolean {
    return this.canSee(unit);
  }

  /** The highest unit the person is admin of: where imports, allocations and announcements apply. */
  get adminUnit(): Unit | undefined {
    return this.posts.filter((post) => post.role === "admin").sort((a, b) => a.unit.depth - b.unit.depth)[0]?.unit;
  }

  /** Admins manage the subtree of the unit they are admin of. */
  isAdminOf(unit: Unit): boolean {
    return this.posts.some((post) => post.role === "admin" && isWithin(unit, post.unit));
  }
}

/** Who is writing from a messaging account: the person linked to it, or null for someone not linked yet. */
export async function actorOf(
  people: Pick<Repositories["people"], "who">,
  account: { platform: Platform; externalId: string },
): Promise<Actor | null> {
  const who = await people.who(account.platform, account.externalId);
  return who ? new Actor(who.personId, who.displayName, who.locale, who.posts) : null;
}
