// Platform updates already seen, and small key-value settings, on PostgreSQL.
//
// A claim is an insert that does nothing on conflict: made inside the transaction that handles the update,
// another instance claiming the same update waits for that transaction and then finds it claimed, or, if it
// rolled back (the instance died), claims it itself. So an update is handled once across instances.
import { sql } from "drizzle-orm";
import type { LedgerEntry } from "#db/repositories/ledger.ts";
import type { Executor } from "../executor.ts";
import { membersKey, membersRead, type MembersRow } from "./figures.ts";
import { bySourceKey, bySourceRead } from "./ledger.ts";
import { whoKey, whoStatement, type WhoRow } from "./people.ts";

export function updateRepository(x: Executor) {
  return {
    /**
     * True the first time an update is seen; false for a redelivery. Given the account that sent it, inside a
     * transaction, the same round trip reads what handling the update asks next: who that is (people.who) and
     * what the ledger holds of its message already (ledger.bySource, of the source `platform:id` a report gets),
     * and, for each grassroots union or guild they hold a post in, its members now (figures.members, which a
     * report of admissions checks the count against).
     */
    async claim(platform: string, updateId: string, now: string, sender?: string): Promise<boolean> {
      const insert = sql`insert into processed_updates (platform, update_id, received_at)
        values (${platform}, ${updateId}, ${now}) on conflict do nothing`;
      if (sender === undefined || !x.inTransaction()) return (await x.run(insert)) === 1;
      const source = `${platform}:${updateId}`;
      type Row = { claimed: number; recorded: LedgerEntry[]; membersNow: MembersRow | null } & Partial<WhoRow>;
      const rows = await x.rows<Row>(sql`with claim as (${insert} returning 1)
        select (select count(*) from claim)::int as claimed,
          (select coalesce(json_agg(l order by l.id), '[]'::json) from (${bySourceRead(source)}) l) as recorded, w.*,
          case when w.kind in ('grassroots', 'guild') then
            (select row_to_json(m) from (${membersRead(sql`w.path`, sql`w.id`)}) m) end as "membersNow"
        from (select) one left join (${whoStatement(platform, sender)}) w on true order by w."postId"`);
      const claimed = rows[0]?.claimed === 1;
      if (claimed) {
        const who = rows.flatMap(({ claimed: _c, recorded: _r, membersNow, ...row }) => {
          if (row.personId == null) return [];
          if (membersNow) x.remember(membersKey(row.id as number), membersNow);
          return [row as WhoRow];
        });
        x.remember(whoKey(platform, sender), who);
        x.remember(bySourceKey(source), rows[0]?.recorded ?? []);
      }
      return claimed;
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
