import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteOf } from "#db/index.ts";
import { World } from "#test/world.ts";
import { linkIn, tokenOf, WebClient } from "./web-client.ts";

let world: World;

beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C01", name: "CĐCS Công ty May Việt", parent: "TD", sector: "non_state" });
  await world.unit({ code: "C02", name: "CĐCS Trường THCS Bình Chiểu", parent: "TD", sector: "state" });
  await world.target("TD", "ket_nap", 300, "2026-12-31");
});
afterEach(() => world.close());

describe("signing in to the dashboard through the chat", () => {
  it("gives a one-time link that opens a session cookie for 8 hours", async () => {
    const admin = await world.personAt("TD", "admin");
    const reply = await admin.says("/web");
    const link = linkIn(reply);
    expect(link.startsWith(`${world.url}/dang-nhap/`)).toBe(true);
    expect(reply).toContain("10 phút");
    const browser = new WebClient(world);
    const signedIn = await browser.open(link);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^tlcd_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await browser.get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("LĐLĐ TP Thủ Đức");
  });

  it("answers “mở trang quản lý” with a link too, and keeps only hashes of links and sessions", async () => {
    const admin = await world.personAt("TD", "admin");
    const link = linkIn(await admin.says("mo trang quan ly"));
    const browser = new WebClient(world);
    await browser.open(link);
    const session = browser.cookie?.split("=")[1] ?? "";
    const dump = JSON.stringify(sqliteOf(world.repos).prepare("select * from web_links, web_sessions").all());
    expect(dump).not.toContain(tokenOf(link));
    expect(dump).not.toContain(session);
  });

  it("refuses a used link and an expired one, saying to ask the bot for a new one", async () => {
    const admin = await world.personAt("TD", "admin");
    const link = linkIn(await admin.says("/web"));
    await new WebClient(world).open(link);
    const again = await new WebClient(world).open(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("đã được dùng rồi");

    const late = linkIn(await admin.says("/web"));
    world.now = new Date(world.now.getTime() + 11 * 60_000);
    const expired = await new WebClient(world).open(late);
    expect(expired.status).toBe(410);
    const text = await expired.text();
    expect(text).toContain("đã hết hạn");
    expect(text).toContain("/web");
  });

  it("ends the session after 8 hours", async () => {
    const admin = await world.personAt("TD", "admin");
    const browser = new WebClient(world);
    await browser.signInAs(admin);
    world.now = new Date(world.now.getTime() + 8 * 3600_000 + 1000);
    const home = await browser.get("/");
    expect(home.status).toBe(401);
    expect(await home.text()).toContain("nhắn /web");
  });

  it("/dangxuat in the chat ends every session of the person", async () => {
    const admin = await world.personAt("TD", "admin");
    const phone = new WebClient(world);
    const desk = new WebClient(world);
    await phone.signInAs(admin);
    await desk.signInAs(admin);
    expect(await admin.says("/dangxuat")).toContain("2 trình duyệt");
    expect((await phone.get("/")).status).toBe(401);
    expect((await desk.get("/")).status).toBe(401);
  });

  it("the page's logout ends every session of the person, and only from the page itself", async () => {
    const admin = await world.personAt("TD", "admin");
    const phone = new WebClient(world);
    const desk = new WebClient(world);
    await phone.signInAs(admin);
    await desk.signInAs(admin);
    const forged = await desk.post("/dang-xuat", {}, "https://evil.example");
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("không đến từ trang quản lý");
    expect((await phone.get("/")).status).toBe(200);
    expect((await desk.post("/dang-xuat", {})).status).toBe(200);
    expect((await phone.get("/")).status).toBe(401);
  });

  it("refuses a login posted from another site, leaving the link usable", async () => {
    const admin = await world.personAt("TD", "admin");
    const link = linkIn(await admin.says("/web"));
    const evil = new WebClient(world, "https://evil.example");
    const forged = await evil.post("/dang-nhap", { token: tokenOf(link) });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    expect((await new WebClient(world).open(link)).status).toBe(303);
  });

  it("slows down an address that opens too many links", async () => {
    const browser = new WebClient(world);
    for (let i = 0; i < 20; i++) expect((await browser.get(`/dang-nhap/${"x".repeat(43)}`)).status).toBe(404);
    const limited = await browser.get(`/dang-nhap/${"x".repeat(43)}`);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Hãy đợi 10 phút");
  });

  it("sends security headers and keeps signed-out visitors out", async () => {
    const home = await new WebClient(world).get("/");
    expect(home.status).toBe(401);
    expect(await home.text()).toContain("nhắn /web");
    const csp = home.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(home.headers.get("x-frame-options")).toBe("DENY");
    expect(home.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("shows a chair only their own unit", async () => {
    const chair = await world.personAt("C01", "chair");
    const browser = new WebClient(world);
    await browser.signInAs(chair);
    const home = await browser.get("/");
    const own = await world.repos.units.byCode("C01");
    const other = await world.repos.units.byCode("C02");
    const district = await world.repos.units.byCode("TD");
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe(`/don-vi/${own?.id}`);
    expect((await browser.get(`/don-vi/${own?.id}`)).status).toBe(200);
    for (const path of [`/don-vi/${other?.id}`, `/don-vi/${district?.id}`, `/xuat/don-vi/${other?.id}.xlsx`]) {
      const refused = await browser.get(path);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("không có quyền xem");
    }
  });
});

describe("behind PUBLIC_URL over https", () => {
  it("makes the cookie Secure and host-bound, and takes posts from the public origin", async () => {
    const secure = await World.create({ zalo: true });
    try {
      await secure.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
      const admin = await secure.personAt("TD", "admin");
      const link = linkIn(await admin.says("/web"));
      expect(link.startsWith("https://bot.example.vn/dang-nhap/")).toBe(true);
      const browser = new WebClient(secure, "https://bot.example.vn");
      const opened = await browser.post("/dang-nhap", { token: tokenOf(link) });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^__Host-tlcd_session=/);
      expect(cookie).toMatch(/Secure/);
      expect((await browser.get("/")).headers.get("strict-transport-security")).toContain("max-age");
    } finally {
      await secure.close();
    }
  });
});
