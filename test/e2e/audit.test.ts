import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "#db/repositories/audit.ts";
import { AUDIT_PAGE } from "#commands/audit-log.ts";
import { type Person, World } from "#test/world.ts";

let world: World;
let admin: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", sector: "non_state", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Linh Trung", parent: "D1", sector: "state", workers: 50 });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C9", name: "CĐCS Công ty Cao su Phú Riềng", parent: "D2", workers: 80 });
  admin = await world.personAt("D1", "admin", "Lê Văn Quản");
});
afterEach(() => world.close());

const csv = (text: string) => new TextEncoder().encode(text);
const personIdOf = async (person: Person) =>
  (await world.repos.people.account("telegram", String(person.telegramId)))?.personId;
/** The newest entry of a kind, from the whole log. */
const latest = async (kind: string): Promise<AuditEntry | undefined> =>
  (await world.repos.audit.read({ limit: 1000 })).find((entry) => entry.kind === kind);
/** What the entry says about who made the change and where. */
const byPerson = async (person: Person, unitCode: string) => ({
  personId: await personIdOf(person),
  personName: person.name,
  platform: "telegram",
  account: String(person.telegramId),
  unitCode,
});

describe("the audit trail of changes that are not reports", () => {
  it("records invites created by the operator and redeemed by a person, with the role granted", async () => {
    const chair = await world.personAt("C1", "chair", "Trần Thị Bình");
    expect(await latest("invite_created")).toMatchObject({ platform: "cli", personId: null, unitCode: "C1" });
    expect((await latest("invite_created"))?.after).toMatchObject({ role: "chair" });
    expect(await latest("invite_redeemed")).toMatchObject({
      ...(await byPerson(chair, "C1")),
      after: { role: "chair" },
    });
  });

  it("records a second app linked to a person", async () => {
    const chair = await world.personAt("C1", "chair", "Trần Thị Bình");
    const code = /([2-9A-HJ-NP-Z]{7})/.exec(await chair.says("/lienket"))?.[1] ?? "";
    const onZalo = world.zaloStranger("Bình Zalo");
    expect(await onZalo.says(code)).toContain("Đã liên kết Zalo");
    expect(await latest("account_linked")).toMatchObject({
      personId: await personIdOf(chair),
      platform: "zalo",
      account: onZalo.zaloId,
      unitCode: "C1",
      after: { platform: "zalo" },
    });
  });

  it("records units added, renamed and changed from a file, each with before and after", async () => {
    const file = csv(
      "code,name,parent_code,kind,sector,members,workers\n" +
        "C3,CĐCS Công ty Gỗ Thủ Đức,D1,grassroots,non_state,10,40\n" +
        "C2,CĐCS Trường THCS Linh Xuân,D1,grassroots,state,0,50\n" +
        "C1,CĐCS Công ty May Việt,D1,grassroots,non_state,0,320\n",
    );
    expect(await admin.sendsFile("don-vi.csv", file)).toContain("Xác nhận");
    await admin.presses("✅ Xác nhận nhập");
    // A unit added has no id until it is written: it is filed on its parent.
    expect(await latest("unit_added")).toMatchObject({
      ...(await byPerson(admin, "D1")),
      after: { code: "C3", parent: "D1" },
    });
    expect(await latest("unit_renamed")).toMatchObject({
      ...(await byPerson(admin, "C2")),
      before: { name: "CĐCS Trường THCS Linh Trung" },
      after: { name: "CĐCS Trường THCS Linh Xuân" },
    });
    expect(await latest("unit_changed")).toMatchObject({
      unitCode: "C1",
      before: { workers: 300 },
      after: { workers: 320 },
    });
  });

  it("records a unit moved by the operator's import, filed under its new parent", async () => {
    const { cli } = await import("#test/run-cli.ts");
    const { writeFileSync } = await import("node:fs");
    const path = `${world.dir}/move.csv`;
    writeFileSync(
      path,
      "code,name,parent_code,kind,sector,members,workers\nC2,CĐCS Trường THCS Linh Trung,D2,grassroots,state,0,50\n",
    );
    const env = { DATABASE_PATH: `${world.dir}/bot.sqlite` };
    expect((await cli(["import", path], env)).code).toBe(0);
    const moved = await latest("unit_moved");
    expect(moved).toMatchObject({ platform: "cli", unitCode: "C2", before: { parent: "D1" }, after: { parent: "D2" } });
    const d2 = await world.repos.units.byCode("D2");
    expect(d2 && (await world.repos.audit.read({ within: d2, limit: 10 })).map((e) => e.kind)).toContain("unit_moved");
  });

  it("records targets from a file apart from targets from an allocation", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    await admin.sendsFile("chi-tieu.csv", csv("unit_code,metric,target,deadline\nC1,ket_nap,40,31/12/2026\n"));
    await admin.presses("✅ Xác nhận nhập");
    expect(await latest("target_imported")).toMatchObject({
      ...(await byPerson(admin, "C1")),
      after: { metric: "ket_nap", value: 40, deadline: "2026-12-31" },
    });
    await admin.says("/phanbo ket_nap C1=70 C2=30");
    await admin.presses("✅ Xác nhận phân bổ");
    const allocated = (await world.repos.audit.read({ limit: 100 })).filter((e) => e.kind === "target_allocated");
    expect(allocated.map((e) => [e.unitCode, e.before, e.after])).toEqual([
      ["C2", null, expect.objectContaining({ value: 30 })],
      ["C1", { value: 40, deadline: "2026-12-31" }, expect.objectContaining({ value: 70 })],
    ]);
  });

  it("records ratings imported", async () => {
    await admin.sendsFile("xep-loai.csv", csv("unit_code,year,rating\nC1,2025,tot\n"));
    await admin.presses("✅ Xác nhận nhập");
    expect(await latest("rating_imported")).toMatchObject({
      ...(await byPerson(admin, "C1")),
      after: { year: "2025", rating: "tot" },
    });
    expect((await latest("rating_imported"))?.before).toBeNull();
    // Rated again: the entry says what the rating was; a file giving the same rating changes nothing.
    await admin.sendsFile("xep-loai.csv", csv("unit_code,year,rating\nC1,2025,hoan_thanh\n"));
    await admin.presses("✅ Xác nhận nhập");
    expect(await latest("rating_imported")).toMatchObject({
      before: { year: "2025", rating: "tot" },
      after: { year: "2025", rating: "hoan_thanh" },
    });
    const count = async () =>
      (await world.repos.audit.read({ limit: 100 })).filter((e) => e.kind === "rating_imported");
    const before = (await count()).length;
    await admin.sendsFile("xep-loai.csv", csv("unit_code,year,rating\nC1,2025,hoan_thanh\n"));
    await admin.presses("✅ Xác nhận nhập");
    expect(await count()).toHaveLength(before);
  });

  it("records a metric added, the reminder policy changed, a task set and an announcement sent", async () => {
    await world.personAt("C1");
    await admin.says("/themchitieu Hoạt động văn hóa thể thao = hoạt động");
    expect(await latest("metric_added")).toMatchObject({
      ...(await byPerson(admin, "D1")),
      after: { events: ["activity"] },
    });

    await admin.says("/lichnhac luc=07:30");
    await admin.says("/lichnhac sauhan=3");
    expect(await latest("policy_changed")).toMatchObject({
      ...(await byPerson(admin, "D1")),
      before: { remindAt: "07:30" },
      after: { overdueEveryDays: 3 },
    });

    await admin.says("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026");
    expect(await latest("task_sent")).toMatchObject({ ...(await byPerson(admin, "D1")), after: { due: "2026-07-20" } });

    await admin.says("/thongbao Họp giao ban quý 3 lúc 8h thứ Hai.");
    await admin.presses("📣 Gửi thông báo");
    const sent = await latest("announcement_sent");
    // The admin and the chair; the announcement's text stays out of the log.
    expect(sent).toMatchObject({ ...(await byPerson(admin, "D1")), after: { recipients: 2 } });
    expect(JSON.stringify(sent)).not.toContain("giao ban");
  });

  it("records workbooks exported in the chat and by the operator", async () => {
    await world.target("C1", "ket_nap", 60, "2026-12-31");
    await admin.says("/xuatbaocao");
    expect(admin.files()).toHaveLength(1);
    expect(await latest("workbook_exported")).toMatchObject({ ...(await byPerson(admin, "D1")), after: { sheets: 1 } });
    const { cli } = await import("#test/run-cli.ts");
    const env = { DATABASE_PATH: `${world.dir}/bot.sqlite` };
    expect((await cli(["export", "D1", `${world.dir}/bao-cao.xlsx`], env)).code).toBe(0);
    expect(await latest("workbook_exported")).toMatchObject({ platform: "cli", unitCode: "D1" });
  });
});

describe("/nhatky", () => {
  it("shows a district admin their subtree's changes, newest first, in Vietnamese", async () => {
    const chair = await world.personAt("C1", "chair", "Trần Thị Bình");
    await admin.says("/giaoviec Nộp danh sách đoàn viên ưu tú hạn 20/07/2026");
    const log = await admin.says("/nhatky");
    expect(log).toContain("Nhật ký thay đổi của LĐLĐ TP Thủ Đức");
    const lines = log.split("\n").slice(1);
    expect(lines[0]).toBe(
      "• 15/06/2026 10:00 · Lê Văn Quản (telegram) · Giao việc · LĐLĐ TP Thủ Đức: hạn: 2026-07-20; người nhận: 1",
    );
    expect(lines[1]).toContain(
      `${chair.name} (telegram) · Dùng mã mời, nhận vai trò · CĐCS Công ty May Việt: vai trò: chair`,
    );
    expect(lines[2]).toContain("Người vận hành (cli) · Tạo mã mời · CĐCS Công ty May Việt");
  });

  it("is refused to anyone who is not an admin, saying whom to ask", async () => {
    const chair = await world.personAt("C1");
    expect(await chair.says("/nhatky")).toContain("Chỉ quản trị của LĐLĐ mới xem được nhật ký thay đổi");
    const officer = await world.personAt("D1", "officer");
    expect(await officer.says("/nhatky")).toContain("hãy nhờ quản trị LĐLĐ");
  });

  it("shows nothing of another district", async () => {
    const other = await world.personAt("D2", "admin", "Phạm Văn Khác");
    await other.says("/giaoviec Hội nghị sơ kết hạn 30/07/2026");
    await world.personAt("C9", "chair", "Đỗ Thị Cao Su");
    const log = await admin.says("/nhatky");
    expect(log).not.toContain("Phú Riềng");
    expect(log).not.toContain("Phạm Văn Khác");
    expect(log).not.toContain("Đỗ Thị Cao Su");
    expect(await other.says("/nhatky")).toContain("Đỗ Thị Cao Su");
  });

  it("pages 20 at a time with a 'Xem thêm' button, without repeating an entry", async () => {
    const tasks = AUDIT_PAGE + 5;
    for (let i = 1; i <= tasks; i++) {
      // A minute apart, as a person types them: faster, and the flood limit would stop them.
      world.now = new Date(world.now.getTime() + 60_000);
      await admin.says(`/giaoviec Việc số ${i} hạn ${String(i).padStart(2, "0")}/07/2026`);
    }
    const first = (await admin.says("/nhatky")).split("\n").slice(1);
    expect(first).toHaveLength(AUDIT_PAGE);
    expect(first[0]).toContain(`hạn: 2026-07-${tasks}`);
    expect(admin.buttons()).toEqual(["Xem thêm"]);
    const second = (await admin.presses("Xem thêm")).split("\n").slice(1);
    // The rest of the tasks, then the admin's own invite and its use: everything in the subtree, once.
    expect(second).toHaveLength(tasks - AUDIT_PAGE + 2);
    expect(second[0]).toContain(`hạn: 2026-07-0${tasks - AUDIT_PAGE}`);
    expect(second.at(-1)).toContain("Tạo mã mời");
    expect(admin.buttons()).toEqual([]);
  });
});

describe("npm run cli -- audit", () => {
  it("prints a subtree's entries newest first, from a day on", async () => {
    const chair = await world.personAt("C9", "chair", "Đỗ Thị Cao Su");
    const { cli } = await import("#test/run-cli.ts");
    const env = { DATABASE_PATH: `${world.dir}/bot.sqlite` };
    const lines = (await cli(["audit", "--unit", "D2"], env)).stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]?.split("\t").slice(1, 4)).toEqual([
      "invite_redeemed",
      "C9",
      `#${await personIdOf(chair)} Đỗ Thị Cao Su (telegram:${chair.telegramId})`,
    ]);
    expect(lines[1]?.split("\t").slice(1, 3)).toEqual(["invite_created", "C9"]);
    // Every entry was made on 15/06/2026, the world's day.
    expect((await cli(["audit", "--since", "2026-06-16"], env)).stdout).toBe("");
    expect((await cli(["audit", "--unit", "NONE"], env)).code).toBe(1);
  });
});

describe("the audit log is append-only", () => {
  it("offers no update or delete, and the database refuses both", async () => {
    expect(Object.keys(world.repos.audit).sort()).toEqual(["append", "read"]);
    const sqlite = sqliteOf(world.repos);
    expect(() => sqlite.prepare("update audit_log set kind = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
    expect((await world.repos.audit.read({ limit: 10 })).length).toBeGreaterThan(0);
  });
});
