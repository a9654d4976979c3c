// The webhook benchmark on PostgreSQL: `instances` server processes (`src/main.ts` with DATABASE_URL, as a
// deployment runs them) taking the load process's updates round-robin, on a database of the run's own made
// from the kept copy of the seed (bench/postgres-seed.ts).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Log } from "./seed-database.ts";
import { BENCH_NOW } from "./synthetic-country.ts";
import type { Chair, LoadPlan, PhasePlan } from "./webhook-protocol.ts";
import { CONNECTIONS, followLoad, nextMessage, SECRET, startMainProcess, type WebhookTiming } from "./webhook-run.ts";

const FIRST_UPDATE_ID = 200_000_000;

async function chairsIn(client: pg.Client): Promise<Chair[]> {
  const { rows } = await client.query<{ externalId: string; displayName: string }>(
    `select a.external_id as "externalId", p.display_name as "displayName"
     from roles r join accounts a on a.person_id = r.person_id and a.platform = 'telegram'
     join people p on p.id = r.person_id where r.role = 'chair'`,
  );
  return rows.map((row) => {
    const [firstName = "bạn", ...rest] = row.displayName.split(" ");
    return { telegramId: Number(row.externalId), firstName, lastName: rest.join(" ") };
  });
}

/** The webhook phases against `instances` server processes on the copied database. */
export async function measurePostgresWebhook(
  databaseUrl: string,
  instances: number,
  phases: PhasePlan[],
  log: Log,
  firstUpdateId = FIRST_UPDATE_ID,
): Promise<WebhookTiming> {
  const child = fork(fileURLToPath(new URL("./webhook-load.ts", import.meta.url)), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const servers: { port: number; stop: () => Promise<void> }[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ready = await nextMessage(child, 30_000);
    if (ready.type !== "stand-in") throw new Error(`unexpected first message ${ready.type}`);
    const env = {
      BOT_TOKEN: "123456:BENCH-token",
      BOT_MODE: "webhook",
      BOT_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: ready.url,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "silent",
    };
    // Started one after the other: the first migrates (nothing to do) and the rest find it done.
    for (let i = 0; i < instances; i++) servers.push(await startMainProcess(env));
    const lastLedgerId = async () =>
      Number((await client.query<{ id: string | null }>("select max(id) as id from ledger")).rows[0]?.id ?? 0);
    const ledgerBefore = await lastLedgerId();
    const [first, ...more] = servers.map((s) => `http://127.0.0.1:${s.port}/webhook/telegram`);
    const plan: LoadPlan = {
      webhookUrl: first as string,
      moreUrls: more,
      secret: SECRET,
      chairs: await chairsIn(client),
      firstUpdateId,
      connections: CONNECTIONS,
      phases,
      messageDate: Math.floor(BENCH_NOW.getTime() / 1000),
    };
    log(`postgres: ${plan.chairs.length.toLocaleString("en")} linked chairs, ${instances} instance(s)`);
    // Rows counted, not ids: a transaction rolled back (a deadlock's victim, run again alone) uses up ids.
    const rowsSince = async (id: number) =>
      Number((await client.query<{ n: string }>("select count(*) as n from ledger where id > $1", [id])).rows[0]?.n);
    return await followLoad(child, plan, () => rowsSince(ledgerBefore));
  } finally {
    if (child.connected) child.send({ type: "stop" });
    await Promise.all(servers.map((s) => s.stop()));
    await client.end();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const timer = setTimeout(() => child.kill(), 5_000);
    if (child.exitCode === null) await exited;
    clearTimeout(timer);
  }
}
