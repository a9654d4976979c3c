import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Person, tableRows, World } from "#test/world.ts";

let world: World;
let chair: Person;
const LAN = "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026";

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Linh Trung", parent: "D1", workers: 50 });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
});
afterEach(() => world.close());

/** Confirms the unit's notice the way a chair does before the first member. */
async function consented(person: Person): Promise<void> {
  await person.says("/nhapdv");
  await person.presses("✅ Tôi đã thông báo cho đoàn viên");
}

describe("entering a member in chat", () => {
  it("asks the chair to confirm the notice first, and stores the confirmation", async () => {
    const asked = await chair.says(LAN);
    expect(asked).toContain("chủ tịch công đoàn cần xác nhận đã thông báo");
    expect(tableRows(world, ["members"]).members).toHaveLength(0);
    const after = await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
    // The member typed before the notice is shown at once, as a card.
    expect(after).toContain("Đã lưu xác nhận");
    expect(after).toContain("Số CCCD: 079195001234");
    const consents = tableRows(world, ["member_consents"]).member_consents as { unit_id: number }[];
    expect(consents).toHaveLength(1);
    expect(consents[0]?.unit_id).toBe((await world.repos.units.byCode("C1"))?.id);
  });

  it("shows the full ID number only in the card, and masked once saved", async () => {
    await consented(chair);
    const card = await chair.says(LAN);
    expect(card).toContain("079195001234");
    expect(card).toContain("Quê quán: Bến Tre");
    const saved = await chair.presses("✅ Lưu");
    expect(saved).toContain("079*****1234");
    expect(saved).not.toContain("079195001234");
    expect(saved).toContain("1 người");
    const [row] = tableRows(world, ["members"]).members as Record<string, unknown>[];
    expect(row).toMatchObject({
      full_name: "Nguyễn Thị Lan",
      gender: "female",
      approval: "pending",
      joined_on: "2026-11-20",
    });
  });

  it("asks only for what is missing, then shows the card", async () => {
    await consented(chair);
    const first = await chair.says("Nguyễn Văn Hùng, nam, 05/06/1990, CCCD 001090012345");
    expect(first).toContain("Còn thiếu: quê quán, ngày vào công đoàn");
    expect(first).not.toContain("giới tính");
    const second = await chair.says("quê Nam Định");
    expect(second).toContain("Còn thiếu: ngày vào công đoàn");
    const card = await chair.says("vào CĐ 01/11/2026");
    expect(card).toContain("Quê quán: Nam Định");
    expect(card).toContain("Ngày vào công đoàn: 01/11/2026");
  });

  it("starts anew when another name is typed before the first member is complete", async () => {
    await consented(chair);
    await chair.says("Nguyễn Văn Hùng, nam, 05/06/1990, CCCD 001090012345");
    const next = await chair.says("Trần Văn Tú, nam, 02/02/1992");
    // Tú's draft has no ID number of its own: Hùng's is not carried over.
    expect(next).toContain("Còn thiếu: số CCCD, quê quán, ngày vào công đoàn");
  });

  it("names every problem in Vietnamese and saves nothing", async () => {
    await consented(chair);
    const answer = await chair.says(
      "Nguyen Van Hung, nam, 05/06/1990, CCCD 001190012345, quê Nam Định, vào CĐ 01/11/2026",
    );
    expect(answer).toContain("chưa có dấu");
    expect(answer).toContain("Chữ số thứ tư của số CCCD (1) là của nữ");
    expect(tableRows(world, ["members"]).members).toHaveLength(0);
  });

  it("refuses an ID number another unit holds, naming only that unit, and offers a transfer request", async () => {
    await consented(chair);
    await chair.says(LAN);
    await chair.presses("✅ Lưu");
    const other = await world.personAt("C2", "chair", "Lê Văn Cường");
    await consented(other);
    const refused = await other.says(
      "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 25/11/2026",
    );
    expect(refused).toContain("CĐCS Công ty May Việt");
    expect(refused).not.toContain("079195001234");
    expect(other.buttons()).toContain("Đề nghị chuyển sinh hoạt");
    expect(await other.presses("Đề nghị chuyển sinh hoạt")).toContain("Đã gửi đề nghị chuyển sinh hoạt tới 1");
    await world.drain();
    const [request] = world.pushedTo(chair);
    expect(request).toContain("CĐCS Trường THCS Linh Trung đề nghị chuyển sinh hoạt");
    expect(request).toContain("079*****1234");
    expect(tableRows(world, ["members"]).members).toHaveLength(1);
  });

  it("keeps ethnicity and religion only when the member's separate consent is confirmed", async () => {
    await consented(chair);
    await chair.says(`${LAN}, dân tộc Kinh, tôn giáo Phật giáo`);
    await chair.presses("Lưu, không lưu dân tộc, tôn giáo");
    const [plain] = tableRows(world, ["members"]).members as Record<string, unknown>[];
    expect(plain).toMatchObject({ ethnicity: null, religion: null, sensitive_consent_at: null });
    await chair.says("Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Bến Tre, vào CĐ 20/11/2026, dân tộc Khmer");
    await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)");
    const [, sensitive] = tableRows(world, ["members"]).members as Record<string, unknown>[];
    expect(sensitive?.ethnicity).toMatch(/^1\./);
    expect(sensitive?.sensitive_consent_at).toBe(world.now.toISOString());
  });

  it("leaves no ID number, birth date or hometown readable in the database file or its WAL", async () => {
    await consented(chair);
    await chair.says("Lê Thị Hoa, nữ, 05/06/1988, CCCD 083188000111, quê Mỏ Cày Bắc, vào CĐ 01/11/2026, dân tộc Khmer");
    await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)");
    expect(tableRows(world, ["members"]).members).toHaveLength(1);
    const path = join(world.dir, "bot.sqlite");
    const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`)]);
    expect(bytes.includes(Buffer.from("Lê Thị Hoa"))).toBe(true); // the search itself works
    for (const secret of ["083188000111", "1988-06-05", "05/06/1988", "Mỏ Cày Bắc", "Khmer"])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });
});
