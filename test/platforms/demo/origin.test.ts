// The demo page speaks as a persona to whoever reaches it: only the page itself may call it.
import { sqliteOf } from "#db/index.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Service } from "#src/assemble.ts";
import { loadConfig } from "#src/config.ts";
import { createLogger } from "#src/logger.ts";
import { startDemo } from "#src/platforms/demo/start.ts";

let dir: string;
let demo: Service;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-demo-"));
  const config = loadConfig({ DEMO_DATABASE_PATH: join(dir, "demo.sqlite"), LOG_LEVEL: "silent" });
  demo = await startDemo(config, createLogger("silent"));
});
afterEach(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const say = (headers: Record<string, string>) =>
  demo.app.request("http://localhost:3000/demo/say", {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
    body: JSON.stringify({ persona: "chair", text: "kết nạp 5 đoàn viên" }),
  });
/** Rows the demo was seeded with, and any a message added. */
const ledger = () => sqliteOf(demo.repos).prepare("select * from ledger order by rowid").all();

describe("the demo page's own origin", () => {
  it("takes a message sent from the page itself", async () => {
    const before = ledger().length;
    expect((await say({ origin: "http://localhost:3000" })).status).toBe(200);
    expect(ledger()).toHaveLength(before + 1);
  });

  it("refuses a cross-site POST and records nothing", async () => {
    const before = ledger();
    const response = await say({ origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain("Hãy mở trang dùng thử");
    expect((await say({ origin: "null" })).status).toBe(403);
    expect(ledger()).toEqual(before);
  });

  it("refuses a request naming a foreign host, as a rebound DNS name would", async () => {
    const before = ledger();
    expect((await say({ host: "evil.example:3000" })).status).toBe(421);
    const page = await demo.app.request("http://localhost:3000/", { headers: { host: "evil.example" } });
    expect(page.status).toBe(421);
    const messages = await demo.app.request("http://localhost:3000/demo/messages?persona=officer&after=0", {
      headers: { host: "evil.example" },
    });
    expect(messages.status).toBe(421);
    expect(ledger()).toEqual(before);
  });
});
