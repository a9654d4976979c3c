// The tokenless demo: a fresh demo database, the real bot talking to an in-process stand-in for
// Telegram, and a chat page at / to talk to it as a demo chair or a demo district officer.
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { assemble, type Service } from "#src/assemble.ts";
import type { Config } from "#src/config.ts";
import type { Logger } from "#src/logger.ts";
import { newMemberKey } from "#domain/member-vault.ts";
import { STAND_IN_BOT } from "#src/platforms/telegram/stand-in-api.ts";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import { createLoginLink } from "#domain/web-login.ts";
import { DEMO_DASHBOARD_BASE } from "#src/web/dashboard.tsx";
import { demoPages } from "./page.ts";
import { DEMO_PERSONAS, seedDemo } from "./seed.ts";

export async function startDemo(
  config: Config,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<Service> {
  const standIn = await startStandIn();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${config.demoDatabasePath}${suffix}`, { force: true });
  // The demo's database is made anew at each start, so it makes its own member key too.
  const service = await assemble(
    { ...config, memberDataKey: config.memberDataKey ?? newMemberKey() },
    {
      logger,
      clock,
      botInfo: STAND_IN_BOT,
      telegram: { token: `${STAND_IN_BOT.id}:DEMO`, apiRoot: standIn.url },
      prepare: async (repos) => await seedDemo(repos, clock(), config.timeZone),
      pages: ({ bot, repos }) =>
        demoPages(
          bot,
          standIn.api,
          async (persona) => (await repos.units.byCode(DEMO_PERSONAS[persona].unitCode))?.name ?? "",
          config.publicUrl,
          async () => {
            const account = await repos.people.account("telegram", String(DEMO_PERSONAS.officer.telegramId));
            if (!account) return undefined;
            return `${DEMO_DASHBOARD_BASE}/dang-nhap/${await createLoginLink(repos, account.personId, clock())}`;
          },
        ),
    },
  );
  logger.info("demo mode: no BOT_TOKEN, using the in-process stand-in for Telegram");
  return {
    ...service,
    async close() {
      await service.close();
      await standIn.close();
    },
  };
}

/**
 * The one line to print when the demo's port is taken, or null when it is free. Asked before the
 * demo database is remade, so a second start cannot wipe the data of the demo already running.
 */
export function demoPortBusy(config: Config): Promise<string | null> {
  const { port, host } = config;
  if (port === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === "EADDRINUSE"
          ? `Cổng ${port} đang bận: có thể đã có một bản demo đang chạy ở http://localhost:${port}/. Dừng nó trước, hoặc đặt PORT=${port + 1}.`
          : `Không mở được cổng ${port} (${error.code ?? error.message}). Hãy đặt PORT sang một cổng khác, ví dụ PORT=${port + 1}.`,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}
