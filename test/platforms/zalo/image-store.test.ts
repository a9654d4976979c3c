import { describe, expect, it } from "vitest";
import { createImageStore, imageRoutes } from "#src/platforms/zalo/image-store.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function setUp(options: { maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const store = createImageStore({
    publicUrl: "https://bot.example.vn",
    ttlMs: 60_000,
    clock: () => clock.now,
    ...options,
  });
  const app = imageRoutes(store);
  const get = (url: string) => app.request(url.replace("https://bot.example.vn", ""));
  return { clock, store, get };
}

describe("the media store behind PUBLIC_URL/media", () => {
  it("serves a picture at an unguessable URL", async () => {
    const { store, get } = setUp();
    const url = store.put(PNG);
    expect(url).toMatch(/^https:\/\/bot\.example\.vn\/media\/[0-9a-f]{32}\.png$/);
    expect(store.put(PNG)).not.toBe(url);
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("serves a file under its name, as a download", async () => {
    const { store, get } = setUp();
    const url = store.putFile("báo cáo Đợt 1.xlsx", new Uint8Array([0x50, 0x4b]), "application/vnd.ms-excel");
    expect(url).toMatch(/\/media\/[0-9a-f]{32}\/bao-cao-Dot-1\.xlsx$/);
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-Dot-1.xlsx"');
  });

  it("answers 404 to unknown ids, wrong names, and a file asked for as a picture", async () => {
    const { store, get } = setUp();
    const file = store.putFile("a.xlsx", new Uint8Array([1]), "application/octet-stream");
    const id = /\/media\/([0-9a-f]{32})\//.exec(file)?.[1] ?? "";
    for (const path of [
      `/media/${"0".repeat(32)}.png`,
      "/media/abc.png",
      `/media/${id}.png`,
      `/media/${id}/b.xlsx`,
      "/media/x/a.xlsx",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("answers 404 once a URL has expired", async () => {
    const { clock, store, get } = setUp();
    const url = store.put(PNG);
    clock.now += 60_001;
    expect((await get(url)).status).toBe(404);
    expect(store.size).toBe(0);
  });

  it("forgets the oldest entries beyond its bound", async () => {
    const { store, get } = setUp({ maxEntries: 2 });
    const first = store.put(PNG);
    store.put(PNG);
    store.put(PNG);
    expect(store.size).toBe(2);
    expect((await get(first)).status).toBe(404);
  });
});
