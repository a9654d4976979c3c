// The Hono app: mounts routes (webhooks, health, the dashboard, pages, served media). Each webhook checks its own secret.
import { Hono } from "hono";
import type { Logger } from "./logger.ts";

export interface AppOptions {
  logger: Logger;
  /** Answers true while the database is open and migrated. */
  healthy: () => Promise<boolean>;
  /** Routes mounted at the root: the platforms' webhooks, served charts. */
  routes?: Hono[];
  /** The web dashboard, mounted at its own base path. */
  dashboard?: Hono;
  /** The demo chat page, mounted last. */
  pages?: Hono;
}

export function createApp(options: AppOptions): Hono {
  const { logger } = options;
  const app = new Hono();

  app.get("/healthz", async (c) => ((await options.healthy()) ? c.json({ ok: true }) : c.json({ ok: false }, 503)));

  for (const routes of options.routes ?? []) app.route("/", routes);
  if (options.dashboard) app.route("/", options.dashboard);
  if (options.pages) app.route("/", options.pages);

  app.notFound((c) => c.json({ ok: false, error: "not found" }, 404));
  app.onError((error, c) => {
    logger.error({ err: error.message, path: c.req.path }, "request failed");
    return c.json({ ok: false, error: "bad request" }, 400);
  });

  return app;
}
