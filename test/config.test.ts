import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "#src/config.ts";

describe("configuration", () => {
  it("has working defaults for the demo", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      botToken: undefined,
      botMode: "polling",
      databasePath: "data/bot.sqlite",
      port: 3000,
      host: "127.0.0.1",
      timeZone: "Asia/Ho_Chi_Minh",
      telegramApiRoot: "https://api.telegram.org",
    });
  });

  it("is in webhook mode when a public URL is given", () => {
    const config = loadConfig({ BOT_TOKEN: "1:abc", PUBLIC_URL: "https://bot.example.vn/", BOT_WEBHOOK_SECRET: "s" });
    expect(config.botMode).toBe("webhook");
    expect(config.publicUrl).toBe("https://bot.example.vn");
    expect(config.host).toBe("0.0.0.0");
  });

  it("takes a member key of exactly 32 bytes in base64, and nothing else", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(loadConfig({ MEMBER_DATA_KEY: key }).memberDataKey).toBe(key);
    expect(loadConfig({}).memberDataKey).toBeUndefined();
    for (const bad of [Buffer.alloc(16, 7).toString("base64"), "not base64!", `${key}AA`])
      expect(() => loadConfig({ MEMBER_DATA_KEY: bad })).toThrow(/^MEMBER_DATA_KEY: phải là 32 byte/);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ BOT_MODE: "push" }, "BOT_MODE"],
    [{ BOT_TOKEN: "1:abc", BOT_MODE: "webhook" }, "BOT_WEBHOOK_SECRET"],
    [{ BOT_WEBHOOK_SECRET: "has space" }, "BOT_WEBHOOK_SECRET"],
    [{ BOT_WEBHOOK_SECRET: "x".repeat(257) }, "BOT_WEBHOOK_SECRET"],
    [{ TZ: "Mars/Olympus" }, "TZ"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ BOT_TOKEN: "nope" }, "BOT_TOKEN"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %o naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${name}: `));
  });
});
