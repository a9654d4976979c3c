// `npm run cli -- members …`: the member register from the command line. `export` writes the approved members
// of a subtree for the national software; `cards` reads back the card numbers it issued; `import` adds a
// grassroots unit's list; `rotate-key` re-seals the whole register under MEMBER_DATA_KEY_NEXT.
import { readFileSync, writeFileSync } from "node:fs";
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { operator } from "#domain/audit.ts";
import { describeProblems, type RowError } from "#domain/import.ts";
import { exportMembers } from "#domain/member-export.ts";
import { applyCards, planCards, planMembers } from "#domain/member-import.ts";
import { addMembers, consentOf } from "#domain/member-entry.ts";
import { keepFingerprint, openRegister } from "#domain/member-register.ts";
import { memberVault, type MemberVault, type SealedField } from "#domain/member-vault.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import type { Config } from "#src/config.ts";
import { loadTranslations } from "#src/i18n.ts";
import { readTable } from "#src/workbooks/read-table.ts";
import type { CliIo } from "./import.ts";

const USAGE = `usage: npm run cli -- members export <unit_code> <file.xlsx>
       npm run cli -- members import <unit_code> <file.xlsx|csv>   (a grassroots unit whose chair confirmed the notice)
       npm run cli -- members cards <unit_code> <file.xlsx|csv>    (columns Số CCCD, Số thẻ đoàn viên)
       npm run cli -- members rotate-key                           (re-seals under MEMBER_DATA_KEY_NEXT)`;

export async function runMembers(args: string[], repos: Repositories, config: Config, today: string, io: CliIo) {
  const [command, ...rest] = args;
  if (command === "rotate-key") return rotateKey(repos, config, io);
  const [code, file] = rest;
  if (!command || !["export", "import", "cards"].includes(command) || !code || !file) {
    io.err(USAGE);
    return 2;
  }
  const register = await openRegister(repos, config.memberDataKey);
  if (!register.on) {
    io.err(
      register.reason === "no-key"
        ? "MEMBER_DATA_KEY is not set: the member register is off"
        : "MEMBER_DATA_KEY is not the key the register was sealed under",
    );
    return 1;
  }
  const unit = await repos.units.byCode(code);
  if (!unit) {
    io.err(`unknown unit ${code}`);
    return 1;
  }
  if (command === "export") {
    const { data, count } = await exportMembers(repos, register.vault, unit, operator(new Date()));
    writeFileSync(file, data);
    io.out(`${file}: ${count} approved member(s) of ${unit.name}.`);
    return 0;
  }
  return command === "cards"
    ? importCards(repos, register.vault, unit, file, io)
    : importMembers(repos, register.vault, unit, { file, today }, io);
}

function printErrors(file: string, errors: RowError[], io: CliIo): number {
  const { translate } = loadTranslations();
  const t = (key: string, args?: Record<string, string | number>) => translate("en", key, args);
  for (const error of errors) io.err(`${file}: line ${error.line}: ${describeProblems(error, t)}`);
  io.err(`${errors.length} bad row(s); nothing was imported.`);
  return 1;
}

async function readRows(file: string, kind: "members" | "cards", io: CliIo) {
  const table = await readTable(readFileSync(file), file);
  if (table.kind === kind) return table.rows;
  for (const problem of table.problems) io.err(`${file}: ${problem}`);
  io.err(`${file}: not a ${kind === "members" ? "member list" : "card number file"}`);
  return undefined;
}

async function importMembers(
  repos: Repositories,
  vault: MemberVault,
  unit: Unit,
  at: { file: string; today: string },
  io: CliIo,
) {
  const consentId = await consentOf(repos, unit.id);
  if (!isLeaf(unit) || consentId === undefined) {
    io.err(`${unit.name}: members are entered for a grassroots unit whose chair has confirmed the notice in the bot`);
    return 1;
  }
  const rows = await readRows(at.file, "members", io);
  if (!rows) return 1;
  const plan = await planMembers(rows, { repos, vault, unit, today: at.today });
  if (plan.errors.length > 0) return printErrors(at.file, plan.errors, io);
  // From the command line nobody confirms a member's separate consent: ethnicity and religion are not kept.
  const members = plan.members.map(({ member }) => ({ member, sensitiveConsent: false }));
  await addMembers(repos, vault, unit, members, { who: operator(new Date()), consentId, via: "file" });
  io.out(`${unit.name}: ${members.length} member(s) added, awaiting approval.`);
  return 0;
}

async function importCards(repos: Repositories, vault: MemberVault, unit: Unit, file: string, io: CliIo) {
  const rows = await readRows(file, "cards", io);
  if (!rows) return 1;
  const plan = await planCards(rows, { repos, vault, scope: unit });
  if (plan.errors.length > 0) return printErrors(file, plan.errors, io);
  await applyCards(repos, plan, unit, operator(new Date()));
  io.out(`${plan.cards.length} card number(s) recorded.`);
  return 0;
}

const FIELDS: [SealedField, "idNumber" | "birthDate" | "hometown" | "ethnicity" | "religion"][] = [
  ["id_number", "idNumber"],
  ["birth_date", "birthDate"],
  ["hometown", "hometown"],
  ["ethnicity", "ethnicity"],
  ["religion", "religion"],
];

/** Opens every sealed value under the current key and seals it under the next, in one transaction. */
async function rotateKey(repos: Repositories, config: Config, io: CliIo): Promise<number> {
  if (!config.memberDataKeyNext) {
    io.err("set MEMBER_DATA_KEY_NEXT to the new key (openssl rand -base64 32), keeping MEMBER_DATA_KEY as it is");
    return 2;
  }
  const register = await openRegister(repos, config.memberDataKey);
  if (!register.on) {
    io.err("MEMBER_DATA_KEY must be the key the register is sealed under now");
    return 1;
  }
  const next = memberVault(config.memberDataKeyNext);
  const rows = (await repos.members.sealedRows()).map((row) => {
    const resealed = { ...row, idHash: null as string | null };
    for (const [field, key] of FIELDS) {
      const sealed = row[key];
      if (sealed === null) continue;
      const plain = register.vault.open(field, sealed);
      resealed[key] = next.seal(field, plain);
      if (field === "id_number") resealed.idHash = next.idHash(plain);
    }
    return resealed;
  });
  // The values and the key's fingerprint change together: the register is never half under one key.
  await repos.transaction(async () => {
    await repos.members.reseal(rows);
    await keepFingerprint(repos, next);
  });
  io.out(
    `${rows.length} member(s) re-sealed. Now set MEMBER_DATA_KEY to the value of MEMBER_DATA_KEY_NEXT, remove MEMBER_DATA_KEY_NEXT, and restart.`,
  );
  return 0;
}
