// Signing in to the web dashboard through the chat: a one-time link, then a session cookie. No password
// exists; links and sessions are random 32-byte tokens kept only as their SHA-256, so the database alone
// opens nothing.
import { createHash, randomBytes } from "node:crypto";
import type { Repositories } from "#db/index.ts";
import { Actor } from "./actor.ts";
import { audit, type AuditKind, unitOfPerson } from "./audit.ts";

export const LINK_MINUTES = 10;
export const SESSION_HOURS = 8;
/** Openings of login links one address may try in a window, right or wrong. */
export const LINK_ATTEMPTS = 20;
export const ATTEMPT_WINDOW_MINUTES = 10;

type WebRepos = Pick<Repositories, "webSessions" | "audit" | "people" | "units" | "transaction">;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const later = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

async function auditWeb(repos: WebRepos, personId: number, kind: AuditKind, now: Date): Promise<void> {
  const who = { at: now, personId, platform: "web", account: null };
  await audit(repos, who, kind, await unitOfPerson(repos, personId));
}

/** A new login link's token for a person, valid for LINK_MINUTES and once. */
export async function createLoginLink(repos: WebRepos, personId: number, now: Date): Promise<string> {
  const token = newToken();
  await repos.webSessions.createLink(hashToken(token), personId, now.toISOString(), later(now, LINK_MINUTES));
  return token;
}

export type Opening = { personId: number } | "used" | "expired" | "unknown" | "limited";

/**
 * Counts an attempt from an address and says whether it may go on: guessing tokens is hopeless anyway,
 * but a flood of attempts is refused before it reaches the links.
 */
async function allowed(repos: WebRepos, client: string, now: Date): Promise<boolean> {
  const key = hashToken(`client:${client}`);
  const since = later(now, -ATTEMPT_WINDOW_MINUTES);
  if ((await repos.webSessions.linkAttemptsSince(key, since)) >= LINK_ATTEMPTS) return false;
  await repos.webSessions.recordLinkAttempt(key, now.toISOString());
  return true;
}

/** What opening a link would do, without using it: the page that asks to confirm shows this. */
export async function checkLink(repos: WebRepos, token: string, client: string, now: Date): Promise<Opening> {
  if (!(await allowed(repos, client, now))) return "limited";
  if (!TOKEN.test(token)) return "unknown";
  return repos.webSessions.peekLink(hashToken(token), now.toISOString());
}

/** Uses a link: on success, a new session's token for the cookie, valid SESSION_HOURS. */
export async function openLink(
  repos: WebRepos,
  token: string,
  client: string,
  now: Date,
): Promise<{ session: string; personId: number } | Exclude<Opening, { personId: number }>> {
  if (!(await allowed(repos, client, now))) return "limited";
  if (!TOKEN.test(token)) return "unknown";
  // The link is spent, the session made and the sign-in audited together, or none of them.
  return repos.transaction(async () => {
    const used = await repos.webSessions.useLink(hashToken(token), now.toISOString());
    if (typeof used !== "object") return used;
    const session = newToken();
    const until = later(now, SESSION_HOURS * 60);
    await repos.webSessions.createSession(hashToken(session), used.personId, now.toISOString(), until);
    await auditWeb(repos, used.personId, "web_signed_in", now);
    return { session, personId: used.personId };
  });
}

/** The person a session cookie belongs to, as the chat knows them; undefined once it has ended. */
export async function sessionActor(repos: WebRepos, session: string, now: Date): Promise<Actor | undefined> {
  if (!TOKEN.test(session)) return undefined;
  const who = await repos.webSessions.sessionPerson(hashToken(session), now.toISOString());
  return who && who.posts.length > 0 ? new Actor(who.personId, who.displayName, who.locale, who.posts) : undefined;
}

/** Ends every session of a person and every link they have not opened; the number of sessions ended. */
export async function signOut(repos: WebRepos, personId: number, now: Date): Promise<number> {
  const ended = await repos.transaction(async () => {
    const count = await repos.webSessions.endSessionsOf(personId, now.toISOString());
    await auditWeb(repos, personId, "web_signed_out", now);
    return count;
  });
  await repos.webSessions.prune(now.toISOString(), later(now, -ATTEMPT_WINDOW_MINUTES));
  return ended;
}
