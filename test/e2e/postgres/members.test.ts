// The member register on PostgreSQL, through the real webhook: a chair names the members they reported, the
// district approves and exports them, a member's record is corrected at their request, and no personal value
// lies in any table in clear.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openMember } from "#domain/member-register.ts";
import { memberVault } from "#domain/member-vault.ts";
import { loadMemberMapping } from "#src/workbooks/member-workbook.ts";
import { MEMBER_KEY, type Person, World, worldEngine, worldsOn } from "#test/world.ts";

worldsOn("postgres");

let world: World;
let chair: Person;
let officer: Person;

const LAN = {
  text: "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026",
  name: "Nguyễn Thị Lan",
  id: "079195001234",
};
const TU = {
  text: "Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Mỏ Cày Bắc, vào CĐ 21/11/2026, dân tộc Khmer",
  name: "Trần Văn Tú",
  id: "083092000111",
};

beforeEach(async () => {
  world = await World.create({ now: "2026-12-01T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 100 });
  await world.unit({ code: "C2", name: "CĐCS Công ty Dệt Nam", parent: "D1", workers: 90 });
  chair = await world.personAt("C1", "chair", "Trần Thị Bình");
  officer = await world.personAt("D1", "admin", "Lê Văn Quản");
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

/** The reported two, named after the report: the notice confirmed first, each member saved from its card. */
async function nameTheReported(): Promise<void> {
  expect(await chair.says("kết nạp 2 đoàn viên")).toContain("Đã ghi nhận");
  expect(await chair.presses("Nhập danh sách 2 người")).toContain("cần xác nhận đã thông báo");
  await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
  expect(await chair.says(LAN.text)).toContain(LAN.id); // the card to the person who typed it shows it whole
  expect(await chair.presses("✅ Lưu")).toContain("Đã thêm");
  await chair.says(TU.text);
  expect(await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)")).toContain("Đã thêm");
}

describe(`the member register on PostgreSQL (${await worldEngine()})`, () => {
  it("takes the reported members by name, has the district approve them, and exports them", async () => {
    await nameTheReported();
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("báo cáo 2, danh sách 2, đã duyệt 0");

    expect(await officer.says("/duyetdv")).toContain("CĐCS Công ty May Việt: 2 người");
    const opened = await officer.presses("CĐCS Công ty May Việt (2)");
    expect(opened).toContain(LAN.name);
    expect(opened).toContain("CCCD 079*****1234");
    expect(opened).not.toContain(LAN.id);
    expect(await officer.presses("✅ Duyệt danh sách")).toContain("Đã duyệt danh sách 2 đoàn viên");
    expect(await chair.says("còn thiếu bao nhiêu")).toContain("báo cáo 2, danh sách 2, đã duyệt 2");
    // The two were counted with the report; approving them adds neither a second time.
    expect(await world.repos.figures.members((await world.repos.units.byCode("C1")) as never)).toBe(100 + 2);

    expect(await officer.says("/xuatdanhsach")).toContain("Danh sách 2 đoàn viên đã duyệt của LĐLĐ TP Thủ Đức");
    const [file] = officer.files();
    const rows = await sheetOf(file?.bytes ?? new Uint8Array());
    const mapping = loadMemberMapping();
    const column = (field: string) => mapping.columns.findIndex((c) => c.field === field);
    expect(rows[0]).toEqual(mapping.columns.map((c) => c.header));
    expect(rows.slice(1).map((r) => [r[column("fullName")], r[column("idNumber")], r[column("unitCode")]])).toEqual([
      [LAN.name, LAN.id, "C1"],
      [TU.name, TU.id, "C1"],
    ]);
    const ids = (
      await world.rows<{ id: number }>("select id from members where approval = 'approved' order by id")
    ).map((r) => r.id);
    expect(ids).toHaveLength(2);
    const entry = (await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "members_exported");
    expect(entry).toMatchObject({ personName: officer.name, unitCode: "D1", after: { members: ids } });
  });

  it("refuses the same ID number from another unit, naming only that unit", async () => {
    await nameTheReported();
    const other = await world.personAt("C2", "chair", "Đỗ Thị Khác");
    await other.says("/nhapdv");
    await other.presses("✅ Tôi đã thông báo cho đoàn viên");
    const refused = await other.says(LAN.text.replace(LAN.name, "Nguyễn Thị Lành"));
    expect(refused).toContain("CĐCS Công ty May Việt");
    expect(refused).not.toContain(LAN.name);
    const c2 = await world.rows<{ n: number }>(
      "select count(*)::int as n from members m join units u on u.id = m.unit_id where u.code = ?",
      "C2",
    );
    expect(c2).toEqual([{ n: 0 }]);
  });

  it("keeps no ID number, birth date, hometown or ethnicity in clear in any table", async () => {
    await nameTheReported();
    const tables = await world.rows<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["members", "member_lists", "pending_imports"]));
    expect(await holding(TU.name)).toContain("members"); // the search itself finds what is kept in clear
    for (const secret of [LAN.id, TU.id, "1995-03-12", "12/03/1995", "Bến Tre", "Mỏ Cày Bắc", "Khmer"])
      expect(await holding(secret), secret).toEqual([]);
  });

  it("corrects a member's birth date and ID number from the member's request, sealed, audited and told", async () => {
    await nameTheReported();
    await officer.says("/duyetdv");
    await officer.presses("CĐCS Công ty May Việt (2)");
    await officer.presses("✅ Duyệt danh sách");
    const code = /: ([2-9A-Z]{10})/.exec(await chair.says(`/moidv ${LAN.name}`))?.[1];
    const lan = world.stranger("Lan");
    expect(await lan.says(`/start ${code}`)).toContain("đã được liên kết với hồ sơ đoàn viên");
    expect(await lan.says("/suatoi em sinh năm 1996, số CCCD là 079196001234")).toContain("Đã gửi đề nghị");
    await world.drain();
    expect(await chair.pressesData(world.pushedButton(chair, "✏️ Sửa hồ sơ"))).toContain("CCCD 079*****1234");
    const card = await chair.says("ngay sinh 12/03/1996, cccd 079196001234");
    expect(card).toContain("Số CCCD: 079*****1234 → 079196001234");
    expect(await chair.presses("✅ Lưu")).toContain("ngày sinh, số CCCD");

    const [row] = await world.repos.members.ofUnit((await world.repos.units.byCode("C1"))?.id ?? 0);
    const vault = memberVault(MEMBER_KEY);
    expect(row && openMember(vault, row)).toMatchObject({
      fullName: LAN.name,
      birthDate: "1996-03-12",
      idNumber: "079196001234",
      approval: "approved",
    });
    expect(await world.repos.members.holderOf(vault.idHash(LAN.id))).toBeUndefined();
    const entry = (await world.repos.audit.read({ limit: 50 })).find((e) => e.kind === "member_changed");
    expect(entry).toMatchObject({
      personName: chair.name,
      after: { member: row?.id, fields: ["birthDate", "idNumber"] },
    });
    await world.drain();
    expect(world.pushedTo(lan).join("\n")).toContain("vừa được sửa: ngày sinh, số CCCD");
    for (const secret of ["079196001234", "1996-03-12", "12/03/1996"])
      expect(await holding(secret), secret).toEqual([]);
  });
});

/** The tables holding `needle` anywhere in a row, every column read as text. */
async function holding(needle: string): Promise<string[]> {
  const tables = await world.rows<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const { schema, name } of tables) {
    const [row] = await world.rows<{ n: number }>(
      `select count(*)::int as n from "${schema}"."${name}" t where t::text like ?`,
      `%${needle}%`,
    );
    if (row && row.n > 0) found.push(name);
  }
  return found;
}
