import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer } from "#db/checkpointer.ts";

const dir = mkdtempSync(join(tmpdir(), "tlcd-checkpoint-"));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Rows in the database file alone, without its WAL: what a checkpoint has copied back. */
function rowsInMainFile(file: string): number {
  // A copy taken while the checkpoint thread is writing the file can be torn: that is "not yet", not a failure.
  try {
    return rowsInCopy(file);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_CORRUPT") return -1;
    throw error;
  }
}

function rowsInCopy(file: string): number {
  const copy = join(dir, "copy.sqlite");
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const exists = db.prepare("select 1 from sqlite_master where name = 'notes'").get();
    return exists ? (db.prepare("select count(*) as n from notes").get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

describe("the checkpointer", () => {
  it("copies the WAL back into the database file from its own thread, and the main connection no longer does it every 1,000 pages", async () => {
    const file = join(dir, "c.sqlite");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec("create table notes (id integer primary key, text text not null)");
    const checkpointer = startCheckpointer(db, { intervalMs: 50 });
    try {
      expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
      const insert = db.prepare("insert into notes (text) values (?)");
      for (let i = 0; i < 200; i++) insert.run(`ghi chú số ${i}`);
      const until = Date.now() + 5_000;
      let rows = rowsInMainFile(file);
      while (rows < 200 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        rows = rowsInMainFile(file);
      }
      expect(rows).toBe(200);
    } finally {
      await checkpointer.stop();
    }
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1_000);
    db.close();
  });
});
