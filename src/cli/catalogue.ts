// `npm run cli -- metric add …` and `plan add …`: the catalogue of metrics and the plans targets come from.
import type { Repositories } from "#db/index.ts";
import { METRIC_KINDS, RATINGS, SECTORS, type MetricKind, type Sector } from "#db/schema.ts";
import { readDay } from "#domain/import.ts";
import type { CliIo } from "./import.ts";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  return args.filter((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export async function runMetric(args: string[], repos: Repositories, io: CliIo): Promise<number> {
  const [verb, key, name] = positional(args);
  if (verb === "list") {
    for (const m of (await repos.metrics.all()).values()) io.out(`${m.key}\t${m.kind}\t${m.name}`);
    return 0;
  }
  const kind = (option(args, "--kind") ?? "count") as MetricKind;
  const sector = option(args, "--sector") ?? null;
  const events = list(option(args, "--events"));
  const ratings = list(option(args, "--ratings"));
  if (verb !== "add" || !key || !name) {
    io.err('usage: npm run cli -- metric add <key> "<Vietnamese name>" --kind count --events activity[,…]');
    io.err(
      "       (or --kind member_rate|rating_share --sector state|non_state|informal [--ratings xuat_sac,tot]); metric list",
    );
    return 2;
  }
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]{1,40}$/.test(key)) problems.push("key must be lower-case letters, digits and _");
  if ((await repos.metrics.get(key))?.builtin) problems.push(`${key} is a built-in metric`);
  if (!(METRIC_KINDS as readonly string[]).includes(kind))
    problems.push(`--kind must be one of ${METRIC_KINDS.join(", ")}`);
  if (kind === "count" && events.length === 0)
    problems.push("a count needs --events (report events such as join, leave, activity)");
  if (sector !== null && !(SECTORS as readonly string[]).includes(sector))
    problems.push(`--sector must be one of ${SECTORS.join(", ")}`);
  if (ratings.some((r) => !(RATINGS as readonly string[]).includes(r)))
    problems.push(`--ratings must be from ${RATINGS.join(", ")}`);
  if (kind === "rating_share" && ratings.length === 0) problems.push("a rating share needs --ratings");
  if (problems.length > 0) {
    for (const p of problems) io.err(p);
    return 1;
  }
  await repos.metrics.add({ key, name, kind, events, sector: sector as Sector | null, ratings });
  io.out(`metric ${key} (${kind}) saved: ${name}`);
  return 0;
}

export async function runPlan(args: string[], repos: Repositories, io: CliIo): Promise<number> {
  const [verb, unitCode] = positional(args);
  const number = option(args, "--number");
  const title = option(args, "--title");
  const from = option(args, "--from");
  const to = option(args, "--to") ?? from;
  const dateText = option(args, "--date");
  if (verb !== "add" || !unitCode || !number || !title || !from) {
    io.err(
      'usage: npm run cli -- plan add <unit_code> --number "39/KH-LĐLĐ" --title "…" --from 2023 [--to 2028] [--date DD/MM/YYYY]',
    );
    return 2;
  }
  const unit = await repos.units.byCode(unitCode);
  const issuedOn = dateText ? readDay(dateText) : null;
  const problems: string[] = [];
  if (!unit) problems.push(`unknown unit ${unitCode}`);
  if (!/^\d{4}$/.test(from) || !/^\d{4}$/.test(to ?? "") || (to ?? "") < from)
    problems.push("--from and --to must be years, from ≤ to");
  if (dateText && !issuedOn) problems.push("--date must be DD/MM/YYYY or YYYY-MM-DD");
  if (problems.length > 0 || !unit || !to) {
    for (const p of problems) io.err(p);
    return 1;
  }
  const id = await repos.plans.save({ number, title, unitId: unit.id, issuedOn, periodFrom: from, periodTo: to });
  io.out(`plan ${number} of ${unit.name} saved (id ${id}); name it in a targets file's "plan" column.`);
  return 0;
}
