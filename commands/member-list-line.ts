// The line under a grassroots unit's standing that compares its reports with its named, approved members.
import type { Unit } from "#db/repositories/units.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import { listStanding } from "#domain/member-standing.ts";
import type { Choice, Services } from "./types.ts";

/** "📋 Danh sách đoàn viên 2026: báo cáo 5, danh sách 3, đã duyệt 2", or nothing when the register is off or empty. */
export async function memberListLine(unit: Unit, today: string, services: Services): Promise<string[]> {
  if (!isLeaf(unit) || !(await services.register()).on) return [];
  const period = today.slice(0, 4);
  const standing = await listStanding(services.repos, unit, period);
  if (standing.reported === 0 && standing.named === 0) return [];
  return ["", services.t("member-list-standing", { period, ...standing })];
}

/** The button under a report of admissions: "Nhập danh sách N người". */
export async function enterListChoice(unit: Unit, admitted: number, services: Services): Promise<Choice[]> {
  if (admitted <= 0 || !isLeaf(unit) || !(await services.register()).on) return [];
  return [{ label: services.t("button-member-list", { count: admitted }), action: `mlist:${admitted}` }];
}
