import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

const UNDO = "↩️ Hoàn tác";
const UNDO_OLDER = "↩️ Hoàn tác báo cáo này";
const TARGET = 60;

let world: World;
let chair: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
  await world.target("C1", "ket_nap", TARGET, "2026-12-31");
  chair = await world.personAt("C1");
});
afterEach(() => world.close());

const admitted = async () => {
  const text = await chair.asks("tiến độ");
  return Number(/Kết nạp đoàn viên: (\d+)\//.exec(text)?.[1]);
};

describe("“hoàn tác” undoes the last thing", () => {
  it("undoes the person's most recent report", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("kết nạp 3 đoàn viên");
    const reply = await chair.says("hoàn tác");
    expect(reply).toContain("Đã hoàn tác báo cáo:\n• Kết nạp 3 đoàn viên");
    expect(reply).toContain(`Kết nạp đoàn viên: 5/${TARGET}`);
  });

  it("said again, names the older report and undoes nothing until it is confirmed", async () => {
    await chair.says("hôm qua kết nạp 4 đoàn viên");
    await chair.says("kết nạp 3 đoàn viên");
    await chair.says("hoàn tác");
    const asked = await chair.says("/hoantac");
    expect(asked).toContain("Báo cáo gần nhất của anh/chị đã được hoàn tác rồi");
    expect(asked).toContain("CĐCS Công ty May Việt, ngày 14/06/2026:\n• Kết nạp 4 đoàn viên");
    expect(asked).toContain(`bấm “${UNDO_OLDER}”`);
    expect(chair.buttons()).toEqual([UNDO_OLDER]);
    expect(await admitted()).toBe(4);
  });

  it("undoes exactly the named older report when confirmed, once however often it is pressed", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("kết nạp 3 đoàn viên");
    await chair.says("kết nạp 2 đoàn viên");
    await chair.says("hoàn tác");
    await chair.says("hoàn tác");
    const confirm = chair.buttonData(UNDO_OLDER);
    const undone = await chair.pressesData(confirm);
    expect(undone).toContain("Đã hoàn tác báo cáo:\n• Kết nạp 3 đoàn viên");
    expect(await admitted()).toBe(5);
    expect(await chair.pressesData(confirm)).toContain("đã được hoàn tác rồi");
    expect(await admitted()).toBe(5);
    expect(await chair.says("hoàn tác")).toContain("• Kết nạp 5 đoàn viên");
    expect(await admitted()).toBe(5);
  });

  it("undoes a new report at once, even after older ones were undone", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("hoàn tác");
    await chair.says("kết nạp 3 đoàn viên");
    expect(await chair.says("hoàn tác")).toContain("Đã hoàn tác báo cáo:\n• Kết nạp 3 đoàn viên");
    expect(await admitted()).toBe(0);
  });

  it("says there is nothing to undo when every report is undone", async () => {
    expect(await chair.says("hoàn tác")).toContain("Không có báo cáo nào của anh/chị để hoàn tác");
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("hoàn tác");
    expect(await chair.says("hoàn tác")).toContain("Không có báo cáo nào của anh/chị để hoàn tác");
  });
});

describe("the undo button on a report", () => {
  it("undoes that report only, and pressing it twice undoes it once", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    const first = chair.buttonData(UNDO);
    await chair.says("kết nạp 3 đoàn viên");
    expect(await chair.pressesData(first)).toContain("Đã hoàn tác báo cáo:\n• Kết nạp 5 đoàn viên");
    expect(await admitted()).toBe(3);
    expect(await chair.pressesData(first)).toContain("đã được hoàn tác rồi");
    expect(await admitted()).toBe(3);
  });

  it("counts one undo when Telegram delivers the press twice", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    const button = chair.buttonData(UNDO);
    await chair.says("kết nạp 3 đoàn viên");
    await chair.pressesData(button, { updateId: 8001 });
    await chair.pressesData(button, { updateId: 8001 });
    expect(await admitted()).toBe(3);
  });
});

describe("on Zalo", () => {
  it("offers the older report's undo as a numbered choice", async () => {
    const zaloWorld = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true });
    try {
      await zaloWorld.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
      await zaloWorld.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
      await zaloWorld.target("C1", "ket_nap", TARGET, "2026-12-31");
      const lan = zaloWorld.zaloStranger("Nguyễn Thị Lan");
      await lan.says(`start ${await zaloWorld.invite("C1")}`);
      await lan.says("kết nạp 5 đoàn viên");
      await lan.says("kết nạp 3 đoàn viên");
      await lan.says("hoàn tác");
      const asked = await lan.says("hoàn tác");
      expect(asked).toContain(`1. ${UNDO_OLDER}`);
      expect(await lan.says("1")).toContain("Đã hoàn tác báo cáo:\n• Kết nạp 5 đoàn viên");
      expect(await lan.says("con thieu bao nhieu dv")).toContain(`còn thiếu ${TARGET}`);
    } finally {
      await zaloWorld.close();
    }
  });
});
