// "/huylienket": the apps a person's account is linked on, and a way to remove one that should not be
// there, after a confirm. The last account stays: removing it would leave the person with no way in.
import { PLATFORM_NAMES } from "#domain/link-notice.ts";
import { reply, type Command, type Request, type Services } from "./types.ts";

function accountLabel(
  account: { platform: keyof typeof PLATFORM_NAMES; externalId: string },
  req: Request,
  t: Services["t"],
): string {
  const here = account.platform === req.sender.platform && account.externalId === req.sender.externalId;
  return here
    ? t("unlink-account-here", { platform: PLATFORM_NAMES[account.platform] })
    : t("unlink-account", { platform: PLATFORM_NAMES[account.platform], id: account.externalId.slice(-4) });
}

export const unlink: Command = {
  intents: [],
  slash: ["huylienket"],
  actions: ["unlink"],
  async run(req, { repos, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const accounts = await repos.people.accountsOf(actor.personId);
    const [idText = "", answer = ""] = (req.actionArg ?? "").split(":");
    const chosen = accounts.find((a) => String(a.id) === idText);
    if (req.actionArg !== undefined && !chosen) return reply(t("action-expired"));
    if (accounts.length < 2) return reply(t("unlink-last-account"));
    if (!chosen) {
      const list = accounts.map((a) => `• ${accountLabel(a, req, t)}`).join("\n");
      return reply(
        `${t("unlink-list")}\n${list}`,
        accounts.map((a) => ({
          label: t("button-unlink-account", { account: accountLabel(a, req, t) }),
          action: `unlink:${a.id}`,
        })),
      );
    }
    const label = accountLabel(chosen, req, t);
    if (answer === "") {
      return reply(t("unlink-confirm", { account: label }), [
        { label: t("button-unlink-confirm"), action: `unlink:${chosen.id}:yes` },
        { label: t("button-unlink-cancel"), action: `unlink:${chosen.id}:no` },
      ]);
    }
    if (answer !== "yes") return reply(t("unlink-cancelled"));
    if (!(await repos.people.unlinkAccount(actor.personId, chosen.id))) return reply(t("unlink-last-account"));
    return reply(t("unlink-done", { account: label }));
  },
};
