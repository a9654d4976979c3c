import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
// The index holds the very words the matcher compares, so it takes them from the language layer.
import { unitNameKey } from "#nlu/match-unit.ts";
import type { Db } from "#db/client.ts";
import { ADD_TO_TALLY } from "./ledger.ts";
import { units, type Sector, type UnitKind } from "#db/schema.ts";
import { isWithin, lineage, pathBelow, placementOf, subtreeBounds } from "#db/tree.ts";

// The tree helpers lived here first; callers that import them from the unit repository keep working.
export { isWithin, lineage, subtreeBounds };

export type Unit = typeof units.$inferSelect;

export interface UnitInput {
  code: string;
  name: string;
  parentCode: string | null;
  kind: UnitKind;
  sector: Sector | null;
  members: number;
  workers: number;
}

const inSubtree = (unit: Pick<Unit, "path">) => {
  const [low, high] = subtreeBounds(unit.path);
  return and(gte(units.path, low), lt(units.path, high));
};

/** The distinct words that tell a unit name apart: what unit_words holds for it. */
export function nameWords(name: string): string[] {
  return [
    ...new Set(
      unitNameKey(name)
        .split(" ")
        .filter((word) => word !== ""),
    ),
  ];
}

/** Bumped when nameWords changes, so that the index is rebuilt at the next start. */
export const NAME_INDEX_VERSION = "1";

type Sqlite = Db["$client"];

export function unitRepository(db: Db) {
  const sqlite = db.$client;
  return {
    ...lookupQueries(db, sqlite),
    ...roleQueries(db),
    ...nameQueries(db, sqlite),
    ...writeQueries(db, sqlite),
  };
}

/** Units by id, code or parent, and the subtree below a unit. */
function lookupQueries(db: Db, sqlite: Sqlite) {
  const byIdStmt = db
    .select()
    .from(units)
    .where(eq(units.id, sql.placeholder("id")))
    .prepare();
  const byCodeStmt = byCodeStatement(db);
  const childrenStmt = db
    .select()
    .from(units)
    .where(eq(units.parentId, sql.placeholder("id")))
    .orderBy(units.name)
    .prepare();
  const countUpTo = sqlite.prepare(
    `select count(*) as n from (select 1 from units where path >= ? and path < ? limit ?)`,
  );
  // A province's subtree is 11,000 rows: read them without the query builder's per-row mapping.
  const subtreeStmt = sqlite.prepare(
    `select id, code, name, parent_id as parentId, kind, sector, members, workers, path, depth
     from units where path >= ? and path < ? order by path`,
  );

  return {
    byId(id: number): Unit | undefined {
      return byIdStmt.get({ id });
    },
    byCode(code: string): Unit | undefined {
      return byCodeStmt.get({ code });
    },
    /** Units by code in one query: a file's rows are checked a few hundred at a time. */
    byCodes(codes: string[]): Map<string, Unit> {
      if (codes.length === 0) return new Map();
      const found = db.select().from(units).where(inArray(units.code, codes)).all();
      return new Map(found.map((unit) => [unit.code, unit]));
    },
    children(id: number): Unit[] {
      return childrenStmt.all({ id });
    },
    /** The unit and everything below it. */
    subtree(unit: Unit): Unit[] {
      return db.select().from(units).where(inSubtree(unit)).orderBy(units.depth, units.name).all();
    },
    /** The subtree in tree order: each unit followed by everything below it. */
    subtreeInTreeOrder(unit: Unit): Unit[] {
      return subtreeStmt.all(...subtreeBounds(unit.path)) as Unit[];
    },
    /** The unit and those below it, counted no further than `cap`: enough to tell a small subtree from a large one. */
    countInSubtreeUpTo(unit: Unit, cap: number): number {
      const [low, high] = subtreeBounds(unit.path);
      return (countUpTo.get(low, high, cap) as { n: number }).n;
    },
    countInSubtree(unit: Unit): number {
      const row = db.select({ n: sql<number>`count(*)` }).from(units).where(inSubtree(unit)).get();
      return row?.n ?? 0;
    },
  };
}

/** Units by who holds roles on them. */
function roleQueries(db: Db) {
  return {
    /** Grassroots units and guilds below a unit that have nobody in the given role yet. */
    leavesWithoutRole(unit: Unit, role: string): Unit[] {
      return db
        .select()
        .from(units)
        .where(
          and(
            inSubtree(unit),
            sql`${units.kind} in ('grassroots', 'guild')`,
            sql`not exists (select 1 from roles r where r.unit_id = ${units.id} and r.role = ${role})`,
          ),
        )
        .orderBy(units.path)
        .all();
    },
    /** Units at least one person holds a role on. */
    withPeople(): Unit[] {
      return db
        .select()
        .from(units)
        .where(sql`exists (select 1 from roles r where r.unit_id = ${units.id})`)
        .orderBy(units.path)
        .all();
    },
    /** When the first person took a role on the unit (ISO), or undefined. */
    firstRoleOn(unitId: number): string | undefined {
      const row = db.$client.prepare(`select min(created_at) as at from roles where unit_id = ?`).get(unitId) as {
        at: string | null;
      };
      return row.at ?? undefined;
    },
  };
}

/** Units whose names share words with a name, through the name index. */
function nameQueries(db: Db, sqlite: Sqlite) {
  const unitsByWordPrefix = sqlite.prepare(
    `select distinct w.unit_id as unitId from unit_words w join units u on u.id = w.unit_id
     where w.word >= ? and w.word < ? and u.path >= ? and u.path < ?`,
  );
  const unitsByWord = sqlite.prepare(
    `select w.unit_id as unitId from unit_words w join units u on u.id = w.unit_id
     where w.word = ? and u.path >= ? and u.path < ?`,
  );

  return {
    /**
     * Units within the given subtrees that share words with a name, those sharing the most first, at most
     * `limit`. A word of three letters or more also finds the words it begins ("kim" finds "kimlong"), as
     * the matcher does; what only a misspelling links is left to the other words of the name.
     */
    sharingWords(words: readonly string[], within: readonly Unit[], limit: number): Unit[] {
      const hits = new Map<number, number>();
      for (const word of new Set(words)) {
        const found = new Set<number>();
        for (const scope of within) {
          const [low, high] = subtreeBounds(scope.path);
          const rows = (
            word.length >= 3
              ? unitsByWordPrefix.all(word, `${word}\u{10ffff}`, low, high)
              : unitsByWord.all(word, low, high)
          ) as { unitId: number }[];
          for (const row of rows) found.add(row.unitId);
        }
        for (const id of found) hits.set(id, (hits.get(id) ?? 0) + 1);
      }
      const ids = [...hits]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      return ids.length === 0 ? [] : db.select().from(units).where(inArray(units.id, ids)).all();
    },
  };
}

/** Writing units: an upsert that moves a unit with its reports and keeps the name index, and a full reindex. */
function writeQueries(db: Db, sqlite: Sqlite) {
  const byCodeStmt = byCodeStatement(db);
  const forgetWords = sqlite.prepare(`delete from unit_words where unit_id = ?`);
  const addWord = sqlite.prepare(`insert into unit_words (word, unit_id) values (?, ?) on conflict do nothing`);
  const move = unitMover(sqlite);
  const indexName = (unitId: number, name: string) => {
    forgetWords.run(unitId);
    for (const word of nameWords(name)) addWord.run(word, unitId);
  };

  return {
    /** Rebuilds the name index of every unit, for units written without the repository. */
    reindexNames(): number {
      const all = sqlite.prepare(`select id, name from units`).all() as { id: number; name: string }[];
      sqlite.transaction(() => {
        sqlite.prepare(`delete from unit_words`).run();
        for (const unit of all) for (const word of nameWords(unit.name)) addWord.run(word, unit.id);
      })();
      return all.length;
    },
    /** Inserts a new unit or updates the one with the same code; the parent must exist already. */
    upsert(input: UnitInput): Unit {
      const parent = input.parentCode ? byCodeStmt.get({ code: input.parentCode }) : undefined;
      if (input.parentCode && !parent) throw new Error(`unknown parent ${input.parentCode}`);
      const existing = byCodeStmt.get({ code: input.code });
      const values = placementOf(input, parent);
      if (existing) {
        const path = pathBelow(parent, existing.id);
        if (path !== existing.path) {
          if (parent && isWithin(parent, existing)) throw new Error(`${input.code} cannot move below itself`);
          move(existing, path, values.depth);
        }
        db.update(units)
          .set({ ...values, path })
          .where(eq(units.id, existing.id))
          .run();
        if (existing.name !== input.name) indexName(existing.id, input.name);
        return { ...existing, ...values, path };
      }
      const inserted = db
        .insert(units)
        .values({ ...values, code: input.code, path: "" })
        .returning()
        .get();
      const path = pathBelow(parent, inserted.id);
      db.update(units).set({ path }).where(eq(units.id, inserted.id)).run();
      indexName(inserted.id, input.name);
      return { ...inserted, path };
    },
  };
}

/**
 * A unit that changes parent takes its reports along: its tallies (the totals of its subtree) leave
 * the old ancestors and join the new ones, and the paths below it follow.
 */
function unitMover(sqlite: Sqlite) {
  const unitTallies = sqlite.prepare(`select period, event, total from tallies where unit_id = ?`);
  const addToTally = sqlite.prepare(ADD_TO_TALLY);
  const repathBelow = sqlite.prepare(
    `update units set path = ? || substr(path, ?), depth = depth + ? where path > ? and path < ?`,
  );
  return sqlite.transaction((unit: Unit, path: string, depth: number) => {
    const [low, high] = subtreeBounds(unit.path);
    repathBelow.run(path, unit.path.length + 1, depth - unit.depth, low, high);
    const oldAncestors = lineage(unit).slice(0, -1);
    const newAncestors = lineage({ path }).slice(0, -1);
    for (const row of unitTallies.all(unit.id) as { period: string; event: string; total: number }[]) {
      for (const id of oldAncestors) addToTally.run(id, row.period, row.event, -row.total);
      for (const id of newAncestors) addToTally.run(id, row.period, row.event, row.total);
    }
  });
}

/** A unit by its code: both lookups and writes need it. */
function byCodeStatement(db: Db) {
  return db
    .select()
    .from(units)
    .where(eq(units.code, sql.placeholder("code")))
    .prepare();
}
