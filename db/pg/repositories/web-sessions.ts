// Login links and sessions of the web dashboard on PostgreSQL, kept only as hashes, and the attempts to
// open links. A link is spent by one conditional update, so of two instances opening it only one wins.
import { sql } from "drizzle-orm";
import type { LinkUse, SessionPerson } from "#db/repositories/web-sessions.ts";
import type { Role } from "#db/schema.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Executor } from "../executor.ts";

export function webSessionRepository(x: Executor) {
  return { ...linkQueries(x), ...sessionQueries(x) };
}

/** One-time links, and the attempts to open them. */
function linkQueries(x: Executor) {
  const linkState = async (tokenHash: string, now: string): Promise<LinkUse> => {
    const row = await x.one<{ personId: number; expiresAt: string; usedAt: string | null }>(
      sql`select person_id as "personId", expires_at as "expiresAt", used_at as "usedAt"
        from web_links where token_hash = ${tokenHash}`,
    );
    if (!row) return "unknown";
    if (row.usedAt !== null) return "used";
    return row.expiresAt <= now ? "expired" : { personId: row.personId };
  };

  return {
    async createLink(tokenHash: string, personId: number, now: string, expiresAt: string): Promise<void> {
      await x.run(sql`insert into web_links (token_hash, person_id, created_at, expires_at)
        values (${tokenHash}, ${personId}, ${now}, ${expiresAt})`);
    },
    peekLink: linkState,
    async useLink(tokenHash: string, now: string): Promise<LinkUse> {
      const spent = await x.one<{ personId: number }>(sql`update web_links set used_at = ${now}
        where token_hash = ${tokenHash} and used_at is null and expires_at > ${now}
        returning person_id as "personId"`);
      if (spent) return { personId: spent.personId };
      // Not spent now: say why. A link usable a moment ago was spent by a request racing with this one.
      const state = await linkState(tokenHash, now);
      return typeof state === "object" ? "used" : state;
    },
    async recordLinkAttempt(clientHash: string, at: string): Promise<void> {
      await x.run(sql`insert into web_link_attempts (client_hash, at) values (${clientHash}, ${at})`);
    },
    async linkAttemptsSince(clientHash: string, since: string): Promise<number> {
      const row = await x.one<{ n: number }>(
        sql`select count(*)::int as n from web_link_attempts where client_hash = ${clientHash} and at > ${since}`,
      );
      return row?.n ?? 0;
    },
  };
}

/** Signed-in browsers, and signing a person out everywhere. */
function sessionQueries(x: Executor) {
  return {
    async createSession(idHash: string, personId: number, now: string, expiresAt: string): Promise<void> {
      await x.run(sql`insert into web_sessions (id_hash, person_id, created_at, expires_at)
        values (${idHash}, ${personId}, ${now}, ${expiresAt})`);
    },
    async sessionPerson(idHash: string, now: string): Promise<SessionPerson | undefined> {
      const rows = await x.rows<Unit & { personId: number; displayName: string; locale: string; role: Role }>(
        sql`select p.id as "personId", p.display_name as "displayName", p.locale, r.role, u.id, u.code, u.name,
            u.parent_id as "parentId", u.kind, u.sector, u.members, u.workers, u.path, u.depth
          from web_sessions s join people p on p.id = s.person_id join roles r on r.person_id = p.id
            join units u on u.id = r.unit_id
          where s.id_hash = ${idHash} and s.expires_at > ${now} order by r.id`,
      );
      const first = rows[0];
      if (!first) return undefined;
      return {
        personId: first.personId,
        displayName: first.displayName,
        locale: first.locale,
        posts: rows.map(({ personId: _p, displayName: _d, locale: _l, role, ...unit }) => ({ role, unit })),
      };
    },
    async endSessionsOf(personId: number, now: string): Promise<number> {
      await x.run(sql`update web_links set used_at = ${now} where person_id = ${personId} and used_at is null`);
      return x.run(sql`delete from web_sessions where person_id = ${personId}`);
    },
    async prune(now: string, attemptsBefore: string): Promise<void> {
      await x.run(sql`delete from web_links where expires_at <= ${now}`);
      await x.run(sql`delete from web_sessions where expires_at <= ${now}`);
      await x.run(sql`delete from web_link_attempts where at <= ${attemptsBefore}`);
    },
  };
}
