import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Person, tableRows, World } from "#test/world.ts";

let world: World;
let chair: Person;
let officer: Person;

const PEOPLE = [
  "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026",
  "Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Bến Tre, vào CĐ 20/11/2026",
  "Lê Thị Hoa, nữ, 05/06/1988, CCCD 083188000222, quê Mỏ Cày, vào CĐ 21/11/2026",
];

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 100 });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C9", name: "CĐCS Công ty Cao su Phú Riềng", parent: "D2", workers: 80 });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  officer = await world.personAt("D1", "admin", "Lê Văn Quản");
});
afterEach(() => world.close());

async function enter(person: Person, text: string): Promise<void> {
  await person.says(text);
  const saved = await person.presses("✅ Lưu");
  if (!saved.includes("Đã thêm")) throw new Error(saved);
}

const membersOfC1 = async () => world.repos.figures.members((await world.repos.units.byCode("C1")) as never);

describe("approving a unit's list", () => {
  it("offers the list after a report, and shows reported, named and approved to the chair", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    expect(chair.buttons()).toContain("Nhập danh sách 5 người");
    expect(await chair.presses("Nhập danh sách 5 người")).toContain("cần xác nhận đã thông báo");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    await enter(chair, PEOPLE[1] as string);

    const pending = await officer.says("/duyetdv");
    expect(pending).toContain("CĐCS Công ty May Việt: 2 người");
    const opened = await officer.presses("CĐCS Công ty May Việt (2)");
    expect(opened).toContain("Nguyễn Thị Lan");
    expect(opened).toContain("CCCD 079*****1234");
    expect(opened).not.toContain("079195001234");
    expect(await officer.presses("✅ Duyệt danh sách")).toContain("Đã duyệt danh sách 2 đoàn viên");
    await world.drain();
    expect(world.pushedTo(chair).join("\n")).toContain("đã duyệt danh sách 2 đoàn viên");

    await enter(chair, PEOPLE[2] as string);
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("báo cáo 5, danh sách 3, đã duyệt 2");
    // The reported five were counted already: approval adds none of them twice.
    expect(await membersOfC1()).toBe(100 + 5);
  });

  it("counts approved members the unit never reported toward its members in total", async () => {
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await chair.says("kết nạp 1 đoàn viên");
    for (const text of PEOPLE) await enter(chair, text);
    await officer.says("/duyetdv");
    await officer.presses("CĐCS Công ty May Việt (3)");
    expect(await officer.presses("✅ Duyệt danh sách")).toContain("Đã cộng thêm 2 đoàn viên");
    expect(await membersOfC1()).toBe(100 + PEOPLE.length);
    // A second press approves nothing more.
    expect(await officer.pressesData("review:1:ok")).toContain("đã được xử lý");
    expect(await membersOfC1()).toBe(100 + PEOPLE.length);
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("báo cáo 3, danh sách 3, đã duyệt 3");
  });

  it("returns a list with a reason that reaches the chair, who can send it again", async () => {
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    await officer.says("/duyetdv");
    await officer.presses("CĐCS Công ty May Việt (1)");
    expect(await officer.presses("↩️ Trả lại")).toContain("/tralai 1");
    expect(await officer.says("/tralai 1 Thiếu số thẻ đoàn viên")).toContain("Đã trả lại danh sách 1 người");
    await world.drain();
    const notice = world.pushedTo(chair).join("\n");
    expect(notice).toContain("Lý do: Thiếu số thẻ đoàn viên");
    expect(await officer.says("/duyetdv")).toContain("không có danh sách");
    expect(await chair.pressesData(world.pushedButton(chair, "Gửi lại"))).toContain("Đã gửi lại");
    expect(await officer.says("/duyetdv")).toContain("CĐCS Công ty May Việt: 1 người");
    expect(await membersOfC1()).toBe(100);
  });

  it("shows nothing to another district's admin or another unit's chair, and changes nothing for them", async () => {
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    const stranger = await world.personAt("D2", "admin", "Phạm Văn Lạ");
    const otherChair = await world.personAt("C9", "chair", "Đỗ Thị Khác");
    const before = tableRows(world, ["members", "member_lists", "ledger"]);
    expect(await stranger.says("/duyetdv")).toContain("không có danh sách");
    expect(await otherChair.says("/duyetdv")).toContain("Chỉ cán bộ LĐLĐ cấp trên");
    for (const person of [stranger, otherChair, chair]) {
      const answers = [
        await person.pressesData("review:1"),
        await person.pressesData("review:1:ok"),
        await person.says("/tralai 1 không rõ"),
      ];
      for (const answer of answers) {
        expect(answer).toContain("Tôi không thấy danh sách này");
        expect(answer).not.toContain("Nguyễn Thị Lan");
      }
    }
    expect(tableRows(world, ["members", "member_lists", "ledger"])).toEqual(before);
  });

  it("shows a unit's list to its chair and to the district, and to nobody else", async () => {
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    const own = await chair.says("/danhsachdv");
    expect(own).toContain("Nguyễn Thị Lan");
    expect(own).toContain("079*****1234 ");
    expect(own).toContain("chờ duyệt");
    expect(await officer.says("/danhsachdv C1")).toContain("Nguyễn Thị Lan");
    const stranger = await world.personAt("D2", "admin", "Phạm Văn Lạ");
    const otherChair = await world.personAt("C9", "chair", "Đỗ Thị Khác");
    for (const answer of [await stranger.says("/danhsachdv C1"), await otherChair.says("/danhsachdv C1")]) {
      expect(answer).toContain("Tôi không thấy CĐCS “C1”");
      expect(answer).not.toContain("Nguyễn Thị Lan");
    }
    const views = (await world.repos.audit.read({ limit: 50 })).filter((e) => e.kind === "member_list_viewed");
    expect(views.map((v) => v.personName).sort()).toEqual([chair.name, officer.name].sort());
  });

  it("logs who viewed, added and approved which records", async () => {
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    await officer.says("/duyetdv");
    await officer.presses("CĐCS Công ty May Việt (1)");
    await officer.presses("✅ Duyệt danh sách");
    const log = await world.repos.audit.read({ limit: 100 });
    const [memberId] = (tableRows(world, ["members"]).members as { id: number }[]).map((m) => m.id);
    const kinds = log.map((e) => [e.kind, e.personName, e.unitCode]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["member_consent_confirmed", chair.name, "C1"],
        ["member_added", chair.name, "C1"],
        ["member_list_viewed", officer.name, "C1"],
        ["member_list_approved", officer.name, "C1"],
      ]),
    );
    for (const kind of ["member_added", "member_list_viewed", "member_list_approved"])
      expect(log.find((e) => e.kind === kind)?.after).toMatchObject({ members: [memberId] });
    // The log holds ids, never the person.
    expect(JSON.stringify(log)).not.toContain("Nguyễn Thị Lan");
  });
  it("dates a pending list by the day in Vietnam, not by the server's UTC day", async () => {
    // 20:00 on 1 December in UTC is 03:00 on 2 December in Vietnam.
    world.now = new Date("2026-12-01T20:00:00Z");
    await chair.says("/nhapdv");
    await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    await enter(chair, PEOPLE[0] as string);
    expect(await officer.says("/duyetdv")).toContain("(từ 02/12/2026)");
  });
});
