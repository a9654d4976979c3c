// The outbox: every message the bot sends on its own, written before it is sent, claimed while it is sent.
// Times are ISO instants in UTC (`Date#toISOString()`), so comparing the strings compares the instants.
import type { Db } from "#db/client.ts";
import type { Platform } from "#db/schema.ts";

/**
 * Messages whose text quotes a member (a request to correct or erase their record, a transfer request): once
 * settled (sent, given up, or blocked) the text is dropped and only the row's facts stay, so the outbox
 * keeps no member's words after they have done their job.
 */
export const PERSONAL_KINDS = ["member_request", "member_transfer"] as const;
const PERSONAL = PERSONAL_KINDS.map((k) => `'${k}'`).join(", ");
/** What a settled row's payload becomes when its kind is personal. */
export const CLEARED_PAYLOAD = '{"text":""}';
const cleared = `payload = case when kind in (${PERSONAL}) then '${CLEARED_PAYLOAD}' else payload end`;

/** The text of a stored payload; empty where it cannot be read. */
export function textOf(payload: string): string {
  try {
    return String((JSON.parse(payload) as { text?: unknown }).text ?? "");
  } catch {
    return "";
  }
}

export type ChatType = "private" | "group";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "blocked";

export interface OutboxChoice {
  label: string;
  action: string;
}

export interface OutboxPayload {
  text: string;
  choices?: OutboxChoice[];
}

export interface OutboxInput {
  /** Unique per recipient and occurrence: "broadcast:<id>:<person>", "deadline:…:<person>". */
  key: string;
  personId: number | null;
  platform: Platform;
  chatId: string;
  chatType?: ChatType;
  kind: string;
  payload: OutboxPayload;
  /** ISO instant; quiet hours and snoozes put it in the future. */
  notBefore: string;
  broadcastId?: number | null;
}

/** A claimed row, as the dispatcher hands it to a platform's `send`. */
export interface OutboxMessage {
  id: number;
  key: string;
  personId: number | null;
  platform: Platform;
  chatId: string;
  chatType: ChatType;
  kind: string;
  payload: OutboxPayload;
  notBefore: string;
  /** Failed attempts so far (429 answers do not count). */
  attempts: number;
  broadcastId: number | null;
}

export interface BroadcastCounts {
  delivered: number;
  blocked: number;
  failed: number;
  /** Not yet settled: waiting, or being sent. */
  pending: number;
}

export interface OutboxState {
  id: number;
  key: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  lastError: string | null;
  claimedAt: string | null;
  sentAt: string | null;
  /** The message's text as kept: empty once a message quoting a member is settled. */
  text: string;
}

interface OutboxRow extends Omit<OutboxMessage, "payload"> {
  payload: string;
}

const COLUMNS = 10;
/** Rows per insert statement: fewer round trips into SQLite, well under its limit of bound parameters. */
const ROWS_PER_INSERT = 100;

/** From this many rows, an enqueue runs with a page cache of at least 64 MB. */
const LARGE_BATCH = 20_000;
const LARGE_CACHE_KIB = 65_536;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Any ISO instant, in the one form whose strings sort like the instants. */
export function toIsoInstant(value: string): string {
  if (ISO_UTC.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`not an instant: ${value}`);
  return new Date(time).toISOString();
}

type Sqlite = Db["$client"];

export function outboxRepository(db: Db) {
  const sqlite = db.$client;
  return {
    ...enqueueQueries(sqlite),
    ...claimQueries(sqlite),
    ...settleQueries(sqlite),
    ...stateQueries(sqlite),
  };
}

/** Writing messages in, a whole broadcast at a time. */
function enqueueQueries(sqlite: Sqlite) {
  const insertSql = (rows: number) =>
    `insert into outbox (key, person_id, platform, chat_id, chat_type, kind, payload, not_before, broadcast_id, created_at)
     values ${Array.from({ length: rows }, () => `(${Array.from({ length: COLUMNS }, () => "?").join(", ")})`).join(", ")}
     on conflict (key) do nothing`;
  const insertMany = sqlite.prepare(insertSql(ROWS_PER_INSERT));
  const insertOne = sqlite.prepare(insertSql(1));
  const enqueue = sqlite.transaction((rows: readonly OutboxInput[], now: string): number => {
    const createdAt = toIsoInstant(now);
    let inserted = 0;
    let lastPayload: OutboxPayload | undefined;
    let lastJson = "";
    const params: unknown[] = [];
    const push = (row: OutboxInput) => {
      // A broadcast shares one payload object: serialise it once.
      if (row.payload !== lastPayload) {
        lastPayload = row.payload;
        lastJson = JSON.stringify(row.payload);
      }
      params.push(
        row.key,
        row.personId,
        row.platform,
        row.chatId,
        row.chatType ?? "private",
        row.kind,
        lastJson,
        toIsoInstant(row.notBefore),
        row.broadcastId ?? null,
        createdAt,
      );
    };
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      params.length = 0;
      for (let j = i; j < i + ROWS_PER_INSERT; j++) push(rows[j] as OutboxInput);
      inserted += insertMany.run(params).changes;
    }
    for (; i < rows.length; i++) {
      params.length = 0;
      push(rows[i] as OutboxInput);
      inserted += insertOne.run(params).changes;
    }
    return inserted;
  });

  return {
    /** Adds the rows whose key is new, all or none; returns how many were new. */
    enqueue(rows: readonly OutboxInput[], now: string): number {
      if (rows.length < LARGE_BATCH) return enqueue(rows, now);
      // A country-wide broadcast touches more index pages than SQLite's default 2 MB cache holds.
      // cache_size counts KiB when negative, pages when positive.
      const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
      const pageKib = (sqlite.pragma("page_size", { simple: true }) as number) / 1024;
      const currentKib = cacheSize < 0 ? -cacheSize : cacheSize * pageKib;
      if (currentKib < LARGE_CACHE_KIB) sqlite.pragma(`cache_size = -${LARGE_CACHE_KIB}`);
      try {
        return enqueue(rows, now);
      } finally {
        sqlite.pragma(`cache_size = ${cacheSize}`);
      }
    },
  };
}

/** Claiming due rows to send; a claim given back unsent, or given up on. */
function claimQueries(sqlite: Sqlite) {
  const dueStmt = sqlite.prepare(
    `select id, key, person_id as personId, platform, chat_id as chatId, chat_type as chatType, kind, payload,
       not_before as notBefore, attempts, broadcast_id as broadcastId
     from outbox where status = 'pending' and not_before <= ? order by not_before, id limit ?`,
  );
  const duePlatformStmt = sqlite.prepare(
    `select id, key, person_id as personId, platform, chat_id as chatId, chat_type as chatType, kind, payload,
       not_before as notBefore, attempts, broadcast_id as broadcastId
     from outbox where status = 'pending' and not_before <= ? and platform = ? order by not_before, id limit ?`,
  );
  const claimStmt = sqlite.prepare(
    `update outbox set status = 'sending', claimed_at = ? where id = ? and status = 'pending'`,
  );
  const releaseStmt = sqlite.prepare(
    `update outbox set status = 'pending', claimed_at = null where id = ? and status = 'sending'`,
  );
  const failedStmt = sqlite.prepare(
    `update outbox set status = 'failed', attempts = attempts + 1, last_error = ?, ${cleared} where id = ? and status = 'sending'`,
  );
  const claim = sqlite.transaction((now: string, limit: number, platform?: Platform): OutboxMessage[] => {
    const rows = (platform ? duePlatformStmt.all(now, platform, limit) : dueStmt.all(now, limit)) as OutboxRow[];
    const claimed: OutboxMessage[] = [];
    for (const row of rows) {
      if (claimStmt.run(now, row.id).changes === 0) continue;
      let payload: OutboxPayload;
      try {
        payload = JSON.parse(row.payload) as OutboxPayload;
      } catch {
        failedStmt.run("unreadable payload", row.id);
        continue;
      }
      claimed.push({ ...row, payload });
    }
    return claimed;
  });

  return {
    /**
     * Moves up to `limit` pending rows that are due at `now` to `sending`, oldest `notBefore` first, and returns
     * them. One write transaction, so two dispatchers never claim the same row. With a platform, the rows of
     * the other platforms that are due are scanned past (the due index has no platform): claim in batches.
     */
    claimDue(now: string, limit: number, platform?: Platform): OutboxMessage[] {
      if (limit <= 0) return [];
      return claim.immediate(toIsoInstant(now), limit, platform);
    },
    /** Claimed but not sent (the dispatcher is stopping): back to pending exactly as it was. */
    release(id: number): boolean {
      return releaseStmt.run(id).changes > 0;
    },
    markFailed(id: number, error: string): boolean {
      return failedStmt.run(error, id).changes > 0;
    },
  };
}

/** An attempt's outcome: sent, to be retried or deferred, or blocked by the recipient. */
function settleQueries(sqlite: Sqlite) {
  const sentStmt = sqlite.prepare(
    `update outbox set status = 'sent', sent_at = ?, last_error = null, ${cleared} where id = ? and status = 'sending'`,
  );
  const retryStmt = sqlite.prepare(
    `update outbox set status = 'pending', not_before = ?, attempts = attempts + 1, last_error = ?, claimed_at = null
     where id = ? and status = 'sending'`,
  );
  const deferStmt = sqlite.prepare(
    `update outbox set status = 'pending', not_before = ?, last_error = coalesce(?, last_error), claimed_at = null
     where id = ? and status = 'sending'`,
  );
  const blockedStmt = sqlite.prepare(
    `update outbox set status = 'blocked', last_error = 'blocked by the recipient', ${cleared} where id = ? and status = 'sending'
     returning platform, chat_id as chatId`,
  );
  const deactivateStmt = sqlite.prepare(`update accounts set active = 0 where platform = ? and chat_id = ?`);
  const markBlocked = sqlite.transaction((id: number): boolean => {
    const row = blockedStmt.get(id) as { platform: Platform; chatId: string } | undefined;
    if (!row) return false;
    deactivateStmt.run(row.platform, row.chatId);
    return true;
  });

  return {
    markSent(id: number, now: string): boolean {
      return sentStmt.run(toIsoInstant(now), id).changes > 0;
    },
    /** A failed attempt that may succeed later: back to pending, one more attempt counted. */
    markRetry(id: number, notBefore: string, error: string): boolean {
      return retryStmt.run(toIsoInstant(notBefore), error, id).changes > 0;
    },
    /** Not sent, through no fault of the message (a 429, a busy chat): back to pending, attempts unchanged. */
    defer(id: number, notBefore: string, reason?: string): boolean {
      return deferStmt.run(toIsoInstant(notBefore), reason ?? null, id).changes > 0;
    },
    /** The recipient blocked the bot: the row is settled and the account stops receiving anything. */
    markBlocked(id: number): boolean {
      return markBlocked(id);
    },
  };
}

/** The outbox's state: rows a crash left claimed, when work is next due, a broadcast's counts, one row. */
function stateQueries(sqlite: Sqlite) {
  const recoverStmt = sqlite.prepare(
    `update outbox set status = 'pending', claimed_at = null where status = 'sending' and claimed_at < ?`,
  );
  const nextDueStmt = sqlite.prepare(`select min(not_before) as next from outbox where status = 'pending'`);
  const countsStmt = sqlite.prepare(`select status, count(*) as n from outbox where broadcast_id = ? group by status`);
  const byKeyStmt = sqlite.prepare(
    `select id, key, status, attempts, not_before as notBefore, last_error as lastError, claimed_at as claimedAt,
       sent_at as sentAt, payload from outbox where key = ?`,
  );
  const stateOf = (row: (Omit<OutboxState, "text"> & { payload: string }) | undefined): OutboxState | undefined => {
    if (!row) return undefined;
    const { payload, ...state } = row;
    return { ...state, text: textOf(payload) };
  };

  return {
    /** Rows a crashed process left in `sending` (claimed before `olderThan`) go back to pending; returns how many. */
    recoverStale(olderThan: string): number {
      return recoverStmt.run(toIsoInstant(olderThan)).changes;
    },
    /** The earliest `notBefore` of a pending row, if any: when the dispatcher next has work. */
    nextDue(): string | null {
      return (nextDueStmt.get() as { next: string | null }).next;
    },
    broadcastCounts(broadcastId: number): BroadcastCounts {
      const counts: BroadcastCounts = { delivered: 0, blocked: 0, failed: 0, pending: 0 };
      for (const { status, n } of countsStmt.all(broadcastId) as { status: OutboxStatus; n: number }[]) {
        if (status === "sent") counts.delivered += n;
        else if (status === "blocked") counts.blocked += n;
        else if (status === "failed") counts.failed += n;
        else counts.pending += n;
      }
      return counts;
    },
    /** One row's state, for the CLI and the tests. */
    byKey(key: string): OutboxState | undefined {
      return stateOf(byKeyStmt.get(key) as (Omit<OutboxState, "text"> & { payload: string }) | undefined);
    },
  };
}
