// People, their platform accounts, their roles on units, and the invites that create roles.
import type { Db } from "#db/client.ts";
import type { Platform, Role } from "#db/schema.ts";
import type { Unit } from "./units.ts";

export interface Account {
  personId: number;
  platform: Platform;
  externalId: string;
  chatId: string;
  active: boolean;
}

export interface LinkCode {
  code: string;
  personId: number;
  expiresAt: string;
  usedAt: string | null;
  /** The app it was made on; null for codes made before that was kept. */
  platform: Platform | null;
}

export interface RoleGrant {
  unitId: number;
  role: Role;
}

export interface Invite {
  code: string;
  unitId: number;
  role: Role;
  expiresAt: string;
  usedAt: string | null;
  usedBy: number | null;
}

type Sqlite = Db["$client"];

export function peopleRepository(db: Db) {
  const sqlite = db.$client;
  return {
    ...personQueries(sqlite),
    ...accountQueries(sqlite),
    ...linkedAccountQueries(sqlite),
    ...linkCodeQueries(sqlite),
    ...codeAttemptQueries(sqlite),
  };
}

/** Who a person is: their roles, the apps they use, their language, where reminders reach them. */
function personQueries(sqlite: Sqlite) {
  const rolesStmt = sqlite.prepare(`select unit_id as unitId, role from roles where person_id = ? order by id`);
  const personStmt = sqlite.prepare(`select id, display_name as displayName, locale from people where id = ?`);
  // The app the person chose for reminders first, then the account linked first: one address, never two.
  const addressStmt = sqlite.prepare(
    `select a.platform, a.chat_id as chatId from accounts a join people p on p.id = a.person_id
     where a.person_id = ? and a.active = 1
     order by (a.platform = coalesce(p.remind_on, '')) desc, a.id limit 1`,
  );
  const accountsOf = sqlite.prepare(`select platform, active from accounts where person_id = ? order by id`);
  const setRemindOn = sqlite.prepare(`update people set remind_on = ? where id = ?`);
  const setLocaleStmt = sqlite.prepare(`update people set locale = ? where id = ?`);
  const remindOnStmt = sqlite.prepare(`select remind_on as remindOn from people where id = ?`);
  const whoStmt = sqlite.prepare(
    `select p.id as personId, p.display_name as displayName, p.locale, a.active, r.role, u.id, u.code, u.name, u.parent_id as parentId,
       u.kind, u.sector, u.members, u.workers, u.path, u.depth
     from accounts a join people p on p.id = a.person_id join roles r on r.person_id = p.id join units u on u.id = r.unit_id
     where a.platform = ? and a.external_id = ? order by r.id`,
  );
  const reactivate = sqlite.prepare(`update accounts set active = 1 where platform = ? and external_id = ?`);

  return {
    /** Who writes from an account, with every role and its unit, in one query: every message asks. */
    who(
      platform: Platform,
      externalId: string,
    ): { personId: number; displayName: string; locale: string; posts: { role: Role; unit: Unit }[] } | undefined {
      const rows = whoStmt.all(platform, externalId) as (Unit & {
        personId: number;
        displayName: string;
        locale: string;
        active: number;
        role: Role;
      })[];
      const first = rows[0];
      if (!first) return undefined;
      // Someone who blocked the bot and writes again can be reached again.
      if (first.active === 0) reactivate.run(platform, externalId);
      return {
        personId: first.personId,
        displayName: first.displayName,
        locale: first.locale,
        posts: rows.map(({ personId: _p, displayName: _d, locale: _l, active: _a, role, ...unit }) => ({ role, unit })),
      };
    },
    /** The apps a person has linked. */
    platformsOf(personId: number): { platform: Platform; active: boolean }[] {
      return (accountsOf.all(personId) as { platform: Platform; active: number }[]).map((a) => ({
        platform: a.platform,
        active: a.active === 1,
      }));
    },
    remindOn(personId: number): Platform | null {
      return (remindOnStmt.get(personId) as { remindOn: Platform | null } | undefined)?.remindOn ?? null;
    },
    setRemindOn(personId: number, platform: Platform): void {
      setRemindOn.run(platform, personId);
    },
    /** The language the bot answers a person in, from now on. */
    setLocale(personId: number, locale: string): void {
      setLocaleStmt.run(locale, personId);
    },
    /** Where messages the bot sends on its own reach a person: an active account, or none. */
    address(personId: number): { platform: Platform; chatId: string } | undefined {
      return addressStmt.get(personId) as { platform: Platform; chatId: string } | undefined;
    },
    person(id: number): { id: number; displayName: string; locale: string } | undefined {
      return personStmt.get(id) as { id: number; displayName: string; locale: string } | undefined;
    },
    roles(personId: number): RoleGrant[] {
      return rolesStmt.all(personId) as RoleGrant[];
    },
  };
}

/** Accounts and how they come: invites that give a new person a role, link codes that add another app. */
/** A person's accounts on the apps, listed and unlinked one at a time. */
function linkedAccountQueries(sqlite: Sqlite) {
  const linkedAccountsStmt = sqlite.prepare(
    `select id, person_id as personId, platform, external_id as externalId, chat_id as chatId, active
     from accounts where person_id = ? order by id`,
  );
  const deleteAccount = sqlite.prepare(`delete from accounts where id = ? and person_id = ?`);
  return {
    /** Every account of a person, with its row id, the first linked first. */
    accountsOf(personId: number): (Account & { id: number })[] {
      return (linkedAccountsStmt.all(personId) as (Omit<Account, "active"> & { id: number; active: number })[]).map(
        (a) => ({ ...a, active: a.active === 1 }),
      );
    },
    /** Removes one of a person's accounts, never the last; false when it is the last or not theirs. */
    unlinkAccount: sqlite.transaction((personId: number, accountId: number): boolean => {
      if ((linkedAccountsStmt.all(personId) as unknown[]).length < 2) return false;
      return deleteAccount.run(accountId, personId).changes > 0;
    }),
  };
}

/** Codes a linked person makes to add another app. */
function linkCodeQueries(sqlite: Sqlite) {
  const insertLinkCode = sqlite.prepare(
    `insert into link_codes (code, person_id, expires_at, platform) values (?, ?, ?, ?)`,
  );
  const linkCodeStmt = sqlite.prepare(
    `select code, person_id as personId, expires_at as expiresAt, used_at as usedAt, platform from link_codes where code = ?`,
  );
  return {
    /** A code for linking another app, made on `platform`. */
    createLinkCode(code: string, personId: number, expiresAt: string, platform: Platform): void {
      insertLinkCode.run(code, personId, expiresAt, platform);
    },
    linkCode(code: string): LinkCode | undefined {
      return linkCodeStmt.get(code) as LinkCode | undefined;
    },
  };
}

/** Wrong invite and link codes, counted per account so that guessing is slowed down. */
function codeAttemptQueries(sqlite: Sqlite) {
  const insertAttempt = sqlite.prepare(`insert into code_attempts (platform, external_id, at) values (?, ?, ?)`);
  const attemptsStmt = sqlite.prepare(
    `select count(*) as count, min(at) as oldest from code_attempts where platform = ? and external_id = ? and at > ?`,
  );
  return {
    /** Notes a wrong invite or link code typed from an account. */
    recordWrongCode(platform: Platform, externalId: string, at: string): void {
      insertAttempt.run(platform, externalId, at);
    },
    /** Wrong codes typed from an account after `since`, and when the first of them was. */
    wrongCodesSince(platform: Platform, externalId: string, since: string): { count: number; oldest: string | null } {
      return attemptsStmt.get(platform, externalId, since) as { count: number; oldest: string | null };
    },
  };
}

function accountQueries(sqlite: Sqlite) {
  const accountStmt = sqlite.prepare(
    `select person_id as personId, platform, external_id as externalId, chat_id as chatId, active
     from accounts where platform = ? and external_id = ?`,
  );
  const insertPerson = sqlite.prepare(`insert into people (display_name, locale, created_at) values (?, ?, ?)`);
  const insertAccount = sqlite.prepare(
    `insert into accounts (person_id, platform, external_id, chat_id) values (?, ?, ?, ?)
     on conflict (platform, external_id) do update set chat_id = excluded.chat_id, active = 1`,
  );
  const insertRole = sqlite.prepare(
    `insert into roles (person_id, unit_id, role, created_at) values (?, ?, ?, ?) on conflict do nothing`,
  );
  const inviteStmt = sqlite.prepare(
    `select code, unit_id as unitId, role, expires_at as expiresAt, used_at as usedAt, used_by as usedBy
     from invites where code = ?`,
  );
  const insertInvite = sqlite.prepare(
    `insert into invites (code, unit_id, role, created_at, expires_at) values (?, ?, ?, ?, ?)`,
  );
  const useInvite = sqlite.prepare(`update invites set used_at = ? where code = ? and used_at is null`);
  const setInviteUser = sqlite.prepare(`update invites set used_by = ? where code = ?`);
  const useLinkCode = sqlite.prepare(`update link_codes set used_at = ? where code = ? and used_at is null`);

  return {
    /** Adds an account of another app to a person, using the code once; false when it was used meanwhile. */
    linkAccount: sqlite.transaction(
      (code: string, personId: number, account: Omit<Account, "personId" | "active">, now: string): boolean => {
        if (useLinkCode.run(now, code).changes === 0) return false;
        insertAccount.run(personId, account.platform, account.externalId, account.chatId);
        return true;
      },
    ),
    account(platform: Platform, externalId: string): Account | undefined {
      const row = accountStmt.get(platform, externalId) as (Omit<Account, "active"> & { active: number }) | undefined;
      return row && { ...row, active: row.active === 1 };
    },
    invite(code: string): Invite | undefined {
      return inviteStmt.get(code) as Invite | undefined;
    },
    createInvite(code: string, unitId: number, role: Role, now: string, expiresAt: string): void {
      insertInvite.run(code, unitId, role, now, expiresAt);
    },
    /**
     * Uses an invite for a platform account: creates the person on first use, grants the role.
     * The locale is the new person's language; someone already known keeps theirs.
     * Returns the person's id, or null when the invite was used in the meantime.
     */
    redeem: sqlite.transaction(
      (
        invite: Invite,
        account: Omit<Account, "personId" | "active">,
        displayName: string,
        now: string,
        locale: string = "vi",
      ) => {
        if (useInvite.run(now, invite.code).changes === 0) return null;
        const existing = accountStmt.get(account.platform, account.externalId) as { personId: number } | undefined;
        const personId = existing?.personId ?? Number(insertPerson.run(displayName, locale, now).lastInsertRowid);
        insertAccount.run(personId, account.platform, account.externalId, account.chatId);
        insertRole.run(personId, invite.unitId, invite.role, now);
        setInviteUser.run(personId, invite.code);
        return personId;
      },
    ),
  };
}
