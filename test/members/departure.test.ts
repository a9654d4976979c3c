import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Person, tableRows, World } from "#test/world.ts";

let world: World;
let chair: Person;
const BASE = 40;

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: BASE });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  const officer = await world.personAt("D1", "admin", "Lê Văn Quản");
  await chair.says("/nhapdv");
  await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
  for (const text of [
    "Nguyễn Văn An, nam, 05/06/1990, CCCD 001090012345, quê Nam Định, vào CĐ 01/11/2026",
    "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026",
  ]) {
    await chair.says(text);
    await chair.presses("✅ Lưu");
  }
  await officer.says("/duyetdv");
  await officer.presses("CĐCS Công ty May Việt (2)");
  await officer.presses("✅ Duyệt danh sách");
});
afterEach(() => world.close());

const members = async () => world.repos.figures.members((await world.repos.units.byCode("C1")) as never);

describe("a named member leaving", () => {
  it("changes the member's status and the unit's count together", async () => {
    expect(await members()).toBe(BASE + 2);
    const answer = await chair.says("Nguyễn Văn An nghỉ việc");
    expect(answer).toContain("Đã ghi nhận Nguyễn Văn An (CCCD 001*****2345) nghỉ việc");
    expect(await members()).toBe(BASE + 1);
    const rows = tableRows(world, ["members"]).members as { full_name: string; status: string; status_on: string }[];
    expect(rows.map((r) => [r.full_name, r.status, r.status_on])).toEqual([
      ["Nguyễn Văn An", "left", "2026-12-01"],
      ["Nguyễn Thị Lan", "active", "2026-11-20"],
    ]);
    expect(await chair.says("Nguyễn Văn An nghỉ việc")).toContain("không thấy “Nguyễn Văn An”");
    expect(await members()).toBe(BASE + 1);
  });

  it("reads retirement with its day, and an undo of the chair's reports leaves it alone", async () => {
    await chair.says("kết nạp 1 đoàn viên");
    expect(await chair.says("Nguyễn Thị Lan nghỉ hưu từ 30/11/2026")).toContain("nghỉ hưu từ ngày 30/11/2026");
    await chair.says("hoàn tác");
    // The report is undone, the departure stays: the list still says she retired.
    expect(await members()).toBe(BASE + 2 - 1);
    const entry = (await world.repos.audit.read({ limit: 20 })).find((e) => e.kind === "member_status_changed");
    expect(entry?.after).toMatchObject({ status: "retired", on: "2026-11-30" });
  });

  it("answers a name not on the list as the count report it otherwise is", async () => {
    const answer = await chair.says("Phạm Văn Hùng nghỉ việc");
    expect(answer).toContain("Tôi không thấy “Phạm Văn Hùng” trong danh sách");
    expect(answer).toContain("Hãy gửi lại kèm con số");
    expect(await members()).toBe(BASE + 2);
  });
});
