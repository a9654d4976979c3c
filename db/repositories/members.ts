// The member register: consents, the lists sent upward, the members themselves and their own accounts. Values
// come in already sealed (src/domain/member-vault.ts): nothing here sees an ID number. A write that must stand or
// fall with another repository's (a status and its ledger entry, a change and its audit entry) is composed by
// the domain inside `repos.transaction`; a method that writes several rows of its own is all or nothing itself.
import type { Db } from "#db/client.ts";
import type { Gender, MemberApproval, MemberStatus, Platform } from "#db/schema.ts";
import { subtreeBounds } from "#db/tree.ts";

export interface MemberRow {
  id: number;
  unitId: number;
  listId: number | null;
  fullName: string | null;
  gender: Gender | null;
  idHash: string | null;
  /** Sealed. */
  idNumber: string | null;
  /** Sealed, YYYY-MM-DD inside. */
  birthDate: string | null;
  /** Sealed. */
  hometown: string | null;
  /** Sealed; only with the member's separate consent. */
  ethnicity: string | null;
  /** Sealed; only with the member's separate consent. */
  religion: string | null;
  sensitiveConsentAt: string | null;
  joinedOn: string;
  cardNumber: string | null;
  approval: MemberApproval;
  status: MemberStatus;
  statusOn: string;
  consentId: number | null;
  createdBy: number | null;
  createdAt: string;
  erasedAt: string | null;
}

export type NewMember = Omit<
  MemberRow,
  "id" | "listId" | "approval" | "status" | "statusOn" | "createdAt" | "erasedAt"
>;

export interface MemberList {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  status: MemberApproval;
  createdBy: number | null;
  createdAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reason: string | null;
  /** Members on the list. */
  count: number;
}

export interface Consent {
  id: number;
  unitId: number;
  personId: number;
  notice: string;
  confirmedAt: string;
}

/** What a correction rewrites: every field a chair may correct, sealed as on entry, with the new hash. */
export type MemberCorrection = Pick<
  NewMember,
  | "fullName"
  | "gender"
  | "idHash"
  | "idNumber"
  | "birthDate"
  | "hometown"
  | "ethnicity"
  | "religion"
  | "sensitiveConsentAt"
  | "joinedOn"
  | "cardNumber"
>;

/** An account a member linked to see their own record. */
export interface MemberAccount {
  platform: Platform;
  externalId: string;
}

/** A member with the unit they belong to: what an export writes. */
export type PlacedMember = MemberRow & { unitCode: string; unitName: string };

const COLUMNS = `m.id, m.unit_id as unitId, m.list_id as listId, m.full_name as fullName, m.gender, m.id_hash as idHash,
  m.id_number as idNumber, m.birth_date as birthDate, m.hometown, m.ethnicity, m.religion,
  m.sensitive_consent_at as sensitiveConsentAt, m.joined_on as joinedOn, m.card_number as cardNumber, m.approval,
  m.status, m.status_on as statusOn, m.consent_id as consentId, m.created_by as createdBy, m.created_at as createdAt,
  m.erased_at as erasedAt`;

const LIST_COLUMNS = `l.id, l.unit_id as unitId, u.code as unitCode, u.name as unitName, l.status, l.created_by as createdBy,
  l.created_at as createdAt, l.reviewed_by as reviewedBy, l.reviewed_at as reviewedAt, l.reason,
  (select count(*) from members m where m.list_id = l.id) as count`;

type Sqlite = Db["$client"];

export function memberRepository(db: Db) {
  const sqlite = db.$client;
  return {
    ...consentQueries(sqlite),
    ...readQueries(sqlite),
    ...listQueries(sqlite),
    ...writes(sqlite),
    ...recordWrites(sqlite),
    ...selfQueries(sqlite),
  };
}

function consentQueries(sqlite: Sqlite) {
  const latest = sqlite.prepare(
    `select id, unit_id as unitId, person_id as personId, notice, confirmed_at as confirmedAt
     from member_consents where unit_id = ? order by id desc limit 1`,
  );
  const insert = sqlite.prepare(
    `insert into member_consents (unit_id, person_id, notice, confirmed_at) values (?, ?, ?, ?)`,
  );
  return {
    /** The unit's latest confirmed notice, if any. */
    consentOf(unitId: number): Consent | undefined {
      return latest.get(unitId) as Consent | undefined;
    },
    /** Keeps a chair's confirmation of the notice; returns its id. */
    recordConsent(unitId: number, personId: number, notice: string, at: string): number {
      return Number(insert.run(unitId, personId, notice, at).lastInsertRowid);
    },
  };
}

function readQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare(`select ${COLUMNS} from members m where m.id = ?`);
  const byHash = sqlite.prepare(`select ${COLUMNS} from members m where m.id_hash = ?`);
  const byCard = sqlite.prepare(`select ${COLUMNS} from members m where m.card_number = ?`);
  const ofUnit = sqlite.prepare(
    `select ${COLUMNS} from members m where m.unit_id = ? and m.erased_at is null order by m.id`,
  );
  const ofList = sqlite.prepare(`select ${COLUMNS} from members m where m.list_id = ? order by m.id`);
  const approvedIn = sqlite.prepare(
    `select ${COLUMNS}, u.code as unitCode, u.name as unitName from members m join units u on u.id = m.unit_id
     where u.path >= ? and u.path < ? and m.approval = 'approved' and m.erased_at is null order by u.code, m.id`,
  );
  const counts = sqlite.prepare(
    `select coalesce(sum(case when approval <> 'returned' then 1 else 0 end), 0) as named,
       coalesce(sum(case when approval = 'approved' then 1 else 0 end), 0) as approved
     from members where unit_id = ? and joined_on >= ? and joined_on <= ?`,
  );
  const listSize = sqlite.prepare(`select count(*) as n from members where list_id = ?`);
  const sealed = sqlite.prepare(
    `select id, id_number as idNumber, birth_date as birthDate, hometown, ethnicity, religion
     from members where erased_at is null order by id`,
  );
  return {
    get(id: number): MemberRow | undefined {
      return byId.get(id) as MemberRow | undefined;
    },
    /** The member holding an ID number, by its keyed hash, anywhere in the system. */
    holderOf(idHash: string): MemberRow | undefined {
      return byHash.get(idHash) as MemberRow | undefined;
    },
    byCard(cardNumber: string): MemberRow | undefined {
      return byCard.get(cardNumber) as MemberRow | undefined;
    },
    /** A unit's members, erased ones left out, in the order entered. */
    ofUnit(unitId: number): MemberRow[] {
      return ofUnit.all(unitId) as MemberRow[];
    },
    ofList(listId: number): MemberRow[] {
      return ofList.all(listId) as MemberRow[];
    },
    /** The approved members of a subtree, by unit code: what the national software imports. */
    approvedInSubtree(path: string): PlacedMember[] {
      return approvedIn.all(...subtreeBounds(path)) as PlacedMember[];
    },
    /** Members a unit named (not returned) and those approved, who joined in a year. */
    countsOf(unitId: number, period: string): { named: number; approved: number } {
      return counts.get(unitId, `${period}-01-01`, `${period}-12-31`) as { named: number; approved: number };
    },
    /** How many members a list holds. */
    listSize(listId: number): number {
      return (listSize.get(listId) as { n: number }).n;
    },
    /** Every sealed value of the register, for re-sealing under a new key. */
    sealedRows(): SealedRow[] {
      return sealed.all() as SealedRow[];
    },
  };
}

export type SealedRow = Pick<MemberRow, "id" | "idNumber" | "birthDate" | "hometown" | "ethnicity" | "religion">;

function listQueries(sqlite: Sqlite) {
  const inSubtree = sqlite.prepare(
    `select ${LIST_COLUMNS} from member_lists l join units u on u.id = l.unit_id
     where u.path >= ? and u.path < ? and l.status = ? order by l.id`,
  );
  const byId = sqlite.prepare(
    `select ${LIST_COLUMNS} from member_lists l join units u on u.id = l.unit_id where l.id = ?`,
  );
  const reviewList = sqlite.prepare(
    `update member_lists set status = ?, reviewed_by = ?, reviewed_at = ?, reason = ? where id = ? and status = 'pending'`,
  );
  const reviewMembers = sqlite.prepare(`update members set approval = ? where list_id = ? and approval = 'pending'`);
  const reopen = sqlite.prepare(
    `update member_lists set status = 'pending', reviewed_by = null, reviewed_at = null, reason = null
     where id = ? and status = 'returned'`,
  );
  const reopenMembers = sqlite.prepare(
    `update members set approval = 'pending' where list_id = ? and approval = 'returned'`,
  );
  const review = sqlite.transaction(
    (
      listId: number,
      decision: { approval: "approved" | "returned"; by: number | null; reason: string | null; at: string },
    ) => {
      if (reviewList.run(decision.approval, decision.by, decision.at, decision.reason, listId).changes !== 1)
        return false;
      reviewMembers.run(decision.approval, listId);
      return true;
    },
  );
  const resubmit = sqlite.transaction((listId: number) => {
    if (reopen.run(listId).changes !== 1) return false;
    reopenMembers.run(listId);
    return true;
  });
  return {
    /** The lists of a subtree in one state, oldest first. */
    lists(path: string, status: MemberApproval): MemberList[] {
      return inSubtree.all(...subtreeBounds(path), status) as MemberList[];
    },
    list(id: number): MemberList | undefined {
      return byId.get(id) as MemberList | undefined;
    },
    /** Approves or returns a pending list and its pending members; false when it was no longer pending. */
    review(
      listId: number,
      decision: { approval: "approved" | "returned"; by: number | null; reason: string | null; at: string },
    ): boolean {
      return review(listId, decision);
    },
    /** Sends a returned list up again; false when it was not returned. */
    resubmit(listId: number): boolean {
      return resubmit(listId);
    },
  };
}

function writes(sqlite: Sqlite) {
  const openList = sqlite.prepare(
    `select id from member_lists where unit_id = ? and status = 'pending' order by id limit 1`,
  );
  const newList = sqlite.prepare(
    `insert into member_lists (unit_id, status, created_by, created_at) values (?, 'pending', ?, ?)`,
  );
  const insert = sqlite.prepare(
    `insert into members (unit_id, list_id, full_name, gender, id_hash, id_number, birth_date, hometown, ethnicity, religion,
       sensitive_consent_at, joined_on, card_number, approval, status, status_on, consent_id, created_by, created_at)
     values (@unitId, @listId, @fullName, @gender, @idHash, @idNumber, @birthDate, @hometown, @ethnicity, @religion,
       @sensitiveConsentAt, @joinedOn, @cardNumber, 'pending', 'active', @joinedOn, @consentId, @createdBy, @createdAt)`,
  );
  const add = sqlite.transaction((unitId: number, rows: NewMember[], by: number | null, now: string) => {
    const open = openList.get(unitId) as { id: number } | undefined;
    const listId = open?.id ?? Number(newList.run(unitId, by, now).lastInsertRowid);
    const ids = rows.map((row) => Number(insert.run({ ...row, listId, createdAt: now }).lastInsertRowid));
    return { listId, ids };
  });
  return {
    /**
     * Adds members of one unit to its pending list (opened if it has none), all or none. Throws on an ID number
     * or card number already held.
     */
    add(unitId: number, rows: NewMember[], by: number | null, now: string): { listId: number; ids: number[] } {
      return add(unitId, rows, by, now);
    },
  };
}

/** Members' own accounts: the invite a chair makes, its redemption, and the account's member. */
function selfQueries(sqlite: Sqlite) {
  const insertInvite = sqlite.prepare(
    `insert into member_invites (code, member_id, created_by, created_at, expires_at) values (?, ?, ?, ?, ?)`,
  );
  const inviteStmt = sqlite.prepare(
    `select code, member_id as memberId, expires_at as expiresAt, used_at as usedAt from member_invites where code = ?`,
  );
  const useInvite = sqlite.prepare(
    `update member_invites set used_at = ? where code = ? and used_at is null and expires_at > ?`,
  );
  const insertAccount = sqlite.prepare(
    `insert into member_accounts (platform, external_id, member_id, linked_at) values (?, ?, ?, ?)
     on conflict (platform, external_id) do update set member_id = excluded.member_id, linked_at = excluded.linked_at`,
  );
  const ofAccount = sqlite.prepare(
    `select ${COLUMNS} from member_accounts a join members m on m.id = a.member_id
     where a.platform = ? and a.external_id = ? and m.erased_at is null`,
  );
  const accounts = sqlite.prepare(
    `select platform, external_id as externalId from member_accounts where member_id = ? order by linked_at, platform`,
  );
  const redeem = sqlite.transaction((code: string, account: { platform: string; externalId: string }, now: string) => {
    if (useInvite.run(now, code, now).changes !== 1) return null;
    const { memberId } = inviteStmt.get(code) as { memberId: number };
    insertAccount.run(account.platform, account.externalId, memberId, now);
    return memberId;
  });
  return {
    createSelfInvite(invite: {
      code: string;
      memberId: number;
      by: number | null;
      now: string;
      expiresAt: string;
    }): void {
      insertInvite.run(invite.code, invite.memberId, invite.by, invite.now, invite.expiresAt);
    },
    selfInvite(code: string): SelfInvite | undefined {
      return inviteStmt.get(code) as SelfInvite | undefined;
    },
    /** Links an account to the invite's member; null when the code was used or expired meanwhile. */
    redeemSelfInvite(code: string, account: { platform: string; externalId: string }, now: string): number | null {
      return redeem(code, account, now);
    },
    /** The member an account belongs to, unless erased. */
    ofAccount(platform: string, externalId: string): MemberRow | undefined {
      return ofAccount.get(platform, externalId) as MemberRow | undefined;
    },
    /** The accounts linked to a member's record, oldest first. */
    accountsOf(memberId: number): MemberAccount[] {
      return accounts.all(memberId) as MemberAccount[];
    },
  };
}

export interface SelfInvite {
  code: string;
  memberId: number;
  expiresAt: string;
  usedAt: string | null;
}

/** Changes to members already on the register. */
function recordWrites(sqlite: Sqlite) {
  const setStatus = sqlite.prepare(`update members set status = ?, status_on = ? where id = ? and status = 'active'`);
  const setCard = sqlite.prepare(`update members set card_number = ? where id = ?`);
  const erase = sqlite.prepare(
    `update members set full_name = null, gender = null, id_hash = null, id_number = null, birth_date = null,
       hometown = null, ethnicity = null, religion = null, sensitive_consent_at = null, card_number = null, erased_at = ?
     where id = ? and erased_at is null`,
  );
  const unlinkAccounts = sqlite.prepare(`delete from member_accounts where member_id = ?`);
  const dropInvites = sqlite.prepare(`delete from member_invites where member_id = ? and used_at is null`);
  const reseal = sqlite.prepare(
    `update members set id_hash = @idHash, id_number = @idNumber, birth_date = @birthDate, hometown = @hometown,
       ethnicity = @ethnicity, religion = @religion where id = @id`,
  );
  const clearHashes = sqlite.prepare(`update members set id_hash = null`);
  // An active member has been active since joining: a corrected joining day moves that date with it.
  const correct = sqlite.prepare(
    `update members set full_name = @fullName, gender = @gender, id_hash = @idHash, id_number = @idNumber,
       birth_date = @birthDate, hometown = @hometown, ethnicity = @ethnicity, religion = @religion,
       sensitive_consent_at = @sensitiveConsentAt, card_number = @cardNumber, joined_on = @joinedOn,
       status_on = case when status = 'active' then @joinedOn else status_on end
     where id = @id and erased_at is null`,
  );
  return {
    /** A member leaves, retires or moves; false if no longer active. */
    changeStatus(id: number, status: MemberStatus, on: string): boolean {
      return setStatus.run(status, on, id).changes === 1;
    },
    /** Card numbers from the national software, by member id, all or none. */
    setCards: sqlite.transaction((cards: { id: number; cardNumber: string }[]): void => {
      for (const card of cards) setCard.run(card.cardNumber, card.id);
    }),
    /** Erases a member's personal data and unlinks their accounts; the row stays so its counts stay. */
    erase: sqlite.transaction((id: number, at: string): boolean => {
      if (erase.run(at, id).changes !== 1) return false;
      unlinkAccounts.run(id);
      dropInvites.run(id);
      return true;
    }),
    /**
     * Rewrites a member's corrected fields; false when the member was erased. Throws on an ID number or card
     * number another member holds.
     */
    correct(id: number, fields: MemberCorrection): boolean {
      return correct.run({ ...fields, id }).changes === 1;
    },
    /** Writes re-sealed values back, all or nothing; hashes cleared first so no new one meets an old one. */
    reseal: sqlite.transaction((rows: (SealedRow & { idHash: string | null })[]): void => {
      clearHashes.run();
      for (const row of rows) reseal.run(row);
    }),
  };
}

export type MemberRepository = ReturnType<typeof memberRepository>;
