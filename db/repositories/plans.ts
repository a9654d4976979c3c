// Plans (Kế hoạch, Chương trình) that targets come from, and yearly ratings of grassroots unions.
import type { Db } from "#db/client.ts";

export interface Plan {
  id: number;
  number: string;
  title: string;
  unitId: number;
  issuedOn: string | null;
  periodFrom: string;
  periodTo: string;
}

export function planRepository(db: Db) {
  const sqlite = db.$client;
  const upsert = sqlite.prepare(
    `insert into plans (number, title, unit_id, issued_on, period_from, period_to) values (@number, @title, @unitId, @issuedOn, @periodFrom, @periodTo)
     on conflict (unit_id, number) do update set title = excluded.title, issued_on = excluded.issued_on,
       period_from = excluded.period_from, period_to = excluded.period_to
     returning id`,
  );
  const byNumberStmt = sqlite.prepare(
    `select id, number, title, unit_id as unitId, issued_on as issuedOn, period_from as periodFrom, period_to as periodTo
     from plans where number = ? order by id`,
  );
  const byIdStmt = sqlite.prepare(
    `select id, number, title, unit_id as unitId, issued_on as issuedOn, period_from as periodFrom, period_to as periodTo from plans where id = ?`,
  );
  return {
    save(plan: Omit<Plan, "id">): number {
      return (upsert.get(plan) as { id: number }).id;
    },
    byNumber(number: string): Plan[] {
      return byNumberStmt.all(number.trim()) as Plan[];
    },
    byId(id: number): Plan | undefined {
      return byIdStmt.get(id) as Plan | undefined;
    },
  };
}
