// Issue 14, point 8: a chair's 5,000-member workbook, checked (names, dates, ages, ID structure, duplicates in
// the whole register), sealed and written, through the same conversation the webhook drives, with the event
// loop's longest stall watched while it runs. Run alone: `npx tsx bench/member-import.ts`.
import { mkdtempSync, rmSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openDatabase, repositories, sqliteOf } from "#db/index.ts";
import { confirmNotice } from "#domain/member-entry.ts";
import { newMemberKey } from "#domain/member-vault.ts";
import { PROVINCE_CODES } from "#domain/province-codes.ts";
import { conversationOver, registerOnce } from "#src/assemble.ts";
import { loadTranslations } from "#src/i18n.ts";
import { seededRandom, type Random } from "./seeded-random.ts";
import { personName } from "./vietnamese-names.ts";

export const MEMBER_IMPORT_TARGETS = { rows: 5_000, totalMs: 10_000, stallMs: 50 };
const NOW = new Date("2026-12-01T03:00:00Z");
const CHAIR = "7100000001";
const WARM_UP = 20;

/** A member whose ID number agrees with their birth date and gender, each ID number different. */
function memberRow(random: Random, index: number, provinces: string[]): (string | Date)[] {
  const { first, last } = personName(random);
  const year = random.between(1966, 2006);
  const female = random.next() < 0.5;
  const birth = new Date(Date.UTC(year, random.int(12), random.between(1, 28)));
  const centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const idNumber = `${random.pick(provinces)}${centuryDigit}${String(year % 100).padStart(2, "0")}${String(index).padStart(6, "0")}`;
  const joined = new Date(Date.UTC(2026, random.int(11), random.between(1, 28)));
  return [
    `${last} ${first}`,
    birth,
    female ? "Nữ" : "Nam",
    idNumber,
    random.pick(["Bến Tre", "Nam Định", "Thanh Hóa", "Nghệ An"]),
    joined,
  ];
}

async function workbook(rows: number, first = 0): Promise<Uint8Array> {
  const random = seededRandom(14 + first);
  const provinces = Object.keys(PROVINCE_CODES);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách");
  sheet.addRow(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Ngày vào công đoàn"]);
  for (let i = first; i < first + rows; i++) sheet.addRow(memberRow(random, i, provinces));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

type Row = { name: string; value: string; target: string; pass: boolean };

export async function benchMemberImport(rows = MEMBER_IMPORT_TARGETS.rows): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "tlcd-bench-members-"));
  try {
    const repos = repositories(openDatabase(join(dir, "members.sqlite")));
    await repos.units.upsert({
      code: "D",
      name: "LĐLĐ TP Thủ Đức",
      parentCode: null,
      kind: "district",
      sector: null,
      members: 0,
      workers: 0,
    });
    const unit = await repos.units.upsert({
      code: "C",
      name: "CĐCS Công ty May Việt",
      parentCode: "D",
      kind: "grassroots",
      sector: "non_state",
      members: 0,
      workers: 20_000,
    });
    await repos.people.createInvite("BENCHCHAIR", unit.id, "chair", NOW.toISOString(), "2027-01-01T00:00:00Z");
    const invite = await repos.people.invite("BENCHCHAIR");
    if (!invite) throw new Error("no invite");
    const personId = await repos.people.redeem(
      invite,
      { platform: "telegram", externalId: CHAIR, chatId: CHAIR },
      "Trần Thị Bình",
      NOW.toISOString(),
    );
    if (personId === null) throw new Error("the chair was not linked");
    await confirmNotice(repos, unit, { at: NOW, personId, platform: "telegram", account: CHAIR });
    const { translate } = loadTranslations();
    const talk = conversationOver(repos, {
      translate,
      timeZone: "Asia/Ho_Chi_Minh",
      clock: () => NOW,
      register: registerOnce(repos, newMemberKey()),
    });
    const sender = { platform: "telegram" as const, externalId: CHAIR, chatId: CHAIR, displayName: "Trần Thị Bình" };
    // A warm-up list first: modules load and code compiles once in a running server, not per import.
    const warm = await talk.handle({
      sender,
      source: "telegram:0",
      document: { name: "thu.xlsx", data: await workbook(WARM_UP, rows) },
    });
    await talk.handle({ sender, source: "telegram:00", action: warm.choices?.[0]?.action ?? "" });
    const data = await workbook(rows);

    const loop = monitorEventLoopDelay({ resolution: 2 });
    loop.enable();
    const started = performance.now();
    const summary = await talk.handle({ sender, source: "telegram:1", document: { name: "danh-sach.xlsx", data } });
    const checked = performance.now();
    const checkStall = loop.max / 1e6 - 2;
    loop.reset();
    const action = summary.choices?.[0]?.action;
    if (!action?.startsWith("import:")) throw new Error(`the workbook was refused: ${summary.text.slice(0, 300)}`);
    const done = await talk.handle({ sender, source: "telegram:2", action });
    const finished = performance.now();
    loop.disable();
    const stored = (sqliteOf(repos).prepare("select count(*) as n from members").get() as { n: number }).n;
    if (stored !== rows + WARM_UP) throw new Error(`${stored} members stored of ${rows}: ${done.text.slice(0, 200)}`);
    await repos.close();
    const total = finished - started;
    const writeStall = loop.max / 1e6 - 2;
    const stall = Math.max(checkStall, writeStall);
    const ms = (x: number) => `${Math.round(x).toLocaleString("en")} ms`;
    return [
      {
        name: `member list import, ${rows.toLocaleString("en")} rows (.xlsx): read and checked → confirmed and written`,
        value: `${ms(total)} (check ${ms(checked - started)}, write ${ms(finished - checked)})`,
        target: `< ${ms(MEMBER_IMPORT_TARGETS.totalMs)}`,
        pass: total < MEMBER_IMPORT_TARGETS.totalMs,
      },
      {
        name: "member list import: longest event-loop stall meanwhile",
        value: `${ms(stall)} (check ${ms(checkStall)}, write ${ms(writeStall)})`,
        target: `no stall > ${MEMBER_IMPORT_TARGETS.stallMs} ms`,
        pass: stall <= MEMBER_IMPORT_TARGETS.stallMs,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchMemberImport())
    console.log(`${row.name}: ${row.value} (${row.target}) ${row.pass ? "PASS" : "FAIL"}`);
}
