// `npx tsx bench/pg-hot-totals.ts [--url postgres://…/test] [--shards 8] [--reports 3000]`: how many
// reports a second three PostgreSQL "instances" (three pools of 10 connections, in this process) record
// when every report adds to the nation's and a province's running totals, with those totals split into
// `--shards` rows. Each report is one transaction (its update claim, its entry, its roll-ups), as in the
// bot. It runs in a database of its own, dropped at the end, and checks that the national total is exact.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openServer, pgRepositories } from "#db/pg/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};
const base = option("url", "postgres://postgres@127.0.0.1:5432/test");
const shards = Number(option("shards", "8"));
const reports = Number(option("reports", "3000"));
const INSTANCES = 3;
const IN_FLIGHT = 30;
const NOW = "2026-05-01T00:00:00.000Z";

const name = `tcd_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
try {
  const stores = Array.from({ length: INSTANCES }, () => openServer(url.toString(), { max: IN_FLIGHT / INSTANCES }));
  await (stores[0] as (typeof stores)[number]).migrate();
  const instances = await Promise.all(stores.map((store) => pgRepositories(store, { tallyShards: shards })));
  const first = instances[0] as (typeof instances)[number];
  const unit = (code: string, parentCode: string | null, kind: "national" | "province" | "grassroots") =>
    first.units.upsert({ code, name: code, parentCode, kind, sector: null, members: 0, workers: 0 });
  const nation = await unit("VN", null, "national");
  const leaves: Unit[] = [];
  for (let p = 0; p < 3; p++) {
    await unit(`P${p}`, "VN", "province");
    for (let g = 0; g < 10; g++) leaves.push(await unit(`P${p}G${g}`, `P${p}`, "grassroots"));
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, worker) => {
      const repos = instances[worker % INSTANCES] as (typeof instances)[number];
      while (next < reports) {
        const i = next++;
        const leaf = leaves[i % leaves.length] as Unit;
        await repos.transaction(async () => {
          await repos.updates.claim("telegram", String(i), NOW);
          await repos.ledger.record(
            [
              {
                unitId: leaf.id,
                lineage: lineage(leaf),
                event: "join",
                count: 1,
                informal: false,
                occurredOn: "2026-05-01",
                reporterId: null,
                source: `telegram:${i}`,
              },
            ],
            NOW,
          );
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const national = (await first.ledger.tallies(nation.id, "2026")).get("join");
  console.log(
    `shards ${shards}: ${reports} reports in ${seconds.toFixed(2)} s, ${(reports / seconds).toFixed(0)} a second; national total ${national} (${national === reports ? "exact" : "WRONG"})`,
  );
  for (const store of stores) await store.close();
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
