// "/start CODE" or a pasted invite code: link this messaging account to a unit with a role.
import { codeWaitMinutes, recordWrongCode } from "#domain/code-attempts.ts";
import { noticeNewAccount } from "#domain/link-notice.ts";
import { audit, doerOf } from "#domain/audit.ts";
import { localeFromLanguageCode } from "#src/i18n.ts";
import { redeemMember } from "./member-self.ts";
import { reply, type Command } from "./types.ts";

export const link: Command = {
  intents: ["redeem_invite"],
  open: true,
  async run(req, services) {
    const { repos, t } = services;
    // A bare code from someone already linked was not meant as an invite; "/start CODE" always is.
    if (req.actor && req.parse.otherwise) return services.otherwise(req);
    const wait = await codeWaitMinutes(repos, req.sender, req.now);
    if (wait > 0) return reply(t("code-wait", { minutes: wait }));
    const invite = await repos.people.invite(req.parse.code ?? "");
    const wrong = async (key: string) => (await recordWrongCode(repos, req.sender, req.now), reply(t(key)));
    if (!invite) return (await redeemMember(req, services)) ?? (await wrong("invite-unknown"));
    if (invite.usedAt !== null) return await wrong("invite-used");
    if (invite.expiresAt <= req.now.toISOString()) return await wrong("invite-expired");
    const unit = await repos.units.byId(invite.unitId);
    if (!unit) return await wrong("invite-unknown");
    const personId = await repos.people.redeem(
      invite,
      { platform: req.sender.platform, externalId: req.sender.externalId, chatId: req.sender.chatId },
      req.sender.displayName,
      req.now.toISOString(),
      localeFromLanguageCode(req.sender.languageCode),
    );
    if (personId === null) return reply(t("invite-used"));
    if ((await noticeNewAccount(repos, services.translateIn, personId, req.sender, req.now)) > 0)
      services.wakeDispatcher();
    await audit(repos, doerOf(req, personId), "invite_redeemed", unit, { after: { role: invite.role } });
    return reply(t("linked", { name: req.sender.displayName, unit: unit.name, role: t(`role-${invite.role}`) }), [
      { label: t("button-remaining"), action: "say:còn thiếu bao nhiêu" },
      { label: t("button-help"), action: "say:hướng dẫn" },
    ]);
  },
};
