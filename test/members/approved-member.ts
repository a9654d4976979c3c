// One member entered by a grassroots chair and approved by the district, as the suites that start from a
// member on the register need; and that member linked to a chat account of their own.
import { expect } from "vitest";
import type { Person, World } from "#test/world.ts";

/** The chair enters `line` with the member's separate consent for the sensitive fields; the admin approves it. */
export async function enterAndApprove(chair: Person, admin: Person, line: string): Promise<void> {
  await chair.says("/nhapdv");
  await chair.presses("✅ Tôi đã thông báo cho đoàn viên");
  await chair.says(line);
  await chair.presses("✅ Lưu cả dân tộc, tôn giáo (đoàn viên đã đồng ý riêng)");
  await admin.says("/duyetdv");
  await admin.presses("CĐCS Công ty May Việt (1)");
  await admin.presses("✅ Duyệt danh sách");
}

/** Nguyễn Thị Lan, given a code by the chair, links a new account with it. */
export async function linkedMember(world: World, chair: Person): Promise<Person> {
  const made = await chair.says("/moidv Nguyễn Thị Lan");
  const code = /: ([2-9A-Z]{10})/.exec(made)?.[1];
  if (!code) throw new Error(made);
  const lan = world.stranger("Lan");
  expect(await lan.says(`/start ${code}`)).toContain("đã được liên kết với hồ sơ đoàn viên");
  return lan;
}
