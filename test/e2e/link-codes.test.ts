// Codes that link an account are short; these attacks on them go through the real webhooks and must leave
// the attacker unlinked, and the person whose account was linked must hear of it and be able to undo it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CODE_ALPHABET, INVITE_CODE_LENGTH, LINK_CODE_LENGTH } from "#nlu/codes.ts";
import { MAX_WRONG_CODES, WRONG_CODE_WINDOW_MINUTES } from "#domain/code-attempts.ts";
import { World, type Person } from "#test/world.ts";

let world: World;
let admin: Person;

beforeEach(async () => {
  world = await World.create({ zalo: true });
  await world.unit({ code: "P1", name: "LĐLĐ tỉnh Bình Phước", kind: "province" });
  await world.unit({ code: "D1", name: "LĐLĐ huyện Phú Riềng", parent: "P1", kind: "district" });
  await world.unit({ code: "C1", name: "CĐCS Công ty May Việt", parent: "D1", members: 100, workers: 200 });
  admin = await world.personAt("D1", "admin", "Phạm Thị Dung");
});

afterEach(() => world.close());

const LINK_CODE = new RegExp(`([${CODE_ALPHABET}]{${LINK_CODE_LENGTH}})`);

async function linkCodeOf(person: Person): Promise<string> {
  const code = LINK_CODE.exec(await person.says("/lienket"))?.[1];
  if (!code) throw new Error("no link code");
  return code;
}

/** Codes of the right shape that are not `real`. */
function wrongCodes(length: number, real: string[] = []): string[] {
  return Array.from({ length: MAX_WRONG_CODES }, (_, i) => CODE_ALPHABET.charAt(i).repeat(length)).filter(
    (code) => !real.includes(code),
  );
}

const minutes = (n: number) => n * 60_000;

describe("guessing link codes", () => {
  it(`makes an account wait after ${MAX_WRONG_CODES} wrong codes, and does not check even the right one meanwhile`, async () => {
    const guesser = world.zaloStranger("Kẻ Đoán");
    for (const code of wrongCodes(LINK_CODE_LENGTH)) expect(await guesser.says(code)).toContain("không đúng");
    const real = await linkCodeOf(admin);
    const refused = await guesser.says(real);
    expect(refused).toContain(`Hãy đợi ${WRONG_CODE_WINDOW_MINUTES} phút`);
    expect(await world.repos.people.account("zalo", guesser.zaloId)).toBeUndefined();

    world.now = new Date(world.now.getTime() + minutes(5));
    expect(await guesser.says(real)).toContain(`Hãy đợi ${WRONG_CODE_WINDOW_MINUTES - 5} phút`);
    expect(await world.repos.people.account("zalo", guesser.zaloId)).toBeUndefined();

    // Once the quarter of an hour has passed, a right code works again.
    world.now = new Date(world.now.getTime() + minutes(WRONG_CODE_WINDOW_MINUTES - 5) + 1_000);
    expect(await guesser.says(await linkCodeOf(admin))).toContain("Đã liên kết Zalo");
  });

  it("counts wrong invite codes with wrong link codes, per account", async () => {
    const guesser = world.stranger("Kẻ Đoán");
    const invite = await world.invite("D1", "admin");
    for (const code of wrongCodes(INVITE_CODE_LENGTH, [invite]).slice(0, 3)) await guesser.says(`/start ${code}`);
    for (const code of wrongCodes(LINK_CODE_LENGTH).slice(0, MAX_WRONG_CODES - 3))
      await guesser.says(`/lienket ${code}`);
    expect(await guesser.says(`/start ${invite}`)).toContain("Hãy đợi");
    expect(await world.repos.people.account("telegram", String(guesser.telegramId))).toBeUndefined();
    // Another account is not held back by the guesser's mistakes.
    expect(await world.stranger("Người Khác").says(`/start ${invite}`)).toContain("Chào mừng");
  });
});

describe("a link code read over someone's shoulder", () => {
  it("is refused on the app that made it", async () => {
    const code = await linkCodeOf(admin);
    const onlooker = world.stranger("Người Nhìn Trộm");
    expect(await onlooker.says(code)).toContain("chỉ dùng được trên ứng dụng kia");
    expect(await world.repos.people.account("telegram", String(onlooker.telegramId))).toBeUndefined();
  });
});

describe("a new account on a person", () => {
  it("is announced on the apps already linked, and can be removed there after a confirm", async () => {
    const onZalo = world.zaloStranger("Ai Đó");
    expect(await onZalo.says(await linkCodeOf(admin))).toContain("Đã liên kết Zalo");
    await world.drain();
    const notice = world.pushedTo(admin).find((text) => text.includes("vừa được liên kết"));
    expect(notice).toContain("Zalo “Ai Đó”");
    expect(world.pushedButton(admin, "Gỡ liên kết")).toBeTruthy();

    const list = await admin.says("/huylienket");
    expect(list).toContain("Telegram (tài khoản đang dùng)");
    const zaloLabel = `Zalo (số cuối ${onZalo.zaloId.slice(-4)})`;
    expect(list).toContain(zaloLabel);
    expect(await admin.presses(`Gỡ ${zaloLabel}`)).toContain(`Gỡ liên kết ${zaloLabel}?`);
    // Nothing changes before the confirm.
    expect(await world.repos.people.account("zalo", onZalo.zaloId)).toBeDefined();
    expect(await admin.presses("✅ Gỡ liên kết")).toContain(`Đã gỡ liên kết ${zaloLabel}`);
    expect(await world.repos.people.account("zalo", onZalo.zaloId)).toBeUndefined();
    expect(await onZalo.says("còn thiếu bao nhiêu")).not.toContain("còn thiếu");
  });

  it("is announced when an invite adds a role to a person who already uses another app", async () => {
    const onZalo = world.zaloStranger("Dung Zalo");
    await onZalo.says(await linkCodeOf(admin));
    await world.drain();
    const before = onZalo.pushed().length;
    expect(await admin.says(`/start ${await world.invite("C1", "chair")}`)).toContain("Chào mừng");
    await world.drain();
    expect(onZalo.pushed().slice(before).join("\n")).toContain("vừa được liên kết");
  });

  it("cannot remove the last account, and says how to stop instead", async () => {
    const answer = await admin.says("/huylienket");
    expect(answer).toContain("tài khoản duy nhất");
    expect(answer).toContain("chặn Trợ lý Công đoàn");
    expect(admin.buttons()).toEqual([]);
    expect(await world.repos.people.account("telegram", String(admin.telegramId))).toBeDefined();
  });
});
