// Platform updates already seen, and small key-value settings, on PostgreSQL.
//
// A claim is an insert that does nothing on conflict: made inside the transaction that handles the update,
// another instance claiming the same update waits for that transaction and then finds it claimed, or, if it
// rolled back (the instance died), claims it itself. So an update is handled once across instances.
import { sql } from "drizzle-orm";
import type { Executor } from "../executor.ts";

export function updateRepository(x: Executor) {
  return {
    /** True the first time an update is seen; false for a redelivery. */
    async claim(platform: string, updateId: string, now: string): Promise<boolean> {
      return (
        (await x.run(sql`insert into processed_updates (platform, update_id, received_at)
          values (${platform}, ${updateId}, ${now}) on conflict do nothing`)) === 1
      );
    },
    /**
     * Inside a unit of work (the handling of an update), commits it now; elsewhere every statement has
     * committed by the time its promise resolves, so there is nothing to wait for.
     */
    committed: (): Promise<void> => x.committed(),
    /** Forgets updates seen before an instant, a batch at a time; returns how many went. */
    prune(before: string, batch = 10_000): Promise<number> {
      return x.run(sql`delete from processed_updates where ctid in
        (select ctid from processed_updates where received_at < ${before} order by received_at limit ${batch})`);
    },
    async setting(key: string): Promise<string | undefined> {
      return (await x.one<{ value: string }>(sql`select value from settings where key = ${key}`))?.value;
    },
    async setSetting(key: string, value: string): Promise<void> {
      await x.run(sql`insert into settings (key, value) values (${key}, ${value})
        on conflict (key) do update set value = excluded.value`);
    },
  };
}
