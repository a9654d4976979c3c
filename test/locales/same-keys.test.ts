// A message missing from one locale would show its key to the person; a variable missing would show "{$unit}".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Each message and attribute of a Fluent file, with the variables it uses, sorted. */
function messagesOf(locale: string): Map<string, string[]> {
  const text = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
  const bodies = new Map<string, string>();
  let current: string | undefined;
  for (const [index, line] of text.split("\n").entries()) {
    const start = /^(-?[a-zA-Z][\w-]*)\s*=(.*)$/.exec(line);
    if (start?.[1]) {
      if (bodies.has(start[1])) throw new Error(`${locale}.ftl:${index + 1}: ${start[1]} is defined twice`);
      current = start[1];
      bodies.set(current, start[2] ?? "");
    } else if ((/^\s+\S/.test(line) || line.startsWith("}")) && current) {
      bodies.set(current, `${bodies.get(current)}\n${line}`);
    } else if (line.startsWith("#") || line.trim() === "") {
      if (line.startsWith("#")) current = undefined;
    } else {
      // Fluent skips what it cannot read, so a stray line would silently lose a message.
      throw new Error(`${locale}.ftl:${index + 1}: not a message, a continuation or a comment: ${line}`);
    }
  }
  return new Map(
    [...bodies].map(([key, body]) => [
      key,
      [...new Set([...body.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? ""))].sort(),
    ]),
  );
}

describe("the locales", () => {
  const vi = messagesOf("vi");
  const en = messagesOf("en");

  it("have the same message keys", () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
  });

  it("use the same variables in each message", () => {
    const differing = [...vi]
      .filter(([key, variables]) => en.has(key) && en.get(key)?.join() !== variables.join())
      .map(([key, variables]) => `${key}: vi {${variables.join(", ")}} en {${en.get(key)?.join(", ")}}`);
    expect(differing).toEqual([]);
  });

  it("are read whole: a file of many messages, none lost to a stray line", () => {
    expect(vi.size).toBeGreaterThan(100);
  });
});
