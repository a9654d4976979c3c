// A number or date the bot cannot read with certainty is asked about, and the ledger stays as it was.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

const TODAY = "2026-06-15";
const ADMITTED_BEFORE = 5;
const TARGET = 60;

let world: World;
let chair: Person;
beforeEach(async () => {
  world = await World.create({ now: `${TODAY}T03:00:00Z` });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300, members: 200 });
  await world.target("C1", "ket_nap", TARGET, "2026-12-31");
  await world.target("C1", "thuc_tang", 40, "2026-12-31");
  chair = await world.personAt("C1");
  await chair.says(`kết nạp ${ADMITTED_BEFORE} đoàn viên`);
});
afterEach(() => world.close());

/** dd/mm/yyyy of the day `days` after TODAY. */
function dayAfter(days: number): string {
  const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

describe("a reading the bot is not sure of", () => {
  it.each([
    ["kết nạp -3 đv", "“-3”"],
    ["kết nạp +3 đv", "“+3”"],
    ["giảm -2 đoàn viên", "“-2”"],
    ["kết nạp 1e2 đv", "“1e2”"],
    ["kết nạp 3 đv, kết nạp 2 đv", "3, 2"],
    ["ngày 29/02/2026 kết nạp 3 đv", "29/02/2026"],
    [`ngày ${dayAfter(5).slice(0, 5)} kết nạp 3 đv`, `Ngày ${dayAfter(5)} chưa tới`],
    ["kết nạp 3 đv ngày 20/12/2025", "Ngày 20/12/2025 nằm trước kỳ chỉ tiêu năm nay"],
    ["thang sau ket nap 3 dv", "tháng sáu hay tháng sau"],
  ])("asks about “%s”, says what to type instead, and records nothing", async (text, quoted) => {
    const reply = await chair.says(text);
    expect(reply).toContain(quoted);
    expect(reply).toContain("chưa ghi nhận gì");
    expect(reply).toMatch(/ví dụ: “[^”]+”/);
    expect(await world.ledgerCount()).toBe(1);
    expect(await chair.asks("còn thiếu bao nhiêu")).toContain(`còn thiếu ${TARGET - ADMITTED_BEFORE}`);
  });
});

describe("a count the bot is sure of", () => {
  it("takes a restated departure as one event", async () => {
    const reply = await chair.says("Có 2 chị nghỉ thai sản xong nghỉ luôn, giảm 2 đoàn viên");
    expect(reply).toContain("Giảm 2 đoàn viên");
    expect(reply).toContain(`Phát triển thực tăng: ${ADMITTED_BEFORE - 2}/40`);
  });

  it("adds up a list that drops the verb, and the events of a morning and an afternoon", async () => {
    expect(await chair.says("kết nạp 2 đv nữ, 1 đv nam")).toContain(`Kết nạp đoàn viên: ${ADMITTED_BEFORE + 3}/60`);
    expect(await chair.says("sáng kết nạp 3, chiều kết nạp thêm 2")).toContain(
      `Kết nạp đoàn viên: ${ADMITTED_BEFORE + 3 + 5}/60`,
    );
  });

  it("does not count a breakdown as more members", async () => {
    expect(await chair.says("kết nạp 5 đv, trong đó 2 nữ")).toContain(`Kết nạp đoàn viên: ${ADMITTED_BEFORE + 5}/60`);
  });

  it("records a report on the weekday it names", async () => {
    // TODAY is a Monday: Thursday of last week is 4 days before it.
    expect(new Date(`${TODAY}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(await chair.says("thứ 5 tuần trước kết nạp 3 đv")).toContain(`(ngày ${dayAfter(-4)})`);
  });
});
