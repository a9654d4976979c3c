import { sqliteOf } from "#db/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

const CONFIRM = "✅ Xác nhận ghi";
const CANCEL = "Hủy";
const WORKERS = 300;
const MEMBERS = 200;

let world: World;
let chair: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: WORKERS, members: MEMBERS });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  chair = await world.personAt("C1");
});
afterEach(() => world.close());

/** Ledger rows written from one message, by its source. */
const rowsOf = async (updateId: number) => (await world.repos.ledger.bySource(`telegram:${updateId}`)).length;

describe("a count more than the unit's workers who are not members yet", () => {
  const count = WORKERS - MEMBERS + 50;

  it("is shown back with what will happen and what to type, and nothing is recorded", async () => {
    const reply = await chair.says(`kết nạp ${count} đoàn viên`);
    expect(reply).toContain("Tôi chưa ghi: CĐCS Công ty May Việt, ngày 15/06/2026");
    expect(reply).toContain(`Kết nạp ${count} đoàn viên`);
    expect(reply).toContain(`chỉ còn ${WORKERS - MEMBERS} người có thể kết nạp`);
    expect(reply).toContain(`Nếu đúng, bấm “${CONFIRM}”`);
    expect(reply).toContain("nếu nhầm, gõ lại số đúng, ví dụ: kết nạp 3 đoàn viên");
    expect(chair.buttons()).toEqual([CONFIRM, CANCEL]);
    expect(await world.ledgerCount()).toBe(0);
  });

  it("is recorded exactly once when confirmed, however often the confirm is pressed or redelivered", async () => {
    await chair.says(`kết nạp ${count} đoàn viên`);
    const confirm = chair.buttonData(CONFIRM);
    const recorded = await chair.pressesData(confirm, { updateId: 7001 });
    expect(recorded).toContain("Đã ghi nhận cho CĐCS Công ty May Việt (ngày 15/06/2026)");
    expect(recorded).toContain(`Kết nạp đoàn viên: ${count}/60`);
    expect(chair.buttons()).toContain("↩️ Hoàn tác");
    expect(await world.ledgerCount()).toBe(1);
    await chair.pressesData(confirm, { updateId: 7001 });
    expect(await chair.pressesData(confirm)).toContain("đã được ghi nhận trước đó");
    expect(await world.ledgerCount()).toBe(1);
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain(`Kết nạp đoàn viên: ${count}/60`);
  });

  it("is recorded with the original message's source, day and unit, whenever the confirm comes", async () => {
    await chair.says(`hôm qua kết nạp ${count} đoàn viên`, { updateId: 6001 });
    world.now = new Date("2026-06-17T03:00:00Z");
    const recorded = await chair.presses(CONFIRM);
    expect(recorded).toContain("Đã ghi nhận cho CĐCS Công ty May Việt (ngày 14/06/2026)");
    expect(await rowsOf(6001)).toBe(1);
    expect(await world.ledgerCount()).toBe(1);
  });

  it("is not asked about again, nor recorded twice, when its message comes back after the confirm", async () => {
    await chair.says(`kết nạp ${count} đoàn viên`, { updateId: 6002 });
    await chair.presses(CONFIRM);
    // Old claims of updates are pruned; the ledger's key on the message is what still holds.
    sqliteOf(world.repos).prepare("delete from processed_updates").run();
    expect(await chair.says(`kết nạp ${count} đoàn viên`, { updateId: 6002 })).toContain("đã được ghi nhận trước đó");
    expect(await world.ledgerCount()).toBe(1);
  });

  it("leaves nothing when cancelled, and a later confirm of it records nothing", async () => {
    await chair.says(`kết nạp ${count} đoàn viên`);
    const confirm = chair.buttonData(CONFIRM);
    expect(await chair.presses(CANCEL)).toContain("Đã hủy, tôi không ghi báo cáo này");
    expect(await world.ledgerCount()).toBe(0);
    expect(await chair.pressesData(confirm)).toContain("không ghi");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("is dropped when the chair types the right number instead, so the slip never counts", async () => {
    await chair.says(`kết nạp ${count} đoàn viên`);
    const confirm = chair.buttonData(CONFIRM);
    expect(await chair.says("kết nạp 3 đoàn viên")).toContain("Kết nạp đoàn viên: 3/60");
    expect(await chair.pressesData(confirm)).toContain("đã có báo cáo mới hơn thay thế");
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain(`còn thiếu ${60 - 3}`);
  });

  it("cannot be confirmed by someone else", async () => {
    await chair.says(`kết nạp ${count} đoàn viên`);
    const confirm = chair.buttonData(CONFIRM);
    const colleague = await world.personAt("C1", "officer", "Phạm Văn Cường");
    expect(await colleague.pressesData(confirm)).toContain("Hãy nhắn lại yêu cầu");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("is still refused outright above the unit's whole workforce", async () => {
    const reply = await chair.says(`kết nạp ${WORKERS + 1} đoàn viên`);
    expect(reply).toContain(`${WORKERS + 1} nhiều hơn số lao động`);
    expect(chair.buttons()).not.toContain(CONFIRM);
    expect(await world.ledgerCount()).toBe(0);
  });

  it("asks a hospital with 1.190 members of 1.200 workers before recording “kết nạp 1.200”", async () => {
    await world.unit({ code: "BV", name: "CĐCS Bệnh viện Đa khoa", parent: "D1", workers: 1_200, members: 1_190 });
    const head = await world.personAt("BV", "chair", "Lê Văn Tám");
    const reply = await head.says("ket nap 1.200 dv");
    expect(reply).toContain("Tôi chưa ghi");
    expect(reply).toContain(`chỉ còn ${1_200 - 1_190} người`);
    expect(await world.ledgerCount()).toBe(0);
    expect(await head.says("kết nạp 10 đoàn viên")).toContain("Đã ghi nhận");
  });
});

describe("a count far above what the unit usually reports", () => {
  // Workers unknown and members many: only the unit's own history can tell a slip.
  beforeEach(async () => {
    await world.unit({ code: "C3", name: "CĐCS Công ty Hòa Bình", parent: "D1", members: 500 });
  });

  it("is asked about once the unit has three earlier reports", async () => {
    const reporter = await world.personAt("C3", "chair", "Đỗ Văn Hùng");
    const earlier = [3, 4, 2];
    for (const n of earlier) await reporter.says(`kết nạp ${n} đoàn viên`);
    const largest = Math.max(...earlier);
    const slip = largest * 5 + 1;
    const reply = await reporter.says(`kết nạp ${slip} đoàn viên`);
    expect(reply).toContain("Tôi chưa ghi");
    expect(reply).toContain(`${earlier.length} báo cáo trước của đơn vị (nhiều nhất là ${largest})`);
    expect(await world.ledgerCount()).toBe(earlier.length);
    await reporter.presses(CONFIRM);
    expect(await world.ledgerCount()).toBe(earlier.length + 1);
  });

  it("is recorded at once while the unit has too few earlier reports to compare with", async () => {
    const reporter = await world.personAt("C3", "chair", "Đỗ Văn Hùng");
    for (const n of [3, 4]) await reporter.says(`kết nạp ${n} đoàn viên`);
    expect(await reporter.says("kết nạp 40 đoàn viên")).toContain("Đã ghi nhận");
  });
});

describe("a report that would more than double a small unit", () => {
  it("is asked about, while one that does not is recorded at once", async () => {
    const members = 20;
    await world.unit({ code: "C4", name: "CĐCS Trường Mầm non Hoa Sen", parent: "D1", members });
    const reporter = await world.personAt("C4", "chair", "Ngô Thị Mai");
    const reply = await reporter.says(`kết nạp ${members + 1} đoàn viên`);
    expect(reply).toContain(`nhiều hơn ${members} đoàn viên hiện có`);
    expect(await world.ledgerCount()).toBe(0);
    expect(await reporter.says(`kết nạp ${members} đoàn viên`)).toContain("Đã ghi nhận");
  });
});

describe("on Zalo", () => {
  it("offers the confirm and cancel as numbered choices, and “1” records the report once", async () => {
    const zaloWorld = await World.create({ now: "2026-06-15T03:00:00Z", zalo: true });
    try {
      await zaloWorld.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
      await zaloWorld.unit({
        code: "C1",
        name: "CĐCS Công ty May Việt",
        parent: "D1",
        workers: WORKERS,
        members: MEMBERS,
      });
      const chair = zaloWorld.zaloStranger("Nguyễn Thị Lan");
      await chair.says(`start ${await zaloWorld.invite("C1")}`);
      const count = WORKERS - MEMBERS + 1;
      const asked = await chair.says(`kết nạp ${count} đoàn viên`);
      expect(asked).toContain("Tôi chưa ghi");
      expect(asked).toContain(`1. ${CONFIRM}`);
      expect(asked).toContain(`2. ${CANCEL}`);
      expect(await zaloWorld.ledgerCount()).toBe(0);
      expect(await chair.says("1", { messageId: "press-1" })).toContain("Đã ghi nhận");
      expect(await chair.says("1", { messageId: "press-1" })).toBe("");
      expect(await zaloWorld.ledgerCount()).toBe(1);
    } finally {
      await zaloWorld.close();
    }
  });
});
