// Accuracy of the parser on hand-written chat messages. tuning.jsonl is what the rules were
// tuned on; holdout.jsonl was written first and only ever scored, so its figure is the honest one.
// Every message is read as if sent on 2024-06-15, which the expected dates assume. A message the
// bot should ask about instead of recording expects `uncertain: { reason }`; only the reason is compared.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, type Parse, type ReportItem } from "#nlu/index.ts";

const TODAY = "2024-06-15";
const THRESHOLD = 0.97;

interface Example {
  text: string;
  expect: Partial<Parse> & Pick<Parse, "intent">;
}

function load(name: string): Example[] {
  return readFileSync(new URL(`./corpus/${name}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Example);
}

function sameReports(actual: ReportItem[] | undefined, expected: ReportItem[] | undefined): boolean {
  const shape = (items: ReportItem[] | undefined) =>
    JSON.stringify((items ?? []).map((r) => [r.event, r.count ?? null, r.informal === true]));
  return shape(actual) === shape(expected);
}

const FIELDS = ["unit", "date", "people", "metric"] as const;

interface Score {
  messages: number;
  intents: number;
  reportMessages: number;
  reports: number;
  fieldChecks: number;
  fields: number;
  misses: string[];
}

function score(examples: Example[]): Score {
  const s: Score = { messages: 0, intents: 0, reportMessages: 0, reports: 0, fieldChecks: 0, fields: 0, misses: [] };
  for (const example of examples) {
    const got = parse(example.text, { today: TODAY });
    s.messages += 1;
    const intentOk = got.intent === example.expect.intent;
    if (intentOk) s.intents += 1;
    let ok = intentOk;
    if (example.expect.intent === "report") {
      s.reportMessages += 1;
      // A reading the bot is unsure of is asked about instead of recorded: expected, or a miss.
      const reportsOk =
        intentOk &&
        sameReports(got.reports, example.expect.reports) &&
        got.uncertain?.reason === example.expect.uncertain?.reason;
      if (reportsOk) s.reports += 1;
      ok &&= reportsOk;
    }
    for (const field of FIELDS) {
      if (example.expect[field] === undefined) continue;
      s.fieldChecks += 1;
      const fieldOk = JSON.stringify(got[field]) === JSON.stringify(example.expect[field]);
      if (fieldOk) s.fields += 1;
      ok &&= fieldOk;
    }
    if (!ok)
      s.misses.push(
        `${example.text}\n    expected ${JSON.stringify(example.expect)}\n    got      ${JSON.stringify(got)}`,
      );
  }
  return s;
}

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}% (${n}/${of})`;

describe.each(["tuning.jsonl", "holdout.jsonl"])("the corpus %s", (file) => {
  const examples = load(file);
  const s = score(examples);

  it("is large enough to mean something", () => {
    expect(examples.length).toBeGreaterThanOrEqual(100);
    expect(s.reportMessages).toBeGreaterThanOrEqual(50);
  });

  it(`reads at least ${THRESHOLD * 100}% of intents and reports right`, () => {
    console.log(
      [
        `${file}: ${s.messages} messages`,
        `  intent accuracy  ${percent(s.intents, s.messages)}`,
        `  report accuracy  ${percent(s.reports, s.reportMessages)}  (events, counts and doubts exactly right)`,
        `  unit/date/people/metric  ${percent(s.fields, s.fieldChecks)}`,
        ...(process.env.NLU_SHOW_MISSES === "1" ? s.misses.map((m) => `  miss: ${m}`) : []),
      ].join("\n"),
    );
    expect(s.intents / s.messages).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.reports / s.reportMessages).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
