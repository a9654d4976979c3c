// What every dashboard handler is given: the services, the person's language and the page shell, and the
// pages that refuse (signed out, out of reach).
import type { Context } from "hono";
import type { Repositories } from "#db/index.ts";
import type { Actor } from "#domain/actor.ts";
import { dayOf } from "#domain/calendar.ts";
import { isLeaf } from "#domain/leaf-unit.ts";
import type { PolicyService } from "#domain/reminder-policy.ts";
import type { StandingService } from "#domain/standing.ts";
import { localeFromLanguageCode, type Translate, type TranslateIn } from "#src/i18n.ts";
import { Notice, type Shell } from "./layout.tsx";
import type { DashboardEnv, headers, signedIn } from "./session.ts";
import type { ViewServices } from "./views.ts";

export interface DashboardOptions {
  repos: Repositories;
  standing: StandingService;
  policies: PolicyService;
  translate: TranslateIn;
  timeZone: string;
  clock: () => Date;
  /** "" to serve at the root, or a path such as "/quanly". */
  base: string;
  /** PUBLIC_URL: POSTs must come from its origin; https makes the cookie Secure. */
  publicUrl?: string;
}

/** What every handler needs: the options, and how to speak to whoever is asking. */
export interface Kit extends DashboardOptions, ViewServices {
  secure: boolean;
  /** The page shell for a request, in the language of the person (or of their browser before sign-in). */
  shell(c: Context, actor?: Actor): Shell;
  today(): string;
}

export function kitOf(options: DashboardOptions): Kit {
  const secure = options.publicUrl?.startsWith("https:") ?? false;
  return {
    ...options,
    secure,
    today: () => dayOf(options.clock(), options.timeZone),
    shell(c, actor) {
      const locale = actor?.locale ?? localeFromLanguageCode(c.req.header("accept-language"));
      const t: Translate = (key, args) => options.translate(locale, key, args);
      const who = actor && { name: actor.displayName, unit: actor.home.unit.name };
      return {
        t,
        locale,
        base: options.base,
        ...(who ? { who } : {}),
        staff: actor ? !isLeaf(actor.home.unit) : false,
      };
    },
  };
}

export type Guards = readonly [ReturnType<typeof headers>, ReturnType<typeof signedIn>];

export function signedOutPage(kit: Kit, c: Context): Response | Promise<Response> {
  const shell = kit.shell(c);
  return c.html(<Notice {...shell} title={shell.t("web-login-heading")} text={shell.t("web-signed-out-page")} />, 401);
}

export function forbiddenPage(kit: Kit, c: Context<DashboardEnv>): Response | Promise<Response> {
  const shell = kit.shell(c, c.get("actor"));
  const link = { href: kit.base || "/", label: shell.t("web-back-overview") };
  return c.html(<Notice {...shell} title={shell.t("web-title")} text={shell.t("web-forbidden")} link={link} />, 403);
}
