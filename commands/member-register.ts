// What every member-register command starts from: the register's vault, or the reply saying why it is off; and
// the problems of a member as typed, one line each.
import type { Problem } from "#domain/import.ts";
import type { MemberVault } from "#domain/member-vault.ts";
import { reply, type Reply, type Services } from "./types.ts";

/** The register's vault, or the reply saying why the register is off. */
export async function vaultOr(services: Services): Promise<MemberVault | Reply> {
  const state = await services.register();
  if (state.on) return state.vault;
  return reply(services.t(`member-register-${state.reason}`));
}

export function problemLines(problems: Problem[], t: Services["t"]): string[] {
  return problems.map((p) => t("member-problem-line", { text: t(p.key, p.args) }));
}
