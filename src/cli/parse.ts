// `npm run cli -- parse [--today YYYY-MM-DD] "<text>"`: how the bot reads a message, as one line
// of JSON. Without text, reads stdin one message per line. Relative dates ("hôm qua") are read
// against today in the configured time zone, or against --today. A report also shows `recordedOn`:
// the day it would be recorded on, or null when the bot would ask instead of recording.

import { createInterface } from "node:readline";
import { dayOf } from "#domain/calendar.ts";
import { readMessage, type Parse } from "#nlu/index.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string | undefined): text is string {
  return text !== undefined && DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function withRecordedOn(parsed: Parse, today: string): Parse & { recordedOn?: string | null } {
  if (parsed.intent !== "report") return parsed;
  return { ...parsed, recordedOn: parsed.uncertain === undefined ? (parsed.date ?? today) : null };
}

export async function runParse(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream },
  timeZone: string,
): Promise<number> {
  let today = dayOf(new Date(), timeZone);
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--today")) {
      words.push(arg);
      continue;
    }
    // "--today 2024-06-15" and "--today=2024-06-15" alike.
    const value = arg === "--today" ? args[(i += 1)] : arg.startsWith("--today=") ? arg.slice(8) : undefined;
    if (!isDay(value)) {
      io.stdout.write("parse: --today must be a day on the calendar, like --today 2024-06-15\n");
      return 2;
    }
    today = value;
  }
  const print = (text: string) =>
    io.stdout.write(`${JSON.stringify(withRecordedOn(readMessage(text, { today }), today))}\n`);
  if (words.length > 0) {
    print(words.join(" "));
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== "") print(line);
  }
  return 0;
}
