// "/web", "mở trang quản lý": a one-time link to the web dashboard. "/dangxuat": every web session of the
// person ends.
import { createLoginLink, LINK_MINUTES, signOut } from "#domain/web-login.ts";
import { reply, type Command } from "./types.ts";

export const webLogin: Command = {
  intents: ["web_login"],
  slash: ["web", "quanly"],
  async run(req, { repos, t, webUrl }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const token = await createLoginLink(repos, actor.personId, req.now);
    return reply(t("web-link", { url: `${webUrl()}/dang-nhap/${token}`, minutes: LINK_MINUTES }));
  },
};

export const webLogout: Command = {
  intents: ["web_logout"],
  slash: ["dangxuat"],
  async run(req, { repos, t }) {
    const actor = req.actor;
    if (!actor) return reply(t("not-linked"));
    const ended = await signOut(repos, actor.personId, req.now);
    return reply(t(ended > 0 ? "web-signed-out" : "web-signed-out-none", { count: ended }));
  },
};
