// The member register on PostgreSQL: the same methods and answers as db/repositories/members.ts. Values come in
// already sealed, as the same text the SQLite store keeps; nothing here sees an ID number. A method that writes
// several rows runs them in one transaction (a savepoint inside the caller's), so it is all or nothing itself.
import { type SQL, sql } from "drizzle-orm";
import type {
  Consent,
  MemberAccount,
  MemberCorrection,
  MemberList,
  MemberRow,
  NewMember,
  PlacedMember,
  SealedRow,
  SelfInvite,
} from "#db/repositories/members.ts";
import type { MemberApproval, MemberStatus } from "#db/schema.ts";
import { subtreeBounds } from "#db/tree.ts";
import type { Executor } from "../executor.ts";

const COLUMNS = sql.raw(`m.id, m.unit_id as "unitId", m.list_id as "listId", m.full_name as "fullName", m.gender,
  m.id_hash as "idHash", m.id_number as "idNumber", m.birth_date as "birthDate", m.hometown, m.ethnicity, m.religion,
  m.sensitive_consent_at as "sensitiveConsentAt", m.joined_on as "joinedOn", m.card_number as "cardNumber",
  m.approval, m.status, m.status_on as "statusOn", m.consent_id as "consentId", m.created_by as "createdBy",
  m.created_at as "createdAt", m.erased_at as "erasedAt"`);

const LIST_COLUMNS = sql.raw(`l.id, l.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", l.status,
  l.created_by as "createdBy", l.created_at as "createdAt", l.reviewed_by as "reviewedBy",
  l.reviewed_at as "reviewedAt", l.reason, (select count(*)::int from members m where m.list_id = l.id) as count`);

type Decision = { approval: "approved" | "returned"; by: number | null; reason: string | null; at: string };

export function memberRepository(x: Executor) {
  return {
    ...consentQueries(x),
    ...readQueries(x),
    ...listQueries(x),
    ...writes(x),
    ...recordWrites(x),
    ...selfQueries(x),
  };
}

function consentQueries(x: Executor) {
  return {
    async consentOf(unitId: number): Promise<Consent | undefined> {
      return x.one(sql`select id, unit_id as "unitId", person_id as "personId", notice, confirmed_at as "confirmedAt"
        from member_consents where unit_id = ${unitId} order by id desc limit 1`);
    },
    async recordConsent(unitId: number, personId: number, notice: string, at: string): Promise<number> {
      const row = await x.one<{ id: number }>(sql`insert into member_consents (unit_id, person_id, notice, confirmed_at)
        values (${unitId}, ${personId}, ${notice}, ${at}) returning id`);
      if (!row) throw new Error("the consent was not inserted");
      return row.id;
    },
  };
}

function readQueries(x: Executor) {
  const member = (where: SQL) => x.one<MemberRow>(sql`select ${COLUMNS} from members m where ${where}`);
  return {
    get: (id: number) => member(sql`m.id = ${id}`),
    holderOf: (idHash: string) => member(sql`m.id_hash = ${idHash}`),
    byCard: (cardNumber: string) => member(sql`m.card_number = ${cardNumber}`),
    ofUnit(unitId: number): Promise<MemberRow[]> {
      return x.rows(
        sql`select ${COLUMNS} from members m where m.unit_id = ${unitId} and m.erased_at is null order by m.id`,
      );
    },
    ofList(listId: number): Promise<MemberRow[]> {
      return x.rows(sql`select ${COLUMNS} from members m where m.list_id = ${listId} order by m.id`);
    },
    approvedInSubtree(path: string): Promise<PlacedMember[]> {
      const [low, high] = subtreeBounds(path);
      return x.rows(sql`select ${COLUMNS}, u.code as "unitCode", u.name as "unitName"
        from members m join units u on u.id = m.unit_id
        where u.path >= ${low} and u.path < ${high} and m.approval = 'approved' and m.erased_at is null
        order by u.code, m.id`);
    },
    async countsOf(unitId: number, period: string): Promise<{ named: number; approved: number }> {
      const row = await x.one<{ named: number; approved: number }>(sql`select
          count(*) filter (where approval <> 'returned')::int as named,
          count(*) filter (where approval = 'approved')::int as approved
        from members where unit_id = ${unitId} and joined_on >= ${`${period}-01-01`}
          and joined_on <= ${`${period}-12-31`}`);
      return row ?? { named: 0, approved: 0 };
    },
    async listSize(listId: number): Promise<number> {
      const row = await x.one<{ n: number }>(sql`select count(*)::int as n from members where list_id = ${listId}`);
      return row?.n ?? 0;
    },
    sealedRows(): Promise<SealedRow[]> {
      return x.rows(sql`select id, id_number as "idNumber", birth_date as "birthDate", hometown, ethnicity, religion
        from members where erased_at is null order by id`);
    },
  };
}

function listQueries(x: Executor) {
  return {
    lists(path: string, status: MemberApproval): Promise<MemberList[]> {
      const [low, high] = subtreeBounds(path);
      return x.rows(sql`select ${LIST_COLUMNS} from member_lists l join units u on u.id = l.unit_id
        where u.path >= ${low} and u.path < ${high} and l.status = ${status} order by l.id`);
    },
    list(id: number): Promise<MemberList | undefined> {
      return x.one(sql`select ${LIST_COLUMNS} from member_lists l join units u on u.id = l.unit_id where l.id = ${id}`);
    },
    review(listId: number, decision: Decision): Promise<boolean> {
      return x.transaction(async () => {
        const changed = await x.run(sql`update member_lists set status = ${decision.approval},
            reviewed_by = ${decision.by}, reviewed_at = ${decision.at}, reason = ${decision.reason}
          where id = ${listId} and status = 'pending'`);
        if (changed !== 1) return false;
        await x.run(
          sql`update members set approval = ${decision.approval} where list_id = ${listId} and approval = 'pending'`,
        );
        return true;
      });
    },
    resubmit(listId: number): Promise<boolean> {
      return x.transaction(async () => {
        const changed = await x.run(sql`update member_lists set status = 'pending', reviewed_by = null,
            reviewed_at = null, reason = null where id = ${listId} and status = 'returned'`);
        if (changed !== 1) return false;
        await x.run(sql`update members set approval = 'pending' where list_id = ${listId} and approval = 'returned'`);
        return true;
      });
    },
  };
}

function insertMember(x: Executor, row: NewMember, listId: number, now: string): Promise<{ id: number } | undefined> {
  return x.one(sql`insert into members (unit_id, list_id, full_name, gender, id_hash, id_number, birth_date,
      hometown, ethnicity, religion, sensitive_consent_at, joined_on, card_number, approval, status, status_on,
      consent_id, created_by, created_at)
    values (${row.unitId}, ${listId}, ${row.fullName}, ${row.gender}, ${row.idHash}, ${row.idNumber},
      ${row.birthDate}, ${row.hometown}, ${row.ethnicity}, ${row.religion}, ${row.sensitiveConsentAt},
      ${row.joinedOn}, ${row.cardNumber}, 'pending', 'active', ${row.joinedOn}, ${row.consentId},
      ${row.createdBy}, ${now})
    returning id`);
}

function writes(x: Executor) {
  return {
    /** Adds members to the unit's pending list (opened if none), all or none; throws on a held hash or card. */
    add(unitId: number, rows: NewMember[], by: number | null, now: string): Promise<{ listId: number; ids: number[] }> {
      return x.transaction(async () => {
        // The unit's row is locked so that two entries at once open one pending list, not two.
        await x.run(sql`select id from units where id = ${unitId} for no key update`);
        const open = await x.one<{ id: number }>(
          sql`select id from member_lists where unit_id = ${unitId} and status = 'pending' order by id limit 1`,
        );
        const listId =
          open?.id ??
          (
            await x.one<{ id: number }>(sql`insert into member_lists (unit_id, status, created_by, created_at)
              values (${unitId}, 'pending', ${by}, ${now}) returning id`)
          )?.id;
        if (listId === undefined) throw new Error("the member list was not inserted");
        const ids: number[] = [];
        for (const row of rows) {
          const inserted = await insertMember(x, row, listId, now);
          if (!inserted) throw new Error("the member was not inserted");
          ids.push(inserted.id);
        }
        return { listId, ids };
      });
    },
  };
}

/** Changes to members already on the register. */
function recordWrites(x: Executor) {
  return {
    async changeStatus(id: number, status: MemberStatus, on: string): Promise<boolean> {
      return (
        (await x.run(
          sql`update members set status = ${status}, status_on = ${on} where id = ${id} and status = 'active'`,
        )) === 1
      );
    },
    setCards(cards: { id: number; cardNumber: string }[]): Promise<void> {
      return x.transaction(async () => {
        for (const card of cards)
          await x.run(sql`update members set card_number = ${card.cardNumber} where id = ${card.id}`);
      });
    },
    async correct(id: number, f: MemberCorrection): Promise<boolean> {
      const changed = await x.run(sql`update members set full_name = ${f.fullName}, gender = ${f.gender},
          id_hash = ${f.idHash}, id_number = ${f.idNumber}, birth_date = ${f.birthDate}, hometown = ${f.hometown},
          ethnicity = ${f.ethnicity}, religion = ${f.religion}, sensitive_consent_at = ${f.sensitiveConsentAt},
          card_number = ${f.cardNumber}, joined_on = ${f.joinedOn},
          status_on = case when status = 'active' then ${f.joinedOn}::text else status_on end
        where id = ${id} and erased_at is null`);
      return changed === 1;
    },
    erase(id: number, at: string): Promise<boolean> {
      return x.transaction(async () => {
        const erased = await x.run(sql`update members set full_name = null, gender = null, id_hash = null,
            id_number = null, birth_date = null, hometown = null, ethnicity = null, religion = null,
            sensitive_consent_at = null, card_number = null, erased_at = ${at}
          where id = ${id} and erased_at is null`);
        if (erased !== 1) return false;
        await x.run(sql`delete from member_accounts where member_id = ${id}`);
        await x.run(sql`delete from member_invites where member_id = ${id} and used_at is null`);
        return true;
      });
    },
    reseal(rows: (SealedRow & { idHash: string | null })[]): Promise<void> {
      return x.transaction(async () => {
        await x.run(sql`update members set id_hash = null`);
        for (const row of rows) {
          await x.run(sql`update members set id_hash = ${row.idHash}, id_number = ${row.idNumber},
              birth_date = ${row.birthDate}, hometown = ${row.hometown}, ethnicity = ${row.ethnicity},
              religion = ${row.religion}
            where id = ${row.id}`);
        }
      });
    },
  };
}

/** Members' own accounts: the invite a chair makes, its redemption, and the account's member. */
function selfQueries(x: Executor) {
  return {
    async createSelfInvite(invite: {
      code: string;
      memberId: number;
      by: number | null;
      now: string;
      expiresAt: string;
    }): Promise<void> {
      await x.run(sql`insert into member_invites (code, member_id, created_by, created_at, expires_at)
        values (${invite.code}, ${invite.memberId}, ${invite.by}, ${invite.now}, ${invite.expiresAt})`);
    },
    selfInvite(code: string): Promise<SelfInvite | undefined> {
      return x.one(sql`select code, member_id as "memberId", expires_at as "expiresAt", used_at as "usedAt"
        from member_invites where code = ${code}`);
    },
    redeemSelfInvite(
      code: string,
      account: { platform: string; externalId: string },
      now: string,
    ): Promise<number | null> {
      return x.transaction(async () => {
        const used = await x.one<{ memberId: number }>(sql`update member_invites set used_at = ${now}
          where code = ${code} and used_at is null and expires_at > ${now} returning member_id as "memberId"`);
        if (!used) return null;
        await x.run(sql`insert into member_accounts (platform, external_id, member_id, linked_at)
          values (${account.platform}, ${account.externalId}, ${used.memberId}, ${now})
          on conflict (platform, external_id) do update set member_id = excluded.member_id, linked_at = excluded.linked_at`);
        return used.memberId;
      });
    },
    ofAccount(platform: string, externalId: string): Promise<MemberRow | undefined> {
      return x.one(sql`select ${COLUMNS} from member_accounts a join members m on m.id = a.member_id
        where a.platform = ${platform} and a.external_id = ${externalId} and m.erased_at is null`);
    },
    accountsOf(memberId: number): Promise<MemberAccount[]> {
      return x.rows(sql`select platform, external_id as "externalId" from member_accounts
        where member_id = ${memberId} order by linked_at, platform`);
    },
  };
}
