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
