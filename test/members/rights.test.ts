import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Person, tableRows, World } from "#test/world.ts";
import { enterAndApprove, linkedMember } from "./approved-member.ts";

let world: World;
let chair: Person;
const BASE = 40;

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: BASE });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  const officer = await world.personAt("D1", "admin", "Lê Văn Quản");
  await enterAndApprove(
    chair,
    officer,
    "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026, dân tộc Kinh",
  );
});
afterEach(() => world.close());

const members = async () => world.repos.figures.members((await world.repos.units.byCode("C1")) as never);

describe("a member's rights over their own record", () => {
  it("lets an invited member see their own record, masked, the view logged, and nothing of the unit", async () => {
    const lan = await linkedMember(world, chair);
    const record = await lan.says("/toi");
    expect(record).toContain("Nguyễn Thị Lan");
    expect(record).toContain("CCCD 079*****1234");
    expect(record).toContain("Dân tộc: Kinh");
    expect(record).not.toContain("079195001234");
    expect((await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "member_viewed")).toMatchObject({
      platform: "telegram",
      account: String(lan.telegramId),
      unitCode: "C1",
    });
    expect(await lan.says("còn thiếu bao nhiêu")).toContain("chưa được liên kết với đơn vị công đoàn nào");
    expect(await lan.says("/duyetdv")).toContain("chưa được liên kết");
    expect(await lan.says("kết nạp 5 đoàn viên")).toContain("chưa được liên kết");
  });

  it("sends a correction request to the chair", async () => {
    const lan = await linkedMember(world, chair);
    expect(await lan.says("/suatoi quê quán là Mỏ Cày Bắc")).toContain("Đã gửi đề nghị");
    await world.drain();
    expect(world.pushedTo(chair).join("\n")).toContain("đề nghị sửa hồ sơ: quê quán là Mỏ Cày Bắc");
  });

  it("erases the member's personal data on the chair's press, keeping the counts", async () => {
    const lan = await linkedMember(world, chair);
    await lan.says("/toi");
    expect(await lan.presses("Đề nghị xóa dữ liệu")).toContain("Đã gửi đề nghị");
    await world.drain();
    const before = await members();
    expect(await chair.pressesData(world.pushedButton(chair, "🗑 Xóa dữ liệu của đoàn viên này"))).toContain("Đã xóa");
    const [row] = tableRows(world, ["members"]).members as Record<string, unknown>[];
    expect(row).toMatchObject({
      full_name: null,
      id_hash: null,
      id_number: null,
      birth_date: null,
      ethnicity: null,
      approval: "approved",
    });
    expect(await members()).toBe(before);
    expect(await lan.says("/toi")).toContain("chưa được liên kết với hồ sơ đoàn viên");
    expect((await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "member_erased")).toMatchObject({
      personName: chair.name,
    });
    // The same person can be entered again once erased.
    await chair.says("Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026");
    expect(chair.buttons()).toContain("✅ Lưu");
  });

  it("erases only for the member's own unit", async () => {
    await world.unit({ code: "C2", name: "CĐCS Trường THCS Linh Trung", parent: "D1" });
    const other = await world.personAt("C2", "chair", "Lê Văn Cường");
    const [row] = tableRows(world, ["members"]).members as { id: number }[];
    expect(await other.pressesData(`erase:${row?.id}`)).toContain("Nút này không còn dùng được");
    expect((tableRows(world, ["members"]).members as { full_name: string }[])[0]?.full_name).toBe("Nguyễn Thị Lan");
  });
});
