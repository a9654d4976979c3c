// People, their platform accounts, their roles on units, and the invites that create roles, on PostgreSQL.
import { sql } from "drizzle-orm";
import type { Account, Invite, LinkCode, RoleGrant } from "#db/repositories/people.ts";
import type { Unit } from "#db/repositories/units.ts";
import type { Platform, Role } from "#db/schema.ts";
import type { Executor } from "../executor.ts";

type NewAccount = Omit<Account, "personId" | "active">;

/** A row of `whoStatement`: the person, the account's state, and one of their roles with its unit. */
export type WhoRow = Unit & {
  personId: number;
  displayName: string;
  locale: string;
  active: boolean;
  role: Role;
  /** The role's id: posts come in the order they were given. */
  postId: number;
};

/** The person behind an account, one row per role, in the order given. */
export const whoStatement = (platform: string, externalId: string) =>
  sql`select p.id as "personId", p.display_name as "displayName", p.locale, a.active, r.role, r.id as "postId",
      u.id, u.code, u.name, u.parent_id as "parentId", u.kind, u.sector, u.members, u.workers, u.path, u.depth
    from accounts a join people p on p.id = a.person_id join roles r on r.person_id = p.id
      join units u on u.id = r.unit_id
    where a.platform = ${platform} and a.external_id = ${externalId} order by r.id`;

/** What `who` is remembered under for the rest of a transaction (Executor.memo). */
export const whoKey = (platform: string, externalId: string) => `who ${platform} ${externalId}`;

export function peopleRepository(x: Executor) {
  return {
    ...personQueries(x),
    ...accountQueries(x),
    ...linkedAccountQueries(x),
    ...linkCodeQueries(x),
    ...codeAttemptQueries(x),
  };
}

/** Who a person is: their roles, the apps they use, their language, where reminders reach them. */
function personQueries(x: Executor) {
  return {
    /** Who writes from an account, with every role and its unit, in one query: every message asks. */
    async who(
      platform: Platform,
      externalId: string,
    ): Promise<
      { personId: number; displayName: string; locale: string; posts: { role: Role; unit: Unit }[] } | undefined
    > {
      // Read once per transaction, or already by the update's claim (updates.claim with its sender).
      const rows = await x.memo(whoKey(platform, externalId), () => x.rows<WhoRow>(whoStatement(platform, externalId)));
      const first = rows[0];
      if (!first) return undefined;
      // Someone who blocked the bot and writes again can be reached again.
      if (!first.active) {
        await x.run(
          sql`update accounts set active = true where platform = ${platform} and external_id = ${externalId}`,
        );
      }
      return {
        personId: first.personId,
        displayName: first.displayName,
        locale: first.locale,
        posts: rows.map(({ personId: _p, displayName: _d, locale: _l, active: _a, postId: _i, role, ...unit }) => ({
          role,
          unit,
        })),
      };
    },
    /** The apps a person has linked. */
    async platformsOf(personId: number): Promise<{ platform: Platform; active: boolean }[]> {
      return x.rows(sql`select platform, active from accounts where person_id = ${personId} order by id`);
    },
    async remindOn(personId: number): Promise<Platform | null> {
      const row = await x.one<{ remindOn: Platform | null }>(
        sql`select remind_on as "remindOn" from people where id = ${personId}`,
      );
      return row?.remindOn ?? null;
    },
    async setRemindOn(personId: number, platform: Platform): Promise<void> {
      await x.run(sql`update people set remind_on = ${platform} where id = ${personId}`);
    },
    /** The language the bot answers a person in, from now on. */
    async setLocale(personId: number, locale: string): Promise<void> {
      await x.run(sql`update people set locale = ${locale} where id = ${personId}`);
    },
    /** Where messages the bot sends on its own reach a person: an active account, or none. */
    async address(personId: number): Promise<{ platform: Platform; chatId: string } | undefined> {
      // The app the person chose for reminders first, then the account linked first: one address, never two.
      return x.one(sql`select a.platform, a.chat_id as "chatId" from accounts a join people p on p.id = a.person_id
        where a.person_id = ${personId} and a.active
        order by (a.platform = coalesce(p.remind_on, '')) desc, a.id limit 1`);
    },
    async person(id: number): Promise<{ id: number; displayName: string; locale: string } | undefined> {
      return x.one(sql`select id, display_name as "displayName", locale from people where id = ${id}`);
    },
    async roles(personId: number): Promise<RoleGrant[]> {
      return x.rows(sql`select unit_id as "unitId", role from roles where person_id = ${personId} order by id`);
    },
  };
}

/** A person's accounts on the apps, listed and unlinked one at a time. */
function linkedAccountQueries(x: Executor) {
  const accountsOf = (personId: number) =>
    x.rows<Account & { id: number }>(sql`select id, person_id as "personId", platform, external_id as "externalId",
        chat_id as "chatId", active from accounts where person_id = ${personId} order by id`);
  return {
    /** Every account of a person, with its row id, the first linked first. */
    accountsOf,
    /** Removes one of a person's accounts, never the last; false when it is the last or not theirs. */
    unlinkAccount(personId: number, accountId: number): Promise<boolean> {
      return x.transaction(async () => {
        // The person's accounts are locked first, so that two unlinks at once cannot remove the last two.
        const mine = await x.rows(sql`select id from accounts where person_id = ${personId} order by id for update`);
        if (mine.length < 2) return false;
        return (await x.run(sql`delete from accounts where id = ${accountId} and person_id = ${personId}`)) > 0;
      });
    },
  };
}

/** Codes a linked person makes to add another app. */
function linkCodeQueries(x: Executor) {
  return {
    /** A code for linking another app, made on `platform`. */
    async createLinkCode(code: string, personId: number, expiresAt: string, platform: Platform): Promise<void> {
      await x.run(sql`insert into link_codes (code, person_id, expires_at, platform)
        values (${code}, ${personId}, ${expiresAt}, ${platform})`);
    },
    async linkCode(code: string): Promise<LinkCode | undefined> {
      return x.one(sql`select code, person_id as "personId", expires_at as "expiresAt", used_at as "usedAt", platform
        from link_codes where code = ${code}`);
    },
  };
}

/** Wrong invite and link codes, counted per account so that guessing is slowed down. */
function codeAttemptQueries(x: Executor) {
  return {
    /** Notes a wrong invite or link code typed from an account. */
    async recordWrongCode(platform: Platform, externalId: string, at: string): Promise<void> {
      await x.run(
        sql`insert into code_attempts (platform, external_id, at) values (${platform}, ${externalId}, ${at})`,
      );
    },
    /** Wrong codes typed from an account after `since`, and when the first of them was. */
    async wrongCodesSince(
      platform: Platform,
      externalId: string,
      since: string,
    ): Promise<{ count: number; oldest: string | null }> {
      const row = await x.one<{ count: number; oldest: string | null }>(sql`select count(*)::int as count,
          min(at) as oldest from code_attempts
        where platform = ${platform} and external_id = ${externalId} and at > ${since}`);
      return row ?? { count: 0, oldest: null };
    },
  };
}

function accountQueries(x: Executor) {
  const accountOf = (platform: Platform, externalId: string) =>
    x.one<Account>(sql`select person_id as "personId", platform, external_id as "externalId", chat_id as "chatId",
        active from accounts where platform = ${platform} and external_id = ${externalId}`);
  const addAccount = (personId: number, account: NewAccount) =>
    x.run(sql`insert into accounts (person_id, platform, external_id, chat_id)
      values (${personId}, ${account.platform}, ${account.externalId}, ${account.chatId})
      on conflict (platform, external_id) do update set chat_id = excluded.chat_id, active = true`);

  return {
    /** Adds an account of another app to a person, using the code once; false when it was used meanwhile. */
    linkAccount(code: string, personId: number, account: NewAccount, now: string): Promise<boolean> {
      return x.transaction(async () => {
        const used = await x.run(sql`update link_codes set used_at = ${now} where code = ${code} and used_at is null`);
        if (used === 0) return false;
        await addAccount(personId, account);
        return true;
      });
    },
    account: accountOf,
    async invite(code: string): Promise<Invite | undefined> {
      return x.one(sql`select code, unit_id as "unitId", role, expires_at as "expiresAt", used_at as "usedAt",
          used_by as "usedBy" from invites where code = ${code}`);
    },
    async createInvite(code: string, unitId: number, role: Role, now: string, expiresAt: string): Promise<void> {
      await x.run(sql`insert into invites (code, unit_id, role, created_at, expires_at)
        values (${code}, ${unitId}, ${role}, ${now}, ${expiresAt})`);
    },
    /**
     * Uses an invite for a platform account: creates the person on first use, grants the role.
     * Returns the person's id, or null when the invite was used in the meantime.
     */
    redeem(
      invite: Invite,
      account: NewAccount,
      displayName: string,
      now: string,
      locale: string = "vi",
    ): Promise<number | null> {
      return x.transaction(async () => {
        const used = await x.run(
          sql`update invites set used_at = ${now} where code = ${invite.code} and used_at is null`,
        );
        if (used === 0) return null;
        const existing = await accountOf(account.platform, account.externalId);
        const personId =
          existing?.personId ??
          (
            await x.one<{ id: number }>(sql`insert into people (display_name, locale, created_at)
            values (${displayName}, ${locale}, ${now}) returning id`)
          )?.id;
        if (personId === undefined) throw new Error("the person was not inserted");
        await addAccount(personId, account);
        await x.run(sql`insert into roles (person_id, unit_id, role, created_at)
          values (${personId}, ${invite.unitId}, ${invite.role}, ${now}) on conflict do nothing`);
        await x.run(sql`update invites set used_by = ${personId} where code = ${invite.code}`);
        return personId;
      });
    },
  };
}
