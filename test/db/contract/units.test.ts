import { expect, it } from "vitest";
import { nameWords } from "#db/repositories/units.ts";
import { contract } from "./backends.ts";
import { lineageOf, tree, unit } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

contract("units", (backend) => {
  it("builds the tree with paths and depths, and reads it back in the same orders", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    expect(t.a.path).toBe(`/${t.nation.id}/${t.hanoi.id}/${t.district.id}/${t.a.id}/`);
    expect(t.a.depth).toBe(3);
    expect(await repos.units.byCode("A")).toEqual(t.a);
    expect(await repos.units.byId(t.c.id)).toEqual(t.c);
    expect(await repos.units.byCode("nope")).toBeUndefined();
    const byName = (xs: { name: string }[]) => xs.map((u) => u.name);
    // Names sort bytewise on both stores: "CĐCS Công…" (C, Đ) before "CĐCS Trường…", both before "Nghiệp…".
    const expected = [t.b.name, t.a.name, t.guild.name].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(byName(await repos.units.children(t.district.id))).toEqual(expected);
    expect((await repos.units.subtree(t.hanoi)).map((u) => u.code)).toEqual([
      "HN",
      "HN-BD",
      ...expected.map((n) => [t.a, t.b, t.guild].find((u) => u.name === n)?.code),
    ]);
    const treeOrder = (await repos.units.subtreeInTreeOrder(t.nation)).map((u) => u.path);
    expect(treeOrder).toEqual([...treeOrder].sort());
    expect(await repos.units.countInSubtree(t.hanoi)).toBe(5);
    expect(await repos.units.countInSubtreeUpTo(t.nation, 3)).toBe(3);
    const codes = await repos.units.byCodes(["A", "C", "missing"]);
    expect([...codes.keys()].sort()).toEqual(["A", "C"]);
  });

  it("keeps a subtree range from taking in a unit whose id only begins the same", async () => {
    const { repos } = backend();
    const root = await unit(repos, "R", "Gốc", null, "national");
    // Make ids 2..12 so that a unit with id 1x exists beside unit 1's subtree.
    let last = root;
    for (let i = 0; i < 11; i++) last = await unit(repos, `U${i}`, `Đơn vị ${i}`, i === 0 ? "R" : null, "province");
    expect(last.id).toBeGreaterThan(10);
    expect((await repos.units.subtree(root)).map((u) => u.code)).toEqual(["R", "U0"]);
  });

  it("moves a unit with its reports: totals leave the old ancestors and join the new", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.ledger.record(
      [
        {
          unitId: t.a.id,
          lineage: lineageOf(t.a),
          event: "join",
          count: 9,
          informal: false,
          occurredOn: "2026-04-01",
          reporterId: null,
          source: "s1",
        },
      ],
      NOW,
    );
    const moved = await repos.units.upsert({
      code: "A",
      name: t.a.name,
      parentCode: "HUE",
      kind: "grassroots",
      sector: "state",
      members: 40,
      workers: 100,
    });
    expect(moved.path).toBe(`${t.hue.path}${t.a.id}/`);
    const joins = async (id: number) => (await repos.ledger.tallies(id, "2026")).get("join") ?? 0;
    expect(await joins(t.hue.id)).toBe(9);
    expect(await joins(t.hanoi.id)).toBe(0);
    expect(await joins(t.district.id)).toBe(0);
    expect(await joins(t.nation.id)).toBe(9);
    await expect(
      repos.units.upsert({
        code: "HN",
        name: "x",
        parentCode: "HN-BD",
        kind: "province",
        sector: null,
        members: 0,
        workers: 0,
      }),
    ).rejects.toThrow("cannot move below itself");
    await expect(
      repos.units.upsert({
        code: "Z",
        name: "x",
        parentCode: "nowhere",
        kind: "grassroots",
        sector: null,
        members: 0,
        workers: 0,
      }),
    ).rejects.toThrow("unknown parent");
  });

  it("finds units by the words of their names, a word of three letters or more by its beginning", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    const found = await repos.units.sharingWords(nameWords("kim long"), [t.nation], 5);
    expect(found.map((u) => u.code)).toEqual(["A"]);
    const prefix = await repos.units.sharingWords(nameWords("cong ty may"), [t.hanoi], 5);
    expect(prefix[0]?.code).toBe("B");
    expect(await repos.units.sharingWords(nameWords("may duc giang"), [t.hue], 5)).toEqual([]);
    await repos.units.upsert({
      code: "A",
      name: "CĐCS Trường Thuận Thành",
      parentCode: "HN-BD",
      kind: "grassroots",
      sector: "state",
      members: 40,
      workers: 100,
    });
    expect(await repos.units.sharingWords(nameWords("kim long"), [t.nation], 5)).toEqual([]);
    expect(await repos.units.reindexNames()).toBe(8);
    expect((await repos.units.sharingWords(nameWords("thuan thanh"), [t.nation], 5)).map((u) => u.code)).toEqual(["A"]);
  });

  it("lists units by the roles held on them", async () => {
    const { repos } = backend();
    const t = await tree(repos);
    await repos.people.createInvite("I1", t.a.id, "chair", NOW, "2026-06-01T00:00:00.000Z");
    const invite = await repos.people.invite("I1");
    if (!invite) throw new Error("no invite");
    await repos.people.redeem(invite, { platform: "telegram", externalId: "1", chatId: "1" }, "Anh Minh", NOW);
    expect((await repos.units.leavesWithoutRole(t.hanoi, "chair")).map((u) => u.code)).toEqual(
      [t.b, t.guild].sort((x, y) => (x.path < y.path ? -1 : 1)).map((u) => u.code),
    );
    expect((await repos.units.withPeople()).map((u) => u.code)).toEqual(["A"]);
    expect(await repos.units.firstRoleOn(t.a.id)).toBe(NOW);
    expect(await repos.units.firstRoleOn(t.b.id)).toBeUndefined();
  });
});
