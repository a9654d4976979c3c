// Signing in with the chat's one-time link, and out. Opening the link shows a page whose form uses it (a
// small script submits it at once): a link preview fetched by a chat app reads the page without using it.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import {
  ATTEMPT_WINDOW_MINUTES,
  checkLink,
  LINK_MINUTES,
  openLink,
  SESSION_HOURS,
  signOut,
} from "#domain/web-login.ts";
import type { Kit } from "./kit.tsx";
import { Notice, Page } from "./layout.tsx";
import { cookieName, headers, sameOrigin, signedIn, type DashboardEnv } from "./session.ts";

/** The address a request came from: the last hop a proxy in front of us added, else the socket's peer. */
function clientOf(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",").pop()?.trim();
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

const REFUSALS = {
  used: { key: "web-link-used", status: 410 },
  expired: { key: "web-link-expired", status: 410 },
  unknown: { key: "web-link-unknown", status: 404 },
  limited: { key: "web-link-limited", status: 429 },
} as const;

function refused(kit: Kit, c: Context, why: keyof typeof REFUSALS) {
  const shell = kit.shell(c);
  const { key, status } = REFUSALS[why];
  const text = shell.t(key, { minutes: why === "limited" ? ATTEMPT_WINDOW_MINUTES : LINK_MINUTES });
  return c.html(<Notice {...shell} title={shell.t("web-login-heading")} text={text} />, status);
}

export function csrfRefusal(kit: Kit, c: Context) {
  const shell = kit.shell(c);
  return c.html(<Notice {...shell} title={shell.t("web-title")} text={shell.t("web-csrf")} />, 403);
}

export function loginRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  const secured = headers(kit.secure);
  const fromHere = sameOrigin(kit.publicUrl, (c) => csrfRefusal(kit, c));

  app.get("/dang-nhap.js", (c) =>
    c.body(`document.getElementById("login")?.submit();`, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );

  app.get("/dang-nhap/:token", secured, async (c) => {
    c.header("cache-control", "no-store");
    const token = c.req.param("token");
    const state = await checkLink(kit.repos, token, clientOf(c), kit.clock());
    if (typeof state !== "object") return refused(kit, c, state);
    const person = await kit.repos.people.person(state.personId);
    const shell = kit.shell(c);
    return c.html(
      <Page {...shell} title={shell.t("web-login-heading")}>
        <h1>{shell.t("web-login-heading")}</h1>
        <form id="login" method="post" action={`${kit.base}/dang-nhap`}>
          <p>{shell.t("web-login-confirm", { name: person?.displayName ?? "" })}</p>
          <input type="hidden" name="token" value={token} />
          <button class="button" type="submit">
            {shell.t("web-login-button")}
          </button>
        </form>
        <script src={`${kit.base}/dang-nhap.js`} defer />
      </Page>,
    );
  });

  app.post("/dang-nhap", secured, fromHere, async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const opened = await openLink(kit.repos, token, clientOf(c), kit.clock());
    if (typeof opened !== "object") return refused(kit, c, opened);
    setCookie(c, cookieName(kit.secure), opened.session, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: kit.secure,
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(kit.base || "/", 303);
  });

  const signedOut = (c: Context) => {
    const shell = kit.shell(c);
    return c.html(<Notice {...shell} title={shell.t("web-logout")} text={shell.t("web-signed-out-page")} />, 401);
  };
  app.post("/dang-xuat", secured, fromHere, signedIn(kit.repos, kit.secure, kit.clock, signedOut), async (c) => {
    const actor = c.get("actor");
    await signOut(kit.repos, actor.personId, kit.clock());
    deleteCookie(c, cookieName(kit.secure), { path: "/", secure: kit.secure });
    const shell = kit.shell(c, actor);
    return c.html(<Notice {...shell} who={undefined} title={shell.t("web-logout")} text={shell.t("web-logged-out")} />);
  });
}
