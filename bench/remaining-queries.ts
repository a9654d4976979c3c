// The database work behind "còn thiếu", for random units of every level: the standing calls the
// requirement names, the whole answer as a person gets it, and the metric kinds that are not running
// totals. Every repository method is wrapped in a stopwatch, so the database's share is told apart
// from the arithmetic and the text around it.
import { sqliteOf, type Repositories } from "#db/index.ts";
import type { Target } from "#db/repositories/targets.ts";
import type { Unit } from "#db/repositories/units.ts";
import { conversationOver } from "#src/assemble.ts";
import { standingService } from "#domain/standing.ts";
import { loadTranslations } from "#src/i18n.ts";
import { summarize, type Summary } from "./percentiles.ts";
import { seededRandom, type Random } from "./seeded-random.ts";
import { CHAIR_TELEGRAM_BASE, OFFICER_TELEGRAM_BASE } from "./seed-database.ts";
import { LEVELS, type Level } from "./synthetic-country.ts";

export interface Timing {
  /** Time inside repository calls. */
  database: Summary;
  /** The whole call. */
  total: Summary;
  /** Median time per answer in each repository method that was called, "ledger.tallies": ms. */
  methods: Record<string, number>;
}

export interface LevelTiming {
  level: Level;
  units: number;
  /** Direct children with a ket_nap target, over all units of the level. */
  children: { mean: number; max: number };
  /** standing.ofUnit + standing.childrenBehind("ket_nap"): the requirement's measure. */
  standing: Timing;
  /** conversation.handle("còn thiếu bao nhiêu") from the unit's own chair or officer. */
  answer: Timing;
}

export interface KindTiming {
  level: Level;
  /** Metric key → timing of standing.measure for a target of that kind on a unit of this level. */
  kinds: Record<string, Timing>;
}

const WARM_UP = 200;

type Method = (...args: unknown[]) => unknown;

/** The repositories with every method wrapped in a stopwatch; `spent` adds up per "repository.method". */
function stopwatched(repos: Repositories) {
  const spent = new Map<string, number>();
  const wrapped: Record<string, unknown> = { ...repos };
  for (const [name, repository] of Object.entries(repos)) {
    if (typeof repository !== "object" || repository === null) continue;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(repository)) {
      if (typeof value !== "function") {
        copy[key] = value;
        continue;
      }
      const label = `${name}.${key}`;
      const method = (value as Method).bind(repository);
      copy[key] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await method(...args);
        } finally {
          spent.set(label, (spent.get(label) ?? 0) + performance.now() - started);
        }
      };
    }
    wrapped[name] = copy;
  }
  return { repos: wrapped as unknown as Repositories, spent };
}

/** Runs `work` for random units until `samples` are taken or `budgetMs` is spent, whichever is first. */
function sampleTimed<T = Unit>(
  spent: Map<string, number>,
  units: () => Promise<T>,
  samples: number,
  budgetMs: number,
  work: (unit: T) => void | Promise<void>,
): Promise<Timing> {
  return (async () => {
    const database: number[] = [];
    const total: number[] = [];
    const methods = new Map<string, number[]>();
    const warmUntil = performance.now() + budgetMs / 5;
    for (let i = 0; i < WARM_UP && performance.now() < warmUntil; i++) await work(await units());
    const until = performance.now() + budgetMs;
    while (total.length < samples && (total.length < 20 || performance.now() < until)) {
      const unit = await units();
      spent.clear();
      const started = performance.now();
      await work(unit);
      total.push(performance.now() - started);
      let db = 0;
      for (const [label, t] of spent) {
        db += t;
        let list = methods.get(label);
        if (!list) methods.set(label, (list = []));
        list.push(t);
      }
      database.push(db);
    }
    // Medians over all answers, counting answers that did not call a method as zero.
    const perMethod: Record<string, number> = {};
    for (const [label, list] of methods) {
      const padded = list.concat(Array.from({ length: total.length - list.length }, () => 0));
      perMethod[label] = summarize(padded).median;
    }
    return { database: summarize(database), total: summarize(total), methods: perMethod };
  })();
}

/**
 * What the measurements need to know of the unit tree that no repository method lists: the units of a level,
 * how many children of each have a target, the grassroots units below one. SQL of the store's own.
 */
export interface UnitIndex {
  /** Ids of the units at a depth, in id order. */
  atDepth(depth: number): Promise<number[]>;
  /** For each unit at a depth (in id order), how many direct children have a target on the metric that year. */
  childTargetCounts(depth: number, period: string, metric: string): Promise<number[]>;
  /** Grassroots unions and guilds below a path, and the one at an offset among them. */
  leavesBelow(path: string): Promise<number>;
  leafBelow(path: string, offset: number): Promise<number>;
}

// Parameters as `?`, in the order of the text; PostgreSQL's get numbered.
const CHILD_TARGETS = `select (select count(*) from units c join targets t on t.unit_id = c.id
  and t.period = ? and t.metric = ? where c.parent_id = u.id) as n from units u where u.depth = ? order by u.id`;
const LEAVES = `from units where path >= ? and path < ? and kind in ('grassroots', 'guild')`;
const below = (path: string) => [path, `${path.slice(0, -1)}0`];
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

export function sqliteUnitIndex(repos: Repositories): UnitIndex {
  const sqlite = sqliteOf(repos);
  const ids = sqlite.prepare(`select id from units where depth = ? order by id`).pluck();
  const counts = sqlite.prepare(CHILD_TARGETS).pluck();
  const leafCount = sqlite.prepare(`select count(*) ${LEAVES}`).pluck();
  const leaf = sqlite.prepare(`select id ${LEAVES} limit 1 offset ?`).pluck();
  return {
    atDepth: async (depth) => ids.all(depth) as number[],
    childTargetCounts: async (depth, period, metric) => counts.all(period, metric, depth) as number[],
    leavesBelow: async (path) => leafCount.get(...below(path)) as number,
    leafBelow: async (path, offset) => leaf.get(...below(path), offset) as number,
  };
}

/** The same over PostgreSQL, through a query function (a node-postgres pool's). */
export function pgUnitIndex(query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>): UnitIndex {
  const numbers = async (text: string, values: unknown[]) =>
    (await query(numbered(text), values)).rows.map((row) => Number(Object.values(row as object)[0]));
  return {
    atDepth: (depth) => numbers(`select id from units where depth = ? order by id`, [depth]),
    childTargetCounts: (depth, period, metric) => numbers(CHILD_TARGETS, [period, metric, depth]),
    leavesBelow: async (path) => (await numbers(`select count(*) ${LEAVES}`, below(path)))[0] ?? 0,
    leafBelow: async (path, offset) =>
      (await numbers(`select id ${LEAVES} order by path limit 1 offset ?`, [...below(path), offset]))[0] ?? 0,
  };
}

/** Draws a random unit of a list of ids, read once through the repositories and then remembered. */
function drawer(repos: Repositories, ids: number[], random: Random): () => Promise<Unit> {
  const known = new Map<number, Unit>();
  return async () => {
    const id = random.pick(ids);
    let unit = known.get(id);
    if (!unit) {
      unit = await repos.units.byId(id);
      if (!unit) throw new Error(`unit ${id} vanished`);
      known.set(id, unit);
    }
    return unit;
  };
}

export async function measureRemaining(
  repos: Repositories,
  index: UnitIndex,
  today: string,
  now: Date,
  options: { samples: number; budgetMs: number },
): Promise<LevelTiming[]> {
  const watched = stopwatched(repos);
  const standing = standingService(watched.repos);
  const { translate } = loadTranslations();
  const talk = conversationOver(watched.repos, { translate, timeZone: "Asia/Ho_Chi_Minh", clock: () => now });
  const random = seededRandom(12);
  const results: LevelTiming[] = [];
  for (const [depth, level] of LEVELS.entries()) {
    const ids = await index.atDepth(depth);
    const draw = drawer(repos, ids, random);
    const childCounts = await index.childTargetCounts(depth, today.slice(0, 4), "ket_nap");
    // Inside a unit of work, as in an update (on PostgreSQL a transaction, whose repeated reads are remembered).
    const standingTiming = await sampleTimed(watched.spent, draw, options.samples, options.budgetMs, (unit) =>
      repos.unitOfWork(async () => {
        await standing.ofUnit(unit, today);
        await standing.childrenBehind(unit, "ket_nap", today);
      }),
    );

    let updateId = 900_000_000;
    const answerTiming = await sampleTimed(watched.spent, draw, options.samples, options.budgetMs, async (unit) => {
      const leaf = unit.kind === "grassroots" || unit.kind === "guild";
      const telegramId = String((leaf ? CHAIR_TELEGRAM_BASE : OFFICER_TELEGRAM_BASE) + unit.id);
      // As the intake runs an update: on PostgreSQL one transaction (its reads remembered), on SQLite as it comes.
      const reply = await repos.unitOfWork(() =>
        talk.handle({
          sender: { platform: "telegram", externalId: telegramId, chatId: telegramId, displayName: "Cán bộ" },
          source: `telegram:${updateId++}`,
          text: "còn thiếu bao nhiêu",
        }),
      );
      if (!reply.text.includes(unit.name))
        throw new Error(`"còn thiếu" for ${unit.code} answered: ${reply.text.slice(0, 200)}`);
    });
    results.push({
      level,
      units: ids.length,
      children: {
        mean: childCounts.reduce((a, b) => a + b, 0) / ids.length,
        max: childCounts.reduce((a, b) => Math.max(a, b), 0),
      },
      standing: standingTiming,
      answer: answerTiming,
    });
  }
  return results;
}

/** Targets of the kinds that are not running totals, as a plan might set them on any unit. */
const OTHER_KINDS: { metric: string; scope: Target["scope"]; value: number }[] = [
  { metric: "tong_doan_vien", scope: "total", value: 1_000 },
  { metric: "ty_le_ket_nap_ngoai_nha_nuoc", scope: "total", value: 80 },
  { metric: "ty_le_htt_nha_nuoc", scope: "total", value: 70 },
  { metric: "ket_nap", scope: "each", value: 5 },
];

export async function measureOtherKinds(
  repos: Repositories,
  index: UnitIndex,
  today: string,
  options: { samples: number; budgetMs: number },
): Promise<KindTiming[]> {
  const watched = stopwatched(repos);
  const standing = standingService(watched.repos);
  const random: Random = seededRandom(21);
  const results: KindTiming[] = [];
  for (const [depth, level] of LEVELS.entries()) {
    const draw = drawer(repos, await index.atDepth(depth), random);
    const kinds: Record<string, Timing> = {};
    for (const kind of OTHER_KINDS) {
      const metric = await repos.metrics.get(kind.metric);
      if (!metric) continue;
      const label = `${kind.metric}${kind.scope === "each" ? " (each)" : ""}`;
      kinds[label] = await sampleTimed(watched.spent, draw, options.samples, options.budgetMs, async (unit) => {
        const target: Target = {
          unitId: unit.id,
          metric: kind.metric,
          period: today.slice(0, 4),
          value: kind.value,
          deadline: null,
          scope: kind.scope,
          planId: null,
        };
        await standing.measure(unit, metric, target, today);
      });
    }
    results.push({ level, kinds });
  }
  return results;
}

export interface NamingTiming {
  level: Level;
  /** conversation.handle("<name of a grassroots unit below> còn thiếu bao nhiêu") from the level's officer. */
  answer: Timing;
  /** Answers about the unit named, or listing it among units of the same name; the rest named another. */
  right: number;
  several: number;
  wrong: number;
}

/**
 * An officer asks about a grassroots unit below by its name. A national officer reaches every unit of
 * the country: the name index narrows them before the names are compared.
 */
export async function measureNaming(
  repos: Repositories,
  index: UnitIndex,
  now: Date,
  options: { samples: number; budgetMs: number },
): Promise<NamingTiming[]> {
  const watched = stopwatched(repos);
  const { translate } = loadTranslations();
  const talk = conversationOver(watched.repos, { translate, timeZone: "Asia/Ho_Chi_Minh", clock: () => now });
  const random = seededRandom(44);
  const results: NamingTiming[] = [];
  let updateId = 950_000_000;
  for (const [depth, level] of LEVELS.entries()) {
    if (level === "grassroots") continue;
    const officers: { unit: Unit; leaves: number }[] = [];
    for (const id of await index.atDepth(depth)) {
      const unit = await repos.units.byId(id);
      const leaves = unit ? await index.leavesBelow(unit.path) : 0;
      if (unit && leaves > 0) officers.push({ unit, leaves });
    }
    // The officer and the unit they name are drawn before the clock starts.
    const draw = async () => {
      const { unit: officer, leaves } = random.pick(officers);
      const named = await repos.units.byId(await index.leafBelow(officer.path, random.between(0, leaves - 1)));
      if (!named) throw new Error(`a unit below ${officer.code} vanished`);
      return { officer, named };
    };
    // Outcomes of every ask, warm-up included; the counts are taken over the measured ones, the last.
    const outcomes: ("right" | "several" | "wrong")[] = [];
    const answer = await sampleTimed(
      watched.spent,
      draw,
      options.samples,
      options.budgetMs,
      async ({ officer, named }) => {
        const telegramId = String(OFFICER_TELEGRAM_BASE + officer.id);
        const reply = await talk.handle({
          sender: { platform: "telegram", externalId: telegramId, chatId: telegramId, displayName: "Cán bộ" },
          source: `telegram:${updateId++}`,
          text: `${named.name} còn thiếu bao nhiêu`,
        });
        if (reply.text.startsWith(`📊 ${named.name},`)) outcomes.push("right");
        else if (reply.text.includes(`• ${named.name}`)) outcomes.push("several");
        else outcomes.push("wrong");
      },
    );
    const measured = outcomes.slice(-answer.total.samples);
    const count = (outcome: string) => measured.filter((o) => o === outcome).length;
    results.push({ level, answer, right: count("right"), several: count("several"), wrong: count("wrong") });
  }
  return results;
}
