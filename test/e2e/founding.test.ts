import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInvite } from "#src/cli/invite.ts";
import { World, type Person } from "#test/world.ts";

let world: World;
let admin: Person;
let chair: Person;

/** The district's running total of an event this year, as the ledger's roll-up holds it. */
const total = async (event: string) =>
  (await world.repos.ledger.tallies((await world.repos.units.byCode("TD"))?.id ?? 0, "2026")).get(event) ?? 0;
const children = async () => await world.repos.units.children((await world.repos.units.byCode("TD"))?.id ?? 0);

beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "TD", sector: "non_state", workers: 300 });
  await world.target("TD", "thanh_lap_cdcs", 5, "2026-12-31");
  await world.target("TD", "thanh_lap_nghiep_doan", 2, "2026-12-31");
  admin = await world.personAt("TD", "admin", "Cán bộ quận");
  chair = await world.personAt("C1", "chair", "Chủ tịch May Việt");
});
afterEach(() => world.close());

describe("a district admin founding unions and guilds", () => {
  it("counts an unnamed founding toward the district's target", async () => {
    const reply = await admin.says("thành lập 1 CĐCS mới");
    expect(reply).toContain("Đã ghi nhận cho LĐLĐ TP Thủ Đức");
    expect(reply).toContain("Thành lập CĐCS: 1/5");
    expect(await total("found_union")).toBe(1);
    expect(await children()).toHaveLength(1);
  });

  it("shows a named union with its guessed sector and members, and adds it once however often confirmed", async () => {
    const card = await admin.says("vừa thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên");
    expect(card).toContain("Tên: CĐCS Công ty TNHH Minh Phát");
    expect(card).toContain("Khu vực: Ngoài nhà nước");
    expect(card).toContain("Số đoàn viên: 25");
    expect(await total("found_union")).toBe(0);
    const confirm = admin.buttonData("✅ Xác nhận");
    const done = await admin.pressesData(confirm);
    expect(done).toContain("Đã thêm CĐCS Công ty TNHH Minh Phát (mã TD-002)");
    expect(await admin.pressesData(confirm)).toContain("đã được xử lý rồi");
    const added = (await children()).filter((u) => u.name === "CĐCS Công ty TNHH Minh Phát");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ code: "TD-002", kind: "grassroots", sector: "non_state", members: 25 });
    expect(await total("found_union")).toBe(1);
  });

  it("founds a guild of the informal economy toward the guild target", async () => {
    await admin.says("thành lập nghiệp đoàn xe ôm phường Linh Trung");
    expect(await admin.presses("✅ Xác nhận")).toContain("Đã thêm Nghiệp đoàn xe ôm phường Linh Trung");
    const guild = (await children()).find((u) => u.kind === "guild");
    expect(guild).toMatchObject({ name: "Nghiệp đoàn xe ôm phường Linh Trung", sector: "informal" });
    expect(await total("found_guild")).toBe(1);
    expect(await total("found_union")).toBe(0);
  });

  it("adds nothing when cancelled", async () => {
    await admin.says("thành lập CĐCS Trường THCS Linh Trung");
    expect(await admin.presses("Hủy")).toContain("Đã hủy");
    expect(await children()).toHaveLength(1);
    expect(await total("found_union")).toBe(0);
  });

  it("refuses a chair politely, saying who can, and changes nothing", async () => {
    const ledger = await world.ledgerCount();
    for (const text of ["thành lập 1 CĐCS mới", "vừa thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên"]) {
      const reply = await chair.says(text);
      expect(reply).toContain("quản trị của LĐLĐ quận, huyện");
      expect(chair.buttons()).toEqual([]);
    }
    expect(await world.ledgerCount()).toBe(ledger);
    expect(await children()).toHaveLength(1);
  });

  it("lets the new union's chair link with an invite from /moi and report at once", async () => {
    await admin.says("vừa thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên");
    await admin.presses("✅ Xác nhận");
    const made = await admin.says("/moi Minh Phát");
    const code = /: ([A-Za-z0-9]+)\n/.exec(made)?.[1];
    expect(made).toContain("Mã mời vào CĐCS Công ty TNHH Minh Phát, vai trò chủ tịch");
    const newChair = world.stranger("Chủ tịch Minh Phát");
    expect(await newChair.says(`/start ${code}`)).toContain("liên kết với CĐCS Công ty TNHH Minh Phát");
    expect(await newChair.says("kết nạp 3 đoàn viên")).toContain("Đã ghi nhận cho CĐCS Công ty TNHH Minh Phát");
    const unit = await world.repos.units.byCode("TD-002");
    expect((await world.repos.ledger.tallies(unit?.id ?? 0, "2026")).get("join")).toBe(3);
  });

  it("lists the new union for invites from the command line", async () => {
    await admin.says("thành lập nghiệp đoàn xe ôm phường Linh Trung");
    await admin.presses("✅ Xác nhận");
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runInvite(["--under", "TD", "--role", "chair"], world.repos, world.now, io)).toBe(0);
    expect(lines.some((line) => line.startsWith("TD-002,Nghiệp đoàn xe ôm phường Linh Trung,"))).toBe(true);
  });
});

describe("/moi", () => {
  it("refuses a unit outside the admin's subtree and reveals nothing of it", async () => {
    await world.unit({ code: "X", name: "LĐLĐ huyện Khác", kind: "district" });
    await world.unit({ code: "X1", name: "CĐCS Công ty Bí Mật", parent: "X" });
    const reply = await admin.says("/moi X1");
    expect(reply).toContain("không thấy đơn vị “X1”");
    expect(reply).not.toContain("Bí Mật");
  });

  it("is for admins only", async () => {
    expect(await chair.says("/moi C1")).toContain("Chỉ quản trị của LĐLĐ mới tạo được mã mời");
  });
});
