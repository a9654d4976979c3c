import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BatchLost, groupCommit, type GroupCommit } from "#db/group-commit.ts";

let dir: string;
let writer: Database.Database;
let reader: Database.Database;
let writes: GroupCommit;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-group-"));
  writer = new Database(join(dir, "g.sqlite"));
  writer.pragma("journal_mode = WAL");
  writer.exec("create table notes (id integer primary key, text text not null unique)");
  // A second connection sees only what is committed, as another process would.
  reader = new Database(join(dir, "g.sqlite"), { readonly: true });
  writes = groupCommit(writer);
});
afterEach(() => {
  reader.close();
  if (writer.open) writer.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (text: string) => writer.prepare("insert into notes (text) values (?)").run(text);
const committedTexts = () =>
  (reader.prepare("select text from notes order by id").all() as { text: string }[]).map((r) => r.text);

describe("group commit", () => {
  it("commits the writes of one turn together, once the turn is over", async () => {
    writes.open();
    insert("một");
    writes.open();
    insert("hai");
    expect(committedTexts()).toEqual([]);
    await writes.committed();
    expect(committedTexts()).toEqual(["một", "hai"]);
    expect(writer.inTransaction).toBe(false);
  });

  it("keeps each transaction inside a batch all or nothing", async () => {
    writes.open();
    insert("giữ lại");
    const failing = writer.transaction(() => {
      insert("bỏ đi");
      insert("giữ lại");
    });
    expect(() => failing()).toThrow(/UNIQUE/);
    await writes.committed();
    expect(committedTexts()).toEqual(["giữ lại"]);
  });

  it("resolves at once when no batch is open, and commits by itself without one", async () => {
    insert("ngay");
    await writes.committed();
    expect(committedTexts()).toEqual(["ngay"]);
  });

  it("tells those waiting when the batch was lost before it could commit", async () => {
    writes.open();
    insert("mất");
    const waiting = writes.committed();
    // What SQLite does on an I/O error or a full disk: the whole transaction is rolled back.
    writer.exec("ROLLBACK");
    await expect(waiting).rejects.toThrow(/rolled back/);
    expect(committedTexts()).toEqual([]);
    writes.open();
    insert("lại");
    await writes.committed();
    expect(committedTexts()).toEqual(["lại"]);
  });

  it("tells those waiting when the commit itself fails, and rolls the batch back", async () => {
    writer.exec("create table owners (id integer primary key)");
    writer.exec(
      "create table pets (id integer primary key, owner integer references owners (id) deferrable initially deferred)",
    );
    writer.pragma("foreign_keys = ON");
    writes.open();
    insert("cùng lô");
    // A deferred foreign key is only checked at COMMIT, which then fails.
    writer.prepare("insert into pets (owner) values (42)").run();
    await expect(writes.committed()).rejects.toBeInstanceOf(BatchLost);
    expect(writer.inTransaction).toBe(false);
    expect(committedTexts()).toEqual([]);
  });

  it("commits what is open when asked to before the database closes", () => {
    writes.open();
    insert("cuối");
    writes.commitNow();
    writer.close();
    expect(committedTexts()).toEqual(["cuối"]);
  });
});
