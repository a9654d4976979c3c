// One person, two apps. "/lienket" on one app gives a short code to send on the other, which then
// belongs to the same person; "/nhacnho" chooses the app reminders go to, so nobody gets them twice.
import { randomInt } from "node:crypto";
import { PLATFORMS, type Platform } from "#db/schema.ts";
import { codeWaitMinutes, recordWrongCode } from "#domain/code-attempts.ts";
import { noticeNewAccount, PLATFORM_NAMES } from "#domain/link-notice.ts";
import { audit, doerOf, unitOfPerson } from "#domain/audit.ts";
import { CODE_ALPHABET, LINK_CODE_LENGTH } from "#nlu/codes.ts";
import { reply, type Command } from "./types.ts";

const LINK_MINUTES = 15;

/** A /lienket code typed on the other app: that account now belongs to the same person. */
export const useLinkCode: Command = {
  intents: ["link_code"],
  open: true,
  async run(req, services) {
    const { repos, t } = services;
    const code = req.parse.code ?? "";
    // Someone linked typing a word shaped like a code ("ketnap") meant the word: no code is looked up for it.
    if (req.actor && req.parse.otherwise && !(await repos.people.linkCode(code))) return services.otherwise(req);
    const wait = await codeWaitMinutes(repos, req.sender, req.now);
    if (wait > 0) return reply(t("code-wait", { minutes: wait }));
    const entry = await repos.people.linkCode(code);
    const wrong = async (key: string, args?: Record<string, string>) => (
      await recordWrongCode(repos, req.sender, req.now), reply(t(key, args))
    );
    if (!entry) return await wrong("crosslink-bad-code");
    if (req.actor)
      return reply(t(req.actor.personId === entry.personId ? "crosslink-already" : "crosslink-other-person"));
    if (entry.usedAt !== null || entry.expiresAt <= req.now.toISOString()) return await wrong("crosslink-bad-code");
    // A code works only on the other app: typed on the app that made it, it was read over someone's shoulder.
    if (entry.platform === req.sender.platform)
      return await wrong("crosslink-same-app", { platform: PLATFORM_NAMES[req.sender.platform] });
    const ok = await repos.people.linkAccount(
      code,
      entry.personId,
      { platform: req.sender.platform, externalId: req.sender.externalId, chatId: req.sender.chatId },
      req.now.toISOString(),
    );
    if (!ok) return reply(t("crosslink-bad-code"));
    await audit(repos, doerOf(req, entry.personId), "account_linked", await unitOfPerson(repos, entry.personId), {
      after: { platform: req.sender.platform },
    });
    if ((await noticeNewAccount(repos, services.translateIn, entry.personId, req.sender, req.now)) > 0)
      services.wakeDispatcher();
    const person = await repos.people.person(entry.personId);
    return reply(
      t("crosslink-done", {
        name: person?.displayName ?? req.sender.displayName,
        platform: PLATFORM_NAMES[req.sender.platform],
      }),
      [{ label: t("button-remind-here"), action: `remind:${req.sender.platform}` }],
    );
  },
};

export const crossLink: Command = {
  intents: [],
  slash: ["lienket"],
  async run(req, { repos, t }) {
    if (!req.actor) return reply(t("not-linked"));
    let code = "";
    do {
      code = Array.from({ length: LINK_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    } while (await repos.people.linkCode(code));
    const expiresAt = new Date(req.now.getTime() + LINK_MINUTES * 60_000).toISOString();
    await repos.people.createLinkCode(code, req.actor.personId, expiresAt, req.sender.platform);
    const other = PLATFORMS.find((p) => p !== req.sender.platform) ?? "zalo";
    return reply(t("crosslink-code", { code, minutes: LINK_MINUTES, other: PLATFORM_NAMES[other] }));
  },
};

export const remindWhere: Command = {
  intents: [],
  slash: ["nhacnho"],
  actions: ["remind"],
  async run(req, { repos, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const linked = (await repos.people.platformsOf(actor.personId)).filter((a) => a.active).map((a) => a.platform);
    const wanted = req.actionArg ?? req.args?.trim().toLowerCase();
    if (wanted && (PLATFORMS as readonly string[]).includes(wanted)) {
      if (!linked.includes(wanted as Platform))
        return reply(t("remind-not-linked", { platform: PLATFORM_NAMES[wanted as Platform] }));
      await repos.people.setRemindOn(actor.personId, wanted as Platform);
      return reply(t("remind-set", { platform: PLATFORM_NAMES[wanted as Platform] }));
    }
    const current = (await repos.people.address(actor.personId))?.platform;
    return reply(
      t("remind-shown", { platform: current ? PLATFORM_NAMES[current] : "—" }),
      linked.map((p) => ({ label: PLATFORM_NAMES[p], action: `remind:${p}` })),
    );
  },
};
