// The approved members of a subtree, opened for the export file: the only place full ID numbers leave the
// register. Each export is logged with the records it held.
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import {
  loadMemberMapping,
  writeMemberWorkbook,
  type MemberExportMapping,
  type MemberExportRow,
} from "#src/workbooks/member-workbook.ts";
import { audit, type Doer } from "./audit.ts";
import { viDate } from "./calendar.ts";
import { openMember } from "./member-register.ts";
import type { MemberVault } from "./member-vault.ts";

const GENDER = { male: "Nam", female: "Nữ" } as const;
const STATUS = {
  active: "Đang sinh hoạt",
  moved: "Chuyển đi",
  retired: "Nghỉ hưu",
  left: "Ra khỏi công đoàn",
} as const;

/** Writes the approved members of the unit's subtree; resolves to the file and how many rows it has. */
export async function exportMembers(
  repos: Repositories,
  vault: MemberVault,
  unit: Unit,
  who: Doer,
  mapping: MemberExportMapping = loadMemberMapping(),
): Promise<{ data: Uint8Array; count: number }> {
  const placed = await repos.members.approvedInSubtree(unit.path);
  const rows: MemberExportRow[] = placed.map((row) => {
    const m = openMember(vault, row);
    return {
      fullName: m.fullName,
      birthDate: m.birthDate ? viDate(m.birthDate) : "",
      gender: m.gender ? GENDER[m.gender] : "",
      idNumber: m.idNumber,
      hometown: m.hometown,
      ethnicity: m.ethnicity ?? "",
      religion: m.religion ?? "",
      joinedOn: viDate(m.joinedOn),
      cardNumber: m.cardNumber ?? "",
      status: STATUS[m.status],
      unitCode: row.unitCode,
      unitName: row.unitName,
    };
  });
  const data = await writeMemberWorkbook(rows, mapping);
  await audit(repos, who, "members_exported", unit, { after: { members: placed.map((p) => p.id) } });
  return { data, count: rows.length };
}

/** "danh-sach-doan-vien-TD-2026-12-01.xlsx" */
export function memberFileName(unit: Unit, today: string): string {
  return `danh-sach-doan-vien-${unit.code.replace(/[^A-Za-z0-9_-]/g, "_")}-${today}.xlsx`;
}
