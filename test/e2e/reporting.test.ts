import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

let world: World;
let chair: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
  await world.target("C1", "ket_nap", 60, "2026-12-31");
  await world.target("C1", "thuc_tang", 40, "2026-12-31");
  chair = await world.personAt("C1");
});
afterEach(() => world.close());

describe("reporting members admitted and members who left", () => {
  it("records a report at once and answers with the unit's new standing and an undo button", async () => {
    const reply = await chair.says("kết nạp 5 đoàn viên");
    expect(reply).toContain("Đã ghi nhận cho CĐCS Công ty May Việt (ngày 15/06/2026)");
    expect(reply).toContain("Kết nạp đoàn viên: 5/60 (8%), còn thiếu 55, còn 199 ngày (hạn 31/12/2026)");
    expect(reply).toContain("Phát triển thực tăng: 5/40");
    expect(chair.buttons()).toContain("↩️ Hoàn tác");
    expect(await world.ledgerCount()).toBe(1);
  });

  it.each([
    ["vừa kết nạp thêm 3 đv", 3],
    ["/ketnap 5", 5],
    ["Kết nạp 12 đoàn viên", 12],
    ["ket nap 7 dv", 7],
  ])("understands %s", async (text, count) => {
    const reply = await chair.says(text);
    expect(reply).toContain(`Kết nạp đoàn viên: ${count}/60`);
  });

  it.each(["2 đoàn viên nghỉ việc", "giảm 2 đv", "/giam 2"])(
    "records a departure from %s as net growth going down",
    async (text) => {
      await chair.says("kết nạp 10 đoàn viên");
      const reply = await chair.says(text);
      expect(reply).toContain("Giảm 2 đoàn viên");
      expect(reply).toContain("Phát triển thực tăng: 8/40");
      expect(reply).toContain("Kết nạp đoàn viên: 10/60");
    },
  );

  it("asks for a number when none is given, and records nothing", async () => {
    const reply = await chair.says("kết nạp vài người");
    expect(reply).toContain("bao nhiêu");
    expect(reply).toContain("chưa ghi nhận");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("asks instead of recording more admissions than the unit has workers", async () => {
    const reply = await chair.says("kết nạp 301 đoàn viên");
    expect(reply).toContain("nhiều hơn số lao động");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("holds a message's clauses together to the same limit, as they are recorded together", async () => {
    const reply = await chair.says("kết nạp 200 đoàn viên, chiều kết nạp thêm 200 đoàn viên");
    expect(reply).toContain(`${200 + 200} nhiều hơn số lao động`);
    expect(await world.ledgerCount()).toBe(0);
  });

  it("refuses absurd and huge numbers", async () => {
    await world.unit({ code: "C2", name: "CĐCS Công ty Không Rõ", parent: "D1" });
    const other = await world.personAt("C2");
    expect(await other.says("kết nạp 150000 đoàn viên")).toContain("lớn bất thường");
    expect(await other.says("/ketnap 99999999999999999999999")).toContain("chưa ghi nhận");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("acknowledges a report of zero and records nothing", async () => {
    const reply = await chair.says("không kết nạp được ai");
    expect(reply).toContain("không ghi nhận gì");
    expect(await chair.says("/ketnap 0")).toContain("không ghi nhận gì");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("does not take a negative count", async () => {
    const reply = await chair.says("/ketnap -5");
    expect(reply).toContain("chưa ghi nhận");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("answers emoji, SQL-looking text and a 4,096-character message without changing anything", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    const ledger = () => world.rows("select * from ledger order by id");
    const before = await ledger();
    expect(before).toHaveLength(1);
    for (const text of [
      "👍👍👍",
      "'); DROP TABLE ledger; --",
      "a".repeat(4096),
      "kết nạp 5 đoàn viên ".repeat(205).slice(0, 4096),
    ]) {
      const reply = await chair.says(text);
      expect(reply.length).toBeGreaterThan(0);
    }
    expect(await ledger()).toEqual(before);
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain(`Kết nạp đoàn viên: 5/60 (8%), còn thiếu ${60 - 5}`);
  });

  it("refuses a message longer than Telegram allows", async () => {
    const reply = await chair.says(`kết nạp 5 đoàn viên ${"x".repeat(5000)}`);
    expect(reply).toContain("dài quá");
    expect(await world.ledgerCount()).toBe(0);
  });

  it("undoes a report with the button, once", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    const undone = await chair.presses("↩️ Hoàn tác");
    expect(undone).toContain("Đã hoàn tác");
    expect(undone).toContain("Kết nạp đoàn viên: 0/60");
    expect(await chair.pressesData("undo:1")).toContain("đã được hoàn tác rồi");
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 60");
  });

  it("undoes the last report when the chair says so", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    await chair.says("kết nạp 3 đoàn viên");
    expect(await chair.says("hoàn tác")).toContain("Kết nạp đoàn viên: 5/60");
  });

  it("does not let one person undo another's report", async () => {
    await chair.says("kết nạp 5 đoàn viên");
    const colleague = await world.personAt("C1", "officer", "Phạm Văn Cường");
    expect(await colleague.pressesData("undo:1")).toContain("Chỉ người đã gửi báo cáo");
    expect(await colleague.asks("còn thiếu bao nhiêu")).toContain("còn thiếu 55");
  });

  it("records a report dated yesterday on that day, and refuses one dated in the future", async () => {
    expect(await chair.says("hôm qua kết nạp 4 đv")).toContain("ngày 14/06/2026");
    expect(await chair.says("ngày 20/6 kết nạp 4 đv")).toContain("chưa tới");
    expect(await world.ledgerCount()).toBe(1);
  });
});
