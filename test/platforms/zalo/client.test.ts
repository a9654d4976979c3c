import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloClient, ZaloApiError, type ZaloClient } from "#src/platforms/zalo/client.ts";
import { StandInZaloApi, STAND_IN_ZALO_BOT, STAND_IN_ZALO_TOKEN } from "#src/platforms/zalo/stand-in-api.ts";
import { startZaloStandIn, type RunningZaloStandIn } from "#src/platforms/zalo/stand-in-server.ts";

let standIn: RunningZaloStandIn;
let client: ZaloClient;
beforeEach(async () => {
  standIn = await startZaloStandIn(new StandInZaloApi({ maxPollWaitMs: 50 }));
  client = createZaloClient({ token: STAND_IN_ZALO_TOKEN, apiRoot: standIn.url });
});
afterEach(() => standIn.close());

async function failure(promise: Promise<unknown>): Promise<ZaloApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZaloApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("the Zalo client", () => {
  it("posts JSON to <apiRoot>/bot<TOKEN>/<method> and reads the result out of the envelope", async () => {
    expect(await client.getMe()).toMatchObject(STAND_IN_ZALO_BOT);
    const sent = await client.sendMessage({ chat_id: "6ede9afa66b88fe6d6a9", text: "Xin chào" });
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(standIn.api.calls.at(-1)).toMatchObject({
      method: "sendMessage",
      payload: { chat_id: "6ede9afa66b88fe6d6a9", text: "Xin chào" },
    });
    await client.sendChatAction({ chat_id: "6ede9afa66b88fe6d6a9", action: "typing" });
  });

  it("sets, reads and deletes the webhook", async () => {
    expect(
      (await client.setWebhook({ url: "https://bot.example.vn/webhook/zalo", secret_token: "12345678" })).url,
    ).toBe("https://bot.example.vn/webhook/zalo");
    expect((await client.getWebhookInfo()).url).toBe("https://bot.example.vn/webhook/zalo");
    expect((await client.deleteWebhook()).url).toBe("");
  });

  it("carries Zalo's error_code and description, and the method, in a ZaloApiError", async () => {
    standIn.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const error = await failure(client.sendMessage({ chat_id: "x", text: "a" }));
    expect(error).toMatchObject({ method: "sendMessage", errorCode: 400, description: "Bad Request: chat not found" });
    expect(error.isNetworkError).toBe(false);
  });

  it("says 401 when the token is wrong, without the token in the message", async () => {
    const wrong = createZaloClient({ token: "999:secret-token-value", apiRoot: standIn.url });
    const error = await failure(wrong.getMe());
    expect(error.errorCode).toBe(401);
    expect(error.message).not.toContain("secret-token-value");
  });

  it("carries retry_after from a 429", async () => {
    standIn.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests", retry_after: 7 });
    const error = await failure(client.sendMessage({ chat_id: "x", text: "a" }));
    expect(error).toMatchObject({ errorCode: 429, retryAfterSeconds: 7 });
  });

  it("reports 408 from getUpdates as a poll timeout: nothing new", async () => {
    const error = await failure(client.getUpdates({ timeout: 1 }));
    expect(error.errorCode).toBe(408);
    expect(error.isPollTimeout).toBe(true);
  });

  it("returns the one update getUpdates hands out, in either shape", async () => {
    const event = {
      event_name: "message.text.received",
      message: { from: { id: "u1" }, chat: { id: "u1", chat_type: "PRIVATE" }, message_id: "m1", text: "hi" },
    };
    standIn.api.queueUpdate(event);
    standIn.api.queueUpdate({ ok: true, result: event });
    expect(await client.getUpdates()).toMatchObject([
      { event_name: "message.text.received", message: { message_id: "m1", text: "hi" } },
    ]);
    expect(await client.getUpdates()).toMatchObject([{ message: { message_id: "m1" } }]);
    expect(standIn.api.calls.find((c) => c.method === "getUpdates")?.payload).toEqual({ timeout: "30" });
  });

  it("wraps an unreachable API as a network ZaloApiError", async () => {
    await standIn.close();
    const error = await failure(client.getMe());
    expect(error.isNetworkError).toBe(true);
    expect(error.errorCode).toBeUndefined();
    expect(error.method).toBe("getMe");
  });

  it("refuses an answer that is not a Zalo envelope", async () => {
    const html = createZaloClient({
      token: "t",
      apiRoot: "http://zalo.invalid",
      fetch: async () => new Response("<html>502 Bad Gateway</html>", { status: 502 }),
    });
    expect(await failure(html.getMe())).toMatchObject({
      errorCode: 502,
      description: expect.stringContaining("not JSON"),
    });
  });

  it("gives up on a call that takes longer than its timeout", async () => {
    const slow = createZaloClient({
      token: "t",
      apiRoot: "http://zalo.invalid",
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error)),
        ),
    });
    const error = await failure(slow.sendMessage({ chat_id: "x", text: "a" }));
    expect(error.isNetworkError).toBe(true);
    expect(error.description).toContain("50 ms");
  });
});
