// The tokenless demo: a fresh demo database, the real bot talking to an in-process stand-in for
// Telegram, and a chat page at / to talk to it as a demo chair or a demo district officer.
import { rmSync } from "node:fs";
import { assemble, type Service } from "#src/assemble.ts";
import type { Config } from "#src/config.ts";
import type { Logger } from "#src/logger.ts";
import { STAND_IN_BOT } from "#src/platforms/telegram/stand-in-api.ts";
import { startStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import { demoPages } from "./page.ts";
import { seedDemo } from "./seed.ts";

export async function startDemo(
  config: Config,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<Service> {
  const standIn = await startStandIn();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${config.demoDatabasePath}${suffix}`, { force: true });
  const service = assemble(config, {
    logger,
    clock,
    botInfo: STAND_IN_BOT,
    telegram: { token: `${STAND_IN_BOT.id}:DEMO`, apiRoot: standIn.url },
    prepare: (repos) => seedDemo(repos, clock(), config.timeZone),
    pages: ({ bot }) => demoPages(bot, standIn.api),
  });
  logger.info("demo mode: no BOT_TOKEN, using the in-process stand-in for Telegram");
  return {
    ...service,
    async close() {
      await service.close();
      await standIn.close();
    },
  };
}
