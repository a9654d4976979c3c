// District staff name units as people say them: without the head word, abbreviated, or ambiguously.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { World, type Person } from "#test/world.ts";

let world: World;
let officer: Person;
beforeEach(async () => {
  world = await World.create({ now: "2026-06-15T03:00:00Z" });
  await world.unit({ code: "TD", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await world.unit({ code: "N1", name: "Nghiệp đoàn xe ôm công nghệ TP Thủ Đức", parent: "TD", kind: "guild" });
  await world.unit({ code: "N2", name: "Nghiệp đoàn xe ôm phường Linh Trung", parent: "TD", kind: "guild" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Linh Xuân", parent: "TD", workers: 400, members: 250 });
  await world.unit({ code: "C2", name: "CĐCS Công ty Cơ khí Hiệp Phú", parent: "TD", workers: 90, members: 40 });
  // Per-guild admissions from LĐLĐ TP Thủ Đức's programme: xe ôm công nghệ 10, xe ôm 20.
  await world.target("N1", "ket_nap", 10, "2026-12-31");
  await world.target("N2", "ket_nap", 20, "2026-12-31");
  await world.target("C1", "ket_nap", 30, "2026-12-31");
  await world.target("TD", "ket_nap", 250, "2026-12-31");
  officer = await world.personAt("TD", "officer", "Lê Thị Hoa");
});
afterEach(() => world.close());

describe("naming a unit without its head word", () => {
  it.each(["xe ôm công nghệ còn thiếu bao nhiêu", "xe om cong nghe con thieu bao nhieu"])(
    "answers %s for that guild, not the whole district",
    async (text) => {
      const reply = await officer.asks(text);
      expect(reply).toContain("Nghiệp đoàn xe ôm công nghệ TP Thủ Đức");
      expect(reply).toContain("0/10");
      expect(reply).not.toContain("0/250");
    },
  );

  it("records a report typed by district staff for the unit named first", async () => {
    const reply = await officer.says("May Linh Xuân kết nạp 3");
    expect(reply).toContain("CĐCS Công ty May Linh Xuân");
    const standing = await officer.asks("tiến độ của cty may linh xuân");
    expect(standing).toContain(`${3}/30`);
  });

  it("still answers for the district when the words before the ask name no unit", async () => {
    const reply = await officer.asks("cho hỏi còn thiếu bao nhiêu");
    expect(reply).toContain("LĐLĐ TP Thủ Đức");
    expect(reply).toContain("0/250");
  });
});

describe("a name that fits several units", () => {
  it("offers each as a button that completes the same question for it", async () => {
    const listed = await officer.asks("tiến độ của nđ xe ôm");
    expect(listed).toContain("khớp với nhiều đơn vị");
    expect(officer.buttons()).toEqual(
      expect.arrayContaining(["Nghiệp đoàn xe ôm công nghệ TP Thủ Đức", "Nghiệp đoàn xe ôm phường Linh Trung"]),
    );
    const answer = await officer.presses("Nghiệp đoàn xe ôm phường Linh Trung");
    expect(answer).toContain("Nghiệp đoàn xe ôm phường Linh Trung");
    expect(answer).toContain("0/20");
  });

  it("keeps the metric asked about on the button", async () => {
    await officer.asks("nđ xe ôm còn thiếu bao nhiêu đoàn viên");
    const answer = await officer.presses("Nghiệp đoàn xe ôm công nghệ TP Thủ Đức");
    expect(answer).toContain("Kết nạp đoàn viên: 0/10");
  });

  it("refuses a forged button for a unit outside the person's reach", async () => {
    await world.unit({ code: "D2", name: "LĐLĐ huyện Bù Đăng", kind: "district" });
    await world.unit({ code: "X1", name: "CĐCS Công ty Ngoài Huyện", parent: "D2" });
    await world.target("X1", "ket_nap", 77, "2026-12-31");
    const outsider = await world.repos.units.byCode("X1");
    const reply = await officer.pressesData(`remaining:${outsider?.id}`);
    expect(reply).not.toContain("77");
    expect(reply).not.toContain("Ngoài Huyện");
  });
});
