import { afterEach, describe, expect, it } from "vitest";
import { PUBLIC_URL, ZaloWorld } from "./zalo-world.ts";

let world: ZaloWorld;
afterEach(() => world.close());

async function createWorld(options: { media?: boolean } = {}): Promise<ZaloWorld> {
  world = await ZaloWorld.create(options);
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  return world;
}

/** Fetches a URL the bot sent from the app, as Zalo's servers or a phone would from PUBLIC_URL. */
async function download(url: string): Promise<Response> {
  expect(url.startsWith(`${PUBLIC_URL}/media/`)).toBe(true);
  return world.app.request(url.slice(PUBLIC_URL.length));
}

describe("numbered choices, Zalo's stand-in for buttons", () => {
  it("lists a reply's choices as numbered lines with a hint to answer by number", async () => {
    await createWorld();
    const person = world.stranger();
    const reply = await person.says(await world.invite("C1"));
    expect(reply).toContain("Chào mừng");
    expect(reply).toMatch(/\n1\. Còn thiếu bao nhiêu\?\n2\. Hướng dẫn\nTrả lời bằng số \(1, 2…\) để chọn\.$/);
  });

  it("undoes a report when the chair answers 1 to its “Hoàn tác” choice", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    const report = await chair.says("kết nạp 5 đoàn viên");
    expect(report).toContain("1. ↩️ Hoàn tác");
    expect(report).toContain("Trả lời bằng số 1 để chọn.");
    const undone = await chair.says("1");
    expect(undone).toContain("Đã hoàn tác báo cáo");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 60");
  });

  it.each(["số 1", " 1 ", "1.", "hoan tac", "Hoàn tác"])("reads “%s” as the first choice", async (answer) => {
    await createWorld();
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 5 đoàn viên");
    expect(await chair.says(answer)).toContain("Đã hoàn tác báo cáo");
  });

  it("presses a choice whose action is a sentence, as if the person had typed it", async () => {
    await createWorld();
    const person = world.stranger();
    await person.says(await world.invite("C1"));
    const help = await person.says("2");
    expect(help).not.toContain("chưa hiểu");
    expect(help).toBe(await person.says("hướng dẫn"));
  });

  it("reads a number that was not offered as an ordinary message", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 5 đoàn viên");
    expect(await chair.says("2")).not.toContain("Đã hoàn tác");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 55");
  });

  it("forgets the choices after a day, so a late “1” undoes nothing", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 5 đoàn viên");
    world.now = new Date(world.now.getTime() + 25 * 3_600_000);
    expect(await chair.says("1")).not.toContain("Đã hoàn tác");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 55");
  });

  it("forgets the choices once a reply without choices came after them", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("hoàn tác");
    expect(await chair.says("1")).not.toContain("Đã hoàn tác");
  });
});

describe("long replies", () => {
  it("splits a reply longer than 2,000 characters at line breaks", async () => {
    await createWorld();
    for (let i = 1; i <= 30; i++) {
      await world.repos.metrics.add({
        key: `hoat_dong_${i}`,
        name: `Hoạt động phong trào thi đua số ${i} của công đoàn cơ sở`,
        kind: "count",
        events: ["join"],
        sector: null,
        ratings: [],
      });
      await world.target("C1", `hoat_dong_${i}`, 100 + i, "2026-12-31");
    }
    const chair = await world.personAt("C1");
    const whole = await chair.says("còn thiếu bao nhiêu");
    const parts = chair.lastTexts;
    expect(whole.length).toBeGreaterThan(2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    // Every line arrives whole, in one message: no target line is cut between two.
    const lines = parts.flatMap((part) => part.split("\n"));
    for (let i = 1; i <= 30; i++) {
      const line = new RegExp(
        `^\\S+ Hoạt động phong trào thi đua số ${i} của công đoàn cơ sở: 0/${100 + i} \\(0%\\), còn thiếu ${100 + i}, còn \\d+ ngày \\(hạn 31/12/2026\\)(, đang chậm so với tiến độ)?$`,
      );
      expect(
        lines.filter((l) => line.test(l)),
        `target ${i}`,
      ).toHaveLength(1);
    }
    expect(parts.at(-1)).toMatch(/1\. .*Tiến độ\nTrả lời bằng số 1 để chọn\.$/);
  });
});

describe("charts and workbooks, which Zalo takes only as links", () => {
  it("sends the progress chart as a photo Zalo fetches from PUBLIC_URL/media", async () => {
    await createWorld({ media: true });
    const chair = await world.personAt("C1");
    const text = await chair.says("tiến độ");
    expect(text).toContain("Tiến độ của CĐCS Công ty May Việt");
    const [photo] = world.api.photosTo(chair.zaloId);
    expect(photo?.caption).toContain("Biểu đồ tiến độ");
    const response = await download(photo?.photo ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("sends the text alone when no public URL serves media", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    expect(await chair.says("tiến độ")).toContain("Tiến độ của CĐCS Công ty May Việt");
    expect(world.api.photosTo(chair.zaloId)).toEqual([]);
  });

  it("puts a download link for the Excel export in the text", async () => {
    await createWorld({ media: true });
    const chair = await world.personAt("C1");
    const text = await chair.says("xuất báo cáo");
    const link = /https:\/\/\S+\.xlsx/.exec(text)?.[0];
    expect(link).toBeDefined();
    const response = await download(link ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(".xlsx");
    // An .xlsx is a zip file.
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("says where to get the export when there is no link to give", async () => {
    await createWorld();
    const chair = await world.personAt("C1");
    const text = await chair.says("xuất báo cáo");
    expect(text).toContain("Telegram");
    expect(text).not.toMatch(/https?:\/\//);
  });
});
