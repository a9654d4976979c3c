import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { holdWriteLock } from "#test/write-lock.ts";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

const processed = () =>
  (sqliteOf(world.repos).prepare("select count(*) as n from processed_updates").get() as { n: number }).n;

describe("the Telegram webhook", () => {
  it("answers 401 without the secret header, before reading the update", async () => {
    const response = await world.post(JSON.stringify({ update_id: 1, message: {} }), null);
    expect(response.status).toBe(401);
    expect(processed()).toBe(0);
  });

  it("answers 401 to a wrong secret", async () => {
    const response = await world.post(JSON.stringify({ update_id: 1 }), "wrong-secret");
    expect(response.status).toBe(401);
    expect(processed()).toBe(0);
  });

  it("answers 400, never 5xx, to malformed JSON and to JSON that is no update", async () => {
    for (const body of ["{not json", "", "[]", "null", '{"update_id": "x"}', '{"update_id": -1}']) {
      const response = await world.post(body);
      expect(response.status, body).toBe(400);
    }
    expect(world.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("answers 200 and sends nothing for update types the bot ignores", async () => {
    const updates = [
      { update_id: 11, edited_message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, text: "x" } },
      {
        update_id: 12,
        channel_post: { message_id: 1, date: 0, chat: { id: -100, type: "channel", title: "c" }, text: "kết nạp 5" },
      },
      {
        update_id: 13,
        my_chat_member: {
          chat: { id: 5, type: "private" },
          from: { id: 5, is_bot: false, first_name: "A" },
          date: 0,
          old_chat_member: { status: "member", user: { id: 1, is_bot: true, first_name: "b" } },
          new_chat_member: { status: "kicked", user: { id: 1, is_bot: true, first_name: "b" }, until_date: 0 },
        },
      },
    ];
    for (const update of updates) expect((await world.post(JSON.stringify(update))).status).toBe(200);
    expect(world.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("ignores messages in group chats", async () => {
    const response = await world.post(
      JSON.stringify({
        update_id: 20,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: -5, type: "group", title: "BCH" },
          from: { id: 9, is_bot: false, first_name: "A" },
          text: "kết nạp 5 đv",
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(world.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("counts a report once when Telegram delivers it twice", async () => {
    const chair = await world.personAt("C1");
    await chair.says("kết nạp 5 đoàn viên", { updateId: 41 });
    const again = await chair.says("kết nạp 5 đoàn viên", { updateId: 41 });
    expect(again).toBe("");
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 55");
  });

  it("answers 413 to a body far larger than any update, and reads nothing from it", async () => {
    const body = JSON.stringify({ update_id: 77, message: { text: "kết nạp 5 đv ".repeat(100_000) } });
    const response = await world.post(body);
    expect(response.status).toBe(413);
    expect(processed()).toBe(0);
  });

  it("records each of many updates arriving at once exactly once, redeliveries among them", async () => {
    const chairs = [];
    for (let i = 1; i <= 8; i++) {
      await world.unit({ code: `K${i}`, name: `CĐCS Công ty Kim Long ${i}`, parent: "D1", workers: 500 });
      await world.target(`K${i}`, "ket_nap", 60, "2026-12-31");
      chairs.push(await world.personAt(`K${i}`, "chair", `Chủ tịch số ${i}`));
    }
    // Each reply fits one message, so it comes back in the webhook's answer: read it from there.
    const send = async (body: string) => {
      const response = await world.post(body);
      expect(response.status).toBe(200);
      return String(((await response.json()) as { text?: string }).text ?? "");
    };
    const sends: Promise<string>[] = [];
    for (let round = 1; round <= 4; round++) {
      for (const [i, chair] of chairs.entries()) {
        const updateId = 5000 + round * 100 + i;
        const person = { id: chair.telegramId, first_name: chair.name };
        const body = JSON.stringify({
          update_id: updateId,
          message: {
            message_id: updateId,
            date: 0,
            chat: { ...person, type: "private" },
            from: { ...person, is_bot: false },
            text: `kết nạp ${round} đoàn viên`,
          },
        });
        sends.push(send(body));
        // Telegram sends the second round again while the first delivery is still being handled.
        if (round === 2) sends.push(send(body));
      }
    }
    const replies = await Promise.all(sends);
    expect(replies.filter((reply) => reply.startsWith("✅"))).toHaveLength(32);
    expect(replies.filter((reply) => reply === "")).toHaveLength(8);
    const rows = sqliteOf(world.repos)
      .prepare("select count(*) as n, sum(count) as total from ledger where event = 'join'")
      .get();
    expect(rows).toEqual({ n: 32, total: 8 * (1 + 2 + 3 + 4) });
    for (const chair of chairs) expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 50");
  });

  it("answers 503 when the database cannot take the update in, and counts it once when Telegram sends it again", async () => {
    const chair = await world.personAt("C1");
    // Another process (a long import, say) holds SQLite's write lock.
    const release = holdWriteLock(sqliteOf(world.repos), 100);
    const updateId = world.nextUpdateId();
    const person = { id: chair.telegramId, first_name: chair.name };
    const body = JSON.stringify({
      update_id: updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat: { ...person, type: "private" },
        from: { ...person, is_bot: false },
        text: "kết nạp 4 đoàn viên",
      },
    });
    const before = world.calls.length;
    const refused = await world.post(body);
    expect(refused.status).toBe(503);
    expect(world.calls.slice(before)).toHaveLength(0);
    release();
    const again = await world.post(body);
    expect(again.status).toBe(200);
    expect(String(((await again.json()) as { text?: string }).text)).toContain("Kết nạp 4 đoàn viên");
    expect((await world.post(body)).status).toBe(200);
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 56");
  });

  it("tells a person who sends a sticker what it can read", async () => {
    const chair = await world.personAt("C1");
    const id = world.nextUpdateId();
    const sent = await world.deliver({
      update_id: id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: chair.telegramId, type: "private" },
        from: { id: chair.telegramId, is_bot: false, first_name: "B" },
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    expect(String(sent[0]?.payload.text)).toContain("tin nhắn chữ");
  });

  it("answers the health check once the database is open", async () => {
    const response = await world.service.app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers 404, not 5xx, to unknown routes", async () => {
    expect((await world.service.app.request("/webhook/unknown", { method: "POST" })).status).toBe(404);
  });
});

describe("claimed update ids", () => {
  it("are kept a week, then forgotten by the scheduler", async () => {
    const w = await World.create({ now: "2026-06-01T03:00:00Z" });
    try {
      await w.unit({ code: "C1", name: "CĐCS Công ty May Việt", workers: 300 });
      const chair = await w.personAt("C1");
      await chair.says("còn thiếu bao nhiêu", { updateId: 9001 });
      const count = () =>
        (sqliteOf(w.repos).prepare("select count(*) as n from processed_updates").get() as { n: number }).n;
      const before = count();
      await w.runReminders("2026-06-07T03:00:00Z");
      expect(count()).toBe(before);
      await w.runReminders("2026-06-08T04:00:00Z");
      expect(count()).toBe(0);
    } finally {
      await w.close();
    }
  });
});
