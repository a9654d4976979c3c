import { expect, it } from "vitest";
import type { Row } from "#domain/import.ts";
import { storedRows, storeRows } from "#domain/import-payload.ts";
import { contract, type Repos } from "./backends.ts";
import { tree } from "./tree.ts";

const NOW = "2026-05-01T03:00:00.000Z";

/** Rows with what JSON must escape: quotes, commas, new lines, Vietnamese letters. */
function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    cells: {
      unit_code: `C${i}`,
      metric: i % 3 === 0 ? 'Kết nạp "mới",' : "ket_nap",
      target: String(i),
      deadline: "a\nb,",
    },
  }));
}

/** An admin of the district, who sends the files. */
async function admin(repos: Repos): Promise<number> {
  const { district } = await tree(repos);
  await repos.people.createInvite("NHAP1", district.id, "admin", NOW, "2026-05-02T03:00:00.000Z");
  const invite = await repos.people.invite("NHAP1");
  if (!invite) throw new Error("no invite");
  const id = await repos.people.redeem(invite, { platform: "telegram", externalId: "9", chatId: "9" }, "Anh Nam", NOW);
  if (id === null) throw new Error("not redeemed");
  return id;
}

contract("pending imports", (backend) => {
  it("keeps a long file's rows in parts beside the import and gives them back in order", async () => {
    const { repos } = backend();
    const chair = await admin(repos);
    const file = rows(1_234);
    const id = await storeRows(repos, { personId: chair, kind: "targets", now: NOW }, file);
    const pending = await repos.pendingImports.get(id);
    expect(pending?.payload.length).toBeLessThan(10);
    expect(await storedRows<Row>(repos, pending ?? { id, payload: "" })).toEqual(file);
    expect(await repos.pendingImports.part(id, 2)).toBeDefined();
    expect(await repos.pendingImports.part(id, 3)).toBeUndefined();
    await repos.pendingImports.dropParts(id);
    expect(await repos.pendingImports.part(id, 0)).toBeUndefined();
  });

  it("reads an empty file, and a payload written whole by an earlier version", async () => {
    const { repos } = backend();
    const chair = await admin(repos);
    const empty = await storeRows(repos, { personId: chair, kind: "targets", now: NOW }, []);
    expect(await storedRows(repos, { id: empty, payload: "parts" })).toEqual([]);
    const file = rows(7);
    const whole = await repos.pendingImports.create(chair, "targets", JSON.stringify(file), NOW);
    expect(await storedRows<Row>(repos, { id: whole, payload: JSON.stringify(file) })).toEqual(file);
    const byLine = `[\n${file.map((r) => JSON.stringify(r)).join(",\n")}\n]`;
    expect(await storedRows<Row>(repos, { id: whole, payload: byLine })).toEqual(file);
  });

  it("lets other work run while a long file is stored and read back", async () => {
    const { repos } = backend();
    const chair = await admin(repos);
    const order: string[] = [];
    const stored = storeRows(repos, { personId: chair, kind: "targets", now: NOW }, rows(3_000));
    setImmediate(() => order.push("another request"));
    const id = await stored.then((n) => {
      order.push("stored");
      return n;
    });
    const read = storedRows(repos, { id, payload: "parts" }).then(() => order.push("read"));
    setImmediate(() => order.push("another request"));
    await read;
    expect(order).toEqual(["another request", "stored", "another request", "read"]);
  });
});
