// The operator CLI: `npm run cli -- <command>`. Each command lives in src/cli/. runCli is the whole CLI
// as a function, so tests run it in-process; run as a script, it reads the real environment and stdio.
import { Writable } from "node:stream";
import { openDatabase, repositories, type Repositories } from "#db/index.ts";
import { openPostgresStore } from "#db/pg/store.ts";
import { ConfigError, loadConfig, processEnv } from "./config.ts";
import { dayOf } from "./domain/calendar.ts";

const USAGE = `usage: npm run cli -- <command>
  import <file.csv>                               units or targets, all or nothing
  invite <unit_code> --role chair|officer|admin   one single-use invite (--days N, default 14)
  invite --under <unit_code> --role chair         one invite per grassroots unit and guild without one
  export <unit_code> <file.xlsx>                  the progress report of a subtree, as /xuatbaocao sends it
  metric add <key> "<name>" --kind … | metric list  the catalogue of metrics
  plan add <unit_code> --number … --title … --from YYYY [--to YYYY]  a plan targets can name
  reminders --at <ISO time> [--dry-run]           what falls due then; without --dry-run, into the outbox
  broadcast <unit_code> "<text>"                  an announcement to everyone linked in the subtree
  task add <unit_code> "<title>" --due DD/MM/YYYY a task for a unit and everything below it
  audit [--unit <unit_code>] [--since YYYY-MM-DD] the audit log of changes, newest first
  members export|import|cards <unit_code> <file>  the member register: approved list out, a list or card numbers in
  members rotate-key                              re-seal the register under MEMBER_DATA_KEY_NEXT
  parse [--today YYYY-MM-DD] ["<text>"]           how the bot reads a message, and the day a report is recorded on
  migrate-to-postgres <file.sqlite> <postgres://…> every row of a SQLite database into an empty PostgreSQL one
Every command but parse and migrate-to-postgres works on PostgreSQL when DATABASE_URL is set, else on
the SQLite file at DATABASE_PATH.`;

export interface CliOptions {
  /** The environment the configuration is read from. */
  env: Record<string, string | undefined>;
  /** Where the CLI writes, one line per call: results to out, usage and errors to err. */
  io: { out: (line: string) => void; err: (line: string) => void };
  /** What `parse` reads when given no text. */
  stdin?: NodeJS.ReadableStream;
  now?: Date;
}

/** Runs one CLI command; resolves to the exit code. */
export async function runCli(argv: string[], options: CliOptions): Promise<number> {
  try {
    return await main(argv, options);
  } catch (error) {
    options.io.err(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
    return 1;
  }
}

/** `parse` writes to a stream: this hands what it writes to a line writer, line by line. */
function linesTo(write: (line: string) => void): Writable {
  let partial = "";
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) write(line);
      done();
    },
  });
}

async function main(argv: string[], { env, io, stdin, now = new Date() }: CliOptions): Promise<number> {
  const [command, ...args] = argv;
  if (command === "migrate-to-postgres") {
    const { runMigrateToPostgres } = await import("./cli/migrate-to-postgres.ts");
    return await runMigrateToPostgres(args, io);
  }
  if (command === "parse") {
    const { runParse } = await import("./cli/parse.ts");
    return runParse(args, { stdin: stdin ?? process.stdin, stdout: linesTo(io.out) }, loadConfig(env).timeZone);
  }
  if (
    !["import", "invite", "export", "metric", "plan", "reminders", "broadcast", "task", "audit", "members"].includes(
      command ?? "",
    )
  ) {
    io.err(USAGE);
    return command === undefined || command === "help" ? 0 : 2;
  }
  const config = loadConfig(env);
  const repos = await openRepositories(config.databaseUrl, config.databasePath);
  try {
    if (command === "import") {
      const { runImport } = await import("./cli/import.ts");
      return await runImport(args, repos, dayOf(now, config.timeZone), io);
    }
    if (command === "export") {
      const { runExport } = await import("./cli/export.ts");
      return await runExport(args, repos, dayOf(now, config.timeZone), io);
    }
    if (command === "metric" || command === "plan") {
      const { runMetric, runPlan } = await import("./cli/catalogue.ts");
      return command === "metric" ? await runMetric(args, repos, io) : await runPlan(args, repos, io);
    }
    if (command === "reminders" || command === "broadcast" || command === "task") {
      const { runReminders, runBroadcast, runTask } = await import("./cli/reminders.ts");
      if (command === "reminders") return await runReminders(args, repos, config.timeZone, config.quietHours, io);
      return command === "broadcast" ? await runBroadcast(args, repos, io) : await runTask(args, repos, io);
    }
    if (command === "members") {
      const { runMembers } = await import("./cli/members.ts");
      return await runMembers(args, repos, config, dayOf(now, config.timeZone), io);
    }
    if (command === "audit") {
      const { runAudit } = await import("./cli/audit.ts");
      return await runAudit(args, repos, config.timeZone, io);
    }
    const { runInvite } = await import("./cli/invite.ts");
    return await runInvite(args, repos, now, io);
  } finally {
    await repos.close();
  }
}

/** The store the bot runs on: PostgreSQL at DATABASE_URL (migrated first, as the bot would), else the file. */
async function openRepositories(url: string | undefined, path: string): Promise<Repositories> {
  return url ? (await openPostgresStore(url, { max: 2 })).repos : repositories(openDatabase(path));
}

if (process.argv[1] === import.meta.filename) {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: processEnv(),
    io: { out: (line) => console.log(line), err: (line) => console.error(line) },
    stdin: process.stdin,
  });
}
