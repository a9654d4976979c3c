import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Person } from "#test/world.ts";
import { World } from "#test/world.ts";
import { WebClient } from "./web-client.ts";

let world: World;
let admin: Person;
let browser: WebClient;
const id = async (code: string) => (await world.repos.units.byCode(code))?.id;
/** The cells of a table row, text only, by a data attribute on the row. */
function row(html: string, attribute: string): string[] {
  const found = new RegExp(`<tr data-${attribute}>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";
  return [...found.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, "").trim());
}
const missingIn = (chat: string, metric: string) => new RegExp(`${metric}: [^\\n]*còn thiếu ([\\d.]+)`).exec(chat)?.[1];

beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C01", name: "CĐCS Công ty May Việt", parent: "TD", sector: "non_state" });
  await world.unit({ code: "C02", name: "CĐCS Trường THCS Bình Chiểu", parent: "TD", sector: "state" });
  await world.unit({ code: "N01", name: "Nghiệp đoàn xe ôm", parent: "TD", kind: "guild", sector: "informal" });
  await world.target("TD", "ket_nap", 300, "2026-12-31");
  await world.target("C01", "ket_nap", 100, "2026-12-31");
  await world.target("C02", "ket_nap", 120, "2026-12-31");
  await world.target("N01", "ket_nap", 20, "2026-12-31");
  admin = await world.personAt("TD", "admin", "Lê Thị Hoa");
  browser = new WebClient(world);
  await browser.signInAs(admin);
});
afterEach(() => world.close());

describe("the overview", () => {
  it("gives the same “còn thiếu” as the chat", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("kết nạp 7 đoàn viên");
    const chat = await admin.says("còn thiếu bao nhiêu đoàn viên?");
    const html = await (await browser.get("/")).text();
    const cells = row(html, 'metric="ket_nap"');
    expect(missingIn(chat, "Kết nạp đoàn viên")).toBe(String(300 - 7));
    expect(cells[1]).toBe(String(300 - 7));
    expect(cells[2]).toBe("7");
    expect(cells[3]).toBe("300");
  });

  it("draws the progress chart", async () => {
    const chart = await browser.get("/bieu-do.png");
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await chart.arrayBuffer()).slice(1, 4)).toEqual(new TextEncoder().encode("PNG"));
  });
});

describe("the units table", () => {
  it("shows every unit below with its figures, last report and chair, and flags", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("kết nạp 7 đoàn viên");
    const html = await (await browser.get("/don-vi")).text();
    const may = row(html, `unit="${await id("C01")}"`);
    expect(may.slice(1, 5)).toEqual([String(100 - 7), "7", "100", "7%"]);
    expect(may[6]).toBe("15/06/2026");
    expect(may[7]).toBe("Đã liên kết");
    expect(may[9]).toBe("Ngoài nhà nước");
    const school = row(html, `unit="${await id("C02")}"`);
    expect(school[6]).toBe("Chưa báo cáo");
    expect(school[8]).toContain("Chưa có chủ tịch");
  });

  it("flags a unit silent for 30 days", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("kết nạp 7 đoàn viên");
    world.now = new Date(world.now.getTime() + 31 * 86_400_000);
    await browser.signInAs(admin);
    const html = await (await browser.get("/don-vi?flag=silent")).text();
    expect(row(html, `unit="${await id("C01")}"`)[8]).toContain("Im lặng 31 ngày");
    expect(html).not.toContain(`data-unit="${await id("C02")}"`);
  });

  it("sorts, filters by sector and flag, and finds names with or without diacritics", async () => {
    const order = (html: string) => [...html.matchAll(/<tr data-unit="(\d+)"/g)].map((m) => Number(m[1]));
    const byMissing = await (await browser.get("/don-vi?sort=missing&dir=desc")).text();
    expect(order(byMissing)).toEqual([await id("C02"), await id("C01"), await id("N01")]);
    const byMissingUp = await (await browser.get("/don-vi?sort=missing")).text();
    expect(order(byMissingUp)).toEqual([await id("N01"), await id("C01"), await id("C02")]);
    expect(order(await (await browser.get("/don-vi?sector=informal")).text())).toEqual([await id("N01")]);
    expect(order(await (await browser.get("/don-vi?flag=nochair")).text())).toHaveLength(3);
    for (const q of ["binh chieu", "Bình Chiểu", "BINH CHIEU"])
      expect(order(await (await browser.get(`/don-vi?q=${encodeURIComponent(q)}`)).text())).toEqual([await id("C02")]);
  });

  it("pages beyond 200 units", async () => {
    for (let i = 1; i <= 205; i++) await world.unit({ code: `X${i}`, name: `CĐCS Công ty số ${i}`, parent: "TD" });
    const first = await (await browser.get("/don-vi")).text();
    expect(first.match(/<tr data-unit=/g)).toHaveLength(200);
    expect(first).toContain("Trang 1/2");
    const second = await (await browser.get("/don-vi?trang=2")).text();
    expect(second.match(/<tr data-unit=/g)).toHaveLength(208 - 200);
  });

  it("downloads the table as the chat's export lays it out, and audits it", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("kết nạp 7 đoàn viên");
    const response = await browser.get("/xuat/don-vi.xlsx?sort=missing&dir=desc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(".xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell("A1").value)).toBe("BÁO CÁO TIẾN ĐỘ CHỈ TIÊU: KẾT NẠP ĐOÀN VIÊN");
    expect(sheet?.getRow(5).getCell(3).value).toBe("CĐCS Trường THCS Bình Chiểu");
    expect(sheet?.getRow(6).getCell(3).value).toBe("CĐCS Công ty May Việt");
    const [entry] = await world.repos.audit.read({ limit: 1 });
    expect(entry).toMatchObject({ kind: "workbook_exported", platform: "web", unitId: await id("TD") });
  });
});

describe("a unit's page", () => {
  it("counts the unit's member lists awaiting approval, names left to the chat where each view is audited", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    const people = [
      "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 02/05/2026",
      "Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Bến Tre, vào CĐ 03/05/2026",
    ];
    for (const person of people) {
      await chair.says(person);
      expect(await chair.presses("✅ Lưu")).toContain("Đã thêm");
    }
    const unit = await world.repos.units.byCode("C01");
    const [list] = await world.repos.members.lists(unit?.path ?? "", "pending");
    const viewsBefore = (await world.repos.audit.read({ limit: 100 })).length;
    const html = await (await browser.get(`/don-vi/${await id("C01")}`)).text();
    expect(html).toContain(`data-member-list="${list?.id}"`);
    expect(html).toContain(`${people.length} người`);
    expect(html).toContain("/duyetdv");
    expect(html).not.toContain("Nguyễn Thị Lan");
    // Counts only: no member was viewed, so nothing was added to the audit log.
    expect((await world.repos.audit.read({ limit: 100 })).length).toBe(viewsBefore);
    // The chair sees their own list waiting, with nothing to approve; a unit without lists says so.
    const chairBrowser = new WebClient(world);
    await chairBrowser.signInAs(chair);
    const own = await (await chairBrowser.get(`/don-vi/${await id("C01")}`)).text();
    expect(own).toContain(`${people.length} người`);
    expect(own).toContain("Đang chờ công đoàn cấp trên duyệt");
    expect(own).not.toContain("/duyetdv");
    const other = await (await browser.get(`/don-vi/${await id("C02")}`)).text();
    expect(other).toContain("Không có danh sách đoàn viên nào đang chờ duyệt.");
  });

  it("dates a pending list by the day in Vietnam, not by the server's UTC day", async () => {
    // 20:00 on 15 June in UTC is 03:00 on 16 June in Vietnam, the configured time zone.
    world.now = new Date("2026-06-15T20:00:00Z");
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await chair.says("Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 02/05/2026");
    expect(await chair.presses("✅ Lưu")).toContain("Đã thêm");
    const late = new WebClient(world);
    await late.signInAs(admin);
    const html = await (await late.get(`/don-vi/${await id("C01")}`)).text();
    expect(html).toContain("1 người, gửi ngày 16/06/2026");
    expect(html).not.toContain("gửi ngày 15/06/2026");
  });

  it("shows its standing, its reports with who reported and undone ones struck through", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await chair.says("kết nạp 7 đoàn viên");
    await chair.says("kết nạp 2 đoàn viên");
    await chair.says("hoàn tác");
    const html = await (await browser.get(`/don-vi/${await id("C01")}`)).text();
    expect(row(html, 'metric="ket_nap"')[1]).toBe(String(100 - 7));
    expect(html).toContain("<del>Kết nạp 2 đoàn viên</del>");
    expect(html).toContain("Phạm Văn Nam");
    expect(html).toMatch(/<td>Kết nạp 7 đoàn viên<\/td>/);
    expect(html).toContain('id="member-lists"');
  });
});

describe("tasks and announcements", () => {
  it("shows which units have done each task", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await admin.says("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026");
    await chair.says("đã nộp danh sách đoàn viên ưu tú");
    const html = await (await browser.get("/nhiem-vu")).text();
    expect(html).toContain("Nộp danh sách đoàn viên ưu tú");
    expect(html).toContain(`<td class="n">1/3</td>`);
    expect(html).toContain("Đơn vị đã làm (1)");
  });

  it("counts an announcement's deliveries", async () => {
    await world.personAt("C01", "chair", "Phạm Văn Nam");
    await admin.says("/thongbao Họp giao ban quý 3 lúc 8h thứ Hai.");
    await admin.presses("📣 Gửi thông báo");
    await world.drain();
    const html = await (await browser.get("/thong-bao")).text();
    const cells = row(html, 'announcement="1"');
    expect(cells[2]).toBe("Họp giao ban quý 3 lúc 8h thứ Hai.");
    expect(cells.slice(3, 6)).toEqual(["2", "2", "0"]);
  });

  it("downloads the tasks as a workbook laid out like the chat's export, the units not done on a sheet of their own", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    await admin.says("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026");
    await chair.says("đã nộp danh sách đoàn viên ưu tú");
    expect(await (await browser.get("/nhiem-vu")).text()).toContain("/xuat/nhiem-vu.xlsx");
    const response = await browser.get("/xuat/nhiem-vu.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("nhiem-vu-TD-");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const [summary, open] = book.worksheets;
    expect(String(summary?.getCell("A1").value)).toBe("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
    expect(String(summary?.getCell("A2").value)).toContain("LĐLĐ TP Thủ Đức");
    // Three units below the district owe it, one has done it.
    const owing = [await id("C01"), await id("C02"), await id("N01")].length;
    expect(summary?.getRow(5).values).toEqual([
      undefined,
      1,
      "Nộp danh sách đoàn viên ưu tú",
      "20/07/2026",
      owing,
      1,
      owing - 1,
      1 / owing,
    ]);
    const openNames = [5, 6].map((n) => open?.getRow(n).getCell(5).value);
    expect(openNames.sort()).toEqual(["CĐCS Trường THCS Bình Chiểu", "Nghiệp đoàn xe ôm"].sort());
    expect(open?.getRow(7).getCell(5).value ?? null).toBeNull();
    const [entry] = await world.repos.audit.read({ limit: 1 });
    expect(entry).toMatchObject({ kind: "workbook_exported", platform: "web", unitId: await id("TD") });
    expect(entry?.after).toMatchObject({ table: "tasks", sheets: 2 });
  });

  it("downloads the announcements with their delivery counts and the sums, and audits it", async () => {
    await world.personAt("C01", "chair", "Phạm Văn Nam");
    await admin.says("/thongbao Họp giao ban quý 3 lúc 8h thứ Hai.");
    await admin.presses("📣 Gửi thông báo");
    await world.drain();
    const page = await (await browser.get("/thong-bao")).text();
    const shown = row(page, 'announcement="1"');
    expect(page).toContain("/xuat/thong-bao.xlsx");
    const response = await browser.get("/xuat/thong-bao.xlsx");
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell("A1").value)).toBe("THÔNG BÁO ĐÃ GỬI VÀ KẾT QUẢ GỬI");
    const line = sheet?.getRow(5);
    expect(line?.getCell(3).value).toBe("LĐLĐ TP Thủ Đức");
    expect(line?.getCell(4).value).toBe("Họp giao ban quý 3 lúc 8h thứ Hai.");
    // The same figures as the page: recipients, delivered, failed, pending.
    expect([5, 6, 7, 8].map((n) => String(line?.getCell(n).value))).toEqual(shown.slice(3, 7));
    expect(sheet?.getRow(6).getCell(1).value).toBe("Tổng cộng");
    expect(sheet?.getRow(6).getCell(5).value).toBe(line?.getCell(5).value);
    const [entry] = await world.repos.audit.read({ limit: 1 });
    expect(entry).toMatchObject({ kind: "workbook_exported", platform: "web", unitId: await id("TD") });
    expect(entry?.after).toMatchObject({ table: "announcements", sheets: 1 });
  });

  it("gives a chair no tasks or announcements download of the district", async () => {
    const chair = await world.personAt("C01", "chair", "Phạm Văn Nam");
    const chairBrowser = new WebClient(world);
    await chairBrowser.signInAs(chair);
    for (const path of ["/xuat/nhiem-vu.xlsx", "/xuat/thong-bao.xlsx"]) {
      const response = await chairBrowser.get(path);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("không có quyền xem đơn vị này");
    }
  });

  it("speaks English to a person who chose it", async () => {
    await admin.says("/ngonngu en");
    const html = await (await browser.get("/don-vi")).text();
    expect(html).toContain("Units under LĐLĐ TP Thủ Đức");
  });
});
