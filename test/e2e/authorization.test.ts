// Who may do what, as one table: every kind of person against every command, button and file, on every
// unit seen from their own. Each cell goes through the real webhook; a refusal must leave the database as it was.
import { sqliteOf } from "#db/index.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableRows, World, type Person } from "#test/world.ts";

/**
 * The tree:                      P  LĐLĐ tỉnh Bình Phước
 *                  D1 LĐLĐ huyện Phú Riềng         D2 LĐLĐ huyện Bù Đăng
 *   C1 May Sông Hồng, C2 Tiểu học Hoa Sen,         X1 Cao su Đồng Phú,
 *   G1 Nghiệp đoàn Xe ôm Long Hà, H Gỗ Tân Lập     G2 Nghiệp đoàn Bốc xếp Đức Liễu
 *
 * Columns: someone not linked, then chair, officer and admin of the grassroots union C1, of the district
 * D1 and of the province P. Rows: what they try, and on which unit seen from their own:
 *   own        their unit (C1, D1, P)
 *   child      a unit directly below it (—, C1, D1)
 *   sibling    a unit beside it under the same parent (C2, D2, —)
 *   elsewhere  a union of the other district, Bù Đăng (X1, X1, X1: for the province, still below it)
 *   province   the province (P, P, — as it is their own)
 * Someone not linked is tried on the grassroots union's units. "+" is done; "-" is refused with every
 * table left as it was; "·" does not apply. An action is named by what is typed ("/moi", "report" for
 * "kết nạp 2 đoàn viên cho …"), by the data of the button pressed ("undo:" with someone else's report,
 * "import:yes" with someone else's file) or by the file sent; ATTEMPTS below says exactly what each sends.
 */
const TABLE = `
                        unlinked | gr.chair gr.officer gr.admin | d.chair d.officer d.admin | p.chair p.officer p.admin
report        own          -     |    +        +         +      |    +       +        +     |    +        +        +
report        child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
report        sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
report        elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
report        province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
ask           own          -     |    +        +         +      |    +       +        +     |    +        +        +
ask           child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
ask           sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
ask           elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
ask           province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/tiendo       own          -     |    +        +         +      |    +       +        +     |    +        +        +
/tiendo       child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
/tiendo       sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/tiendo       elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
/tiendo       province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/xuatbaocao   own          -     |    +        +         +      |    +       +        +     |    +        +        +
/xuatbaocao   child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
/xuatbaocao   sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/xuatbaocao   elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
/xuatbaocao   province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
remaining:    own          -     |    +        +         +      |    +       +        +     |    +        +        +
remaining:    child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
remaining:    sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
remaining:    elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
remaining:    province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
progress:     own          -     |    +        +         +      |    +       +        +     |    +        +        +
progress:     child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
progress:     sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
progress:     elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
progress:     province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
done:         own          -     |    +        +         +      |    +       +        +     |    +        +        +
done:         child        ·     |    ·        ·         ·      |    +       +        +     |    +        +        +
done:         sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
done:         elsewhere    -     |    -        -         -      |    -       -        -     |    +        +        +
done:         province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
done:other    own          -     |    -        -         -      |    -       -        -     |    -        -        -
undo:         own          -     |    -        -         +      |    -       -        +     |    -        -        +
undo:         child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
undo:         sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
undo:         elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        +
undo:         province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/moi          own          -     |    -        -         +      |    -       -        +     |    -        -        +
/moi          child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
/moi          sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/moi          elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        +
/moi          province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
units.csv     own          -     |    -        -         -      |    -       -        -     |    -        -        -
units.csv     child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
units.csv     sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
units.csv     elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        +
units.csv     province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
targets.csv   own          -     |    -        -         -      |    -       -        -     |    -        -        -
targets.csv   child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
targets.csv   sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
targets.csv   elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        +
targets.csv   province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
ratings.csv   own          -     |    -        -         -      |    -       -        -     |    -        -        -
ratings.csv   child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
ratings.csv   sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
ratings.csv   elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        +
ratings.csv   province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/phanbo       own          -     |    -        -         -      |    -       -        -     |    -        -        -
/phanbo       child        ·     |    ·        ·         ·      |    -       -        +     |    -        -        +
/phanbo       sibling      -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/phanbo       elsewhere    -     |    -        -         -      |    -       -        -     |    -        -        -
/phanbo       province     -     |    -        -         -      |    -       -        -     |    ·        ·        ·
/han          —            -     |    +        +         +      |    +       +        +     |    +        +        +
/hoantac      —            -     |    +        +         +      |    +       +        +     |    +        +        +
done-text     —            -     |    +        +         +      |    -       -        -     |    -        -        -
/thongbao     —            -     |    -        -         +      |    -       -        +     |    -        -        +
/giaoviec     —            -     |    -        -         +      |    -       -        +     |    -        -        +
/lichnhac     —            -     |    -        -         +      |    -       -        +     |    -        -        +
/lichnhac=    —            -     |    -        -         +      |    -       -        +     |    -        -        +
/themchitieu  —            -     |    -        -         +      |    -       -        +     |    -        -        +
/nhatky       —            -     |    -        -         +      |    -       -        +     |    -        -        +
nhatky:       —            -     |    -        -         +      |    -       -        +     |    -        -        +
founding      —            -     |    -        -         -      |    -       -        +     |    -        -        +
import:yes    —            -     |    -        -         -      |    -       -        -     |    -        -        -
report:yes    —            -     |    -        -         -      |    -       -        -     |    -        -        -
found:yes     —            -     |    -        -         -      |    -       -        -     |    -        -        -
bc:yes        —            -     |    -        -         -      |    -       -        -     |    -        -        -
unlink:yes    —            -     |    -        -         -      |    -       -        -     |    -        -        -
link-code     —            -     |    -        -         -      |    -       -        -     |    -        -        -
/lienket      —            -     |    +        +         +      |    +       +        +     |    +        +        +
/huylienket   —            -     |    +        +         +      |    +       +        +     |    +        +        +
/ngonngu      —            -     |    +        +         +      |    +       +        +     |    +        +        +
/nhacnho      —            -     |    +        +         +      |    +       +        +     |    +        +        +
remind:       —            -     |    +        +         +      |    +       +        +     |    +        +        +
/batnhac      —            -     |    +        +         +      |    +       +        +     |    +        +        +
mute:         —            -     |    +        +         +      |    +       +        +     |    +        +        +
snooze:       —            -     |    +        +         +      |    +       +        +     |    +        +        +
help          —            +     |    +        +         +      |    +       +        +     |    +        +        +
greet         —            +     |    +        +         +      |    +       +        +     |    +        +        +
thanks        —            +     |    +        +         +      |    +       +        +     |    +        +        +
/start        —            +     |    ·        ·         ·      |    ·       ·        ·     |    ·        ·        ·
`;

const WHO = [
  "unlinked",
  "gr.chair",
  "gr.officer",
  "gr.admin",
  "d.chair",
  "d.officer",
  "d.admin",
  "p.chair",
  "p.officer",
  "p.admin",
] as const;
type Who = (typeof WHO)[number];
const RELATIONS = ["own", "child", "sibling", "elsewhere", "province"] as const;
type Relation = (typeof RELATIONS)[number];

const UNITS = {
  P: { name: "LĐLĐ tỉnh Bình Phước", kind: "province" },
  D1: { name: "LĐLĐ huyện Phú Riềng", parent: "P", kind: "district" },
  D2: { name: "LĐLĐ huyện Bù Đăng", parent: "P", kind: "district" },
  C1: { name: "CĐCS Công ty May Sông Hồng", parent: "D1", kind: "grassroots" },
  C2: { name: "CĐCS Trường Tiểu học Hoa Sen", parent: "D1", kind: "grassroots" },
  G1: { name: "Nghiệp đoàn Xe ôm Long Hà", parent: "D1", kind: "guild" },
  X1: { name: "CĐCS Công ty Cao su Đồng Phú", parent: "D2", kind: "grassroots" },
  G2: { name: "Nghiệp đoàn Bốc xếp Đức Liễu", parent: "D2", kind: "guild" },
} as const;
type Code = keyof typeof UNITS;

/** Where a small union's admissions look doubtful, so a report for it is held for a confirm. */
const SMALL = { code: "H", name: "CĐCS Công ty Gỗ Tân Lập" };

const HOME: Record<"gr" | "d" | "p", Record<Relation, Code | undefined>> = {
  gr: { own: "C1", child: undefined, sibling: "C2", elsewhere: "X1", province: "P" },
  d: { own: "D1", child: "C1", sibling: "D2", elsewhere: "X1", province: "P" },
  p: { own: "P", child: "D1", sibling: undefined, elsewhere: "X1", province: undefined },
};

interface Case {
  action: string;
  relation: Relation | undefined;
  who: Who;
  allowed: boolean;
}

function readTable(table: string): Case[] {
  const rows = table.trim().split("\n").slice(1);
  return rows.flatMap((row) => {
    const [action = "", relation = "", ...cells] = row.replaceAll("|", " ").trim().split(/\s+/);
    if (cells.length !== WHO.length) throw new Error(`row "${row}" has ${cells.length} cells`);
    if (relation !== "—" && !(RELATIONS as readonly string[]).includes(relation))
      throw new Error(`row "${row}" names no unit`);
    return cells.flatMap((cell, i) =>
      cell === "·"
        ? []
        : [
            {
              action,
              relation: relation === "—" ? undefined : (relation as Relation),
              who: WHO[i] as Who,
              allowed: cell === "+",
            },
          ],
    );
  });
}

/** A unit as an attempt sees it. */
interface Target {
  code: string;
  name: string;
  id: number;
}

interface Attempt {
  /** What the person does; resolves to what the bot answered, confirm included when one was offered. */
  run(person: Person, unit: Target | undefined, prepared: string): Promise<string>;
  /** What the answer says when the attempt was done. */
  done(unit: Target | undefined): string | RegExp;
  /** Something made by someone else first, that the attempt then aims at (a report to undo). */
  prepare?(unit: Target | undefined): Promise<string>;
  /** Done, it sends messages: to people of the admin's own subtree only. */
  sends?: true;
}

/**
 * The tables a refused attempt must leave as they were: all but the updates seen (every message is) and the
 * wrong codes tried (which a refusal counts on purpose, to slow guessing).
 */
const TABLES = [
  "units",
  "unit_words",
  "people",
  "link_codes",
  "accounts",
  "roles",
  "invites",
  "targets",
  "ledger",
  "tallies",
  "audit_log",
  "settings",
  "metrics",
  "plans",
  "unit_ratings",
  "pending_imports",
  "pending_reports",
  "outbox",
  "tasks",
  "task_done",
  "reminder_policies",
  "reminder_mutes",
  "reminder_snoozes",
  "broadcasts",
  "chat_choices",
] as const;

const TASK = "Nộp danh sách đoàn viên ưu tú";
const csv = (text: string) => new TextEncoder().encode(text);

let world: World;
const people = new Map<Who, Person>();
/** An admin of the province other than the one in the table: what it makes is someone else's. */
let keeper: Person;
let taskId = 0;
let otherTaskId = 0;
/**
 * Buttons and codes of what the keeper left waiting: a file to import, a held report, a founding, an
 * announcement, the keeper's own account to unlink, a link code.
 */
const foreign: Record<string, string> = {};
let serial = 0;

/** Presses the button offered with the answer, when there is one; an answer without it is returned as it is. */
async function confirming(person: Person, answer: string, label: string): Promise<string> {
  return person.buttons().includes(label) ? `${answer}\n${await person.presses(label)}` : answer;
}

/** A units file row that changes nothing but the unit's workers. */
const unitRow = (u: Target) => {
  const spec = u.code in UNITS ? UNITS[u.code as Code] : undefined;
  const parent = spec && "parent" in spec ? spec.parent : "";
  return `${u.code},${u.name},${parent},${spec?.kind ?? "grassroots"},,5000,${100_000 + ++serial}`;
};

const FILES: Record<
  string,
  { name: string; header: string; row: (u: Target) => string; done: (rows: number) => string }
> = {
  "units.csv": {
    name: "don-vi.csv",
    header: "code,name,parent_code,kind,sector,members,workers",
    row: unitRow,
    done: (rows) => `✅ Đã nhập: thêm 0 đơn vị, cập nhật ${rows} đơn vị.`,
  },
  "targets.csv": {
    name: "chi-tieu.csv",
    header: "unit_code,metric,target,deadline",
    row: (u) => `${u.code},ket_nap,${40 + ++serial},31/12/2026`,
    done: (rows) => `✅ Đã nhập: thêm 0 chỉ tiêu, cập nhật ${rows} chỉ tiêu.`,
  },
  "ratings.csv": {
    name: "xep-loai.csv",
    header: "unit_code,year,rating",
    row: (u) => `${u.code},2025,tot`,
    done: (rows) => `✅ Đã nhập ${rows} kết quả xếp loại.`,
  },
};

/** Sends a file of these units' rows, and confirms it when the bot offers to import it. */
async function sendFile(person: Person, kind: string, units: Target[]): Promise<string> {
  const file = FILES[kind];
  if (!file) throw new Error(`no file ${kind}`);
  const text = [file.header, ...units.map(file.row)].join("\n");
  return confirming(person, await person.sendsFile(file.name, csv(`${text}\n`)), "✅ Xác nhận nhập");
}

function fileAttempt(kind: string): Attempt {
  return { run: (p, u) => sendFile(p, kind, [u as Target]), done: () => FILES[kind]?.done(1) ?? "" };
}

const ATTEMPTS: Record<string, Attempt> = {
  report: {
    run: (p, u) => p.says(`kết nạp 2 đoàn viên cho ${u?.name}`),
    done: (u) => `✅ Đã ghi nhận cho ${u?.name}`,
  },
  ask: { run: (p, u) => p.asks(`còn thiếu bao nhiêu ${u?.name}`), done: (u) => `📊 ${u?.name}, năm` },
  "/tiendo": { run: (p, u) => p.says(`/tiendo ${u?.name}`), done: (u) => `📈 Tiến độ của ${u?.name}` },
  "/xuatbaocao": { run: (p, u) => p.says(`/xuatbaocao ${u?.name}`), done: (u) => `📎 Báo cáo tiến độ của ${u?.name}` },
  "remaining:": { run: (p, u) => p.pressesData(`remaining:${u?.id}`), done: (u) => `📊 ${u?.name}, năm` },
  "progress:": { run: (p, u) => p.pressesData(`progress:${u?.id}`), done: (u) => `📈 Tiến độ của ${u?.name}` },
  "done:": {
    run: (p, u) => p.pressesData(`done:${taskId}:${u?.id}`),
    done: (u) => new RegExp(`${u?.name}.*hoàn thành|hoàn thành.*${u?.name}`),
  },
  // A task set on the other district, pressed as done for the person's own unit.
  "done:other": { run: (p, u) => p.pressesData(`done:${otherTaskId}:${u?.id}`), done: () => "hoàn thành" },
  "undo:": {
    // The keeper reports for the unit; the person presses that report's undo button.
    prepare: async (u) => {
      await keeper.says(`kết nạp 1 đoàn viên cho ${u?.name}`);
      return keeper.buttonData("↩️ Hoàn tác");
    },
    run: (p, _u, button) => p.pressesData(button),
    done: () => "↩️ Đã hoàn tác báo cáo",
  },
  "/moi": { run: (p, u) => p.says(`/moi ${u?.name} cán bộ`), done: (u) => `🎟️ Mã mời vào ${u?.name}` },
  "units.csv": fileAttempt("units.csv"),
  "targets.csv": fileAttempt("targets.csv"),
  "ratings.csv": fileAttempt("ratings.csv"),
  "/phanbo": {
    run: async (p, u) => confirming(p, await p.says(`/phanbo ket_nap ${u?.code}=5`), "✅ Xác nhận phân bổ"),
    done: () => "✅ Đã ghi phân bổ: 1 đơn vị",
  },
  "/han": { run: (p) => p.says("/han"), done: () => /⏳ Hạn sắp tới của|không còn chỉ tiêu nào chưa đạt/ },
  "/hoantac": {
    run: async (p) => {
      await p.says(`kết nạp 1 đoàn viên cho ${UNITS.C1.name}`);
      return p.says("/hoantac");
    },
    done: () => "↩️ Đã hoàn tác báo cáo",
  },
  "done-text": {
    run: (p) => p.says("đã nộp danh sách đoàn viên ưu tú"),
    done: () => new RegExp(`${UNITS.C1.name}.*hoàn thành|hoàn thành.*${UNITS.C1.name}`),
  },
  "/thongbao": {
    run: async (p) => confirming(p, await p.says("/thongbao Họp giao ban sáng thứ Hai"), "📣 Gửi thông báo"),
    done: () => "📣 Đang gửi thông báo",
    sends: true,
  },
  "/giaoviec": {
    run: (p) => p.says("/giaoviec Nộp báo cáo sơ kết hạn 30/09/2026"),
    done: () => "✅ Đã giao việc",
    sends: true,
  },
  "/lichnhac": { run: (p) => p.says("/lichnhac"), done: () => "⚙️ Lịch nhắc của" },
  "/lichnhac=": { run: (p) => p.says("/lichnhac luc=08:00"), done: () => "✅ Đã lưu lịch nhắc" },
  "/themchitieu": {
    run: (p) => p.says(`/themchitieu Thi đua lao động giỏi đợt ${++serial} = hoạt động`),
    done: () => "✅ Đã thêm chỉ tiêu",
  },
  "/nhatky": { run: (p) => p.says("/nhatky"), done: () => /📜 Nhật ký|chưa có thay đổi nào/ },
  "nhatky:": { run: (p) => p.pressesData("nhatky:999999"), done: () => /📜 Nhật ký|không còn thay đổi nào/ },
  founding: {
    run: async (p) => confirming(p, await p.says("vừa thành lập CĐCS Công ty Minh Phát"), "✅ Xác nhận"),
    done: () => "✅ Đã thêm CĐCS Công ty Minh Phát",
  },
  "import:yes": { run: (p) => p.pressesData(foreign.import ?? ""), done: () => "✅ Đã nhập" },
  "report:yes": { run: (p) => p.pressesData(foreign.report ?? ""), done: () => "✅ Đã ghi nhận" },
  "found:yes": { run: (p) => p.pressesData(foreign.found ?? ""), done: () => "✅ Đã thêm" },
  "bc:yes": { run: (p) => p.pressesData(foreign.broadcast ?? ""), done: () => "📣 Đang gửi" },
  "/lienket": { run: (p) => p.says("/lienket"), done: () => "🔗 Mã liên kết" },
  "/huylienket": { run: (p) => p.says("/huylienket"), done: () => "tài khoản duy nhất" },
  "/ngonngu": { run: (p) => p.says("/ngonngu vi"), done: () => "✅ Từ nay tôi sẽ trả lời" },
  "mute:": { run: (p) => p.pressesData("mute:digest"), done: () => "Đã dừng loại nhắc này" },
  "snooze:": { run: (p) => p.pressesData(`snooze:t${taskId}:1`), done: () => "Đã rõ, tôi sẽ nhắc lại" },
  "unlink:yes": { run: (p) => p.pressesData(foreign.unlink ?? ""), done: () => "✅ Đã gỡ liên kết" },
  "link-code": { run: (p) => p.says(foreign.linkCode ?? ""), done: () => "✅ Đã liên kết" },
  "/nhacnho": { run: (p) => p.says("/nhacnho"), done: () => "🔔 Nhắc việc và thông báo đang gửi về" },
  "remind:": { run: (p) => p.pressesData("remind:telegram"), done: () => "✅ Từ nay nhắc việc và thông báo" },
  "/batnhac": { run: (p) => p.says("/batnhac digest"), done: () => "Đã bật lại loại nhắc digest" },
  // Someone not linked is answered with how to link, which is their help.
  help: { run: (p) => p.says("hướng dẫn"), done: () => "Tôi là Trợ lý Công đoàn, một trợ lý tự động" },
  greet: { run: (p) => p.says("xin chào"), done: () => /^Chào/ },
  thanks: { run: (p) => p.says("cảm ơn"), done: () => "không có gì" },
  "/start": { run: async (p) => p.says(`/start ${await world.invite("C2", "chair")}`), done: () => "Chào mừng" },
};

const lastOutboxId = () =>
  (sqliteOf(world.repos).prepare("select coalesce(max(id), 0) as id from outbox").get() as { id: number }).id;

/** Whom the messages queued after an outbox id go to, and who holds a role on the unit or below it. */
async function recipientsSince(id: number, code: string): Promise<{ recipients: number[]; within: Set<number> }> {
  const sqlite = sqliteOf(world.repos);
  const path = (await world.repos.units.byCode(code))?.path ?? "-";
  const within = sqlite
    .prepare("select distinct r.person_id as id from roles r join units u on u.id = r.unit_id where u.path like ?")
    .all(`${path}%`) as { id: number }[];
  const sent = sqlite.prepare("select person_id as id from outbox where id > ?").all(id) as { id: number }[];
  return { recipients: sent.map((row) => row.id), within: new Set(within.map((row) => row.id)) };
}

async function targetOf(c: Case): Promise<Target | undefined> {
  if (!c.relation) return undefined;
  const level = c.who === "unlinked" ? "gr" : (c.who.split(".")[0] as "gr" | "d" | "p");
  const code = HOME[level][c.relation];
  const unit = code && (await world.repos.units.byCode(code));
  if (!unit) throw new Error(`no ${c.relation} unit for ${c.who}`);
  return { code: unit.code, name: unit.name, id: unit.id };
}

async function setUp(): Promise<void> {
  world = await World.create({ now: "2026-07-01T03:00:00Z" });
  for (const [code, spec] of Object.entries(UNITS)) {
    // Room enough that no report of a few members looks doubtful, even summed over a district.
    await world.unit({
      code,
      ...spec,
      workers: spec.kind === "province" || spec.kind === "district" ? 100_000 : 10_000,
      members: 5_000,
    });
    await world.target(code, "ket_nap", 100, "2026-12-31");
  }
  await world.unit({ ...SMALL, parent: "D1", workers: 50, members: 48 });
  const homes = { gr: "C1", d: "D1", p: "P" } as const;
  people.set("unlinked", world.stranger("Người Lạ"));
  for (const who of WHO.slice(1)) {
    const [level = "gr", role = "chair"] = who.split(".") as ["gr" | "d" | "p", "chair" | "officer" | "admin"];
    people.set(who, await world.personAt(homes[level], role, `Người ${who}`));
  }
  keeper = await world.personAt("P", "admin", "Hồ Văn Giữ");
  const province = await world.repos.units.byCode("P");
  if (!province) throw new Error("no province");
  taskId = await world.repos.reminders.addTask(province.id, TASK, "2026-12-31", null, world.now.toISOString());
  const other = await world.repos.units.byCode("D2");
  if (!other) throw new Error("no D2");
  otherTaskId = await world.repos.reminders.addTask(
    other.id,
    "Nộp kế hoạch Bù Đăng",
    "2026-12-31",
    null,
    world.now.toISOString(),
  );
  await keeper.sendsFile("chi-tieu.csv", csv("unit_code,metric,target,deadline\nC2,ket_nap,77,31/12/2026\n"));
  foreign.import = keeper.buttonData("✅ Xác nhận nhập");
  await keeper.says(`kết nạp 30 đoàn viên cho ${SMALL.name}`);
  foreign.report = keeper.buttonData("✅ Xác nhận ghi");
  await keeper.says("vừa thành lập CĐCS Công ty Hòa Bình");
  foreign.found = keeper.buttonData("✅ Xác nhận");
  await keeper.says("/thongbao Nghỉ lễ Quốc khánh");
  foreign.broadcast = keeper.buttonData("📣 Gửi thông báo");
  const account = sqliteOf(world.repos)
    .prepare("select id from accounts where external_id = ?")
    .get(String(keeper.telegramId)) as { id: number };
  foreign.unlink = `unlink:${account.id}:yes`;
  const linkCode = /Mã liên kết của anh\/chị: (\S+?)\./.exec(await keeper.says("/lienket"))?.[1];
  if (!linkCode) throw new Error("no link code");
  foreign.linkCode = linkCode;
}

/**
 * An admin's file is read on a worker thread, which takes half a second to start: an admin's cells of one
 * kind are tried with two files, one with every row that must be refused (each named as an error line, and
 * nothing written) and one with every row that must be imported (and is, once confirmed).
 */
const fileBatches = new Map<string, Promise<{ answer: string; units: Target[]; unchanged: boolean }>>();

function fileBatch(c: Case, person: Person) {
  const key = `${c.who} ${c.action} ${c.allowed}`;
  let batch = fileBatches.get(key);
  if (!batch) {
    const cases = CASES.filter((o) => `${o.who} ${o.action} ${o.allowed}` === key);
    batch = (async () => {
      const units: Target[] = [];
      for (const o of cases) units.push((await targetOf(o)) as Target);
      const before = tableRows(world, TABLES);
      const answer = await sendFile(person, c.action, units);
      return { answer, units, unchanged: JSON.stringify(tableRows(world, TABLES)) === JSON.stringify(before) };
    })();
    fileBatches.set(key, batch);
  }
  return batch;
}

async function checkAdminFile(c: Case, person: Person, unit: Target): Promise<void> {
  const { answer, units, unchanged } = await fileBatch(c, person);
  const line = units.findIndex((u) => u.code === unit.code) + 2;
  if (c.allowed) {
    expect(answer).toContain(FILES[c.action]?.done(units.length));
    return;
  }
  expect(answer).toContain(`Dòng ${line}: `);
  expect(answer).not.toContain("✅ Đã nhập");
  expect(unchanged).toBe(true);
}

const CASES = readTable(TABLE);

describe("who may do what, every command against every role and unit", () => {
  beforeAll(setUp);
  afterAll(() => world.close());

  for (const c of CASES) {
    const on = c.relation ? ` on the ${c.relation} unit` : "";
    it(`${c.who}: ${c.action}${on} is ${c.allowed ? "done" : "refused, nothing changed"}`, async () => {
      const attempt = ATTEMPTS[c.action];
      if (!attempt) throw new Error(`no attempt named ${c.action}`);
      const person = people.get(c.who);
      if (!person) throw new Error(`no ${c.who}`);
      const unit = await targetOf(c);
      if (c.action in FILES && c.who.endsWith(".admin")) return checkAdminFile(c, person, unit as Target);
      const prepared = await attempt.prepare?.(unit);
      const before = c.allowed ? undefined : tableRows(world, TABLES);
      const queued = lastOutboxId();
      const answer = await attempt.run(person, unit, prepared ?? "");
      if (c.allowed) {
        expect(answer).toMatch(attempt.done(unit));
        if (!attempt.sends) return;
        const { recipients, within } = await recipientsSince(
          queued,
          HOME[c.who.split(".")[0] as "gr" | "d" | "p"].own ?? "",
        );
        expect(recipients.length).toBeGreaterThan(0);
        expect(recipients.filter((id) => !within.has(id))).toEqual([]);
        return;
      }
      expect(answer).not.toBe("");
      expect(answer).not.toMatch(attempt.done(unit));
      expect(tableRows(world, TABLES)).toEqual(before);
    });
  }
});
