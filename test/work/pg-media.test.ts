// Zalo's charts and files on PostgreSQL: stored by one instance, served at the same URL by any other, until
// they expire.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaRepository } from "#db/pg/media.ts";
import { imageRoutes } from "#src/platforms/zalo/image-store.ts";
import { createSharedMediaStore } from "#src/platforms/zalo/shared-media-store.ts";
import { PUBLIC_URL, ZaloWorld } from "#test/platforms/zalo/zalo-world.ts";
import { freshDatabase, serverAnswers, unlessNoServer, type FreshDatabase } from "./pg-server.ts";

const BASE = "https://bot.example.vn";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 7, 0]);

describe.skipIf(!serverAnswers)(`media every instance serves, on PostgreSQL${unlessNoServer}`, () => {
  let db: FreshDatabase;
  let other: pg.Pool;
  const clock = { now: Date.now() };
  const ttlMs = 60_000;

  beforeAll(async () => {
    db = await freshDatabase();
    other = new pg.Pool({ connectionString: db.url, max: 2 });
    await Promise.all([mediaRepository(db.pool).ensure(), mediaRepository(other).ensure()]);
  });
  afterAll(async () => {
    await other?.end();
    await db?.drop();
  });

  /** Two instances: each its own pool, store and /media routes, over the one database. */
  function instances() {
    const make = (pool: pg.Pool) => {
      const store = createSharedMediaStore({
        publicUrl: BASE,
        media: mediaRepository(pool),
        ttlMs,
        clock: () => clock.now,
      });
      const app = imageRoutes(store);
      return { store, get: (url: string) => app.request(url.replace(BASE, "")) };
    };
    return [make(db.pool), make(other)] as const;
  }

  it("serves a chart drawn on one instance from another, byte for byte", async () => {
    const [drawer, server] = instances();
    const url = drawer.store.put(PNG);
    expect(url).toMatch(/^https:\/\/bot\.example\.vn\/media\/[0-9a-f]{32}\.png$/);
    await drawer.store.settled();
    const response = await server.get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("serves a workbook under its name as a download, and nothing under another name", async () => {
    const [drawer, server] = instances();
    const data = new Uint8Array([0x50, 0x4b, 3, 4]);
    const url = drawer.store.putFile("báo cáo Đợt 1.xlsx", data, "application/vnd.ms-excel");
    await drawer.store.settled();
    const response = await server.get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-Dot-1.xlsx"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(data);
    expect((await server.get(url.replace("bao-cao", "khac"))).status).toBe(404);
    expect((await server.get(`${url.split("/").slice(0, -1).join("/")}.png`)).status).toBe(404);
  });

  it("answers 404 once a picture has expired, and forgets expired rows", async () => {
    const [drawer, server] = instances();
    const url = drawer.store.put(PNG);
    await drawer.store.settled();
    clock.now += ttlMs;
    expect((await server.get(url)).status).toBe(404);
    expect(await mediaRepository(db.pool).prune(clock.now)).toBeGreaterThanOrEqual(1);
    const { rows } = await db.pool.query(`select count(*)::int as n from media where expires_at <= $1`, [clock.now]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("answers 404 to ids that are not ids, without asking the database", async () => {
    const [, server] = instances();
    expect((await server.get(`${BASE}/media/abc.png`)).status).toBe(404);
    expect((await server.get(`${BASE}/media/'%20or%201=1/x.xlsx`)).status).toBe(404);
  });

  it("says so through settled() when a picture could not be stored, so its URL is never sent", async () => {
    const broken = new pg.Pool({ connectionString: db.url.replace(/\/[^/]+$/, "/no_such_database"), max: 1 });
    broken.on("error", () => {});
    const store = createSharedMediaStore({ publicUrl: BASE, media: mediaRepository(broken), ttlMs });
    store.put(PNG);
    await expect(store.settled()).rejects.toThrow(/no_such_database/);
    await broken.end();
  });

  it("sends Zalo a chart's URL only once another instance can serve it, however slow the write", async () => {
    // The instance that draws writes slowly; the one Zalo's fetch lands on reads the same table.
    const slow = mediaRepository(db.pool);
    const slowWrites = {
      ...slow,
      put: async (...args: Parameters<typeof slow.put>) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await slow.put(...args);
      },
    };
    const drawer = createSharedMediaStore({ publicUrl: PUBLIC_URL, media: slowWrites });
    const server = imageRoutes(createSharedMediaStore({ publicUrl: PUBLIC_URL, media: mediaRepository(other) }));
    const world = await ZaloWorld.create({ media: drawer });
    try {
      world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
      world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
      world.target("C1", "ket_nap", 60, "2026-12-31");
      const chair = await world.personAt("C1");
      await chair.says("tiến độ");
      const [photo] = world.api.photosTo(chair.zaloId);
      expect(photo?.photo.startsWith(`${PUBLIC_URL}/media/`)).toBe(true);
      const response = await server.request((photo?.photo ?? "").slice(PUBLIC_URL.length));
      expect(response.status).toBe(200);
      expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      await world.close();
    }
  });
});
