import { sqliteOf } from "#db/index.ts";
import { afterEach, describe, expect, it } from "vitest";
import { memberRepositoryMissing } from "#db/pg/repositories/members.ts";
import { openRegister } from "#domain/member-register.ts";
import { newMemberKey } from "#domain/member-vault.ts";
import { MEMBER_KEY, World } from "#test/world.ts";

let world: World | undefined;
afterEach(() => world?.close());

const LAN = "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026";

async function worldWith(memberKey: string | null): Promise<World> {
  const made = await World.create({ now: "2026-12-01T03:00:00Z", memberKey });
  await made.unit({ code: "D1", name: "LĐLĐ TP Thủ Đức", kind: "district" });
  await made.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", workers: 300 });
  return made;
}

describe("the member register without its key", () => {
  it("says it is off, keeps nothing, and reports still work", async () => {
    world = await worldWith(null);
    const chair = await world.personAt("C1");
    expect(await chair.says(LAN)).toContain("Sổ đoàn viên chưa bật");
    expect(await chair.says("kết nạp 2 đoàn viên")).toContain("Đã ghi nhận");
    expect(chair.buttons()).not.toContain("Nhập danh sách 2 người");
    expect(sqliteOf(world.repos).prepare("select count(*) as n from pending_imports").get()).toEqual({ n: 0 });
  });

  it("turns off rather than mix keys when the key is not the one the register was sealed under", async () => {
    world = await worldWith(MEMBER_KEY);
    const chair = await world.personAt("C1");
    await chair.says(LAN); // the register opens, and keeps its key's fingerprint
    expect(await openRegister(world.repos, MEMBER_KEY)).toMatchObject({ on: true });
    expect(await openRegister(world.repos, newMemberKey())).toEqual({ on: false, reason: "wrong-key" });
  });

  it("stays off on a store without the register's tables, which refuses rather than pretends", async () => {
    world = await worldWith(MEMBER_KEY);
    const missing = memberRepositoryMissing();
    expect(await openRegister({ updates: world.repos.updates, members: missing }, MEMBER_KEY)).toEqual({
      on: false,
      reason: "no-store",
    });
    await expect(missing.ofUnit(1)).rejects.toThrow(/no PostgreSQL repository/);
  });
});
