// Builds the benchmark database once and caches it under bench/.data/, keyed by the seed version, the
// scale and the migrations, so a second run starts in seconds. Bulk SQL does the heavy part; the
// result is what the repositories would have written row by row, and `checkBulkMatchesRecord` proves it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, repositories, type Db, type Repositories } from "#db/index.ts";
import { lineage } from "#db/repositories/units.ts";
import { seededRandom } from "./seeded-random.ts";
import {
  LEVELS,
  levelOf,
  planCountry,
  planLedger,
  type Country,
  type Level,
  type PlannedLedgerRow,
  type Scale,
} from "./synthetic-country.ts";
import { personName } from "./vietnamese-names.ts";

/** Bump when the generator or the seeding changes what lands in the database. */
const SEED_VERSION = "4";

/** Telegram ids of chairs (grassroots units, guilds) and officers (LĐLĐ staff): a fixed offset plus their unit's id. */
export const CHAIR_TELEGRAM_BASE = 6_000_000_000;
export const OFFICER_TELEGRAM_BASE = 7_000_000_000;
/** Chairs were linked before the first report of the seeded ledger. */
const LINKED_AT = "2024-12-20T02:00:00.000Z";

export type Log = (line: string) => void;

export interface SeedFacts {
  units: Record<Level, number>;
  ledgerRows: number;
  processedUpdates: number;
  chairs: number;
  officers: number;
  targets: number;
  tallies: number;
  bytes: number;
  buildSeconds: number;
  steps: Record<string, number>;
  /** Units whose every tally was checked against the sum over the ledger of their subtree. */
  tallyChecks: number;
}

export interface SeededDatabase {
  file: string;
  key: string;
  built: boolean;
  facts: SeedFacts;
}

const migrationsFolder = fileURLToPath(new URL("../db/migrations", import.meta.url));

function cacheKey(scale: Scale): string {
  const hash = createHash("sha256").update(`${SEED_VERSION}|${JSON.stringify(scale)}`);
  for (const name of readdirSync(migrationsFolder)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    hash.update(readFileSync(join(migrationsFolder, name)));
  }
  return `v${SEED_VERSION}-${scale.name}-${hash.digest("hex").slice(0, 10)}`;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** The cached database for a scale, built first when it is missing, stale or `fresh` is asked for. */
export async function seededDatabase(
  scale: Scale,
  dataDir: string,
  options: { fresh: boolean; log: Log },
): Promise<SeededDatabase> {
  const key = cacheKey(scale);
  const file = join(dataDir, `seed-${key}.sqlite`);
  const factsFile = join(dataDir, `seed-${key}.json`);
  if (!options.fresh && existsSync(file) && existsSync(factsFile)) {
    options.log(`using the cached database seed-${key}.sqlite`);
    return { file, key, built: false, facts: JSON.parse(readFileSync(factsFile, "utf8")) as SeedFacts };
  }
  // Older builds of the same scale only take disk space.
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(`seed-v`) && name.includes(`-${scale.name}-`)) rmSync(join(dataDir, name), { force: true });
  }
  const building = `${file}.building`;
  removeDatabaseFiles(building);
  const started = performance.now();
  const db = openDatabase(building);
  const steps = await seed(db, scale, options.log);
  const facts = describe(db, steps, (performance.now() - started) / 1000);
  facts.tallyChecks = checkTalliesAgainstLedger(db, 3);
  options.log(`  tallies of ${facts.tallyChecks} units match the sums over their subtrees' ledger rows`);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  facts.bytes = statSync(building).size;
  renameSync(building, file);
  writeFileSync(factsFile, `${JSON.stringify(facts, null, 2)}\n`);
  options.log(`seeded in ${facts.buildSeconds.toFixed(0)} s, ${(facts.bytes / 1e9).toFixed(2)} GB`);
  return { file, key, built: true, facts };
}

async function timed(
  steps: Record<string, number>,
  name: string,
  log: Log,
  work: () => void | Promise<void>,
): Promise<void> {
  const started = performance.now();
  await work();
  steps[name] = Math.round(performance.now() - started) / 1000;
  log(`  ${name}: ${steps[name]?.toFixed(1)} s`);
}

/** Fills an open, migrated, empty database; returns the seconds each step took. */
export async function seed(db: Db, scale: Scale, log: Log): Promise<Record<string, number>> {
  const sqlite = db.$client;
  const repos = repositories(db);
  const steps: Record<string, number> = {};
  const country = planCountry(scale);
  log(
    `seeding ${scale.name}: ${country.units.length.toLocaleString("en")} units, ${scale.ledgerRows.toLocaleString("en")} ledger rows`,
  );

  // A throwaway build: no journal, no syncing, a big page cache. The cache keeps WAL mode for the runs.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1048576");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("foreign_keys = OFF");
  // Lets SQLite sort index keys on a second core.
  sqlite.pragma("threads = 2");

  let chairOf: Int32Array = new Int32Array(0);
  await timed(steps, "units, targets, chairs and officers", log, async () => {
    await insertUnitsAndTargets(sqlite, repos, country);
    // The units went in without the repository: their names are indexed here, as a start would.
    await repos.units.reindexNames();
    chairOf = await linkPeople(repos, country);
  });

  // Indexes are built once after the rows are in: sorting 10 million keys beats 10 million B-tree inserts.
  const ledgerIndexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'ledger' and sql is not null`)
    .all() as {
    name: string;
    sql: string;
  }[];
  for (const index of ledgerIndexes) sqlite.exec(`drop index ${index.name}`);
  await timed(steps, "ledger and processed updates", log, () =>
    insertLedger(sqlite, country, scale.ledgerRows, chairOf, log),
  );
  // Before the indexes: with none on the ledger, grouping it is one sequential scan and a sort.
  await timed(steps, "tallies", log, () => computeTallies(sqlite, country));
  await timed(steps, "members before the reports", log, () => membersBeforeReports(sqlite));
  await timed(steps, "ledger indexes", log, () => {
    for (const index of ledgerIndexes) sqlite.exec(index.sql);
  });

  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  return steps;
}

/**
 * A union's member count is what it had before the reports in the ledger, so that members now (the
 * count plus the reports) are the planned share of its workers, leaving a quarter of them (at least 30)
 * to admit: otherwise years of seeded admissions outnumber the workers, and the benchmark's reports
 * are questioned as more than the workers not yet members, as they should be.
 */
function membersBeforeReports(sqlite: Db["$client"]): void {
  sqlite.exec(
    `update units set members = max(8, min(members, workers - max(30, workers / 4))) where kind in ('grassroots', 'guild')`,
  );
  sqlite.exec(
    `update units set members = units.members - net.n
     from (select unit_id, sum(count) as n from ledger where event in ('join', 'leave') group by unit_id) as net
     where net.unit_id = units.id`,
  );
}

async function insertUnitsAndTargets(sqlite: Db["$client"], repos: Repositories, country: Country): Promise<void> {
  const insertUnit = sqlite.prepare(
    `insert into units (id, code, name, parent_id, kind, sector, members, workers, path, depth)
     values (@id, @code, @name, @parentId, @kind, @sector, @members, @workers, @path, @depth)`,
  );
  await repos.transaction(async () => {
    for (const unit of country.units) insertUnit.run(unit);
    for (const target of country.targets) await repos.targets.upsert(target);
  });
}

/**
 * A chair for every grassroots unit and guild and an officer for every LĐLĐ, linked the way the bot
 * links them: an invite, then its use. Returns the chair's person id by unit id.
 */
async function linkPeople(repos: Repositories, country: Country): Promise<Int32Array> {
  const random = seededRandom(31);
  const chairOf = new Int32Array(country.units.length + 1);
  const expiresAt = new Date(Date.parse(LINKED_AT) + 14 * 86_400_000).toISOString();
  const leaves = new Set(country.leaves);
  await repos.transaction(async () => {
    for (const unit of country.units) {
      const chair = leaves.has(unit.id);
      const role = chair ? "chair" : "officer";
      const code = `BENCH${unit.id}`;
      await repos.people.createInvite(code, unit.id, role, LINKED_AT, expiresAt);
      const telegramId = String((chair ? CHAIR_TELEGRAM_BASE : OFFICER_TELEGRAM_BASE) + unit.id);
      const name = personName(random);
      const personId = await repos.people.redeem(
        { code, unitId: unit.id, role, expiresAt, usedAt: null, usedBy: null },
        { platform: "telegram", externalId: telegramId, chatId: telegramId },
        `${name.first} ${name.last}`,
        LINKED_AT,
      );
      if (personId === null) throw new Error(`invite ${code} was used twice`);
      if (chair) chairOf[unit.id] = personId;
    }
  });
  return chairOf;
}

const LEDGER_COLUMNS = 12;
const ROWS_PER_STATEMENT = 250;
const ROWS_PER_TRANSACTION = 500_000;

function insertLedger(sqlite: Db["$client"], country: Country, total: number, chairOf: Int32Array, log: Log): void {
  const ledgerSql = (rows: number) =>
    `insert into ledger (id, unit_id, event, count, informal, occurred_on, period, reporter_id, source, reverses, undone_by, created_at)
     values ${Array.from({ length: rows }, () => "(?,?,?,?,?,?,?,?,?,?,?,?)").join(",")}`;
  const updatesSql = (rows: number) =>
    `insert into processed_updates (platform, update_id, received_at) values ${Array.from({ length: rows }, () => "('telegram',?,?)").join(",")}`;
  const ledgerMany = sqlite.prepare(ledgerSql(ROWS_PER_STATEMENT));
  const ledgerOne = sqlite.prepare(ledgerSql(1));
  const updatesMany = sqlite.prepare(updatesSql(ROWS_PER_STATEMENT));
  const updatesOne = sqlite.prepare(updatesSql(1));

  const ledgerBatch: (string | number | null)[] = [];
  const updatesBatch: (string | number)[] = [];
  const flush = () => {
    if (ledgerBatch.length === ROWS_PER_STATEMENT * LEDGER_COLUMNS) ledgerMany.run(ledgerBatch);
    else
      for (let i = 0; i < ledgerBatch.length; i += LEDGER_COLUMNS)
        ledgerOne.run(ledgerBatch.slice(i, i + LEDGER_COLUMNS));
    if (updatesBatch.length === ROWS_PER_STATEMENT * 2) updatesMany.run(updatesBatch);
    else for (let i = 0; i < updatesBatch.length; i += 2) updatesOne.run(updatesBatch.slice(i, i + 2));
    ledgerBatch.length = 0;
    updatesBatch.length = 0;
  };

  let inTransaction = 0;
  sqlite.exec("begin");
  planLedger(country, total, (row: PlannedLedgerRow) => {
    ledgerBatch.push(
      row.id,
      row.unitId,
      row.event,
      row.count,
      row.informal ? 1 : 0,
      row.occurredOn,
      row.period,
      chairOf[row.unitId] || null,
      row.source,
      row.reverses,
      row.undoneBy,
      row.createdAt,
    );
    if (row.updateId !== null) updatesBatch.push(String(row.updateId), row.createdAt);
    if (ledgerBatch.length === ROWS_PER_STATEMENT * LEDGER_COLUMNS || updatesBatch.length === ROWS_PER_STATEMENT * 2)
      flush();
    if (++inTransaction === ROWS_PER_TRANSACTION) {
      flush();
      sqlite.exec("commit");
      if (row.id % (ROWS_PER_TRANSACTION * 4) < 2) log(`    ${row.id.toLocaleString("en")} rows`);
      sqlite.exec("begin");
      inTransaction = 0;
    }
  });
  flush();
  sqlite.exec("commit");
}

/**
 * Every ancestor's subtree total per period and tally key, in one statement: each unit's own sums,
 * fanned out to its lineage. The keys are those of `tallyKeys` in db/repositories/ledger.ts.
 */
function computeTallies(sqlite: Db["$client"], country: Country): void {
  sqlite.exec(`create temp table lineage (unit_id integer not null, ancestor_id integer not null)`);
  const insertLink = sqlite.prepare(`insert into temp.lineage (unit_id, ancestor_id) values (?, ?)`);
  sqlite.transaction(() => {
    for (const unit of country.units) for (const ancestor of lineage(unit)) insertLink.run(unit.id, ancestor);
  })();
  sqlite.exec(`create index temp.lineage_unit on lineage (unit_id)`);
  sqlite.exec(`
    insert into tallies (unit_id, period, event, total)
    with own as materialized (
      select unit_id, period, event, informal, sum(count) as total from ledger group by unit_id, period, event, informal
    ),
    keyed as (
      select unit_id, period, event as key, total from own
      union all
      select unit_id, period, event || ':informal', total from own where informal = 1
    )
    select l.ancestor_id, keyed.period, keyed.key, sum(keyed.total)
    from keyed join temp.lineage l on l.unit_id = keyed.unit_id
    group by l.ancestor_id, keyed.period, keyed.key
    order by l.ancestor_id, keyed.period, keyed.key`);
  sqlite.exec(`drop table temp.lineage`);
}

function describe(db: Db, steps: Record<string, number>, buildSeconds: number): SeedFacts {
  const sqlite = db.$client;
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const units = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  for (const row of sqlite.prepare(`select depth, count(*) as n from units group by depth`).all() as {
    depth: number;
    n: number;
  }[]) {
    units[levelOf(row)] += row.n;
  }
  return {
    units,
    ledgerRows: count(`select count(*) as n from ledger`),
    processedUpdates: count(`select count(*) as n from processed_updates`),
    chairs: count(`select count(*) as n from roles where role = 'chair'`),
    officers: count(`select count(*) as n from roles where role = 'officer'`),
    targets: count(`select count(*) as n from targets`),
    tallies: count(`select count(*) as n from tallies`),
    bytes: 0,
    buildSeconds,
    steps,
    tallyChecks: 0,
  };
}

type Totals = Map<string, number>;

function subtreeSums(sqlite: Db["$client"], unit: { id: number; path: string; depth: number }): Totals {
  // The root's subtree is the whole ledger: a plain scan beats walking 131,000 units' index ranges.
  const rows = (
    unit.depth === 0
      ? sqlite.prepare(`select period, event, informal, sum(count) as total from ledger group by 1, 2, 3`).all()
      : sqlite
          .prepare(
            `select period, event, informal, sum(count) as total from ledger
             where unit_id in (select id from units where path like ? || '%') group by 1, 2, 3`,
          )
          .all(unit.path)
  ) as { period: string; event: string; informal: number; total: number }[];
  const totals: Totals = new Map();
  const add = (key: string, n: number) => totals.set(key, (totals.get(key) ?? 0) + n);
  for (const row of rows) {
    add(`${row.period}|${row.event}`, row.total);
    if (row.informal === 1) add(`${row.period}|${row.event}:informal`, row.total);
  }
  return totals;
}

/**
 * For a few units of every level: each tally equals the sum over the ledger of the unit's subtree.
 * Returns the units checked; throws on the first difference.
 */
export function checkTalliesAgainstLedger(db: Db, perLevel: number): number {
  const sqlite = db.$client;
  const random = seededRandom(99);
  let checked = 0;
  for (let depth = 0; depth <= 3; depth++) {
    const ids = (sqlite.prepare(`select id from units where depth = ?`).all(depth) as { id: number }[]).map(
      (r) => r.id,
    );
    for (let i = 0; i < Math.min(perLevel, ids.length); i++) {
      const unit = sqlite.prepare(`select id, path, depth from units where id = ?`).get(random.pick(ids)) as {
        id: number;
        path: string;
        depth: number;
      };
      const expected = subtreeSums(sqlite, unit);
      const actual: Totals = new Map(
        (
          sqlite.prepare(`select period, event, total from tallies where unit_id = ?`).all(unit.id) as {
            period: string;
            event: string;
            total: number;
          }[]
        ).map((r) => [`${r.period}|${r.event}`, r.total]),
      );
      const keys = new Set([...expected.keys(), ...actual.keys()]);
      for (const key of keys) {
        if (expected.get(key) !== actual.get(key)) {
          throw new Error(
            `tally of unit ${unit.id} for ${key} is ${actual.get(key)}, the ledger says ${expected.get(key)}`,
          );
        }
      }
      checked++;
    }
  }
  return checked;
}

/**
 * Seeds a tiny country twice, once in bulk and once report by report through ledger.record and
 * ledger.reverseSource, and compares the ledger and tallies tables row for row.
 */
export async function checkBulkMatchesRecord(scale: Scale): Promise<{ ledgerRows: number; tallies: number }> {
  const bulk = openDatabase(":memory:");
  await seed(bulk, scale, () => undefined);

  const replay = openDatabase(":memory:");
  const repos = repositories(replay);
  const country = planCountry(scale);
  await insertUnitsAndTargets(replay.$client, repos, country);
  const chairOf = await linkPeople(repos, country);
  const lineageOf = (unitId: number) => lineage(country.units[unitId - 1] ?? { path: "" });
  const planned: PlannedLedgerRow[] = [];
  planLedger(country, scale.ledgerRows, (row) => planned.push(row));
  for (const row of planned) {
    const reporterId = chairOf[row.unitId] || null;
    if (row.reverses === null) {
      const ids = await repos.ledger.record(
        [
          {
            unitId: row.unitId,
            lineage: lineageOf(row.unitId),
            event: row.event,
            count: row.count,
            informal: row.informal,
            occurredOn: row.occurredOn,
            reporterId,
            source: row.source,
          },
        ],
        row.createdAt,
      );
      if (ids[0] !== row.id) throw new Error(`ledger.record gave id ${ids[0]} where the bulk seed wrote ${row.id}`);
    } else {
      const original = await repos.ledger.byId(row.reverses);
      if (!original) throw new Error(`no ledger row ${row.reverses} to undo`);
      await repos.ledger.reverseSource(original.source, lineageOf, reporterId, row.createdAt);
    }
  }

  const dump = (db: Db, sql: string) => JSON.stringify(db.$client.prepare(sql).all());
  const tables = [
    `select * from ledger order by id`,
    `select * from tallies order by unit_id, period, event`,
    `select * from targets order by id`,
    `select * from roles order by id`,
  ];
  for (const sql of tables) {
    if (dump(bulk, sql) !== dump(replay, sql)) throw new Error(`bulk seed and ledger.record differ: ${sql}`);
  }
  const problems = bulk.$client.pragma("foreign_key_check") as unknown[];
  if (problems.length > 0) throw new Error(`bulk seed breaks ${problems.length} foreign keys`);
  const counts = {
    ledgerRows: (bulk.$client.prepare(`select count(*) as n from ledger`).get() as { n: number }).n,
    tallies: (bulk.$client.prepare(`select count(*) as n from tallies`).get() as { n: number }).n,
  };
  bulk.$client.close();
  replay.$client.close();
  return counts;
}
