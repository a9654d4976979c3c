// The dashboard in a real browser: Debian's chromium driven by playwright-core (no browser download).
// Skipped, saying so, where /usr/bin/chromium is missing; .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#test/world.ts";
import { World } from "#test/world.ts";
import { linkIn } from "./web-client.ts";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const SHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");

let world: World;
let context: BrowserContext;
let profile: string;
let admin: Person;
let chair: Person;
const id = async (code: string) => (await world.repos.units.byCode(code))?.id;

const UNITS = [
  ["C01", "CĐCS Công ty May Việt", "non_state", 100, 37],
  ["C02", "CĐCS Trường THCS Bình Chiểu", "state", 40, 31],
  ["C03", "CĐCS Công ty TNHH Điện tử Sao Mai", "non_state", 120, 18],
  ["C04", "CĐCS Bệnh viện Lê Văn Thịnh", "state", 30, 26],
  ["N01", "Nghiệp đoàn xe ôm", "informal", 20, 4],
  ["N02", "Nghiệp đoàn kinh doanh thức ăn đường phố", "informal", 10, 0],
] as const;

beforeAll(async () => {
  if (!present) return;
  world = await World.create();
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.target("TD", "ket_nap", 320, "2026-12-31");
  for (const [code, name, sector, target] of UNITS) {
    await world.unit({ code, name, parent: "TD", sector, kind: code.startsWith("N") ? "guild" : "grassroots" });
    await world.target(code, "ket_nap", target, "2026-12-31");
  }
  admin = await world.personAt("TD", "admin", "Lê Thị Hoa");
  for (const [code, , , , done] of UNITS) {
    if (done === 0) continue;
    const officer = await world.personAt(code, "chair", `Chủ tịch ${code}`);
    await officer.says(`kết nạp ${done} đoàn viên`);
  }
  chair = await world.personAt("C02", "chair", "Trần Thị Bình");
  await admin.says("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026");
  await chair.says("đã nộp danh sách đoàn viên ưu tú");
  await admin.says("/thongbao Họp giao ban quý 3 lúc 8 giờ thứ Hai tại hội trường LĐLĐ.");
  await admin.presses("📣 Gửi thông báo");
  await world.drain();
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "tlcd-chromium-"));
  const { chromium } = await import("playwright-core");
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    locale: "vi-VN",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await world?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const [suffix, width] of [
    ["desktop", 1280],
    ["phone", 375],
  ] as const) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${suffix}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const cellTexts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe.skipIf(!present)("the dashboard in chromium", () => {
  it("takes a district admin from /web to the same “còn thiếu”, a sorted table, a unit and its .xlsx", async () => {
    const chat = await admin.says("còn thiếu bao nhiêu đoàn viên?");
    const chatMissing = /Kết nạp đoàn viên: [^\n]*còn thiếu ([\d.]+)/.exec(chat)?.[1];
    const done = UNITS.reduce((sum, unit) => sum + unit[4], 0);
    expect(chatMissing).toBe(String(320 - done));

    const page = await context.newPage();
    await page.goto(linkIn(await admin.says("/web")));
    await page.waitForURL(`${world.url}/`);
    expect(await page.locator('#targets tr[data-metric="ket_nap"] td.missing').innerText()).toBe(chatMissing);
    await shoot(page, "overview");

    await page.getByRole("link", { name: "Đơn vị", exact: true }).first().click();
    await page.locator('#units th a[data-sort="missing"]').click();
    await page.waitForURL(/sort=missing/);
    const missing = (await cellTexts(page, "#units tbody td.missing")).map((text) => Number(text.replace(/\./g, "")));
    const expected = UNITS.map(([, , , target, got]) => target - got).sort((a, b) => b - a);
    expect(missing).toEqual(expected);
    await shoot(page, "units");

    await page.getByRole("link", { name: "CĐCS Công ty May Việt" }).click();
    await page.waitForURL(`${world.url}/don-vi/${await id("C01")}`);
    expect(await page.locator('#targets tr[data-metric="ket_nap"] td.missing').innerText()).toBe(String(100 - 37));
    await shoot(page, "unit");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải bảng Excel (.xlsx)" }).click(),
    ]);
    const path = join(profile, "download.xlsx");
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets[0]?.getRow(5).getCell(3).value).toBe("CĐCS Công ty May Việt");

    await page.getByRole("link", { name: "Nhiệm vụ" }).click();
    expect(await page.locator("#tasks tbody td.n").innerText()).toBe(`1/${UNITS.length}`);
    await shoot(page, "tasks");
    await page.getByRole("link", { name: "Thông báo" }).click();
    expect(await page.locator("#announcements td.delivered").innerText()).toBe(String(UNITS.length + 1));
    await shoot(page, "announcements");
    await page.close();
  });

  it("shows a chair only their unit", async () => {
    const page = await context.newPage();
    await page.goto(linkIn(await chair.says("/web")));
    await page.waitForURL(`${world.url}/don-vi/${await id("C02")}`);
    expect(await page.locator("h1").innerText()).toContain("CĐCS Trường THCS Bình Chiểu");
    expect(await page.locator("nav").count()).toBe(0);
    await shoot(page, "chair");
    const other = await page.goto(`${world.url}/don-vi/${await id("C01")}`);
    expect(other?.status()).toBe(403);
    expect(await page.locator("main").innerText()).toContain("không có quyền xem");
    await page.close();
  });

  it("refuses a used link and an expired one", async () => {
    const page = await context.newPage();
    const link = linkIn(await admin.says("/web"));
    await page.goto(link);
    await page.waitForURL(`${world.url}/`);
    await page.goto(link);
    expect(await page.locator("main").innerText()).toContain("đã được dùng rồi");
    const late = linkIn(await admin.says("/web"));
    world.now = new Date(world.now.getTime() + 11 * 60_000);
    await page.goto(late);
    expect(await page.locator("main").innerText()).toContain("đã hết hạn");
    world.now = new Date(world.now.getTime() - 11 * 60_000);
    await page.close();
  });

  it("refuses a POST from another site, and the session goes on", async () => {
    const page = await context.newPage();
    await page.goto(linkIn(await admin.says("/web")));
    await page.waitForURL(`${world.url}/`);
    // Another origin on the same host: the cookie (SameSite=Lax) goes along, so only the origin check stops it.
    const evil: Server = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<form id="f" method="post" action="${world.url}/dang-xuat"></form><script>f.submit()</script>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      const response = page.waitForResponse(`${world.url}/dang-xuat`);
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      expect((await response).status()).toBe(403);
      expect(await page.locator("main").innerText()).toContain("không đến từ trang quản lý");
      expect((await page.goto(`${world.url}/`))?.status()).toBe(200);
    } finally {
      evil.close();
    }
    await page.close();
  });
});
