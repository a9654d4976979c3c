// The unit tree as materialised paths ("/1/5/12/"): one home for the helpers every repository walks it with.

type Placed = { path: string };

/** Ancestor ids from the root down, the unit itself last. */
export function lineage(unit: Placed): number[] {
  return unit.path.split("/").filter(Boolean).map(Number);
}

/**
 * The [low, high) range of paths in a unit's subtree. A range, unlike LIKE 'path%', can use the
 * index on path: '/' sorts just before '0', so "/1/5/…" lies between "/1/5/" and "/1/50".
 */
export function subtreeBounds(path: string): [string, string] {
  return [path, `${path.slice(0, -1)}0`];
}

export function isWithin(unit: Placed, ancestor: Placed): boolean {
  return unit.path.startsWith(ancestor.path);
}

/** The path of the unit with this id placed directly below a parent, or at the root without one. */
export function pathBelow(parent: Placed | undefined, id: number): string {
  return parent ? `${parent.path}${id}/` : `/${id}/`;
}

/** What a unit's row holds from its input and its parent, the same on every store. */
export function placementOf<
  I extends { name: string; kind: string; sector: string | null; members: number; workers: number },
>(input: I, parent: (Placed & { id: number; depth: number }) | undefined) {
  return {
    name: input.name,
    kind: input.kind as I["kind"],
    sector: input.sector as I["sector"],
    members: input.members,
    workers: input.workers,
    parentId: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 0,
  };
}
