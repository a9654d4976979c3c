// The web dashboard's overview and units table, timed in-process (server time, no network) for the district
// nearest 1,300 units and the province nearest 10,000 units of the benchmark's country. A person is made
// admin of each, signs in with a one-time link as through the chat, and asks "/" then "/don-vi" (its first
// 200 rows). `npx tsx bench/dashboard.ts <database>` runs it alone on a copy of a seeded database.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, repositories, sqliteOf, type Repositories } from "#db/index.ts";
import { lineage } from "#db/tree.ts";
import { createInvite } from "#domain/invites.ts";
import { policyService } from "#domain/reminder-policy.ts";
import { standingService } from "#domain/standing.ts";
import { createLoginLink, openLink } from "#domain/web-login.ts";
import { loadTranslations } from "#src/i18n.ts";
import { dashboardRoutes } from "#src/web/dashboard.tsx";
import { BENCH_NOW } from "./synthetic-country.ts";

const SAMPLES = 15;
const TARGETS = { district: { units: 1_300, ms: 100 }, province: { units: 10_000, ms: 300 } } as const;

interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

/** Every unit's subtree size, and the unit of a level whose size is nearest the wanted one. */
function nearest(repos: Repositories, depth: number, wanted: number): { id: number; size: number } {
  const all = sqliteOf(repos).prepare(`select id, path, depth from units`).all() as {
    id: number;
    path: string;
    depth: number;
  }[];
  const sizes = new Map<number, number>();
  for (const unit of all) for (const id of lineage(unit)) sizes.set(id, (sizes.get(id) ?? 0) + 1);
  let best = { id: 0, size: 0 };
  for (const unit of all) {
    if (unit.depth !== depth) continue;
    const size = sizes.get(unit.id) ?? 0;
    if (best.id === 0 || Math.abs(size - wanted) < Math.abs(best.size - wanted)) best = { id: unit.id, size };
  }
  return best;
}

/** A session cookie for a new admin of the unit, made the way the chat's /web and the link's page make it. */
async function adminSession(repos: Repositories, unitId: number, n: number): Promise<string> {
  const unit = await repos.units.byId(unitId);
  if (!unit) throw new Error(`no unit ${unitId}`);
  const invite = await repos.people.invite((await createInvite(repos, unit, "admin", BENCH_NOW)).code);
  if (!invite) throw new Error("no invite");
  const account = { platform: "telegram" as const, externalId: `bench-web-${n}`, chatId: `bench-web-${n}` };
  const personId = await repos.people.redeem(invite, account, `Cán bộ ${n}`, BENCH_NOW.toISOString());
  if (personId === null) throw new Error("the invite was not redeemed");
  const token = await createLoginLink(repos, personId, BENCH_NOW);
  const opened = await openLink(repos, token, "bench", BENCH_NOW);
  if (typeof opened !== "object") throw new Error(`the link was refused: ${opened}`);
  return `tlcd_session=${opened.session}`;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

/** `copy`: work on a copy, leaving the database as it was (a seeded cache); the run's own copy needs none. */
export async function benchDashboard(database: string, copy = true): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "tlcd-bench-web-"));
  const file = copy ? join(dir, "dashboard.sqlite") : database;
  let repos: Repositories;
  try {
    if (copy) copyFileSync(database, file);
    repos = repositories(openDatabase(file));
  } catch (error) {
    // A seed the migrations cannot open leaves no 2.5 GB copy behind.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  try {
    const app = dashboardRoutes({
      repos,
      standing: standingService(repos),
      policies: policyService(repos, null),
      translate: loadTranslations().translate,
      timeZone: "Asia/Ho_Chi_Minh",
      clock: () => BENCH_NOW,
      base: "",
    });
    const rows: Row[] = [];
    let n = 0;
    for (const [level, depth] of [
      ["district", 2],
      ["province", 1],
    ] as const) {
      const { units, ms } = TARGETS[level];
      const unit = nearest(repos, depth, units);
      const cookie = await adminSession(repos, unit.id, ++n);
      const cpu: number[] = [];
      const ask = async (path: string) => {
        const start = performance.now();
        const used = process.cpuUsage();
        const response = await app.request(path, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        const { user, system } = process.cpuUsage(used);
        cpu.push((user + system) / 1000);
        return performance.now() - start;
      };
      await ask("/");
      await ask("/don-vi");
      cpu.length = 0;
      const overview: number[] = [];
      const table: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        overview.push(await ask("/"));
        table.push(await ask("/don-vi"));
      }
      const both = overview.map((o, i) => o + (table[i] ?? 0));
      const total = median(both);
      // The CPU of each overview and table pair, as the wall time is counted (not twice the middle request).
      const cpuPairs = overview.map((_o, i) => (cpu[2 * i] ?? 0) + (cpu[2 * i + 1] ?? 0));
      rows.push({
        name: `dashboard of a ${level} (${unit.size.toLocaleString("en")} units): overview + units table, median of ${SAMPLES}`,
        // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
        value: `${total.toFixed(0)} ms (overview ${median(overview).toFixed(0)} ms, table ${median(table).toFixed(0)} ms; CPU ${median(cpuPairs).toFixed(0)} ms)`,
        target: `< ${ms} ms`,
        pass: total < ms,
      });
    }
    return rows;
  } finally {
    await repos.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const database = process.argv[2];
  if (!database) {
    console.error("usage: npx tsx bench/dashboard.ts <seeded database>");
    process.exit(2);
  }
  for (const row of await benchDashboard(database))
    console.log(`${row.name}: ${row.value} (${row.target}, ${row.pass ? "pass" : "FAIL"})`);
}
