import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister } from "#domain/member-register.ts";
import { memberVault, newMemberKey } from "#domain/member-vault.ts";
import { loadMemberMapping } from "#src/workbooks/member-workbook.ts";
import { cli } from "#test/run-cli.ts";
import { MEMBER_KEY, type Person, tableRows, World } from "#test/world.ts";

let world: World;
let chair: Person;
let officer: Person;
const csv = (text: string) => new TextEncoder().encode(text);
const env = () => ({ DATABASE_PATH: join(world.dir, "bot.sqlite"), MEMBER_DATA_KEY: MEMBER_KEY });

const LAN = "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026";
const TU = "Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Mỏ Cày, vào CĐ 21/11/2026";
const HOA = "Lê Thị Hoa, nữ, 05/06/1988, CCCD 083188000222, quê Ba Tri, vào CĐ 22/11/2026";

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  officer = await world.personAt("D1", "admin", "Lê Văn Quản");
  await chair.says("/nhapdv");
  await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
  for (const text of [LAN, TU]) {
    await chair.says(text);
    await chair.presses("✅ Lưu");
  }
  await officer.says("/duyetdv");
  await officer.presses("CĐCS Công ty May Việt (2)");
  await officer.presses("✅ Duyệt danh sách");
  // A third member is entered but not approved yet.
  await chair.says(HOA);
  await chair.presses("✅ Lưu");
});
afterEach(() => world.close());

async function sheetOf(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

describe("the export for the national software", () => {
  it("writes the mapped columns, approved members only, full ID numbers as text, and logs it", async () => {
    const answer = await officer.says("/xuatdanhsach");
    expect(answer).toContain("Danh sách 2 đoàn viên đã duyệt của LĐLĐ TP Thủ Đức");
    const [file] = officer.files();
    const rows = await sheetOf(file?.bytes ?? new Uint8Array());
    const mapping = loadMemberMapping();
    expect(rows[0]).toEqual(mapping.columns.map((c) => c.header));
    const column = (field: string) => mapping.columns.findIndex((c) => c.field === field);
    expect(rows.slice(1).map((r) => r[column("fullName")])).toEqual(["Nguyễn Thị Lan", "Trần Văn Tú"]);
    expect(rows[1]?.[column("idNumber")]).toBe("079195001234");
    expect(rows[1]?.[column("birthDate")]).toBe("12/03/1995");
    expect(rows[2]?.[column("gender")]).toBe("Nam");
    expect(rows[2]?.[column("unitCode")]).toBe("C1");
    const ids = (tableRows(world, ["members"]).members as { id: number; approval: string }[])
      .filter((m) => m.approval === "approved")
      .map((m) => m.id);
    const entry = (await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "members_exported");
    expect(entry).toMatchObject({ personName: officer.name, unitCode: "D1", after: { members: ids } });
  });

  it("gives nothing to a chair or to another district", async () => {
    expect(await chair.says("/xuatdanhsach")).toContain("Chỉ cán bộ LĐLĐ cấp trên");
    const stranger = await world.personAt("D2", "admin", "Phạm Văn Lạ");
    expect(await stranger.says("/xuatdanhsach")).toContain("LĐLĐ huyện Phú Riềng chưa có đoàn viên nào được duyệt");
    expect(stranger.files()).toHaveLength(0);
  });

  it("exports from the command line too, and reads card numbers back, all or nothing", async () => {
    const path = join(world.dir, "ds.xlsx");
    const exported = await cli(["members", "export", "D1", path], env());
    expect(exported).toMatchObject({ code: 0, stdout: `${path}: 2 approved member(s) of LĐLĐ TP Thủ Đức.\n` });
    const { readFileSync, writeFileSync } = await import("node:fs");
    expect((await sheetOf(readFileSync(path))).length).toBe(1 + 2);

    const cards = join(world.dir, "the.csv");
    // The third member is not approved: the whole file is refused, naming its line.
    writeFileSync(cards, "Số CCCD,Số thẻ đoàn viên\n079195001234,TD-000001\n083188000222,TD-000003\n");
    const refused = await cli(["members", "cards", "D1", cards], env());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("line 3: No approved member with this ID number");
    expect(tableRows(world, ["members"]).members).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ card_number: "TD-000001" })]),
    );
    writeFileSync(cards, "Số CCCD,Số thẻ đoàn viên\n079195001234,TD-000001\n083092000111,TD-000002\n");
    expect((await cli(["members", "cards", "D1", cards], env())).code).toBe(0);
    expect(
      (tableRows(world, ["members"]).members as { card_number: string | null }[]).map((m) => m.card_number),
    ).toEqual(["TD-000001", "TD-000002", null]);
  });

  it("takes card numbers sent in chat by the district's staff", async () => {
    const answer = await officer.sendsFile("so-the.csv", csv("Số CCCD,Số thẻ đoàn viên\n079195001234,TD-000001\n"));
    expect(answer).toContain("1 số thẻ đoàn viên hợp lệ");
    expect(await officer.presses("✅ Xác nhận nhập")).toContain("Đã ghi 1 số thẻ");
    await officer.says("/xuatdanhsach");
    const rows = await sheetOf(officer.files()[0]?.bytes ?? new Uint8Array());
    const card = loadMemberMapping().columns.findIndex((c) => c.field === "cardNumber");
    expect(rows[1]?.[card]).toBe("TD-000001");
  });

  it("re-seals the register under a new key with rotate-key", async () => {
    const next = newMemberKey();
    const rotated = await cli(["members", "rotate-key"], { ...env(), MEMBER_DATA_KEY_NEXT: next });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain("3 member(s) re-sealed");
    expect(await openRegister(world.repos, MEMBER_KEY)).toEqual({ on: false, reason: "wrong-key" });
    expect(await openRegister(world.repos, next)).toMatchObject({ on: true });
    const vault = memberVault(next);
    const [first] = tableRows(world, ["members"]).members as { id_number: string; id_hash: string }[];
    expect(vault.open("id_number", first?.id_number ?? "")).toBe("079195001234");
    expect(first?.id_hash).toBe(vault.idHash("079195001234"));
  });
});
