import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli } from "#test/run-cli.ts";

let dir: string;
let env: Record<string, string>;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const query = <T>(sql: string) => {
  const db = new Database(env.DATABASE_PATH, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

const UNITS = `code,name,parent_code,kind,sector,members,workers
HCM,LĐLĐ TP Hồ Chí Minh,,province,,0,0
C1,"CĐCS Công ty May Việt, chi nhánh 2",TD,grassroots,non_state,120,150
TD,LĐLĐ TP Thủ Đức,HCM,district,,0,0
ND1,Nghiệp đoàn xe ôm,TD,guild,informal,35,0
`;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-cli-"));
  env = { DATABASE_PATH: join(dir, "bot.sqlite") };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run cli -- import", () => {
  it("imports units in any order of parents and children, and updates by code on a second import", async () => {
    const first = await cli(["import", file("units.csv", UNITS)], env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("units: 4 added, 0 updated");
    expect(first.code).toBe(0);
    const again = await cli(["import", file("units2.csv", UNITS.replace("120,150", "130,160"))], env);
    expect(again.stdout).toContain("units: 0 added, 4 updated");
    const rows = query<{ code: string; members: number; path: string }>(
      "select code, members, path from units order by id",
    );
    expect(rows.find((r) => r.code === "C1")?.members).toBe(130);
    expect(
      rows
        .find((r) => r.code === "C1")
        ?.path.split("/")
        .filter(Boolean),
    ).toHaveLength(3);
  });

  it("changes nothing when any row is bad, and names every bad row with its line number", async () => {
    const bad = `code,name,parent_code,kind,sector,members,workers
HCM,LĐLĐ TP Hồ Chí Minh,,province,,0,0
X1,,HCM,grassroots,,1,1
X2,CĐCS A,NOPE,grassroots,,1,1
X3,CĐCS B,HCM,factory,,1,1
X4,CĐCS C,HCM,grassroots,private,-1,abc
HCM,Trùng mã,,province,,0,0
`;
    const result = await cli(["import", file("bad.csv", bad)], env);
    expect(result.code).toBe(1);
    for (const line of [3, 4, 5, 6, 7]) expect(result.stderr).toContain(`line ${line}:`);
    expect(result.stderr).toContain("name is empty");
    expect(result.stderr).toContain("parent_code NOPE is not a known unit");
    expect(result.stderr).toContain("kind must be one of");
    expect(result.stderr).toContain("sector must be one of");
    expect(result.stderr).toContain("appears twice");
    expect(result.stderr).toContain("nothing was imported");
    expect(query<{ n: number }>("select count(*) as n from units")[0]?.n).toBe(0);
  });

  it("imports targets with either date form, all or nothing", async () => {
    await cli(["import", file("units.csv", UNITS)], env);
    const good = `unit_code,metric,target,deadline
TD,thuc_tang,12.000,31/12/2026
C1,ket_nap,30,2026-12-31
ND1,ket_nap,20,
`;
    const ok = await cli(["import", file("targets.csv", good)], env);
    expect(ok.stdout).toContain("targets: 3 added, 0 updated");
    const rows = query<{ value: number; deadline: string | null }>("select value, deadline from targets order by id");
    expect(rows[0]).toEqual({ value: 12000, deadline: "2026-12-31" });
    expect(rows[2]?.deadline).toBeNull();

    const bad = `unit_code,metric,target,deadline
C1,ket_nap,35,2026-12-31
C9,ket_nap,5,2026-12-31
C1,doan_phi,5,2026-12-31
C1,ket_nap,năm,31/02/2026
`;
    const refused = await cli(["import", file("targets-bad.csv", bad)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 3: unit_code C9 is not a known unit");
    expect(refused.stderr).toContain("line 4: metric doan_phi is not known");
    expect(refused.stderr).toContain(
      "line 5: target must be a whole number; deadline must be YYYY-MM-DD or DD/MM/YYYY",
    );
    expect(
      query<{ value: number }>(
        "select value from targets where metric = 'ket_nap' and unit_id = (select id from units where code = 'C1')",
      )[0]?.value,
    ).toBe(30);
  });

  it("refuses a file with an unknown header, and a missing file, with a clear line", async () => {
    const wrong = await cli(["import", file("x.csv", "a,b,c\n1,2,3\n")], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("line 1: header must be");
    const missing = await cli(["import", join(dir, "nope.csv")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });
});

describe("npm run cli -- invite", () => {
  beforeEach(async () => {
    await cli(["import", file("units.csv", UNITS)], env);
  });

  it("prints a single-use code as its last line", async () => {
    const result = await cli(["invite", "C1", "--role", "chair"], env);
    expect(result.code).toBe(0);
    const last = result.stdout.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const invite = query<{ role: string; expires_at: string }>(
      `select role, expires_at from invites where code = '${last}'`,
    )[0];
    expect(invite?.role).toBe("chair");
  });

  it("prints the t.me deep link once the bot's username is known", async () => {
    const db = new Database(env.DATABASE_PATH);
    db.prepare("insert into settings (key, value) values ('telegram.username', 'TroLyCDBot')").run();
    db.close();
    const last = (await cli(["invite", "TD", "--role", "officer"], env)).stdout.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(/^https:\/\/t\.me\/TroLyCDBot\?start=[2-9A-HJ-NP-Z]{10}$/);
  });

  it("prints one invite per grassroots unit and guild below a unit, as CSV", async () => {
    const result = await cli(["invite", "--under", "HCM", "--role", "chair"], env);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("unit_code,unit_name,code,link");
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(["C1", "ND1"]);
    expect(lines.find((l) => l.startsWith("C1"))).toContain('"CĐCS Công ty May Việt, chi nhánh 2"');
  });

  it("refuses an unknown role or unit", async () => {
    expect((await cli(["invite", "C1", "--role", "boss"], env)).stderr).toContain("--role must be one of");
    expect((await cli(["invite", "NOPE", "--role", "chair"], env)).stderr).toContain("unknown unit NOPE");
  });
});
