import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openMember } from "#domain/member-register.ts";
import { memberVault } from "#domain/member-vault.ts";
import { MEMBER_KEY, type Person, tableRows, World } from "#test/world.ts";
import { enterAndApprove, linkedMember } from "./approved-member.ts";

let world: World;
let chair: Person;
let officer: Person;
const BASE = 40;
/** Entered with the birth day mistyped (21 for 12): the ID number gives only the year, so it passed. */
const LAN = "Nguyễn Thị Lan, nữ, 21/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026, dân tộc Kinh";
const vault = memberVault(MEMBER_KEY);

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: BASE });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Linh Trung", parent: "D1", workers: 50 });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  officer = await world.personAt("D1", "admin", "Lê Văn Quản");
  await enterAndApprove(chair, officer, LAN);
});
afterEach(() => world.close());

async function lan() {
  const [row] = await world.repos.members.ofUnit((await world.repos.units.byCode("C1"))?.id ?? 0);
  if (!row) throw new Error("no member");
  return { row, open: openMember(vault, row) };
}

const members = async () => world.repos.figures.members((await world.repos.units.byCode("C1")) as never);
const register = () => tableRows(world, ["members", "member_accounts"]);

describe("correcting a member's record in the bot", () => {
  it("corrects the birth date a member asked about, from the button on the request to the member's notice", async () => {
    const member = await linkedMember(world, chair);
    expect(await member.says("/suatoi ngày sinh của tôi là 12/03/1995")).toContain("Đã gửi đề nghị");
    await world.drain();
    const opened = await chair.pressesData(world.pushedButton(chair, "✏️ Sửa hồ sơ"));
    expect(opened).toContain("Sửa hồ sơ đoàn viên của CĐCS Công ty May Việt");
    expect(opened).toContain("CCCD 079*****1234");
    expect(opened).not.toContain("079195001234");
    const card = await chair.says("ngay sinh 12/03/1995");
    expect(card).toContain("Ngày sinh: 21/03/1995 → 12/03/1995");
    expect(card).not.toContain("Quê quán");
    expect(card).toContain("đã được LĐLĐ duyệt");
    const before = await members();
    const save = chair.buttonData("✅ Lưu");
    const saved = await chair.pressesData(save);
    expect(saved).toContain("Đã sửa hồ sơ của Nguyễn Thị Lan (CCCD 079*****1234): ngày sinh");
    expect(saved).toContain("Tôi đã báo cho đoàn viên");

    const { row, open } = await lan();
    expect(open).toMatchObject({ birthDate: "1995-03-12", idNumber: "079195001234", hometown: "Bến Tre" });
    expect(open).toMatchObject({ ethnicity: "Kinh", approval: "approved" });
    expect(await members()).toBe(before);
    const entry = (await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "member_changed");
    expect(entry).toMatchObject({
      personName: chair.name,
      unitCode: "C1",
      after: { member: row.id, fields: ["birthDate"], approval: "approved" },
    });
    expect(JSON.stringify(entry)).not.toMatch(/1995|Lan/);
    await world.drain();
    expect(world.pushedTo(member).join("\n")).toContain("vừa được sửa: ngày sinh");
    expect(await member.says("/toi")).toContain("sinh 12/03/1995");
    // A second press of the same button changes nothing more.
    expect(await chair.pressesData(save)).toContain("đã được xử lý rồi");
    expect((await world.repos.audit.read({ limit: 50 })).filter((e) => e.kind === "member_changed")).toHaveLength(1);
  });

  it("opens by name typed without marks, takes a new ID number with its birth year, and keeps no number in clear", async () => {
    const member = await linkedMember(world, chair);
    await member.says("/suatoi em sinh năm 1996, số CCCD đúng là 079 196 001 234");
    await world.drain();
    // The number the member typed reaches the chair masked, like every ID number outside the entry card.
    expect(world.pushedTo(chair).join("\n")).toContain("em sinh năm 1996, số CCCD đúng là 079*****1234");
    expect(await chair.says("sua dv Nguyen Thi Lan")).toContain("Hãy gửi phần cần sửa");
    // The year alone disagrees with the ID number: refused with the reason, the record untouched.
    const rows = register();
    const refused = await chair.says("ngay sinh 12/03/1996");
    expect(refused).toContain("Số CCCD cho năm sinh 1995, nhưng ngày sinh ghi năm 1996");
    expect(refused).toContain("Hồ sơ chưa thay đổi");
    expect(chair.buttons()).not.toContain("✅ Lưu");
    expect(register()).toEqual(rows);
    const card = await chair.says("cccd 079 196 001 234");
    expect(card).toContain("Ngày sinh: 21/03/1995 → 12/03/1996");
    expect(card).toContain("Số CCCD: 079*****1234 → 079196001234");
    expect(await chair.presses("✅ Lưu")).toContain("CCCD 079*****1234): ngày sinh, số CCCD");

    const { row, open } = await lan();
    expect(open).toMatchObject({ birthDate: "1996-03-12", idNumber: "079196001234" });
    expect(row.idHash).toBe(vault.idHash("079196001234"));
    expect(await world.repos.members.holderOf(vault.idHash("079195001234"))).toBeUndefined();
    const entry = (await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "member_changed");
    expect(entry?.after).toMatchObject({ fields: ["birthDate", "idNumber"] });
    const path = join(world.dir, "bot.sqlite");
    const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
    expect(bytes.includes(Buffer.from("Nguyễn Thị Lan"))).toBe(true); // the search itself works
    for (const secret of ["079196001234", "1996-03-12", "12/03/1996"])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });

  it("names every bad corrected value and changes nothing", async () => {
    await chair.says("sửa đoàn viên Nguyễn Thị Lan");
    const rows = register();
    const bad: [string, string][] = [
      ["ngày sinh 31/02/1995", "Không có ngày 31/02/1995"],
      ["ngày sinh 12/03/1995, tên Nguyen Thi Lan", "chưa có dấu"],
      ["tên Nguyễn Thị Lan, CCCD 0791950012", "phải có đúng 12 chữ số"],
      ["CCCD 079195001234, vào CĐ 20/11/2009", "Tuổi khi vào công đoàn là 14"],
      ["vào CĐ 20/11/2026, gioi tinh nam", "Chữ số thứ tư của số CCCD (1) là của nữ"],
    ];
    for (const [text, reason] of bad) {
      const answer = await chair.says(text);
      expect(answer, text).toContain(reason);
      expect(answer, text).toContain("Hồ sơ chưa thay đổi");
      expect(chair.buttons(), text).not.toContain("✅ Lưu");
    }
    expect(await chair.presses("Hủy")).toContain("hồ sơ giữ nguyên");
    expect(register()).toEqual(rows);
    expect((await world.repos.audit.read({ limit: 50 })).some((e) => e.kind === "member_changed")).toBe(false);
  });

  it("refuses an ID number another unit holds, naming only that unit", async () => {
    const other = await world.personAt("C2", "chair", "Lê Văn Cường");
    await other.says("/nhapdv");
    await other.presses("✅ Tôi đã thông báo cho đoàn viên");
    await other.says("Trần Thị Mai, nữ, 05/05/1995, CCCD 001195000777, quê Hà Nội, vào CĐ 01/11/2026");
    expect(await other.presses("✅ Lưu")).toContain("Đã thêm");
    const rows = register();
    const refused = await chair.says("sửa đv Nguyễn Thị Lan: CCCD 001195000777");
    expect(refused).toContain("đã thuộc về một đoàn viên của CĐCS Trường THCS Linh Trung");
    expect(refused).not.toContain("Trần Thị Mai");
    expect(refused).not.toContain("001195000777");
    expect(chair.buttons()).not.toContain("✅ Lưu");
    expect(register()).toEqual(rows);
  });

  it("lets only the chair or an officer of the member's own union edit; a forged id reveals nothing", async () => {
    await world.unit({ code: "D2", name: "LĐLĐ TP Thuận An", kind: "district" });
    const otherChair = await world.personAt("C2", "chair", "Lê Văn Cường");
    const otherDistrict = await world.personAt("D2", "admin", "Phạm Thị Xa");
    const { row } = await lan();
    const rows = register();
    const expired = "Nút này không còn dùng được";
    for (const person of [otherChair, otherDistrict, officer]) {
      expect(await person.pressesData(`medit:${row.id}`), person.name).toContain(expired);
      expect(await person.pressesData(`medit:${row.id + 1000}`), person.name).toContain(expired);
    }
    expect(await otherChair.says("sửa đoàn viên Nguyễn Thị Lan")).toContain(
      "không thấy “Nguyễn Thị Lan” trong danh sách đoàn viên của CĐCS Trường THCS Linh Trung",
    );
    expect(await otherDistrict.says("sua dv Nguyen Thi Lan")).toContain("chủ tịch hoặc cán bộ công đoàn cơ sở");
    // The chair's own correction, saved by someone else's press: refused as well.
    await chair.says("sửa đoàn viên Nguyễn Thị Lan");
    await chair.says("quê Mỏ Cày Bắc");
    const save = chair.buttonData("✅ Lưu");
    expect(await otherChair.pressesData(save)).toContain(expired);
    expect(await officer.pressesData(save)).toContain(expired);
    expect(register()).toEqual(rows);
    // An officer of the member's own union may.
    const unitOfficer = await world.personAt("C1", "officer", "Đỗ Văn Phó");
    await unitOfficer.pressesData(`medit:${row.id}`);
    await unitOfficer.says("que Mo Cay Bac, Ben Tre");
    expect(await unitOfficer.presses("✅ Lưu")).toContain("quê quán");
    expect((await lan()).open.hometown).toBe("Mo Cay Bac, Ben Tre");
  });

  it("asks for the member's separate consent again before keeping a corrected ethnicity", async () => {
    await chair.says("sửa đoàn viên Nguyễn Thị Lan");
    const card = await chair.says("dân tộc Tày");
    expect(card).toContain("Dân tộc: Kinh → Tày");
    expect(card).toContain("dữ liệu nhạy cảm");
    expect(chair.buttons()).toEqual([
      "✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)",
      "Lưu, không lưu dân tộc, tôn giáo",
      "Hủy",
    ]);
    world.now = new Date("2026-12-02T03:00:00Z");
    await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)");
    expect((await lan()).open.ethnicity).toBe("Tày");
    expect((await lan()).row.sensitiveConsentAt).toBe(world.now.toISOString());
    await chair.says("sửa đoàn viên Nguyễn Thị Lan, dân tộc Kinh");
    expect(await chair.presses("Lưu, không lưu dân tộc, tôn giáo")).toContain("dân tộc");
    expect((await lan()).row).toMatchObject({ ethnicity: null, religion: null, sensitiveConsentAt: null });
  });

  it("reads a whole new member typed during a correction as an entry, not as a correction", async () => {
    await chair.says("sửa đoàn viên Nguyễn Thị Lan");
    const entry = await chair.says("Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Bến Tre, vào CĐ 21/11/2026");
    expect(entry).toContain("Kiểm tra thông tin đoàn viên trước khi lưu");
    expect(await chair.presses("✅ Lưu")).toContain("Đã thêm Trần Văn Tú");
    expect((await lan()).open).toMatchObject({ fullName: "Nguyễn Thị Lan", idNumber: "079195001234" });
  });
});
