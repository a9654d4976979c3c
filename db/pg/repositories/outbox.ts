// The outbox on PostgreSQL. Several instances drain it at once: a claim takes due rows with
// `for update skip locked`, so two instances never claim the same row and neither waits on the other's.
import { sql } from "drizzle-orm";
import {
  CLEARED_PAYLOAD,
  PERSONAL_KINDS,
  textOf,
  toIsoInstant,
  type BroadcastCounts,
  type OutboxInput,
  type OutboxMessage,
  type OutboxPayload,
  type OutboxState,
  type OutboxStatus,
} from "#db/repositories/outbox.ts";
import type { Platform } from "#db/schema.ts";
import type { Executor } from "../executor.ts";
import { outbox } from "../schema.ts";

/** As on SQLite: a settled message that quotes a member keeps no text. */
const cleared = sql.raw(
  `payload = case when kind in (${PERSONAL_KINDS.map((k) => `'${k}'`).join(", ")}) then '${CLEARED_PAYLOAD}' else payload end`,
);

/** Rows per insert: 10 parameters each, well under PostgreSQL's 65,535 per statement. */
const ROWS_PER_INSERT = 1_000;

interface OutboxRow extends Omit<OutboxMessage, "payload"> {
  payload: string;
}

export function outboxRepository(x: Executor) {
  return { ...enqueueQueries(x), ...claimQueries(x), ...settleQueries(x), ...stateQueries(x) };
}

/** Writing messages in, a whole broadcast at a time. */
function enqueueQueries(x: Executor) {
  return {
    /** Adds the rows whose key is new, all or none; returns how many were new. */
    enqueue(rows: readonly OutboxInput[], now: string): Promise<number> {
      const createdAt = toIsoInstant(now);
      const json = new Map<OutboxPayload, string>();
      const payloadOf = (payload: OutboxPayload) => {
        let text = json.get(payload);
        if (text === undefined) json.set(payload, (text = JSON.stringify(payload)));
        return text;
      };
      return x.transaction(async () => {
        let inserted = 0;
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          const values = rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
            key: row.key,
            personId: row.personId,
            platform: row.platform,
            chatId: row.chatId,
            chatType: row.chatType ?? "private",
            kind: row.kind,
            payload: payloadOf(row.payload),
            notBefore: toIsoInstant(row.notBefore),
            broadcastId: row.broadcastId ?? null,
            createdAt,
          }));
          const added = await x
            .db()
            .insert(outbox)
            .values(values)
            .onConflictDoNothing({ target: outbox.key })
            .returning({ id: outbox.id });
          inserted += added.length;
        }
        return inserted;
      });
    },
  };
}

/** Claiming due rows to send; a claim given back unsent, or given up on. */
function claimQueries(x: Executor) {
  const markFailed = async (id: number, error: string) =>
    (await x.run(sql`update outbox set status = 'failed', attempts = attempts + 1, last_error = ${error}, ${cleared}
      where id = ${id} and status = 'sending'`)) > 0;
  return {
    /**
     * Moves up to `limit` pending rows that are due at `now` to `sending`, oldest `notBefore` first, and returns
     * them. Rows another instance is claiming right now are skipped, not waited for.
     */
    async claimDue(now: string, limit: number, platform?: Platform): Promise<OutboxMessage[]> {
      if (limit <= 0) return [];
      const at = toIsoInstant(now);
      const onPlatform = platform ? sql`and platform = ${platform}` : sql``;
      return x.transaction(async () => {
        const rows = await x.rows<OutboxRow>(sql`with due as (
            select id from outbox where status = 'pending' and not_before <= ${at} ${onPlatform}
            order by not_before, id limit ${limit} for update skip locked)
          update outbox o set status = 'sending', claimed_at = ${at} from due where o.id = due.id
          returning o.id, o.key, o.person_id as "personId", o.platform, o.chat_id as "chatId",
            o.chat_type as "chatType", o.kind, o.payload, o.not_before as "notBefore", o.attempts,
            o.broadcast_id as "broadcastId"`);
        rows.sort((a, b) => (a.notBefore < b.notBefore ? -1 : a.notBefore > b.notBefore ? 1 : a.id - b.id));
        const claimed: OutboxMessage[] = [];
        for (const row of rows) {
          let payload: OutboxPayload;
          try {
            payload = JSON.parse(row.payload) as OutboxPayload;
          } catch {
            await markFailed(row.id, "unreadable payload");
            continue;
          }
          claimed.push({ ...row, payload });
        }
        return claimed;
      });
    },
    /** Claimed but not sent (the dispatcher is stopping): back to pending exactly as it was. */
    async release(id: number): Promise<boolean> {
      return (
        (await x.run(
          sql`update outbox set status = 'pending', claimed_at = null where id = ${id} and status = 'sending'`,
        )) > 0
      );
    },
    markFailed,
  };
}

/** An attempt's outcome: sent, to be retried or deferred, or blocked by the recipient. */
function settleQueries(x: Executor) {
  return {
    async markSent(id: number, now: string): Promise<boolean> {
      return (
        (await x.run(sql`update outbox set status = 'sent', sent_at = ${toIsoInstant(now)}, last_error = null,
          ${cleared} where id = ${id} and status = 'sending'`)) > 0
      );
    },
    /** A failed attempt that may succeed later: back to pending, one more attempt counted. */
    async markRetry(id: number, notBefore: string, error: string): Promise<boolean> {
      return (
        (await x.run(sql`update outbox set status = 'pending', not_before = ${toIsoInstant(notBefore)},
          attempts = attempts + 1, last_error = ${error}, claimed_at = null where id = ${id} and status = 'sending'`)) >
        0
      );
    },
    /** Not sent, through no fault of the message (a 429, a busy chat): back to pending, attempts unchanged. */
    async defer(id: number, notBefore: string, reason?: string): Promise<boolean> {
      return (
        (await x.run(sql`update outbox set status = 'pending', not_before = ${toIsoInstant(notBefore)},
          last_error = coalesce(${reason ?? null}::text, last_error), claimed_at = null
          where id = ${id} and status = 'sending'`)) > 0
      );
    },
    /** The recipient blocked the bot: the row is settled and the account stops receiving anything. */
    markBlocked(id: number): Promise<boolean> {
      return x.transaction(async () => {
        const row = await x.one<{ platform: Platform; chatId: string }>(sql`update outbox set status = 'blocked',
            last_error = 'blocked by the recipient', ${cleared} where id = ${id} and status = 'sending'
          returning platform, chat_id as "chatId"`);
        if (!row) return false;
        await x.run(
          sql`update accounts set active = false where platform = ${row.platform} and chat_id = ${row.chatId}`,
        );
        return true;
      });
    },
  };
}

/** The outbox's state: rows a crash left claimed, when work is next due, a broadcast's counts, one row. */
function stateQueries(x: Executor) {
  return {
    /** Rows a crashed process left in `sending` (claimed before `olderThan`) go back to pending; returns how many. */
    recoverStale(olderThan: string): Promise<number> {
      return x.run(sql`update outbox set status = 'pending', claimed_at = null
        where status = 'sending' and claimed_at < ${toIsoInstant(olderThan)}`);
    },
    /** The earliest `notBefore` of a pending row, if any: when the dispatcher next has work. */
    async nextDue(): Promise<string | null> {
      const row = await x.one<{ next: string | null }>(
        sql`select min(not_before) as next from outbox where status = 'pending'`,
      );
      return row?.next ?? null;
    },
    async broadcastCounts(broadcastId: number): Promise<BroadcastCounts> {
      const counts: BroadcastCounts = { delivered: 0, blocked: 0, failed: 0, pending: 0 };
      const rows = await x.rows<{ status: OutboxStatus; n: number }>(
        sql`select status, count(*)::int as n from outbox where broadcast_id = ${broadcastId} group by status`,
      );
      for (const { status, n } of rows) {
        if (status === "sent") counts.delivered += n;
        else if (status === "blocked") counts.blocked += n;
        else if (status === "failed") counts.failed += n;
        else counts.pending += n;
      }
      return counts;
    },
    /** One row's state, for the CLI and the tests. */
    async byKey(key: string): Promise<OutboxState | undefined> {
      const row = await x.one<Omit<OutboxState, "text"> & { payload: string }>(sql`select id, key, status, attempts,
          not_before as "notBefore", last_error as "lastError", claimed_at as "claimedAt", sent_at as "sentAt", payload
          from outbox where key = ${key}`);
      if (!row) return undefined;
      const { payload, ...state } = row;
      return { ...state, text: textOf(payload) };
    },
  };
}
