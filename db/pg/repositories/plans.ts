// Plans (Kế hoạch, Chương trình) that targets come from, on PostgreSQL.
import { sql } from "drizzle-orm";
import type { Plan } from "#db/repositories/plans.ts";
import type { Executor } from "../executor.ts";

const columns = sql.raw(`id, number, title, unit_id as "unitId", issued_on as "issuedOn", period_from as "periodFrom",
  period_to as "periodTo"`);

export function planRepository(x: Executor) {
  return {
    async save(plan: Omit<Plan, "id">): Promise<number> {
      const row = await x.one<{
        id: number;
      }>(sql`insert into plans (number, title, unit_id, issued_on, period_from, period_to)
        values (${plan.number}, ${plan.title}, ${plan.unitId}, ${plan.issuedOn}, ${plan.periodFrom}, ${plan.periodTo})
        on conflict (unit_id, number) do update set title = excluded.title, issued_on = excluded.issued_on,
          period_from = excluded.period_from, period_to = excluded.period_to
        returning id`);
      if (!row) throw new Error("the plan was not saved");
      return row.id;
    },
    async byNumber(number: string): Promise<Plan[]> {
      return x.rows(sql`select ${columns} from plans where number = ${number.trim()} order by id`);
    },
    async byId(id: number): Promise<Plan | undefined> {
      return x.one(sql`select ${columns} from plans where id = ${id}`);
    },
  };
}
