import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkpointInBackground } from "../../db/checkpointer.ts";
import { openDatabase } from "../../db/client.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("checkpoints on a background thread", () => {
  it("copies the WAL into the database while the server keeps writing, and stops cleanly", async () => {
    dir = mkdtempSync(join(tmpdir(), "tlcd-ckpt-"));
    const path = join(dir, "bot.sqlite");
    const db = openDatabase(path);
    const checkpointer = checkpointInBackground(db, path, 50);
    const insert = db.$client.prepare("insert into settings (key, value) values (?, ?)");
    for (let i = 0; i < 2_000; i++) insert.run(`k${i}`, "x".repeat(500));
    const before = statSync(path).size;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The database file grew: pages moved out of the WAL without any commit doing it.
    expect(statSync(path).size).toBeGreaterThan(before);
    await checkpointer.stop();
    expect(db.$client.prepare("select count(*) as n from settings").get()).toEqual({ n: 2_000 });
    db.$client.close();
  });
});
