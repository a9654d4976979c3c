// Login links and sessions of the web dashboard, kept only as hashes, and the attempts to open links.
// Synchronous, like every SQLite repository: db/index.ts puts them behind the asynchronous contract.
import type { Db } from "#db/client.ts";
import type { Role } from "#db/schema.ts";
import type { Unit } from "./units.ts";

/** Who a session belongs to, with every role and its unit: the same shape as an account's owner in the chat. */
export interface SessionPerson {
  personId: number;
  displayName: string;
  locale: string;
  posts: { role: Role; unit: Unit }[];
}

export type LinkUse = { personId: number } | "used" | "expired" | "unknown";

type Sqlite = Db["$client"];

export function webSessionRepository(db: Db) {
  const sqlite = db.$client;
  return { ...linkQueries(sqlite), ...sessionQueries(sqlite) };
}

/** One-time links, and the attempts to open them. */
function linkQueries(sqlite: Sqlite) {
  const insertLink = sqlite.prepare(
    `insert into web_links (token_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)`,
  );
  const linkStmt = sqlite.prepare(
    `select person_id as personId, expires_at as expiresAt, used_at as usedAt from web_links where token_hash = ?`,
  );
  const useLinkStmt = sqlite.prepare(
    `update web_links set used_at = ? where token_hash = ? and used_at is null and expires_at > ?`,
  );
  const insertAttempt = sqlite.prepare(`insert into web_link_attempts (client_hash, at) values (?, ?)`);
  const attemptsStmt = sqlite.prepare(`select count(*) as n from web_link_attempts where client_hash = ? and at > ?`);
  const linkState = (tokenHash: string, now: string): LinkUse => {
    const row = linkStmt.get(tokenHash) as { personId: number; expiresAt: string; usedAt: string | null } | undefined;
    if (!row) return "unknown";
    if (row.usedAt !== null) return "used";
    return row.expiresAt <= now ? "expired" : { personId: row.personId };
  };

  return {
    createLink(tokenHash: string, personId: number, now: string, expiresAt: string): void {
      insertLink.run(tokenHash, personId, now, expiresAt);
    },
    /** What opening a link would do, without using it. */
    peekLink(tokenHash: string, now: string): LinkUse {
      return linkState(tokenHash, now);
    },
    /** Uses a link once: only the first of two requests racing with the same token gets its person. */
    useLink(tokenHash: string, now: string): LinkUse {
      const state = linkState(tokenHash, now);
      if (typeof state !== "object") return state;
      return useLinkStmt.run(now, tokenHash, now).changes === 1 ? state : "used";
    },
    recordLinkAttempt(clientHash: string, at: string): void {
      insertAttempt.run(clientHash, at);
    },
    linkAttemptsSince(clientHash: string, since: string): number {
      return (attemptsStmt.get(clientHash, since) as { n: number }).n;
    },
  };
}

/** Signed-in browsers, and signing a person out everywhere. */
function sessionQueries(sqlite: Sqlite) {
  const insertSession = sqlite.prepare(
    `insert into web_sessions (id_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)`,
  );
  const sessionStmt = sqlite.prepare(
    `select p.id as personId, p.display_name as displayName, p.locale, r.role, u.id, u.code, u.name,
       u.parent_id as parentId, u.kind, u.sector, u.members, u.workers, u.path, u.depth
     from web_sessions s join people p on p.id = s.person_id join roles r on r.person_id = p.id
       join units u on u.id = r.unit_id
     where s.id_hash = ? and s.expires_at > ? order by r.id`,
  );
  const endSessionsStmt = sqlite.prepare(`delete from web_sessions where person_id = ?`);
  const endLinksStmt = sqlite.prepare(`update web_links set used_at = ? where person_id = ? and used_at is null`);
  const pruneLinks = sqlite.prepare(`delete from web_links where expires_at <= ?`);
  const pruneSessions = sqlite.prepare(`delete from web_sessions where expires_at <= ?`);
  const pruneAttempts = sqlite.prepare(`delete from web_link_attempts where at <= ?`);

  return {
    createSession(idHash: string, personId: number, now: string, expiresAt: string): void {
      insertSession.run(idHash, personId, now, expiresAt);
    },
    /** The person behind a live session, with their roles; undefined when it has ended or expired. */
    sessionPerson(idHash: string, now: string): SessionPerson | undefined {
      const rows = sessionStmt.all(idHash, now) as (Unit & {
        personId: number;
        displayName: string;
        locale: string;
        role: Role;
      })[];
      const first = rows[0];
      if (!first) return undefined;
      return {
        personId: first.personId,
        displayName: first.displayName,
        locale: first.locale,
        posts: rows.map(({ personId: _p, displayName: _d, locale: _l, role, ...unit }) => ({ role, unit })),
      };
    },
    /** Signs the person out everywhere: every session ends and every link not yet opened stops working. */
    endSessionsOf(personId: number, now: string): number {
      endLinksStmt.run(now, personId);
      return endSessionsStmt.run(personId).changes;
    },
    /** Forgets links, sessions and attempts that can no longer matter. */
    prune(now: string, attemptsBefore: string): void {
      pruneLinks.run(now);
      pruneSessions.run(now);
      pruneAttempts.run(attemptsBefore);
    },
  };
}
