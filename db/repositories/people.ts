// People, their platform accounts, their roles on units, and the invites that create roles.
import type { Db } from "../client.ts";
import type { Platform, Role } from "../schema.ts";

export interface Account {
  personId: number;
  platform: Platform;
  externalId: string;
  chatId: string;
  active: boolean;
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

export function peopleRepository(db: Db) {
  const sqlite = db.$client;
  const accountStmt = sqlite.prepare(
    `select person_id as personId, platform, external_id as externalId, chat_id as chatId, active
     from accounts where platform = ? and external_id = ?`,
  );
  const rolesStmt = sqlite.prepare(`select unit_id as unitId, role from roles where person_id = ? order by id`);
  const personStmt = sqlite.prepare(`select id, display_name as displayName, locale from people where id = ?`);
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

  const addressStmt = sqlite.prepare(
    `select platform, chat_id as chatId from accounts where person_id = ? and active = 1 order by id limit 1`,
  );

  return {
    /** Where messages the bot sends on its own reach a person: an active account, or none. */
    address(personId: number): { platform: Platform; chatId: string } | undefined {
      return addressStmt.get(personId) as { platform: Platform; chatId: string } | undefined;
    },
    account(platform: Platform, externalId: string): Account | undefined {
      const row = accountStmt.get(platform, externalId) as (Omit<Account, "active"> & { active: number }) | undefined;
      return row && { ...row, active: row.active === 1 };
    },
    person(id: number): { id: number; displayName: string; locale: string } | undefined {
      return personStmt.get(id) as { id: number; displayName: string; locale: string } | undefined;
    },
    roles(personId: number): RoleGrant[] {
      return rolesStmt.all(personId) as RoleGrant[];
    },
    invite(code: string): Invite | undefined {
      return inviteStmt.get(code) as Invite | undefined;
    },
    createInvite(code: string, unitId: number, role: Role, now: string, expiresAt: string): void {
      insertInvite.run(code, unitId, role, now, expiresAt);
    },
    /**
     * Uses an invite for a platform account: creates the person on first use, grants the role.
     * Returns the person's id, or null when the invite was used in the meantime.
     */
    redeem: sqlite.transaction(
      (invite: Invite, account: Omit<Account, "personId" | "active">, displayName: string, now: string) => {
        if (useInvite.run(now, invite.code).changes === 0) return null;
        const existing = accountStmt.get(account.platform, account.externalId) as { personId: number } | undefined;
        const personId = existing?.personId ?? Number(insertPerson.run(displayName, "vi", now).lastInsertRowid);
        insertAccount.run(personId, account.platform, account.externalId, account.chatId);
        insertRole.run(personId, invite.unitId, invite.role, now);
        setInviteUser.run(personId, invite.code);
        return personId;
      },
    ),
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;
