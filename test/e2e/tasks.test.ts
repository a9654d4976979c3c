import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

const TASK = "Nộp danh sách đoàn viên ưu tú";

let world: World;
let admin: Person;
let mayChair: Person;
let mayOfficer: Person;
let schoolChair: Person;

const doneRows = async () => Number((await world.rows<{ n: number }>("select count(*) as n from task_done"))[0]?.n);
const taskNamed = async (title: string) =>
  (await world.rows<{ id: number }>("select id from tasks where title = ?", title))[0] as { id: number };

beforeEach(async () => {
  world = await World.create();
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  await world.unit({ code: "C2", name: "CĐCS Trường THCS Phú Riềng", parent: "D1", workers: 50 });
  await world.unit({ code: "D2", name: "LĐLĐ huyện Khác", kind: "district" });
  await world.unit({ code: "X1", name: "CĐCS Công ty Láng Giềng", parent: "D2" });
  admin = await world.personAt("D1", "admin", "Cán bộ huyện");
  mayChair = await world.personAt("C1", "chair", "Chủ tịch May Việt");
  mayOfficer = await world.personAt("C1", "officer", "Cán bộ May Việt");
  schoolChair = await world.personAt("C2", "chair", "Chủ tịch trường");
});
afterEach(() => world.close());

describe("a task set with /giaoviec", () => {
  it("reaches every person with a role on each unit below at once, exactly once, with its deadline and a done button", async () => {
    const outsider = await world.personAt("X1", "chair", "Chủ tịch láng giềng");
    const reply = await admin.says(`/giaoviec ${TASK} hạn 20/07/2026`);
    const below = [mayChair, mayOfficer, schoolChair];
    expect(reply).toContain(`đến ${below.length} người`);
    await world.drain();
    await world.drain();
    for (const person of below) {
      const got = world.pushedTo(person).filter((text) => text.includes(TASK));
      expect(got).toHaveLength(1);
      expect(got[0]).toContain("hạn 20/07/2026");
    }
    expect(world.pushedTo(mayChair)[0]).toContain("CĐCS Công ty May Việt");
    expect(world.pushedTo(schoolChair)[0]).toContain("CĐCS Trường THCS Phú Riềng");
    expect(world.pushedTo(outsider)).toEqual([]);
    expect(world.pushedTo(admin).filter((text) => text.includes(TASK))).toEqual([]);
    expect(await schoolChair.pressesData(world.pushedButton(schoolChair, "✅ Đã xong"))).toContain(
      `Đã ghi nhận CĐCS Trường THCS Phú Riềng hoàn thành việc “${TASK}”`,
    );
  });
});

describe("saying a task is done", () => {
  beforeEach(async () => {
    await admin.says(`/giaoviec ${TASK} hạn 20/07/2026`);
    await admin.says("/giaoviec Tổ chức hội nghị sơ kết giữa nhiệm kỳ hạn 15/12/2026");
  });

  it("lists the open tasks when none matches, and records nothing", async () => {
    const reply = await mayChair.says("đã nộp báo cáo tài chính quý 2");
    expect(reply).toContain("không thấy việc đang chờ nào khớp");
    expect(reply).toContain(`Việc “${TASK}”: hạn 20/07/2026`);
    expect(reply).toContain("Việc “Tổ chức hội nghị sơ kết giữa nhiệm kỳ”: hạn 15/12/2026");
    expect(await doneRows()).toBe(0);
  });

  it("says a task already done was recorded before, rather than not understanding", async () => {
    expect(await mayChair.says("đã xong hội nghị sơ kết giữa nhiệm kỳ")).toContain("hoàn thành việc");
    const again = await mayChair.says("đã xong hội nghị sơ kết giữa nhiệm kỳ");
    expect(again).toContain("đã được ghi nhận hoàn thành trước đó");
    expect(await doneRows()).toBe(1);
  });
});

describe("the done button", () => {
  it("refuses a task of another district, revealing nothing and changing nothing", async () => {
    const other = await world.personAt("D2", "admin", "Cán bộ huyện khác");
    await other.says("/giaoviec Kiểm tra bí mật hạn 20/07/2026");
    const foreign = (await taskNamed("Kiểm tra bí mật")).id;
    const unit = (await world.repos.units.byCode("C1"))?.id;
    for (const data of [`done:${foreign}:${unit}`, `done:999999:${unit}`, `done:${foreign}:abc`]) {
      const reply = await mayChair.pressesData(data);
      expect(reply).toContain("Nút này không còn dùng được");
      expect(reply).not.toContain("Kiểm tra bí mật");
    }
    expect(await doneRows()).toBe(0);
  });

  it("refuses a unit the presser does not report for", async () => {
    await admin.says(`/giaoviec ${TASK} hạn 20/07/2026`);
    const task = (await taskNamed(TASK)).id;
    const school = (await world.repos.units.byCode("C2"))?.id;
    expect(await mayChair.pressesData(`done:${task}:${school}`)).toContain("Nút này không còn dùng được");
    expect(await doneRows()).toBe(0);
  });
});
