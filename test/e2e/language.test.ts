import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
});
afterEach(() => world.close());

let nextTelegramId = 700_000;

/** Someone whose Telegram app is set to a language: every update from them carries its language_code. */
function speakerOf(languageCode: string | undefined, name = "Mary Nguyen") {
  const id = ++nextTelegramId;
  return {
    async says(text: string): Promise<string> {
      const updateId = world.nextUpdateId();
      const from = { id, is_bot: false, first_name: name, ...(languageCode ? { language_code: languageCode } : {}) };
      const chat = { id, type: "private", first_name: name };
      const sent = await world.deliver({
        update_id: updateId,
        message: { message_id: updateId, date: Math.floor(world.now.getTime() / 1000), chat, from, text },
      });
      return sent
        .filter((c) => String(c.payload.chat_id) === String(id))
        .map((c) => String(c.payload.text ?? ""))
        .join("\n\n");
    },
  };
}

describe("answering in the person's language", () => {
  it("answers someone whose Telegram is in English in English, from linking on", async () => {
    const chair = speakerOf("en");
    const welcome = await chair.says(`/start ${await world.invite("C1")}`);
    expect(welcome).toContain("Welcome, Mary Nguyen! This account is now linked to CĐCS Công ty May Việt as chair.");

    const reported = 5;
    const reply = await chair.says(`kết nạp ${reported} đoàn viên`);
    expect(reply).toContain("Recorded for CĐCS Công ty May Việt (on 15/06/2026)");
    expect(reply).toContain(`• ${reported} members admitted`);
    expect(reply).toContain(`${reported}/60`);
    expect(reply).not.toContain("Đã ghi nhận");
    expect(await world.ledgerCount()).toBe(1);
  });

  it("switches to Vietnamese with /ngonngu vi, and stays there though the app still says English", async () => {
    const chair = speakerOf("en-GB");
    await chair.says(`/start ${await world.invite("C1")}`);
    expect(await chair.says("/ngonngu vi")).toContain("Từ nay tôi sẽ trả lời anh/chị bằng tiếng Việt.");
    expect(await chair.says("kết nạp 5 đoàn viên")).toContain(
      "Đã ghi nhận cho CĐCS Công ty May Việt (ngày 15/06/2026)",
    );
  });

  it("switches a Vietnamese speaker to English with /ngonngu en", async () => {
    const chair = speakerOf("vi", "Trần Thị Bình");
    expect(await chair.says(`/start ${await world.invite("C1")}`)).toContain("Chào mừng Trần Thị Bình");
    expect(await chair.says("/ngonngu EN")).toContain("From now on I will answer you in English.");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("0/60 (0%), 60 to go");
  });

  it.each([undefined, "fr", "zh-hans"])("answers Vietnamese when Telegram says the language is %s", async (code) => {
    const chair = speakerOf(code, "Lê Văn Cường");
    expect(await chair.says(`/start ${await world.invite("C1")}`)).toContain("Chào mừng Lê Văn Cường");
    expect(await chair.says("kết nạp 2 đoàn viên")).toContain("Đã ghi nhận cho");
  });

  it.each(["/ngonngu", "/ngonngu fr", "/ngonngu tiếng Anh"])(
    "says what to type, in the person's own language, for %s",
    async (text) => {
      const english = speakerOf("en");
      await english.says(`/start ${await world.invite("C1")}`);
      expect(await english.says(text)).toContain("Type “/ngonngu en” for answers in English");
      const vietnamese = speakerOf("vi", "Trần Thị Bình");
      await vietnamese.says(`/start ${await world.invite("C1")}`);
      expect(await vietnamese.says(text)).toContain("Hãy gõ “/ngonngu vi”");
      expect(await english.says("kết nạp 1 đoàn viên")).toContain("Recorded for");
    },
  );

  it("tells someone not linked yet, in their language, how to link first", async () => {
    expect(await speakerOf("en").says("/ngonngu vi")).toContain(
      "Ask your district federation officer for an invite code",
    );
  });
});
