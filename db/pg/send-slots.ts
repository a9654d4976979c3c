// The send pacer every instance shares on PostgreSQL: one row per platform (its last reserved send, its 429
// pause) and one per chat (its last reserved sends, its pause). A send reserves an instant in one statement
// that locks the chat's row and then the platform's, so no two instances ever take the same room; times are
// epoch milliseconds on the callers' clocks, which must agree (NTP) to within the slack the limits keep.
import { ensureOnce, rowsOf, type Queryable } from "./queryable.ts";

/** What the platform allows, in the terms the reservation checks. */
export interface SlotRules {
  /** Between two sends of the platform as a whole: its window over its count, so no window holds one more. */
  spacingMs: number;
  /** Sends to one chat within `chatWindowMs`. */
  chatCount: number;
  chatWindowMs: number;
  /** Sends to one group chat within `groupWindowMs` (on top of its per-chat limit). */
  groupCount: number;
  groupWindowMs: number;
  /** A slot is handed out only this far ahead of `now`; further means "busy until …". */
  horizonMs: number;
}

export type SlotAnswer =
  | { slot: number }
  /** The chat may not take a send before `until` (its own pace, or a 429 on it): put the message off. */
  | { busy: "chat"; until: number }
  /** The platform is paused by a 429 until `until`. */
  | { busy: "paused"; until: number }
  /** The platform's pace is taken until `until`: ask again a little before then. */
  | { busy: "platform"; until: number };

const LOCK = 7_310_021;

const DDL = `
create table if not exists send_pacer (
  platform text not null,
  -- '' is the platform as a whole.
  chat_id text not null,
  -- The reserved send instants still inside the chat's longest window, oldest first.
  times bigint[] not null default '{}',
  paused_until bigint not null default 0,
  primary key (platform, chat_id)
);

create or replace function reserve_send_slot(
  p_platform text, p_chat text, p_group boolean, p_now bigint, p_spacing bigint,
  p_chat_count integer, p_chat_window bigint, p_group_count integer, p_group_window bigint, p_horizon bigint,
  out slot bigint, out busy text, out wait_until bigint
) language plpgsql as $$
declare
  chat_times bigint[];
  chat_paused bigint;
  all_times bigint[];
  all_paused bigint;
  n integer;
  longest bigint;
  at bigint;
begin
  -- The chat's row first, then the platform's: every reservation locks in this order, so none deadlock.
  loop
    select times, paused_until into chat_times, chat_paused from send_pacer
      where platform = p_platform and chat_id = p_chat for update;
    exit when found;
    insert into send_pacer (platform, chat_id) values (p_platform, p_chat) on conflict do nothing;
  end loop;
  n := coalesce(array_length(chat_times, 1), 0);
  at := greatest(p_now, chat_paused);
  if n >= p_chat_count then at := greatest(at, chat_times[n - p_chat_count + 1] + p_chat_window); end if;
  if p_group and n >= p_group_count then at := greatest(at, chat_times[n - p_group_count + 1] + p_group_window); end if;
  if at > p_now + p_horizon then
    busy := 'chat'; wait_until := at; return;
  end if;
  loop
    select times, paused_until into all_times, all_paused from send_pacer
      where platform = p_platform and chat_id = '' for update;
    exit when found;
    insert into send_pacer (platform, chat_id) values (p_platform, '') on conflict do nothing;
  end loop;
  at := greatest(at, all_paused, coalesce(all_times[1] + p_spacing, at));
  if at > p_now + p_horizon then
    busy := case when all_paused >= at then 'paused' else 'platform' end; wait_until := at; return;
  end if;
  update send_pacer set times = array[at] where platform = p_platform and chat_id = '';
  -- The chat keeps the instants still inside its longest window, not merely the last few: an instant
  -- forgotten unused (see forget) then never takes a real send's place.
  longest := case when p_group then greatest(p_chat_window, p_group_window) else p_chat_window end;
  update send_pacer set times = array(select t from unnest(chat_times || at) as t where t > at - longest order by t)
    where platform = p_platform and chat_id = p_chat;
  slot := at;
end $$;
`;

interface ReserveRow {
  slot: string | null;
  busy: "chat" | "paused" | "platform" | null;
  wait_until: string | null;
}

export function sendSlots(db: Queryable) {
  return {
    /** Creates the pacer's table and function if this database has none yet. */
    ensure: () => ensureOnce(db, LOCK, DDL),
    ...reservations(db),
    ...pauses(db),
  };
}

/** Taking an instant to send at, and giving one back unused. */
function reservations(db: Queryable) {
  return {
    /**
     * The instant at which one more send to `chatId` keeps every limit, recorded as taken, if it is within the
     * horizon; otherwise what it waits on. The platform never takes an instant back: one unused is room lost.
     */
    async reserve(
      platform: string,
      chatId: string,
      group: boolean,
      now: number,
      rules: SlotRules,
    ): Promise<SlotAnswer> {
      const [row] = await rowsOf<ReserveRow>(
        db,
        `select slot, busy, wait_until from reserve_send_slot($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          platform,
          chatId,
          group,
          Math.floor(now),
          Math.ceil(rules.spacingMs),
          rules.chatCount,
          Math.ceil(rules.chatWindowMs),
          rules.groupCount,
          Math.ceil(rules.groupWindowMs),
          Math.floor(rules.horizonMs),
        ],
      );
      if (row?.slot != null) return { slot: Number(row.slot) };
      return { busy: row?.busy ?? "platform", until: Number(row?.wait_until ?? now) };
    },

    /**
     * A reserved instant that was not used: the chat forgets it, so its next send need not keep a second
     * from a send that never happened. The platform keeps it (it may have been counted in a window already).
     */
    async forget(platform: string, chatId: string, slot: number): Promise<void> {
      await db.query(
        `update send_pacer set times = array_remove(times, $3::bigint) where platform = $1 and chat_id = $2`,
        [platform, chatId, Math.floor(slot)],
      );
    },
  };
}

/** The pauses a 429 asks for, and forgetting chats that have nothing left in any window. */
function pauses(db: Queryable) {
  return {
    /** The end of any pause on the platform or the chat (0 when none): read just before a reserved send goes. */
    async pausedUntil(platform: string, chatId: string): Promise<number> {
      const [row] = await rowsOf<{ until: string | null }>(
        db,
        `select max(paused_until) as until from send_pacer where platform = $1 and chat_id in ('', $2)`,
        [platform, chatId],
      );
      return Number(row?.until ?? 0);
    },

    /** A 429: no instance sends to the chat, or with `wholePlatform` on the platform at all, before `until`. */
    async pause(platform: string, chatId: string, until: number, wholePlatform: boolean): Promise<void> {
      const upsert = `insert into send_pacer (platform, chat_id, paused_until) values ($1, $2, $3)
        on conflict (platform, chat_id) do update set paused_until = greatest(send_pacer.paused_until, excluded.paused_until)`;
      // Two statements, each alone: a pause never holds one row while it waits for another.
      if (wholePlatform) await db.query(upsert, [platform, "", Math.ceil(until)]);
      await db.query(upsert, [platform, chatId, Math.ceil(until)]);
    },

    /** Forgets chats whose sends have all left every window and that are not paused; returns how many. */
    async prune(now: number, longestWindowMs: number): Promise<number> {
      const rows = await rowsOf<{ n: string }>(
        db,
        `with gone as (
           delete from send_pacer where chat_id <> '' and paused_until < $1
             and coalesce(times[array_length(times, 1)], 0) < $1 - $2
           returning 1)
         select count(*) as n from gone`,
        [Math.floor(now), Math.ceil(longestWindowMs)],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type SendSlots = ReturnType<typeof sendSlots>;
