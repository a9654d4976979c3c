import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZaloWorld } from "./zalo-world.ts";

let world: ZaloWorld;
beforeEach(async () => {
  world = await ZaloWorld.create();
});
afterEach(() => world.close());

const reminder = {
  text: "Nhắc hạn: còn 3 ngày để báo cáo kết nạp.",
  choices: [{ label: "Còn thiếu bao nhiêu?", action: "say:còn thiếu bao nhiêu" }],
};

describe("sending for the outbox dispatcher", () => {
  it("sends a reminder with its numbered choices, and a later “1” presses the first", async () => {
    const person = world.stranger();
    expect(await world.adapter.send(person.zaloId, reminder)).toEqual({ ok: true });
    expect(world.api.textsTo(person.zaloId)).toEqual([
      `${reminder.text}\n\n1. Còn thiếu bao nhiêu?\nTrả lời bằng số 1 để chọn.`,
    ]);
    // A stranger asking "còn thiếu bao nhiêu" is told to link first; the same answer as typing it.
    expect(await person.says("1")).toBe(await person.says("còn thiếu bao nhiêu"));
  });

  it.each([
    [429, { ok: false, retryAfterSeconds: 12 }],
    [403, { ok: false, blocked: true }],
    [400, { ok: false, error: "Zalo sendMessage failed: 400 refused", permanent: true }],
    [404, { ok: false, error: "Zalo sendMessage failed: 404 refused", permanent: true }],
    [401, { ok: false, error: "Zalo sendMessage failed: 401 refused" }],
    [500, { ok: false, error: "Zalo sendMessage failed: 500 refused" }],
  ])("settles a %i as %j", async (code, result) => {
    world.api.failNext("sendMessage", {
      error_code: code,
      description: "refused",
      ...(code === 429 ? { retry_after: 12 } : {}),
    });
    expect(await world.adapter.send("6ede9afa66b88fe6d6a9", reminder)).toEqual(result);
  });

  it("waits 30 seconds after a 429 that names no wait", async () => {
    world.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests" });
    expect(await world.adapter.send("6ede9afa66b88fe6d6a9", reminder)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it("reports an unreachable API as a failure to retry", async () => {
    await world.standIn.close();
    const result = await world.adapter.send("6ede9afa66b88fe6d6a9", reminder);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("network") });
    expect(result).not.toHaveProperty("permanent");
  });
});
