// "/moi <tên hoặc mã đơn vị> [chair|officer]": an admin makes an invite code for a unit of their subtree,
// such as a union just founded, and passes it on to the person who will take the role.
import { createInvite, inviteLink, inviteTarget, INVITE_DAYS, type ChatInviteRole } from "#domain/invites.ts";
import { foldWords } from "#nlu/fold-diacritics.ts";
import { reply, type Command } from "./types.ts";

/** The role words an admin may end the command with, folded. */
const ROLE_WORDS: Record<string, ChatInviteRole> = {
  chair: "chair",
  "chu tich": "chair",
  officer: "officer",
  "can bo": "officer",
};

/** "CĐCS Công ty ABC cán bộ" → the unit's words and the role; the role is chair unless one is named. */
function readArgs(args: string): { named: string; role: ChatInviteRole } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  for (const size of [2, 1]) {
    const role = ROLE_WORDS[foldWords(words.slice(-size).join(" "))];
    if (role && words.length > size) return { named: words.slice(0, -size).join(" "), role };
  }
  return { named: words.join(" "), role: "chair" };
}

export const invite: Command = {
  intents: [],
  slash: ["moi"],
  async run(req, { repos, t, botUsername }) {
    const actor = req.actor;
    if (!actor?.adminUnit) return reply(t("invite-not-admin"));
    const { named, role } = readArgs(req.args ?? "");
    if (!named) return reply(t("invite-how"));
    const target = await inviteTarget(actor, named, repos);
    if (target.kind === "outside") return reply(t("invite-outside", { named, unit: actor.adminUnit.name }));
    if (target.kind === "several") {
      const lines = target.units.map((unit) => t("invite-several-line", { name: unit.name, code: unit.code }));
      if (target.more > 0) lines.push(t("unit-several-more", { count: target.more }));
      return reply([t("invite-several", { named }), ...lines].join("\n"));
    }
    const { unit } = target;
    const { code } = await createInvite(repos, unit, role, req.now);
    const link = inviteLink(code, await botUsername());
    return reply(
      t("invite-made", { unit: unit.name, role: t(`role-${role}`), code, days: INVITE_DAYS, link: link ?? code }),
    );
  },
};
