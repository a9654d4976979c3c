// Platform updates already seen, and small key-value settings the server learns at start.
import type { Db } from "#db/client.ts";
import type { GroupCommit } from "#db/group-commit.ts";

export function updateRepository(db: Db, writes: GroupCommit) {
  const sqlite = db.$client;
  const claimStmt = sqlite.prepare(
    `insert into processed_updates (platform, update_id, received_at) values (?, ?, ?) on conflict do nothing`,
  );
  // Rows arrive in time order, so the oldest have the lowest rowids: a batch is a short scan from the start.
  const pruneStmt = sqlite.prepare(
    `delete from processed_updates where rowid in
       (select rowid from processed_updates where received_at < ? order by rowid limit ?)`,
  );
  const getSetting = sqlite.prepare(`select value from settings where key = ?`);
  const putSetting = sqlite.prepare(
    `insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`,
  );
  return {
    /**
     * True the first time an update is seen; false for a redelivery. The claim opens the write batch, so
     * the update's writes commit with it, together with those of the other updates of this turn.
     */
    claim(platform: string, updateId: string, now: string): boolean {
      writes.open();
      return claimStmt.run(platform, updateId, now).changes === 1;
    },
    /** Resolves once the claims made so far, and what their updates wrote, are committed. */
    committed(): Promise<void> {
      return writes.committed();
    },
    /** Forgets updates seen before an instant, a batch at a time; returns how many went. */
    prune(before: string, batch = 10_000): number {
      return pruneStmt.run(before, batch).changes;
    },
    setting(key: string): string | undefined {
      return (getSetting.get(key) as { value: string } | undefined)?.value;
    },
    setSetting(key: string, value: string): void {
      putSetting.run(key, value);
    },
  };
}
