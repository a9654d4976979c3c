import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";

let world: World;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.target("D1", "ket_nap", 250, "2026-12-31");
  const done = [40, 3, 25, 0, 12, 30, 8];
  for (const i of done.keys()) {
    await world.unit({ code: `C${i}`, name: `CĐCS Trường Tiểu học số ${i}`, parent: "D1", workers: 500 });
    await world.target(`C${i}`, "ket_nap", 40, "2026-12-31");
  }
  await world.unit({ code: "X1", name: "CĐCS ngoài huyện", parent: "P1", workers: 100 });
});
afterEach(() => world.close());

async function reportAll(done: number[]) {
  for (const [i, count] of done.entries()) {
    if (count === 0) continue;
    const chair = await world.personAt(`C${i}`);
    await chair.says(`kết nạp ${count} đoàn viên`);
  }
}

describe("asking what is still missing", () => {
  it.each(["còn thiếu bao nhiêu đoàn viên", "con thieu bao nhieu dv", "/conthieu", "tiến độ", "/tiendo"])(
    "answers a chair's %s with the unit's figures",
    async (text) => {
      const chair = await world.personAt("C1");
      await chair.says("kết nạp 3 đoàn viên");
      const reply = await chair.asks(text);
      expect(reply).toContain("CĐCS Trường Tiểu học số 1");
      expect(reply).toContain("3/40");
      expect(reply).toContain("còn thiếu 37");
      expect(reply).not.toContain("Các đơn vị chậm nhất");
    },
  );

  it("gives a district officer the roll-up over the whole subtree and the five furthest behind", async () => {
    await reportAll([40, 3, 25, 0, 12, 30, 8]);
    const officer = await world.personAt("D1", "officer");
    const reply = await officer.asks("còn thiếu bao nhiêu đoàn viên");
    expect(reply).toContain("LĐLĐ huyện Phú Riềng");
    expect(reply).toContain("118/250 (47%), còn thiếu 132");
    const behind = reply.slice(reply.indexOf("Các đơn vị chậm nhất"));
    expect(behind).toContain("trong 7 đơn vị có chỉ tiêu");
    const order = ["số 3", "số 1", "số 6", "số 4", "số 2"].map((name) => behind.indexOf(name));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(behind).not.toContain("số 0:");
    expect(behind).not.toContain("số 5:");
  });

  it("lets an officer ask about one unit of the district by name", async () => {
    await reportAll([0, 0, 25]);
    const officer = await world.personAt("D1", "officer");
    const reply = await officer.asks("tiến độ của CĐCS Trường Tiểu học số 2");
    expect(reply).toContain("25/40");
  });

  it("gives the province the same roll-up over everything below it", async () => {
    await reportAll([10, 5]);
    const officer = await world.personAt("P1", "officer");
    const reply = await officer.asks("còn thiếu bao nhiêu");
    expect(reply).toContain("LĐLĐ tỉnh Bình Phước");
    expect(reply).toContain("chưa có chỉ tiêu riêng");
    expect(reply).not.toContain("chưa được giao chỉ tiêu nào");
    expect(reply).toContain("LĐLĐ huyện Phú Riềng: 15/250");
  });
});
