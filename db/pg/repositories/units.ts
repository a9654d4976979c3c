// The unit tree on PostgreSQL: lookups, the name index, and the upsert that moves a unit with its reports.
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { nameWords, type Unit, type UnitInput } from "#db/repositories/units.ts";
import { isWithin, lineage, pathBelow, placementOf, subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";
import { units } from "../schema.ts";
import { addToTallies, type TallyDelta } from "./ledger.ts";

const inSubtree = (unit: Pick<Unit, "path">) => {
  const [low, high] = subtreeBounds(unit.path);
  return and(gte(units.path, low), lt(units.path, high));
};

export function unitRepository(x: Executor) {
  return { ...lookupQueries(x), ...roleQueries(x), ...nameQueries(x), ...writeQueries(x) };
}

async function byCode(x: Executor, code: string): Promise<Unit | undefined> {
  return (await x.db().select().from(units).where(eq(units.code, code)))[0];
}

/** Units by id, code or parent, and the subtree below a unit. */
function lookupQueries(x: Executor) {
  return {
    async byId(id: number): Promise<Unit | undefined> {
      return (await x.db().select().from(units).where(eq(units.id, id)))[0];
    },
    byCode: (code: string) => byCode(x, code),
    /** Units by code in one query: a file's rows are checked a few hundred at a time. */
    async byCodes(codes: string[]): Promise<Map<string, Unit>> {
      if (codes.length === 0) return new Map();
      const found = await x.db().select().from(units).where(inArray(units.code, codes));
      return new Map(found.map((unit) => [unit.code, unit]));
    },
    async children(id: number): Promise<Unit[]> {
      return x.db().select().from(units).where(eq(units.parentId, id)).orderBy(units.name);
    },
    /** The unit and everything below it. */
    async subtree(unit: Unit): Promise<Unit[]> {
      return x.db().select().from(units).where(inSubtree(unit)).orderBy(units.depth, units.name);
    },
    /** The subtree in tree order: each unit followed by everything below it. */
    async subtreeInTreeOrder(unit: Unit): Promise<Unit[]> {
      return x.db().select().from(units).where(inSubtree(unit)).orderBy(asc(units.path));
    },
    /** The unit and those below it, counted no further than `cap`. */
    async countInSubtreeUpTo(unit: Unit, cap: number): Promise<number> {
      const [low, high] = subtreeBounds(unit.path);
      const row = await x.one<{ n: number }>(
        sql`select count(*)::int as n from (select 1 from units where path >= ${low} and path < ${high} limit ${cap}) s`,
      );
      return row?.n ?? 0;
    },
    async countInSubtree(unit: Unit): Promise<number> {
      const [row] = await x.db().select({ n: sql<number>`count(*)::int` }).from(units).where(inSubtree(unit));
      return row?.n ?? 0;
    },
  };
}

/** Units by who holds roles on them. */
function roleQueries(x: Executor) {
  return {
    /** Grassroots units and guilds below a unit that have nobody in the given role yet. */
    async leavesWithoutRole(unit: Unit, role: string): Promise<Unit[]> {
      return x
        .db()
        .select()
        .from(units)
        .where(
          and(
            inSubtree(unit),
            sql`${units.kind} in ('grassroots', 'guild')`,
            sql`not exists (select 1 from roles r where r.unit_id = ${units.id} and r.role = ${role})`,
          ),
        )
        .orderBy(units.path);
    },
    /** Units at least one person holds a role on. */
    async withPeople(): Promise<Unit[]> {
      return x
        .db()
        .select()
        .from(units)
        .where(sql`exists (select 1 from roles r where r.unit_id = ${units.id})`)
        .orderBy(units.path);
    },
    /** When the first person took a role on the unit (ISO), or undefined. */
    async firstRoleOn(unitId: number): Promise<string | undefined> {
      const row = await x.one<{ at: string | null }>(
        sql`select min(created_at) as at from roles where unit_id = ${unitId}`,
      );
      return row?.at ?? undefined;
    },
  };
}

/** Units whose names share words with a name, through the name index. */
function nameQueries(x: Executor) {
  const unitsWith = (word: string, low: string, high: string) =>
    x.rows<{ unitId: number }>(
      word.length >= 3
        ? sql`select distinct w.unit_id as "unitId" from unit_words w join units u on u.id = w.unit_id
            where w.word >= ${word} and w.word < ${`${word}\u{10ffff}`} and u.path >= ${low} and u.path < ${high}`
        : sql`select w.unit_id as "unitId" from unit_words w join units u on u.id = w.unit_id
            where w.word = ${word} and u.path >= ${low} and u.path < ${high}`,
    );
  return {
    /** Units within the given subtrees that share words with a name, those sharing the most first, at most `limit`. */
    async sharingWords(words: readonly string[], within: readonly Unit[], limit: number): Promise<Unit[]> {
      const hits = new Map<number, number>();
      for (const word of new Set(words)) {
        const found = new Set<number>();
        for (const scope of within) {
          for (const row of await unitsWith(word, ...subtreeBounds(scope.path))) found.add(row.unitId);
        }
        for (const id of found) hits.set(id, (hits.get(id) ?? 0) + 1);
      }
      const ids = [...hits]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([id]) => id);
      return ids.length === 0 ? [] : x.db().select().from(units).where(inArray(units.id, ids)).orderBy(units.id);
    },
  };
}

/** Writing units: an upsert that moves a unit with its reports and keeps the name index, and a full reindex. */
function writeQueries(x: Executor) {
  const indexName = async (unitId: number, name: string) => {
    await x.run(sql`delete from unit_words where unit_id = ${unitId}`);
    await addWords(
      x,
      nameWords(name).map((word) => ({ word, unitId })),
    );
  };
  return {
    /** Rebuilds the name index of every unit, for units written without the repository. */
    reindexNames(): Promise<number> {
      return x.transaction(async () => {
        const all = await x.rows<{ id: number; name: string }>(sql`select id, name from units`);
        await x.run(sql`delete from unit_words`);
        await addWords(
          x,
          all.flatMap((unit) => nameWords(unit.name).map((word) => ({ word, unitId: unit.id }))),
        );
        return all.length;
      });
    },
    /** Inserts a new unit or updates the one with the same code; the parent must exist already. */
    upsert(input: UnitInput): Promise<Unit> {
      return x.transaction(async () => {
        const parent = input.parentCode ? await byCode(x, input.parentCode) : undefined;
        if (input.parentCode && !parent) throw new Error(`unknown parent ${input.parentCode}`);
        const existing = await byCode(x, input.code);
        const values = placementOf(input, parent);
        if (existing) {
          const path = pathBelow(parent, existing.id);
          if (path !== existing.path) {
            if (parent && isWithin(parent, existing)) throw new Error(`${input.code} cannot move below itself`);
            await move(x, existing, path, values.depth);
          }
          await x
            .db()
            .update(units)
            .set({ ...values, path })
            .where(eq(units.id, existing.id));
          if (existing.name !== input.name) await indexName(existing.id, input.name);
          return { ...existing, ...values, path };
        }
        const [inserted] = await x
          .db()
          .insert(units)
          .values({ ...values, code: input.code, path: "" })
          .returning();
        if (!inserted) throw new Error(`${input.code} was not inserted`);
        const path = pathBelow(parent, inserted.id);
        await x.db().update(units).set({ path }).where(eq(units.id, inserted.id));
        await indexName(inserted.id, input.name);
        return { ...inserted, path };
      });
    },
  };
}

/** Name-index rows, a few thousand per statement (PostgreSQL takes at most 65,535 parameters in one). */
async function addWords(x: Executor, rows: readonly { word: string; unitId: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const values = sql.join(
      rows.slice(i, i + 5_000).map((r) => sql`(${r.word}, ${r.unitId}::int)`),
      sql`, `,
    );
    await x.run(sql`insert into unit_words (word, unit_id) values ${values} on conflict do nothing`);
  }
}

/**
 * A unit that changes parent takes its reports along: its tallies (the totals of its subtree) leave the old
 * ancestors and join the new ones, and the paths below it follow. Runs in the upsert's transaction.
 */
async function move(x: Executor, unit: Unit, path: string, depth: number): Promise<void> {
  const [low, high] = subtreeBounds(unit.path);
  await x.run(sql`update units set path = ${path} || substr(path, ${unit.path.length + 1}::int),
      depth = depth + ${depth - unit.depth}::int where path > ${low} and path < ${high}`);
  const totals = await x.rows<{ period: string; event: string; total: number }>(sql`select period, event,
      sum(total)::int as total from tallies where unit_id = ${unit.id} group by period, event`);
  const oldAncestors = lineage(unit).slice(0, -1);
  const newAncestors = lineage({ path }).slice(0, -1);
  const deltas: TallyDelta[] = totals.flatMap((row) => [
    ...oldAncestors.map((unitId, d) => ({ unitId, depth: d, period: row.period, event: row.event, count: -row.total })),
    ...newAncestors.map((unitId, d) => ({ unitId, depth: d, period: row.period, event: row.event, count: row.total })),
  ]);
  await addToTallies(x, deltas);
}
