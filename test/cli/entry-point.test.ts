// The script entry point itself: arguments, environment, output and exit code of a real process.
// Everything else about the CLI is tested in-process through runCli.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, spawnCli } from "#test/run-cli.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-cli-entry-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run cli as a process", () => {
  it("reads DATABASE_PATH from its environment, writes there, and exits 0", () => {
    const units = join(dir, "units.csv");
    writeFileSync(units, "code,name,parent_code,kind,sector,members,workers\nTD,LĐLĐ TP Thủ Đức,,district,,0,0\n");
    const database = join(dir, "bot.sqlite");
    const result = spawnCli(["import", units], { DATABASE_PATH: database });
    expect(result.stdout).toContain("units: 1 added, 0 updated");
    expect(result.code).toBe(0);
    const db = new Database(database, { readonly: true });
    expect(db.prepare("select name from units").pluck().all()).toEqual(["LĐLĐ TP Thủ Đức"]);
    db.close();
  });

  it("prints the usage on stderr and exits 2 for a command it does not know", () => {
    const result = spawnCli(["frobnicate"], { DATABASE_PATH: join(dir, "bot.sqlite") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run cli -- <command>");
  });
});

describe("runCli", () => {
  it("names a bad configuration in one line and exits 1, before touching a database", async () => {
    const result = await cli(["invite", "TD", "--role", "chair"], { TZ: "Mars/Olympus", DATABASE_PATH: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^configuration: .*TZ/);
  });

  it("reads messages to parse from its input, one per line", async () => {
    const result = await cli(["parse", "--today=2026-06-15"], {}, "kết nạp 5 đv\ntiến độ\n");
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { intent: string }).intent),
    ).toEqual(["report", "ask_progress"]);
  });
});
