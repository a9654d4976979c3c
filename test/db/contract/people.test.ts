import { expect, it } from "vitest";
import { contract } from "./backends.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";
const LATER = "2026-06-01T00:00:00.000Z";
const telegram = { platform: "telegram" as const, externalId: "501", chatId: "501" };
const zalo = { platform: "zalo" as const, externalId: "z-77", chatId: "z-77" };

contract("people", (backend) => {
  it("redeems an invite once: a new person with the role, then who() knows them", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("MOI1", t.district.id, "admin", NOW, LATER);
    const invite = await repos.people.invite("MOI1");
    expect(invite).toEqual({
      code: "MOI1",
      unitId: t.district.id,
      role: "admin",
      expiresAt: LATER,
      usedAt: null,
      usedBy: null,
    });
    if (!invite) return;
    const id = await repos.people.redeem(invite, telegram, "Chị Hoa", NOW, "en");
    expect(id).not.toBeNull();
    expect(await repos.people.redeem(invite, telegram, "Chị Hoa", NOW)).toBeNull();
    expect(await repos.people.invite("MOI1")).toMatchObject({ usedAt: NOW, usedBy: id });
    const who = await repos.people.who("telegram", "501");
    expect(who).toMatchObject({ personId: id, displayName: "Chị Hoa", locale: "en" });
    expect(who?.posts).toEqual([{ role: "admin", unit: t.district }]);
    expect(await repos.people.roles(id as number)).toEqual([{ unitId: t.district.id, role: "admin" }]);
    expect(await repos.people.person(id as number)).toEqual({ id, displayName: "Chị Hoa", locale: "en" });
    await repos.people.setLocale(id as number, "vi");
    expect((await repos.people.person(id as number))?.locale).toBe("vi");
    expect(await repos.people.who("telegram", "nobody")).toBeUndefined();
  });

  it("knows who sent an update claimed with its sender, with every post in the order given", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("MOI2", t.district.id, "admin", NOW, LATER);
    await repos.people.createInvite("MOI3", t.a.id, "chair", NOW, LATER);
    const first = await repos.people.invite("MOI2");
    const id = first && (await repos.people.redeem(first, telegram, "Chị Hoa", NOW));
    const second = await repos.people.invite("MOI3");
    if (!second || !id) throw new Error("the invites did not work");
    await repos.people.redeem(second, telegram, "Chị Hoa", NOW);
    const alone = await repos.people.who("telegram", "501");
    expect(alone?.posts).toEqual([
      { role: "admin", unit: t.district },
      { role: "chair", unit: t.a },
    ]);
    // Inside the update's unit of work, as the intake claims it: the same answer, for a known and an unknown sender.
    const seen = await repos.unitOfWork(async () => {
      expect(await repos.updates.claim("telegram", "9001", NOW, "501")).toBe(true);
      const known = await repos.people.who("telegram", "501");
      expect(await repos.updates.claim("telegram", "9002", NOW, "nobody")).toBe(true);
      return { known, unknown: await repos.people.who("telegram", "nobody") };
    });
    expect(seen.known).toEqual(alone);
    expect(seen.unknown).toBeUndefined();
    expect(await repos.updates.claim("telegram", "9001", NOW, "501")).toBe(false);
  });

  it("links a second app with a code used once, picks the address, and never unlinks the last account", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("MOI2", t.a.id, "chair", NOW, LATER);
    const invite = await repos.people.invite("MOI2");
    const id = (await repos.people.redeem(invite as never, telegram, "Anh Tuấn", NOW)) as number;
    await repos.people.createLinkCode("LK1", id, LATER, "telegram");
    expect(await repos.people.linkCode("LK1")).toEqual({
      code: "LK1",
      personId: id,
      expiresAt: LATER,
      usedAt: null,
      platform: "telegram",
    });
    expect(await repos.people.linkAccount("LK1", id, zalo, NOW)).toBe(true);
    expect(await repos.people.linkAccount("LK1", id, zalo, NOW)).toBe(false);
    expect(await repos.people.platformsOf(id)).toEqual([
      { platform: "telegram", active: true },
      { platform: "zalo", active: true },
    ]);
    expect(await repos.people.address(id)).toEqual({ platform: "telegram", chatId: "501" });
    await repos.people.setRemindOn(id, "zalo");
    expect(await repos.people.remindOn(id)).toBe("zalo");
    expect(await repos.people.address(id)).toEqual({ platform: "zalo", chatId: "z-77" });
    const accounts = await repos.people.accountsOf(id);
    expect(accounts.map((a) => a.platform)).toEqual(["telegram", "zalo"]);
    expect(await repos.people.unlinkAccount(id, accounts[1]?.id as number)).toBe(true);
    expect(await repos.people.unlinkAccount(id, accounts[0]?.id as number)).toBe(false);
    expect(await repos.people.account("telegram", "501")).toEqual({ personId: id, ...telegram, active: true });
    expect(await repos.people.account("zalo", "z-77")).toBeUndefined();
  });

  it("counts wrong codes per account since an instant", async () => {
    const { repos } = backend();
    const times = ["2026-05-01T03:00:00.000Z", "2026-05-01T03:05:00.000Z", "2026-05-01T03:10:00.000Z"];
    for (const at of times) await repos.people.recordWrongCode("telegram", "9", at);
    await repos.people.recordWrongCode("zalo", "9", times[2] as string);
    expect(await repos.people.wrongCodesSince("telegram", "9", times[0] as string)).toEqual({
      count: 2,
      oldest: times[1],
    });
    expect(await repos.people.wrongCodesSince("telegram", "8", times[0] as string)).toEqual({ count: 0, oldest: null });
  });
});
