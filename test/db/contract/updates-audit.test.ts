import { expect, it } from "vitest";
import { contract, type Repos } from "./backends.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

contract("updates and the audit log", (backend) => {
  it("claims an update once; a claim rolled back with its transaction can be made again", async () => {
    const { repos } = backend();
    expect(await repos.healthy()).toBe(true);
    expect(await repos.updates.claim("telegram", "1", NOW)).toBe(true);
    expect(await repos.updates.claim("telegram", "1", NOW)).toBe(false);
    expect(await repos.updates.claim("zalo", "1", NOW)).toBe(true);
    await repos.committed();
    await expect(
      repos.transaction(async () => {
        expect(await repos.updates.claim("telegram", "2", NOW)).toBe(true);
        throw new Error("the instance died");
      }),
    ).rejects.toThrow("the instance died");
    expect(await repos.updates.claim("telegram", "2", NOW)).toBe(true);
  });

  it("hands each update to one of several instances claiming it at once", async () => {
    const { repos } = backend();
    const instances = [repos, ...(backend().second ? [await (backend().second as () => Promise<Repos>)()] : [])];
    const ids = Array.from({ length: 40 }, (_, i) => String(i));
    const claims = await Promise.all(
      ids.flatMap((id) =>
        [0, 1, 2].map((n) => (instances[n % instances.length] as Repos).updates.claim("telegram", id, NOW)),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(ids.length);
  });

  it("prunes old updates a batch at a time and keeps settings", async () => {
    const { repos } = backend();
    for (let i = 0; i < 5; i++) await repos.updates.claim("telegram", `u${i}`, `2026-05-0${i + 1}T00:00:00.000Z`);
    expect(await repos.updates.prune("2026-05-04T00:00:00.000Z", 2)).toBe(2);
    expect(await repos.updates.prune("2026-05-04T00:00:00.000Z", 2)).toBe(1);
    expect(await repos.updates.claim("telegram", "u0", NOW)).toBe(true);
    expect(await repos.updates.claim("telegram", "u4", NOW)).toBe(false);
    await repos.updates.setSetting("bot.username", "trolycongdoan_bot");
    await repos.updates.setSetting("bot.username", "trolycd_bot");
    expect(await repos.updates.setting("bot.username")).toBe("trolycd_bot");
    expect(await repos.updates.setting("missing")).toBeUndefined();
  });

  it("keeps the audit log append-only, and reads it newest first, by subtree and by page", async () => {
    const { repos, raw } = backend();
    const t = await tree(repos);
    const entry = (n: number, unit: typeof t.a | null) => ({
      at: `2026-05-0${n}T00:00:00.000Z`,
      personId: null,
      platform: "cli",
      account: null,
      kind: `change_${n}`,
      unit,
      before: n === 1 ? undefined : { value: n - 1 },
      after: { value: n },
    });
    await repos.audit.append(entry(1, t.a));
    await repos.audit.append(entry(2, t.c));
    await repos.audit.append(entry(3, null));
    await repos.audit.append(entry(4, t.district));
    const all = await repos.audit.read({ limit: 10 });
    expect(all.map((e) => e.kind)).toEqual(["change_4", "change_3", "change_2", "change_1"]);
    expect(all[3]).toMatchObject({ unitCode: "A", unitName: t.a.name, before: null, after: { value: 1 } });
    const hanoi = await repos.audit.read({ within: t.hanoi, limit: 10 });
    expect(hanoi.map((e) => e.kind)).toEqual(["change_4", "change_1"]);
    const page = await repos.audit.read({
      limit: 1,
      beforeId: all[1]?.id as number,
      since: "2026-05-02T00:00:00.000Z",
    });
    expect(page.map((e) => e.kind)).toEqual(["change_2"]);
    await expect(raw("update audit_log set kind = 'forged'")).rejects.toThrow(/append-only/);
    await expect(raw("delete from audit_log")).rejects.toThrow(/append-only/);
    expect(await repos.audit.read({ limit: 10 })).toHaveLength(4);
  });
});
