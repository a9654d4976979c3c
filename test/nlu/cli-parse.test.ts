import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runParse } from "#src/cli/parse.ts";

async function run(args: string[], input = ""): Promise<{ code: number; lines: string[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stdin.end(input);
  const code = await runParse(args, { stdin, stdout }, "Asia/Ho_Chi_Minh");
  return { code, lines: out.split("\n").filter((l) => l !== "") };
}

describe("cli parse", () => {
  it("prints the parse of its arguments as one line of JSON", async () => {
    const { code, lines } = await run(["--today", "2024-06-15", "kết", "nạp", "5", "đv"]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      intent: "report",
      reports: [{ event: "join", count: 5 }],
      recordedOn: "2024-06-15",
    });
  });

  it("reads stdin one message per line, in order, skipping blank lines", async () => {
    const { code, lines } = await run([], "kết nạp 5 đv\n\n  \ntiến độ\r\nhoàn tác\n");
    expect(code).toBe(0);
    expect(lines.map((l) => (JSON.parse(l) as { intent: string }).intent)).toEqual(["report", "ask_progress", "undo"]);
  });

  it("reads relative dates against --today", async () => {
    const { lines } = await run(["--today=2024-06-15", "hôm qua kết nạp 3 đv"]);
    expect((JSON.parse(lines[0] ?? "") as { date?: string }).date).toBe("2024-06-14");
  });

  it("reads --today given as a separate word, and shows the day a report is recorded on", async () => {
    // 2024-06-15 is a Saturday: Thursday of last week is 2024-06-06.
    const { lines } = await run(["--today", "2024-06-15", "thứ 5 tuần trước kết nạp 3 đv"]);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ date: "2024-06-06", recordedOn: "2024-06-06" });
  });

  it("shows that nothing would be recorded when the bot would ask", async () => {
    const { lines } = await run(["--today", "2024-06-15", "kết nạp -3 đv"]);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ uncertain: { reason: "count-signed" }, recordedOn: null });
  });

  it("shows no recording day for what is not a report", async () => {
    const { lines } = await run(["--today", "2024-06-15", "tiến độ"]);
    expect(JSON.parse(lines[0] ?? "")).toEqual({ intent: "ask_progress" });
  });

  it.each([["--today=15/6"], ["--today", "2024-02-30"], ["--today"]])("refuses a malformed %s", async (...args) => {
    const { code } = await run([...args, "tiến độ"]);
    expect(code).toBe(2);
  });
});
