// The operator CLI: `npm run cli -- <command>`. Each command lives in src/cli/.
import { openDatabase, repositories } from "#db/index.ts";
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
  parse ["<text>"]                                how the bot reads a message (stdin: one per line)`;

const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "parse") {
    const { runParse } = await import("./cli/parse.ts");
    return runParse(args, { stdin: process.stdin, stdout: process.stdout });
  }
  if (!["import", "invite", "export", "metric", "plan", "reminders", "broadcast", "task"].includes(command ?? "")) {
    console.error(USAGE);
    return command === undefined || command === "help" ? 0 : 2;
  }
  const config = loadConfig(processEnv());
  const repos = repositories(openDatabase(config.databasePath));
  const now = new Date();
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
      return command === "metric" ? runMetric(args, repos, io) : runPlan(args, repos, io);
    }
    if (command === "reminders" || command === "broadcast" || command === "task") {
      const { runReminders, runBroadcast, runTask } = await import("./cli/reminders.ts");
      if (command === "reminders") return runReminders(args, repos, config.timeZone, config.quietHours, io);
      return command === "broadcast" ? runBroadcast(args, repos, io) : runTask(args, repos, io);
    }
    const { runInvite } = await import("./cli/invite.ts");
    return runInvite(args, repos, now, io);
  } finally {
    repos.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  process.exitCode = 1;
}
