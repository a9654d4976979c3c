// Moving a SQLite deployment onto PostgreSQL: a world used through the real bot on SQLite, its file copied
// by `migrate-to-postgres` into an empty server database; every row arrives, ids and all, new rows get new
// ids, the CLI then works there, and the bot answers the same figures on both.
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteOf } from "#db/index.ts";
import { openServer } from "#db/pg/index.ts";
import { storeOver } from "#db/pg/store.ts";
import { conversationOver } from "#src/assemble.ts";
import { loadTranslations } from "#src/i18n.ts";
import { freshServerDatabase, serverUrl } from "#test/db/contract/backends.ts";
import { cli } from "#test/run-cli.ts";
import { World, type Person } from "#test/world.ts";

const title = serverUrl
  ? "migrate-to-postgres"
  : "migrate-to-postgres (skipped: no PostgreSQL server answers; set TEST_DATABASE_URL)";

describe.skipIf(!serverUrl)(title, () => {
  let world: World;
  let chair: Person;
  let file: string;
  let target: { url: string; drop(): Promise<void> };
  let copied: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    world = await World.create();
    await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
    await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district", parent: "P1" });
    await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 120 });
    await world.unit({ code: "C2", name: "CĐCS Trường THCS Phú Riềng", parent: "D1", workers: 60 });
    await world.target("C1", "ket_nap", 60, "2026-12-31");
    await world.target("C2", "ket_nap", 20, "2026-12-31");
    chair = await world.personAt("C1");
    const school = await world.personAt("C2", "chair", "Chủ tịch trường");
    const admin = await world.personAt("D1", "admin", "Cán bộ huyện");
    expect(await chair.says("kết nạp 5 đoàn viên")).toContain("Kết nạp đoàn viên: 5/60");
    expect(await school.says("kết nạp 3 đoàn viên")).toContain("Kết nạp đoàn viên: 3/20");
    await admin.says("/thongbao Họp giao ban thứ Hai.");
    await admin.presses("📣 Gửi thông báo");
    // A member on the register, sealed under the world's key: the copy must keep every sealed value as it is.
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await chair.says(
      "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/05/2026, dân tộc Khmer",
    );
    expect(await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)")).toContain("Đã thêm");
    // The file as the operator would copy it, write-ahead log included (SQLite's online backup).
    file = join(world.dir, "copy.sqlite");
    await world.repos.committed();
    await sqliteOf(world.repos).backup(file);
    target = await freshServerDatabase(serverUrl as string);
    copied = await cli(["migrate-to-postgres", file, target.url], {});
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await target?.drop();
  });

  const tables = [
    "units",
    "people",
    "accounts",
    "roles",
    "targets",
    "ledger",
    "audit_log",
    "outbox",
    "broadcasts",
    "member_consents",
    "member_lists",
    "members",
  ];

  it("copies every row of every table with its id, and says how many", async () => {
    expect(copied.stderr).toBe("");
    expect(copied.code).toBe(0);
    const sqlite = new Database(file, { readonly: true });
    const client = new pg.Client(target.url);
    await client.connect();
    try {
      for (const table of tables) {
        const source = sqlite.prepare(`select id from ${table} order by id`).all() as { id: number }[];
        const { rows } = await client.query<{ id: number }>(`select id from ${table} order by id`);
        expect(
          rows.map((r) => Number(r.id)),
          table,
        ).toEqual(source.map((r) => r.id));
        expect(copied.stdout, table).toContain(`${table}: ${source.length}\n`);
      }
      const tallies = (sqlite.prepare("select count(*) as n from tallies").get() as { n: number }).n;
      expect(copied.stdout).toContain(`tallies: ${tallies}\n`);
      expect(tallies).toBeGreaterThan(0);
      // Five and three admissions, on the ledger as on the grassroots totals.
      const { rows } = await client.query<{ n: string }>(`select sum(count) as n from ledger where event = 'join'`);
      expect(Number(rows[0]?.n)).toBe(5 + 3);
      const sealed =
        "select id, id_hash, id_number, birth_date, hometown, ethnicity, religion from members order by id";
      const kept = sqlite.prepare(sealed).all();
      expect(kept).toHaveLength(1);
      expect((await client.query(sealed)).rows).toEqual(kept);
    } finally {
      sqlite.close();
      await client.end();
    }
  });

  it("answers the same figures on PostgreSQL as on SQLite, and keeps counting from there", async () => {
    const { translate } = loadTranslations();
    const pgStore = openServer(target.url);
    const store = await storeOver(pgStore);
    try {
      const settings = { translate, timeZone: "Asia/Ho_Chi_Minh", clock: () => world.now };
      const sender = {
        platform: "telegram" as const,
        externalId: String(chair.telegramId),
        chatId: String(chair.telegramId),
        displayName: chair.name,
      };
      const ask = { sender, source: "telegram:9000001", text: "còn thiếu bao nhiêu" };
      const onPostgres = await conversationOver(store.repos, settings).handle(ask);
      const onSqlite = await conversationOver(world.repos, settings).handle(ask);
      expect(onPostgres.text).toBe(onSqlite.text);
      expect(onPostgres.text).toContain(`còn thiếu ${60 - 5}`);
      // A new row after the copy takes the next id, not one the copy used.
      const before = Math.max(...(await store.repos.ledger.bySource("telegram:1002")).map((e) => e.id), 0);
      await conversationOver(store.repos, settings).handle({
        ...ask,
        source: "telegram:9000002",
        text: "kết nạp 1 đv",
      });
      const added = await store.repos.ledger.bySource("telegram:9000002");
      expect(added).toHaveLength(1);
      expect(added[0]?.id).toBeGreaterThan(before);
    } finally {
      await store.close();
    }
  });

  it("refuses a target that already holds rows, and changes nothing there", async () => {
    const again = await cli(["migrate-to-postgres", file, target.url], {});
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("refused: the target already holds rows in units");
    expect(again.stderr).toContain("empty database");
  });
});
