// Invite and link codes are short enough to guess, so an account that types too many wrong ones is made
// to wait, and while it waits its codes are not even looked up. Kept in the database: a restart resets nothing.
import type { Repositories } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";

export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MINUTES = 15;

interface Account {
  platform: Platform;
  externalId: string;
}

/** Whole minutes the account must wait before typing another code, or 0 when it may type one now. */
export async function codeWaitMinutes(
  repos: Pick<Repositories, "people">,
  account: Account,
  now: Date,
): Promise<number> {
  const window = WRONG_CODE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - window).toISOString();
  const { count, oldest } = await repos.people.wrongCodesSince(account.platform, account.externalId, since);
  if (count < MAX_WRONG_CODES || oldest === null) return 0;
  return Math.max(1, Math.ceil((Date.parse(oldest) + window - now.getTime()) / 60_000));
}

export async function recordWrongCode(repos: Pick<Repositories, "people">, account: Account, now: Date): Promise<void> {
  await repos.people.recordWrongCode(account.platform, account.externalId, now.toISOString());
}
