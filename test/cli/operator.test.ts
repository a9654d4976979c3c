import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli } from "#test/run-cli.ts";

let dir: string;
let env: Record<string, string>;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const count = (sql: string) => {
  const db = new Database(env.DATABASE_PATH, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-operator-"));
  env = { DATABASE_PATH: join(dir, "bot.sqlite") };
  await cli(
    [
      "import",
      file(
        "units.csv",
        "code,name,parent_code,kind,sector,members,workers\nTD,LĐLĐ TP Thủ Đức,,district,,0,0\nC1,CĐCS Công ty May Việt,TD,grassroots,non_state,100,150\n",
      ),
    ],
    env,
  );
  await cli(
    [
      "import",
      file("targets.csv", "unit_code,metric,target,deadline\nTD,ket_nap,50,31/12/2099\nC1,ket_nap,50,31/12/2099\n"),
    ],
    env,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run cli -- export", () => {
  it("writes the same workbook /xuatbaocao sends", async () => {
    // The export covers the current year: targets for a year far ahead are not in it.
    const none = await cli(["export", "TD", join(dir, "none.xlsx")], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no targets");
    const year = new Date().getFullYear();
    await cli(
      [
        "import",
        file("now.csv", `unit_code,metric,target,deadline\nTD,ket_nap,50,31/12/${year}\nC1,ket_nap,50,31/12/${year}\n`),
      ],
      env,
    );
    const out = join(dir, "bao-cao.xlsx");
    const result = await cli(["export", "TD", out], env);
    expect(result.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows: string[] = [];
    book.worksheets[0]?.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.join("\n")).toContain("CĐCS Công ty May Việt");
    expect(rows.join("\n")).toContain("Tổng cộng");
  });
});

describe("npm run cli -- reminders", () => {
  it("prints what falls due without writing on --dry-run, and adds each message once", async () => {
    await cli(["import", file("near.csv", "unit_code,metric,target,deadline\nC1,ket_nap,50,15/07/2026\n")], env);
    const db = new Database(env.DATABASE_PATH);
    const now = new Date().toISOString();
    db.prepare("insert into people (id, display_name, created_at) values (1, 'Bình', ?)").run(now);
    db.prepare(
      "insert into accounts (person_id, platform, external_id, chat_id) values (1, 'telegram', '42', '42')",
    ).run();
    db.prepare(
      "insert into roles (person_id, unit_id, role, created_at) values (1, (select id from units where code = 'C1'), 'chair', ?)",
    ).run(now);
    db.close();
    const at = "2026-07-08T08:00:00+07:00";
    const dry = await cli(["reminders", "--at", at, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/person #1 \(Bình\)\tCĐCS Công ty May Việt\tdeadline\t15\/07\/2026/);
    expect(dry.stdout).toContain("dry run, nothing written");
    expect(count("select count(*) as n from outbox")).toBe(0);
    expect((await cli(["reminders", "--at", at], env)).stdout).toContain("1 new in the outbox");
    expect((await cli(["reminders", "--at", at], env)).stdout).toContain("0 new in the outbox");
    expect(count("select count(*) as n from outbox")).toBe(1);
  });

  it("queues an announcement for everyone linked below a unit", async () => {
    const db = new Database(env.DATABASE_PATH);
    const now = new Date().toISOString();
    db.prepare("insert into people (id, display_name, created_at) values (1, 'Bình', ?)").run(now);
    db.prepare("insert into accounts (person_id, platform, external_id, chat_id) values (1, 'zalo', 'z1', 'z1')").run();
    db.prepare(
      "insert into roles (person_id, unit_id, role, created_at) values (1, (select id from units where code = 'C1'), 'chair', ?)",
    ).run(now);
    db.close();
    const result = await cli(["broadcast", "TD", "Họp giao ban thứ Hai"], env);
    expect(result.stdout).toContain("queued for 1 people");
    expect(
      count("select count(*) as n from outbox where platform = 'zalo' and payload like '%Họp giao ban thứ Hai%'"),
    ).toBe(1);
  });
});
