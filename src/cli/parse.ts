// `npm run cli -- parse "<text>"`: how the bot reads a message, as one line of JSON. Without
// text, reads stdin one message per line. Relative dates ("hôm qua") are read against today in
// the configured time zone, or against --today=YYYY-MM-DD.

import { createInterface } from "node:readline";
import { dayOf } from "#domain/calendar.ts";
import { readMessage } from "#nlu/index.ts";

const TODAY_OPTION = /^--today=(\d{4}-\d{2}-\d{2})$/;

export async function runParse(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream },
  timeZone: string,
): Promise<number> {
  let today = dayOf(new Date(), timeZone);
  const words: string[] = [];
  for (const arg of args) {
    const option = TODAY_OPTION.exec(arg);
    if (option?.[1] !== undefined) today = option[1];
    else if (arg.startsWith("--today")) {
      io.stdout.write("parse: --today must look like --today=2024-06-15\n");
      return 2;
    } else words.push(arg);
  }
  const print = (text: string) => io.stdout.write(`${JSON.stringify(readMessage(text, { today }))}\n`);
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
