// Who may do what, tried the way an abuser would: each attack goes through the real webhook and is
// refused with every table it could touch left as it was.
import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tableRows, World, type Person } from "#test/world.ts";

let world: World;
/** Admin of LĐLĐ huyện Phú Riềng (D1), under the province P1. */
let admin: Person;
/** Admin of LĐLĐ huyện Bù Đăng (D2), the district beside it. */
let neighbour: Person;

const csv = (text: string) => new TextEncoder().encode(text);

/** Every row of the tables named, to compare before and after an attempt. */
function tables(...names: string[]): Record<string, unknown[]> {
  const sqlite = sqliteOf(world.repos);
  return Object.fromEntries(names.map((name) => [name, sqlite.prepare(`select * from ${name} order by rowid`).all()]));
}

beforeEach(async () => {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", parent: "P1", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 150 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Phú Riềng", parent: "D1", workers: 50, members: 48 });
  await world.unit({ code: "X1", name: "CĐCS Công ty Cao su Bù Đăng", parent: "D2", workers: 80 });
  admin = await world.personAt("D1", "admin", "Lê Văn Hải");
  neighbour = await world.personAt("D2", "admin", "Phạm Thị Hoa");
});
afterEach(() => world.close());

describe("metrics an admin adds belong to the admin's unit", () => {
  beforeEach(async () => {
    expect(await admin.says("/themchitieu Hoạt động văn hóa thể thao = hoạt động")).toContain("Đã thêm chỉ tiêu");
  });

  it("does not let another district's admin change one", async () => {
    const before = tables("metrics");
    const reply = await neighbour.says("/themchitieu Hoạt động văn hóa thể thao = kết nạp");
    expect(reply).toContain("do đơn vị khác thêm");
    expect(reply).toContain("Hãy đặt một tên khác");
    expect(tables("metrics")).toEqual(before);
  });

  it("lets the unit that added one change it", async () => {
    expect(await admin.says("/themchitieu Hoạt động văn hóa thể thao = kết nạp")).toContain("Đã thêm chỉ tiêu");
    expect((await world.repos.metrics.get("hoat_dong_van_hoa_the_thao"))?.events).toEqual(["join"]);
  });

  it("keeps built-in metrics read-only", async () => {
    const before = tables("metrics");
    expect(await admin.says("/themchitieu Kết nạp đoàn viên = hoạt động")).toContain("đã có sẵn trong danh mục");
    expect(tables("metrics")).toEqual(before);
  });

  it("does not let another district set targets on one from a file", async () => {
    const before = tables("targets", "pending_imports");
    const reply = await neighbour.sendsFile(
      "chi-tieu.csv",
      csv("Mã đơn vị,Chỉ tiêu,Số lượng,Hạn\nX1,Hoạt động văn hóa thể thao,5,31/12/2026\n"),
    );
    expect(reply).toContain(
      "Dòng 2: chỉ tiêu “Hoạt động văn hóa thể thao” do LĐLĐ huyện Phú Riềng thêm, đơn vị anh/chị không dùng được",
    );
    expect(tables("targets", "pending_imports")).toEqual(before);
  });

  it("does not let another district allocate one", async () => {
    // Set before the metric had an owner, say: the allocation must still be refused.
    await world.target("D2", "hoat_dong_van_hoa_the_thao", 10, "2026-12-31");
    const before = tables("targets", "pending_imports");
    const reply = await neighbour.says("/phanbo hoat_dong_van_hoa_the_thao X1=10");
    expect(reply).toContain("do đơn vị khác thêm nên LĐLĐ huyện Bù Đăng không phân bổ được");
    expect(neighbour.buttons()).toEqual([]);
    expect(tables("targets", "pending_imports")).toEqual(before);
  });

  it("lets the districts below a province use the province's own", async () => {
    const province = await world.personAt("P1", "admin", "Võ Minh Tâm");
    expect(await province.says("/themchitieu Giới thiệu đoàn viên ưu tú tỉnh = giới thiệu Đảng")).toContain(
      "Đã thêm chỉ tiêu",
    );
    const reply = await admin.sendsFile(
      "chi-tieu.csv",
      csv("Mã đơn vị,Chỉ tiêu,Số lượng,Hạn\nC1,Giới thiệu đoàn viên ưu tú tỉnh,3,31/12/2026\n"),
    );
    expect(reply).toContain("Sẽ thêm 1 chỉ tiêu");
    await admin.presses("✅ Xác nhận nhập");
    const c1 = (await world.repos.units.byCode("C1"))!;
    expect((await world.repos.targets.find(c1.id, "gioi_thieu_doan_vien_uu_tu_tinh", "2026"))?.value).toBe(3);
  });
});

describe("an admin's files and allocations reach only the units below the admin's own", () => {
  it("refuses a target for the admin's own unit, which the province set", async () => {
    await world.target("D1", "ket_nap", 100, "2026-12-31");
    const before = tables("targets", "pending_imports");
    const reply = await admin.sendsFile(
      "chi-tieu.csv",
      csv("Mã đơn vị,Chỉ tiêu,Số lượng,Hạn\nD1,Kết nạp,5,31/12/2026\nC1,Kết nạp,40,31/12/2026\n"),
    );
    expect(reply).toContain("Tệp có 1 dòng lỗi");
    expect(reply).toContain(
      "Dòng 2: D1 là đơn vị của chính anh/chị: chỉ tiêu và xếp loại của đơn vị mình do cấp trên giao",
    );
    expect(tables("targets", "pending_imports")).toEqual(before);
  });

  it("refuses a rating for the admin's own unit", async () => {
    const before = tables("unit_ratings", "pending_imports");
    const reply = await admin.sendsFile("xep-loai.csv", csv("unit_code,year,rating\nD1,2025,xuat_sac\n"));
    expect(reply).toContain("Dòng 2: D1 là đơn vị của chính anh/chị");
    expect(tables("unit_ratings", "pending_imports")).toEqual(before);
  });

  it("refuses a units file that changes the admin's own unit", async () => {
    const before = tables("units", "pending_imports");
    const reply = await admin.sendsFile(
      "don-vi.csv",
      csv(
        "code,name,parent_code,kind,sector,members,workers\n" +
          "D1,LĐLĐ huyện Phú Riềng (đổi tên),P1,district,,0,0\n" +
          "C3,CĐCS Công ty Gỗ,D1,grassroots,non_state,0,40\n",
      ),
    );
    expect(reply).toContain("Dòng 2: D1 là đơn vị của chính anh/chị: thông tin của đơn vị mình do cấp trên cập nhật");
    expect(tables("units", "pending_imports")).toEqual(before);
  });

  it("still lets the admin add and change the units below", async () => {
    const reply = await admin.sendsFile(
      "don-vi.csv",
      csv(
        "code,name,parent_code,kind,sector,members,workers\n" +
          "C1,CĐCS Công ty May Việt Phú Riềng,D1,grassroots,non_state,150,300\n" +
          "C3,CĐCS Công ty Gỗ,D1,grassroots,non_state,0,40\n",
      ),
    );
    expect(reply).toContain("Sẽ thêm 1 đơn vị và cập nhật 1 đơn vị");
  });
});

describe("group chats", () => {
  const GROUP = { id: -100_777, type: "supergroup", title: "Cán bộ công đoàn huyện Phú Riềng" };
  const inGroup = (calls: { method: string; payload: Record<string, unknown> }[]) =>
    calls
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(GROUP.id))
      .map((c) => String(c.payload.text));

  const pressInGroup = (person: Person, data: string) => {
    const id = world.nextUpdateId();
    const from = { id: person.telegramId, is_bot: false, first_name: person.name };
    return world.deliver({
      update_id: id,
      callback_query: {
        id: `cb${id}`,
        from,
        chat_instance: "g",
        data,
        message: { message_id: 7, date: 0, chat: GROUP },
      },
    });
  };
  const writeInGroup = (person: Person, text: string) => {
    const id = world.nextUpdateId();
    const from = { id: person.telegramId, is_bot: false, first_name: person.name };
    return world.deliver({ update_id: id, message: { message_id: id, date: 0, chat: GROUP, from, text } });
  };

  beforeEach(async () => await world.target("D1", "ket_nap", 100, "2026-12-31"));

  it("answers a button pressed in a group with a note, never the district's figures", async () => {
    const sent = inGroup(await pressInGroup(admin, "say:tiến độ"));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Hãy nhắn riêng cho tôi");
    expect(sent[0]).not.toContain("Phú Riềng");
    expect(sent[0]).not.toContain("100");
  });

  it("records nothing for a button or a command in a group", async () => {
    const chair = await world.personAt("C1");
    const before = tables("ledger", "targets", "pending_imports");
    const pressed = inGroup(await pressInGroup(chair, "say:kết nạp 5 đoàn viên"));
    const written = inGroup(await writeInGroup(chair, "@TroLyCongDoanDemoBot kết nạp 5 đoàn viên"));
    const allocated = inGroup(await writeInGroup(admin, "/phanbo ket_nap C1=60 C2=40"));
    for (const reply of [...pressed, ...written, ...allocated]) expect(reply).toContain("Hãy nhắn riêng cho tôi");
    expect([pressed, written, allocated].map((r) => r.length)).toEqual([1, 1, 1]);
    expect(tables("ledger", "targets", "pending_imports")).toEqual(before);
    // The same words in private are recorded: the group, not the words, was refused.
    expect(await chair.says("kết nạp 5 đoàn viên")).toContain("Đã ghi nhận");
    expect(await world.ledgerCount()).toBe(1);
  });

  it("stays silent at group talk not addressed to it", async () => {
    const chair = await world.personAt("C1");
    expect(inGroup(await writeInGroup(chair, "kết nạp 5 đoàn viên"))).toEqual([]);
    expect(await world.ledgerCount()).toBe(0);
  });
});

describe("files from people who may not import", () => {
  const book = csv("Mã đơn vị,Chỉ tiêu,Số lượng,Hạn\nC1,Kết nạp,40,31/12/2026\n");
  const downloads = () => world.calls.filter((c) => c.method === "getFile").length;

  it("answers an unlinked account without downloading its file", async () => {
    const reply = await world.stranger().sendsFile("chi-tieu.csv", book);
    expect(reply).toContain("chưa được liên kết");
    expect(downloads()).toBe(0);
  });

  it("refuses a chair's targets file, though it is downloaded since chairs send member lists", async () => {
    const chair = await world.personAt("C1");
    const before = tableRows(world, ["targets", "pending_imports"]);
    expect(await chair.sendsFile("chi-tieu.csv", book)).toContain("Chỉ quản trị");
    expect(downloads()).toBe(1);
    expect(tableRows(world, ["targets", "pending_imports"])).toEqual(before);
  });

  it("downloads an admin's file", async () => {
    expect(await admin.sendsFile("chi-tieu.csv", book)).toContain("Sẽ thêm 1 chỉ tiêu");
    expect(downloads()).toBe(1);
  });
});

describe("a reminder schedule changed in chat", () => {
  // 08:05 in Hồ Chí Minh City.
  const morningOf = (day: string) => new Date(`${day}T08:05:00+07:00`).toISOString();
  const deadlineReminders = (person: Person) => world.pushedTo(person).filter((text) => text.startsWith("⏰"));

  it("applies from the scheduler's next tick, without a restart", async () => {
    await world.target("C1", "ket_nap", 20, "2026-07-15");
    const chair = await world.personAt("C1");
    await world.runReminders(new Date("2026-06-30T10:00:00+07:00").toISOString());
    // 14 days before the deadline, by the default schedule: the scheduler has now read it.
    await world.runReminders(morningOf("2026-07-01"));
    expect(deadlineReminders(chair)).toHaveLength(1);
    expect(await admin.says("/lichnhac truoc=10")).toContain("Đã lưu");
    // The default would remind next 7 days before (8 July); the new schedule, 10 days before.
    await world.runReminders(morningOf("2026-07-05"));
    expect(deadlineReminders(chair)).toHaveLength(2);
    expect(deadlineReminders(chair)[1]).toContain("còn 10 ngày");
  });
});

describe("an announcement drafted by an admin whose role is then withdrawn", () => {
  it("is not sent when the former admin presses its button", async () => {
    await world.personAt("C1", "chair", "Trần Thị Bình");
    expect(await admin.says("/thongbao Họp giao ban quý 3 lúc 8h thứ Hai.")).toContain("gửi đến");
    const button = admin.buttonData("📣 Gửi thông báo");
    const sqlite = sqliteOf(world.repos);
    const d1 = (await world.repos.units.byCode("D1"))?.id;
    // A district admin keeps the officer role after the admin role is withdrawn.
    sqlite.prepare(`update roles set role = 'officer' where unit_id = ? and role = 'admin'`).run(d1);
    const outboxBefore = (sqlite.prepare(`select count(*) as n from outbox`).get() as { n: number }).n;
    const reply = await admin.pressesData(button);
    expect(reply).not.toContain("Đang gửi");
    expect((sqlite.prepare(`select count(*) as n from outbox`).get() as { n: number }).n).toBe(outboxBefore);
  });
});
