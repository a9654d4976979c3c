import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, repositories } from "#db/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tlcd-names-"));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the unit name index", () => {
  it("indexes at start the units written without the repository, once", async () => {
    const file = join(dir, "n.sqlite");
    const db = openDatabase(file);
    const repos = repositories(db);
    const district = await repos.units.upsert({
      code: "D1",
      name: "LĐLĐ huyện Phú Riềng",
      parentCode: null,
      kind: "district",
      sector: null,
      members: 0,
      workers: 0,
    });
    // As the benchmark's seed or an older version of the bot left them: rows in units, none in unit_words.
    db.$client
      .prepare(
        `insert into units (code, name, parent_id, kind, members, workers, path, depth) values (?, ?, ?, 'grassroots', 0, 0, ?, 1)`,
      )
      .run("C9", "CĐCS Công ty TNHH Cơ khí Hòa Bình", district.id, `${district.path}999/`);
    expect(await repos.units.sharingWords(["co", "khi", "hoa", "binh"], [district], 10)).toEqual([]);
    db.$client.prepare(`delete from settings where key = 'units.name_index'`).run();
    const again = repositories(db);
    const found = await again.units.sharingWords(["khi", "hoa", "binh"], [district], 10);
    expect(found.map((unit) => unit.code)).toEqual(["C9"]);
    db.$client.close();
  });

  it("ranks the units sharing the most words first, and keeps to the subtree asked about", async () => {
    const db = openDatabase(join(dir, "r.sqlite"));
    const repos = repositories(db);
    const add = async (
      code: string,
      name: string,
      parentCode: string | null,
      kind: "district" | "grassroots" = "grassroots",
    ) => await repos.units.upsert({ code, name, parentCode, kind, sector: null, members: 0, workers: 0 });
    const d1 = await add("D1", "LĐLĐ huyện Phú Riềng", null, "district");
    await add("D2", "LĐLĐ huyện Bù Đăng", null, "district");
    await add("A", "CĐCS Công ty May Hòa Bình", "D1");
    await add("B", "CĐCS Công ty Cơ khí Hòa Bình", "D1");
    await add("C", "CĐCS Công ty Cơ khí Hòa Bình", "D2");
    await add("E", "CĐCS Trường Mầm non Hoa Sen", "D1");
    const found = await repos.units.sharingWords(["co", "khi", "hoa", "binh"], [d1], 10);
    expect(found.map((unit) => unit.code).sort()).toEqual(["A", "B", "E"]);
    expect((await repos.units.sharingWords(["co", "khi", "hoa", "binh"], [d1], 1)).map((unit) => unit.code)).toEqual([
      "B",
    ]);
    db.$client.close();
  });
});
