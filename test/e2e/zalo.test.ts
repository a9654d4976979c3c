import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, ZALO_SECRET } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

const post = (body: string, secret: string | null = ZALO_SECRET) =>
  world.service.app.request("/webhook/zalo", {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-bot-api-secret-token": secret } : {}) },
    body,
  });

describe("Zalo beside Telegram, in one server", () => {
  it("links by a pasted invite code or 'start CODE', and reports and asks like on Telegram", async () => {
    const chair = world.zaloStranger("Nguyễn Thị Lan");
    expect(await chair.says(`start ${await world.invite("C1")}`)).toContain("Chào mừng Nguyễn Thị Lan");
    const reply = await chair.says("kết nạp 5 đoàn viên");
    expect(reply).toContain("Kết nạp đoàn viên: 5/60");
    // No buttons on Zalo: choices are numbered lines, and the number presses one.
    expect(reply).toMatch(/1\. ↩️ Hoàn tác/);
    expect(await chair.says("1")).toContain("Đã hoàn tác");
    expect(await chair.says("con thieu bao nhieu dv")).toContain("còn thiếu 60");
  });

  it("accepts both payload shapes and counts a redelivered message once", async () => {
    const chair = world.zaloStranger();
    await chair.says(await world.invite("C1"), { wrapped: true });
    await chair.says("kết nạp 4 đoàn viên", { messageId: "dup-1" });
    expect(await chair.says("kết nạp 4 đoàn viên", { messageId: "dup-1", wrapped: true })).toBe("");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("còn thiếu 56");
  });

  it("answers 401 without the right secret and 400 to malformed bodies, handling nothing", async () => {
    const event = JSON.stringify({
      event_name: "message.text.received",
      message: {
        from: { id: "x1", display_name: "A", is_bot: false },
        chat: { id: "x1", chat_type: "PRIVATE" },
        text: "hi",
        message_id: "q1",
        date: 0,
      },
    });
    expect((await post(event, null)).status).toBe(401);
    expect((await post(event, "wrong-secret-value")).status).toBe(401);
    expect((await post("{oops")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }))).status).toBe(400);
    expect(world.zalo?.api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("splits a long answer at line breaks to fit Zalo's 2,000 characters", async () => {
    for (let i = 0; i < 40; i++)
      await world.unit({
        code: `X${i}`,
        name: `CĐCS Công ty TNHH Thương mại Dịch vụ Sản xuất số ${i} Phú Riềng`,
        parent: "D1",
      });
    await world.target("D1", "ket_nap", 1000, "2026-12-31");
    const officer = world.zaloStranger("Cán bộ");
    await officer.says(await world.invite("D1", "admin"));
    const before = world.zalo?.api.calls.length ?? 0;
    await officer.says("/phanbo ket_nap " + Array.from({ length: 40 }, (_, i) => `X${i}=${i + 1}`).join(" "));
    const parts = (world.zalo?.api.calls ?? [])
      .slice(before)
      .filter((c) => c.method === "sendMessage")
      .map((c) => String(c.payload.text));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join("\n")).toContain("CĐCS Công ty TNHH Thương mại Dịch vụ Sản xuất số 39 Phú Riềng: 40");
  });

  it("sends the progress chart as a photo URL served by the server", async () => {
    const chair = world.zaloStranger();
    await chair.says(await world.invite("C1"));
    await chair.says("tiến độ");
    const [photo] = world.zalo?.api.photosTo(chair.zaloId) ?? [];
    expect(photo?.photo).toMatch(/^https:\/\/bot\.example\.vn\/media\/[A-Za-z0-9_-]{16,}\.png$/);
    const path = new URL(photo?.photo ?? "http://x/").pathname;
    const image = await world.service.app.request(path);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toContain("image/png");
    expect((await world.service.app.request("/media/not-a-real-id.png")).status).toBe(404);
  });

  it("answers a sticker briefly, never with an error", async () => {
    const body = JSON.stringify({
      event_name: "message.sticker.received",
      message: {
        from: { id: "s1", display_name: "A", is_bot: false },
        chat: { id: "s1", chat_type: "PRIVATE" },
        sticker: "abc",
        message_id: "st1",
        date: 0,
      },
    });
    expect((await post(body)).status).toBe(200);
    expect(world.zalo?.api.textsTo("s1").join(" ")).toContain("tin nhắn chữ");
  });
});

describe("one person, two apps", () => {
  it("links a Zalo account to the person who uses Telegram, and reminds them in one place only", async () => {
    const onTelegram = await world.personAt("C1", "chair", "Trần Thị Bình");
    const code = /([2-9A-HJ-NP-Z]{7})/.exec(await onTelegram.says("/lienket"))?.[1] ?? "";
    expect(code).toHaveLength(7);
    const onZalo = world.zaloStranger("Bình Zalo");
    expect(await onZalo.says(code.toLowerCase())).toContain("Đã liên kết Zalo với tài khoản của Trần Thị Bình");
    expect(await onZalo.says("còn thiếu bao nhiêu")).toContain("còn thiếu 60");
    expect(await onZalo.says(code)).toContain("đã được liên kết rồi");

    await world.runReminders("2026-12-17T01:00:00Z");
    const onTg = world.pushedTo(onTelegram).filter((t) => t.startsWith("⏰"));
    expect(onTg).toHaveLength(1);
    expect(onZalo.pushed().filter((t) => t.startsWith("⏰"))).toHaveLength(0);

    expect(await onZalo.says("/nhacnho zalo")).toContain("gửi về Zalo");
    await world.runReminders("2026-12-24T01:00:00Z");
    expect(onZalo.pushed().filter((t) => t.startsWith("⏰"))).toHaveLength(1);
    expect(world.pushedTo(onTelegram).filter((t) => t.startsWith("⏰"))).toHaveLength(1);
  });

  it("refuses a wrong or expired link code", async () => {
    const onTelegram = await world.personAt("C1");
    const code = /([2-9A-HJ-NP-Z]{7})/.exec(await onTelegram.says("/lienket"))?.[1] ?? "";
    world.now = new Date(world.now.getTime() + 16 * 60_000);
    expect(await world.zaloStranger().says(code)).toContain("không đúng hoặc đã hết hạn");
  });
});
