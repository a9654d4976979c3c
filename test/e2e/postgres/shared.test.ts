// Reports arriving together on PostgreSQL share transactions (db/pg/shared-work.ts). When such a transaction
// is lost, every report in it is handled again alone, through the real Telegram webhook: each chair gets one
// confirmation, and every unit counts its report once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, worldEngine, worldsOn } from "#test/world.ts";

worldsOn("postgres");

const UNITS = 8;

describe(`reports sharing a transaction on PostgreSQL (${await worldEngine()})`, () => {
  let world: World;
  beforeEach(async () => {
    // Two transactions at a time, never taken as held up: on a loaded machine the first reports of a fresh
    // service can take longer than the usual 20 ms, and the others would open transactions of their own.
    world = await World.create({ sharing: { lanes: 2, most: 16, stuckMs: 60_000, spare: 0 } });
    await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
    for (let i = 1; i <= UNITS; i++) {
      await world.unit({ code: `C${i}`, name: `CĐCS Công ty số ${i}`, parent: "D1", workers: 400 });
      await world.target(`C${i}`, "ket_nap", 50, "2026-12-31");
    }
  });
  afterEach(() => world.close());

  it("handles each report of a lost shared transaction again alone, and counts each once", async () => {
    const chairs = [];
    for (let i = 1; i <= UNITS; i++) chairs.push(await world.personAt(`C${i}`, "chair", `Chủ tịch số ${i}`));
    // The third chair's report fails once where it is written, as a dropped connection would: the transaction
    // it shares is lost, with the reports before it in there waiting for their commit.
    const ledger = world.repos.ledger;
    const record = ledger.record.bind(ledger);
    let calls = 0;
    let failed = false;
    ledger.record = async (entries, now, closes) => {
      calls++;
      if (!failed && entries[0]?.count === 3) {
        failed = true;
        throw new Error("the report could not be written this once");
      }
      return await record(entries, now, closes);
    };
    // "kết nạp 1 đoàn viên" … "kết nạp 8 đoàn viên", all at once.
    const replies = await Promise.all(chairs.map((chair, k) => chair.says(`kết nạp ${k + 1} đoàn viên`)));
    expect(failed).toBe(true);
    // More writes than reports: the one that failed, and at least one that had shared its transaction.
    expect(calls).toBeGreaterThan(UNITS + 1);
    for (const [k, reply] of replies.entries()) {
      expect(reply).toContain("Đã ghi nhận");
      expect(reply).not.toContain("đã có lỗi");
      expect(await chairs[k]?.asks("còn thiếu bao nhiêu")).toContain(`còn thiếu ${50 - (k + 1)}`);
    }
    expect(await world.ledgerCount()).toBe(UNITS);
  });
});
