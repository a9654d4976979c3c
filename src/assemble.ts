// Wires configuration, database, bot and routes into one service; main.ts, the tests and the benchmark all use it.
import type { Hono } from "hono";
import { openDatabase, repositories, type Repositories } from "../db/index.ts";
import type { Config } from "./config.ts";
import { conversation } from "./conversation.ts";
import { loadTranslations } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import { createTelegramBot, type TelegramBotOptions } from "./platforms/telegram/bot.ts";

type Bot = ReturnType<typeof createTelegramBot>;
import { createApp } from "./server.ts";

export interface Service {
  app: Hono;
  repos: Repositories;
  bot: Bot | undefined;
  /** Stops taking updates, lets those in flight finish, closes the database. */
  close(): Promise<void>;
}

export interface AssembleOptions {
  logger: Logger;
  clock?: () => Date;
  /** The bot's identity when known without asking Telegram (tests, demo). */
  botInfo?: TelegramBotOptions["botInfo"];
  /** Telegram settings that override the configuration (the demo's stand-in). */
  telegram?: { token: string; apiRoot: string };
  pages?: (service: { repos: Repositories; bot: Bot | undefined }) => Hono;
  /** Runs on the fresh database before the bot starts (the demo's seed). */
  prepare?: (repos: Repositories) => void;
}

export function assemble(config: Config, options: AssembleOptions): Service {
  const { logger } = options;
  const telegram = options.telegram ?? (config.botToken ? { token: config.botToken, apiRoot: config.telegramApiRoot } : undefined);
  const db = openDatabase(options.telegram ? config.demoDatabasePath : config.databasePath);
  const repos = repositories(db);
  options.prepare?.(repos);
  const { translate } = loadTranslations();
  const talk = conversation({
    repos,
    translate,
    timeZone: config.timeZone,
    ...(options.clock ? { clock: options.clock } : {}),
    botUsername: () => repos.updates.setting("telegram.username"),
  });
  const bot = telegram
    ? createTelegramBot({
        token: telegram.token,
        apiRoot: telegram.apiRoot,
        conversation: talk,
        updates: repos.updates,
        translate,
        logger,
        ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      })
    : undefined;
  if (options.botInfo) repos.updates.setSetting("telegram.username", options.botInfo.username);

  const healthy = () => {
    try {
      return db.$client.prepare("select 1 as ok").get() !== undefined;
    } catch {
      return false;
    }
  };
  const pages = options.pages?.({ repos, bot });
  // The webhook route exists only where updates arrive by webhook: with its secret, or in the loopback demo.
  const demo = options.telegram !== undefined;
  const webhook = bot && (demo || config.botMode === "webhook") ? { handler: bot, secret: demo ? undefined : config.webhookSecret } : undefined;
  const server = createApp({
    logger,
    healthy,
    ...(webhook ? { telegram: webhook } : {}),
    ...(pages ? { pages } : {}),
  });
  return {
    app: server.app,
    repos,
    bot,
    async close() {
      await server.drain();
      if (bot?.isRunning()) await bot.stop();
      db.$client.close();
    },
  };
}
