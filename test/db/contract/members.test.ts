// The member register's repository on every store: what it keeps, it gives back as it was given, and the
// writes that span several rows are all or nothing. Sealed values are opaque text to the store: made-up ones do.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { MemberCorrection, NewMember } from "#db/repositories/members.ts";
import type { Unit } from "#db/repositories/units.ts";
import { contract, type Repos } from "./backends.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";
const LATER = "2026-05-08T03:00:00.000Z";

/** A sealed-looking value: the vault's "1." and base64 of random bytes, different for every call. */
const sealed = () => `1.${randomBytes(40).toString("base64")}`;

let serial = 0;
function member(unit: Unit, overrides: Partial<NewMember> = {}): NewMember {
  serial += 1;
  return {
    unitId: unit.id,
    fullName: `Nguyễn Thị Lan ${serial}`,
    gender: "female",
    idHash: randomBytes(32).toString("hex"),
    idNumber: sealed(),
    birthDate: sealed(),
    hometown: sealed(),
    ethnicity: null,
    religion: null,
    sensitiveConsentAt: null,
    joinedOn: "2026-04-20",
    cardNumber: null,
    consentId: null,
    createdBy: null,
    ...overrides,
  };
}

async function chair(repos: Repos, unit: Unit, externalId: string): Promise<number> {
  const code = `MOI-${externalId}`;
  await repos.people.createInvite(code, unit.id, "chair", NOW, LATER);
  const invite = await repos.people.invite(code);
  if (!invite) throw new Error("no invite");
  const account = { platform: "telegram" as const, externalId, chatId: externalId };
  const id = await repos.people.redeem(invite, account, "Chị Hoa", NOW);
  if (id === null) throw new Error("not redeemed");
  return id;
}

contract("the member register", (backend) => {
  it("keeps a unit's consent and gives back every field of a member as it was written", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const person = await chair(repos, t.a, "601");
    expect(await repos.members.consentOf(t.a.id)).toBeUndefined();
    const first = await repos.members.recordConsent(t.a.id, person, "2026-01", NOW);
    const second = await repos.members.recordConsent(t.a.id, person, "2026-05", LATER);
    expect(second).toBeGreaterThan(first);
    expect(await repos.members.consentOf(t.a.id)).toEqual({
      id: second,
      unitId: t.a.id,
      personId: person,
      notice: "2026-05",
      confirmedAt: LATER,
    });
    const written = member(t.a, {
      ethnicity: sealed(),
      religion: sealed(),
      sensitiveConsentAt: NOW,
      cardNumber: "79001234567",
      consentId: second,
      createdBy: person,
    });
    const { listId, ids } = await repos.members.add(t.a.id, [written], person, NOW);
    const [id] = ids;
    const expected = {
      ...written,
      id,
      listId,
      approval: "pending",
      status: "active",
      statusOn: written.joinedOn,
      createdAt: NOW,
      erasedAt: null,
    };
    expect(await repos.members.get(id as number)).toEqual(expected);
    expect(await repos.members.holderOf(written.idHash as string)).toEqual(expected);
    expect(await repos.members.byCard("79001234567")).toEqual(expected);
    expect(await repos.members.holderOf("no such hash")).toBeUndefined();
    expect(await repos.members.sealedRows()).toEqual([
      {
        id,
        idNumber: written.idNumber,
        birthDate: written.birthDate,
        hometown: written.hometown,
        ethnicity: written.ethnicity,
        religion: written.religion,
      },
    ]);
  });

  it("adds to the unit's open list, all or none, and refuses an ID number or card already held", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const lan = member(t.a, { cardNumber: "C-1" });
    const first = await repos.members.add(t.a.id, [lan, member(t.a)], null, NOW);
    const second = await repos.members.add(t.a.id, [member(t.a)], null, NOW);
    expect(second.listId).toBe(first.listId);
    expect(await repos.members.listSize(first.listId)).toBe(3);
    const other = await repos.members.add(t.b.id, [member(t.b)], null, NOW);
    expect(other.listId).not.toBe(first.listId);
    // The same person entered by another unit, then a card already issued: nothing of either batch stays.
    await expect(
      repos.members.add(t.b.id, [member(t.b), member(t.b, { idHash: lan.idHash })], null, NOW),
    ).rejects.toThrow();
    await expect(
      repos.members.add(t.b.id, [member(t.b), member(t.b, { cardNumber: "C-1" })], null, NOW),
    ).rejects.toThrow();
    expect(await repos.members.ofUnit(t.b.id)).toHaveLength(1);
    expect((await repos.members.ofUnit(t.a.id)).map((m) => m.id)).toEqual([...first.ids, ...second.ids]);
    expect((await repos.members.ofList(first.listId)).map((m) => m.fullName)).toEqual(
      (await repos.members.ofUnit(t.a.id)).map((m) => m.fullName),
    );
  });

  it("rolls an add back with the transaction around it", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await expect(
      repos.transaction(async () => {
        await repos.members.add(t.a.id, [member(t.a)], null, NOW);
        throw new Error("the audit entry failed");
      }),
    ).rejects.toThrow("the audit entry failed");
    expect(await repos.members.ofUnit(t.a.id)).toEqual([]);
    expect(await repos.members.lists(t.nation.path, "pending")).toEqual([]);
  });

  it("lists a subtree's pending lists, approves one, returns another, and takes it back", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const a = await repos.members.add(t.a.id, [member(t.a), member(t.a)], null, NOW);
    const b = await repos.members.add(t.b.id, [member(t.b)], null, NOW);
    const c = await repos.members.add(t.c.id, [member(t.c)], null, NOW);
    const pending = await repos.members.lists(t.district.path, "pending");
    expect(pending.map((l) => [l.id, l.unitCode, l.count])).toEqual([
      [a.listId, "A", 2],
      [b.listId, "B", 1],
    ]);
    expect(await repos.members.lists(t.hue.path, "pending")).toMatchObject([{ id: c.listId, unitName: t.c.name }]);
    const approve = { approval: "approved" as const, by: null, reason: null, at: LATER };
    expect(await repos.members.review(a.listId, approve)).toBe(true);
    expect(await repos.members.review(a.listId, approve)).toBe(false);
    const back = { approval: "returned" as const, by: null, reason: "Thiếu quê quán", at: LATER };
    expect(await repos.members.review(b.listId, back)).toBe(true);
    expect(await repos.members.list(b.listId)).toMatchObject({
      status: "returned",
      reason: "Thiếu quê quán",
      count: 1,
    });
    expect((await repos.members.ofList(b.listId)).map((m) => m.approval)).toEqual(["returned"]);
    expect(await repos.members.countsOf(t.b.id, "2026")).toEqual({ named: 0, approved: 0 });
    expect(await repos.members.countsOf(t.a.id, "2026")).toEqual({ named: 2, approved: 2 });
    expect(await repos.members.countsOf(t.a.id, "2025")).toEqual({ named: 0, approved: 0 });
    expect(await repos.members.resubmit(b.listId)).toBe(true);
    expect(await repos.members.resubmit(b.listId)).toBe(false);
    expect(await repos.members.list(b.listId)).toMatchObject({ status: "pending", reason: null, reviewedAt: null });
    expect(await repos.members.countsOf(t.b.id, "2026")).toEqual({ named: 1, approved: 0 });
    const placed = await repos.members.approvedInSubtree(t.nation.path);
    expect(placed.map((m) => [m.id, m.unitCode])).toEqual(a.ids.map((id) => [id, "A"]));
    expect(await repos.members.approvedInSubtree(t.hue.path)).toEqual([]);
  });

  it("changes a status once, sets cards all or none, and re-seals every value", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const { ids } = await repos.members.add(t.a.id, [member(t.a), member(t.a, { cardNumber: "C-9" })], null, NOW);
    const [lan, an] = ids as [number, number];
    expect(await repos.members.changeStatus(lan, "left", "2026-05-02")).toBe(true);
    expect(await repos.members.changeStatus(lan, "moved", "2026-05-03")).toBe(false);
    expect(await repos.members.get(lan)).toMatchObject({ status: "left", statusOn: "2026-05-02" });
    await expect(
      repos.members.setCards([
        { id: lan, cardNumber: "C-1" },
        { id: an + 1000, cardNumber: "C-2" },
        { id: lan, cardNumber: "C-9" },
      ]),
    ).rejects.toThrow();
    expect((await repos.members.get(lan))?.cardNumber).toBeNull();
    await repos.members.setCards([{ id: lan, cardNumber: "C-1" }]);
    expect((await repos.members.byCard("C-1"))?.id).toBe(lan);
    // New hashes may collide with old ones of other rows: all are cleared before any is written.
    const before = await repos.members.get(an);
    const rows = (await repos.members.sealedRows()).map((row, i, all) => ({
      ...row,
      idNumber: sealed(),
      idHash: i === 0 ? (before?.idHash ?? null) : `new-${all.length}-${i}`,
    }));
    await repos.members.reseal(rows);
    expect(await repos.members.sealedRows()).toEqual(rows.map(({ idHash: _h, ...row }) => row));
    expect((await repos.members.holderOf(before?.idHash as string))?.id).toBe(lan);
  });

  it("invites a member to their own record, once, and erases their data but keeps the row", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const { ids } = await repos.members.add(t.a.id, [member(t.a, { cardNumber: "C-7" })], null, NOW);
    const id = ids[0] as number;
    await repos.members.createSelfInvite({ code: "DV1", memberId: id, by: null, now: NOW, expiresAt: LATER });
    await repos.members.createSelfInvite({ code: "DV2", memberId: id, by: null, now: NOW, expiresAt: NOW });
    await repos.members.createSelfInvite({ code: "DV3", memberId: id, by: null, now: NOW, expiresAt: LATER });
    expect(await repos.members.selfInvite("DV1")).toEqual({
      code: "DV1",
      memberId: id,
      expiresAt: LATER,
      usedAt: null,
    });
    const account = { platform: "telegram", externalId: "777" };
    expect(await repos.members.redeemSelfInvite("DV2", account, NOW)).toBeNull();
    expect(await repos.members.redeemSelfInvite("DV1", account, NOW)).toBe(id);
    expect(await repos.members.redeemSelfInvite("DV1", account, NOW)).toBeNull();
    expect(await repos.members.selfInvite("DV1")).toMatchObject({ usedAt: NOW });
    expect((await repos.members.ofAccount("telegram", "777"))?.id).toBe(id);
    expect(await repos.members.ofAccount("zalo", "777")).toBeUndefined();
    expect(await repos.members.erase(id, LATER)).toBe(true);
    expect(await repos.members.erase(id, LATER)).toBe(false);
    expect(await repos.members.get(id)).toMatchObject({
      fullName: null,
      idHash: null,
      idNumber: null,
      birthDate: null,
      hometown: null,
      cardNumber: null,
      erasedAt: LATER,
      joinedOn: "2026-04-20",
    });
    expect(await repos.members.ofAccount("telegram", "777")).toBeUndefined();
    expect(await repos.members.selfInvite("DV3")).toBeUndefined();
    expect(await repos.members.selfInvite("DV1")).toMatchObject({ usedAt: NOW });
    expect(await repos.members.ofUnit(t.a.id)).toEqual([]);
    expect(await repos.members.sealedRows()).toEqual([]);
    expect(await repos.members.countsOf(t.a.id, "2026")).toEqual({ named: 1, approved: 0 });
  });

  it("corrects a member's fields in place, the status date following the joining day while active", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const held = member(t.a, { cardNumber: "C-5" });
    const { ids } = await repos.members.add(t.a.id, [member(t.a), member(t.a), held], null, NOW);
    const [lan, an] = ids as [number, number];
    const original = await repos.members.get(lan);
    const correction = (overrides: Partial<MemberCorrection> = {}): MemberCorrection => ({
      fullName: "Nguyễn Thị Lan",
      gender: "female",
      idHash: randomBytes(32).toString("hex"),
      idNumber: sealed(),
      birthDate: sealed(),
      hometown: sealed(),
      ethnicity: sealed(),
      religion: null,
      sensitiveConsentAt: LATER,
      joinedOn: "2026-04-25",
      cardNumber: "C-1",
      ...overrides,
    });
    const fixed = correction();
    expect(await repos.members.correct(lan, fixed)).toBe(true);
    expect(await repos.members.get(lan)).toEqual({ ...original, ...fixed, statusOn: "2026-04-25" });
    expect((await repos.members.holderOf(fixed.idHash as string))?.id).toBe(lan);
    expect(await repos.members.holderOf(original?.idHash as string)).toBeUndefined();
    // A member who left keeps the day they left.
    expect(await repos.members.changeStatus(an, "left", "2026-05-02")).toBe(true);
    expect(await repos.members.correct(an, correction({ cardNumber: null, joinedOn: "2026-04-21" }))).toBe(true);
    expect(await repos.members.get(an)).toMatchObject({
      joinedOn: "2026-04-21",
      status: "left",
      statusOn: "2026-05-02",
    });
    // Another member's ID number or card number: refused, nothing written.
    const before = await repos.members.get(lan);
    await expect(repos.members.correct(lan, correction({ idHash: held.idHash }))).rejects.toThrow();
    await expect(repos.members.correct(lan, correction({ cardNumber: "C-5" }))).rejects.toThrow();
    expect(await repos.members.get(lan)).toEqual(before);
    expect(await repos.members.erase(lan, LATER)).toBe(true);
    expect(await repos.members.correct(lan, correction())).toBe(false);
    expect((await repos.members.get(lan))?.fullName).toBeNull();
  });

  it("names the accounts a member linked, oldest first, and none once erased", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const { ids } = await repos.members.add(t.a.id, [member(t.a), member(t.a)], null, NOW);
    const [lan, an] = ids as [number, number];
    expect(await repos.members.accountsOf(lan)).toEqual([]);
    await repos.members.createSelfInvite({ code: "DV1", memberId: lan, by: null, now: NOW, expiresAt: LATER });
    await repos.members.createSelfInvite({ code: "DV2", memberId: lan, by: null, now: NOW, expiresAt: LATER });
    await repos.members.createSelfInvite({ code: "DV3", memberId: an, by: null, now: NOW, expiresAt: LATER });
    await repos.members.redeemSelfInvite("DV1", { platform: "zalo", externalId: "z1" }, NOW);
    await repos.members.redeemSelfInvite("DV2", { platform: "telegram", externalId: "71" }, "2026-05-02T03:00:00.000Z");
    await repos.members.redeemSelfInvite("DV3", { platform: "telegram", externalId: "72" }, NOW);
    expect(await repos.members.accountsOf(lan)).toEqual([
      { platform: "zalo", externalId: "z1" },
      { platform: "telegram", externalId: "71" },
    ]);
    expect(await repos.members.accountsOf(an)).toEqual([{ platform: "telegram", externalId: "72" }]);
    await repos.members.erase(lan, LATER);
    expect(await repos.members.accountsOf(lan)).toEqual([]);
  });
});
