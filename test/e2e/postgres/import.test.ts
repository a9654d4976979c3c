// Importing a targets workbook in chat, on PostgreSQL: every row checked before anything is written, the
// file written only when the admin confirms, and then all of it or none of it, even when the database
// refuses a row half-way through the writing.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, worldEngine, worldsOn, type Person } from "#test/world.ts";

worldsOn("postgres");

const HEADER = ["Mã đơn vị", "Chỉ tiêu", "Số lượng", "Hạn"];
/** The file's rows: unit code, the metric as officers name it, the target, the deadline as written. */
const ROWS: [string, string, number, string][] = [
  ["C1", "Kết nạp đoàn viên", 30, "31/12/2026"],
  ["C2", "Kết nạp đoàn viên", 12, "30/11/2026"],
  ["C3", "Kết nạp đoàn viên", 45, "31/12/2026"],
  ["C1", "Thành lập CĐCS", 1, "30/09/2026"],
];
/** "31/12/2026" → "2026-12-31", as the database keeps a day. */
const isoDay = (text: string) => text.split("/").reverse().join("-");
const METRIC_KEYS: Record<string, string> = { "Kết nạp đoàn viên": "ket_nap", "Thành lập CĐCS": "thanh_lap_cdcs" };

let world: World;
let admin: Person;

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Chỉ tiêu");
  sheet.addRow(["CHỈ TIÊU NĂM 2026"]);
  sheet.addRow([]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface TargetRow {
  code: string;
  metric: string;
  value: number;
  deadline: string | null;
}

/** Every target in the database, read outside the repositories, in a fixed order. */
const targets = () =>
  world.rows<TargetRow>(`select u.code, t.metric, t.value, t.deadline from targets t join units u on u.id = t.unit_id
    order by u.code, t.metric`);

/** What the file says the targets table should hold, in the same order. */
const expected = (): TargetRow[] =>
  ROWS.map(([code, metric, value, deadline]) => ({
    code,
    metric: METRIC_KEYS[metric] as string,
    value,
    deadline: isoDay(deadline),
  })).sort((a, b) => (a.code + a.metric < b.code + b.metric ? -1 : 1));

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Phú Riềng", parent: "D1", workers: 50 });
  await world.unit({ code: "C3", name: "CĐCS Công ty Cao su Sông Bé", parent: "D1", workers: 500 });
  admin = await world.personAt("D1", "admin", "Cán bộ Phú Riềng");
});
afterEach(() => world.close());

describe(`a targets workbook imported in chat on PostgreSQL (${await worldEngine()})`, () => {
  it("checks every row, names each bad one, and writes nothing while any row is bad", async () => {
    const file = await workbook([
      HEADER,
      ...ROWS,
      ["C9", "Kết nạp đoàn viên", 5, "31/12/2026"],
      ["C2", "Kết nạp đoàn viên", "mười", "31/12/2026"],
    ]);
    const reply = await admin.sendsFile("chi-tieu.xlsx", file);
    // The header is on the file's third line, so the rows after the good ones are lines 8 and 9.
    const first = 3 + ROWS.length + 1;
    expect(reply).toContain(`Tệp có 2 dòng lỗi (trên ${ROWS.length + 2} dòng)`);
    expect(reply).toContain(`Dòng ${first}: không có đơn vị mã C9`);
    expect(reply).toContain(`Dòng ${first + 1}: số lượng phải là số nguyên`);
    expect(admin.buttons()).not.toContain("✅ Xác nhận nhập");
    expect(await targets()).toEqual([]);
  });

  it("writes every row once the admin confirms, and only once however often the button is pressed", async () => {
    const summary = await admin.sendsFile("chi-tieu.xlsx", await workbook([HEADER, ...ROWS]));
    expect(summary).toContain(`Sẽ thêm ${ROWS.length} chỉ tiêu và cập nhật 0 chỉ tiêu`);
    expect(await targets()).toEqual([]);
    const confirm = admin.buttonData("✅ Xác nhận nhập");
    expect(await admin.pressesData(confirm)).toContain(`Đã nhập: thêm ${ROWS.length} chỉ tiêu, cập nhật 0 chỉ tiêu`);
    expect(await targets()).toEqual(expected());
    expect(await admin.pressesData(confirm)).toContain("đã được xử lý rồi");
    expect(await targets()).toEqual(expected());
  });

  it("writes nothing when the units changed between the check and the confirmation", async () => {
    await admin.sendsFile("chi-tieu.xlsx", await workbook([HEADER, ...ROWS]));
    const confirm = admin.buttonData("✅ Xác nhận nhập");
    // C3 leaves the district before the admin presses: its row is now outside the admin's units.
    await world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", parent: "P1", kind: "district" });
    await world.unit({ code: "C3", name: "CĐCS Công ty Cao su Sông Bé", parent: "D2", workers: 500 });
    const stale = ROWS.filter(([code]) => code === "C3").length;
    expect(await admin.pressesData(confirm)).toContain(`tệp giờ có ${stale} dòng lỗi nên tôi chưa nhập gì`);
    expect(await targets()).toEqual([]);
  });

  it("undoes the rows already written when the database refuses a later one, and can be confirmed again", async () => {
    await admin.sendsFile("chi-tieu.xlsx", await workbook([HEADER, ...ROWS]));
    const confirm = admin.buttonData("✅ Xác nhận nhập");
    // The database itself refuses C3's row, which comes after C1's and C2's: the rows before it were written
    // in the same transaction and must go with it.
    await world.rows(`create or replace function refuse_c3() returns trigger language plpgsql as $$
      begin
        if new.unit_id = (select id from units where code = 'C3') then raise exception 'C3 refused'; end if;
        return new;
      end $$`);
    await world.rows("create trigger refuse_c3 before insert on targets for each row execute function refuse_c3()");
    try {
      // The admin is told nothing changed and to try again; the webhook still answers 200.
      expect(await admin.pressesData(confirm)).toContain("số liệu không bị thay đổi. Hãy thử lại sau ít phút");
      expect(await targets()).toEqual([]);
    } finally {
      await world.rows("drop trigger if exists refuse_c3 on targets");
      await world.rows("drop function if exists refuse_c3()");
    }
    // Nothing was settled either: the same button, pressed again once the database accepts, writes it all.
    expect(await admin.pressesData(confirm)).toContain(`Đã nhập: thêm ${ROWS.length} chỉ tiêu`);
    expect(await targets()).toEqual(expected());
  });
});
