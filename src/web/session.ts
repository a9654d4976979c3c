// The dashboard's guards: who is signed in (a session cookie), security headers, and refusing POSTs that do
// not come from the dashboard's own pages.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { Repositories } from "#db/index.ts";
import type { Actor } from "#domain/actor.ts";
import { sessionActor } from "#domain/web-login.ts";

export type DashboardEnv = { Variables: { actor: Actor } };

/** "__Host-" binds the cookie to this very host and path "/" when it is Secure; plain HTTP cannot use it. */
export const cookieName = (secure: boolean) => (secure ? "__Host-tlcd_session" : "tlcd_session");

export function headers(secure: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    strictTransportSecurity: secure ? "max-age=15552000" : false,
    crossOriginResourcePolicy: "same-origin",
  });
}

/**
 * Cross-site POSTs are refused by Hono's csrf middleware: the browser's Origin (or Sec-Fetch-Site) must be the
 * dashboard's own, PUBLIC_URL's origin behind a proxy. Only form posts are taken at all, so a body type that
 * slips past that check (JSON) never reaches a handler.
 */
export function sameOrigin(publicUrl: string | undefined, refuse: (c: Context) => Response | Promise<Response>) {
  const own = publicUrl ? new URL(publicUrl).origin : undefined;
  const check = csrf({ origin: (origin, c) => origin === own || origin === new URL(c.req.url).origin });
  const form = /^application\/x-www-form-urlencoded\b/i;
  const guard: MiddlewareHandler = async (c, next) => {
    if (!form.test(c.req.header("content-type") ?? "")) return refuse(c);
    let passed = false;
    try {
      await check(c, async () => {
        passed = true;
        await next();
      });
    } catch (error) {
      if (!passed && error instanceof HTTPException) return refuse(c);
      throw error;
    }
    return undefined;
  };
  return guard;
}

/** Lets in only a live session's person; anyone else gets the page that says how to sign in. */
export function signedIn(
  repos: Repositories,
  secure: boolean,
  clock: () => Date,
  refuse: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const session = getCookie(c, cookieName(secure));
    const actor = session ? await sessionActor(repos, session, clock()) : undefined;
    if (!actor) return refuse(c);
    c.set("actor", actor);
    c.header("cache-control", "no-store");
    await next();
    return undefined;
  };
}
