// Wires configuration, database, bot and routes into one service; main.ts, the tests and the benchmark all use it.
import type { Hono } from "hono";
import { openDatabase, repositories, type Repositories } from "#db/index.ts";
import type { Config } from "./config.ts";
import { actorOf } from "#domain/actor.ts";
import { conversation, type Conversation } from "./conversation.ts";
import { loadTranslations, type TranslateIn } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import { startCheckpointer } from "#db/checkpointer.ts";
import { createTelegramBot, type TelegramBotOptions } from "./platforms/telegram/bot.ts";

type Bot = ReturnType<typeof createTelegramBot>["bot"];
import { createApp } from "./server.ts";
import { createScheduler, type Scheduler } from "./scheduler.ts";
import { createDispatcher, type DispatchClock, type Dispatcher, type Send } from "./delivery/dispatcher.ts";
import { policyService } from "./domain/reminder-policy.ts";
import { standingService } from "./domain/standing.ts";
import { telegramSender } from "./platforms/telegram/send.ts";
import type { Platform } from "#db/schema.ts";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/adapter.ts";
import { chatChoiceRepository } from "./platforms/zalo/choices.ts";
import { createZaloClient } from "./platforms/zalo/client.ts";
import { createImageStore, imageRoutes } from "./platforms/zalo/image-store.ts";
import { ZALO_LIMITS } from "./delivery/rate-limiter.ts";

export interface Service {
  app: Hono;
  repos: Repositories;
  bot: Bot | undefined;
  zalo: ZaloAdapter | undefined;
  /** Sends the outbox, paced to the platforms' limits. Started by main, driven by hand in tests. */
  dispatcher: Dispatcher;
  /** Puts reminders that fall due into the outbox. Started by main, driven by hand in tests. */
  scheduler: Scheduler;
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
  /** Time for the dispatcher's pacing; tests give one whose timers move their clock. */
  dispatchClock?: DispatchClock;
  /** Runs on the fresh database before the bot starts (the demo's seed). */
  prepare?: (repos: Repositories) => void;
}

export interface ConversationSettings {
  translate: TranslateIn;
  timeZone: string;
  /** "21:00-07:00" from the configuration; none when absent. */
  quietHours?: string | null;
  wakeDispatcher?: () => void;
  clock?: () => Date;
  botUsername?: () => string | undefined;
}

/** The router over a database: the services commands are given, who is writing, and the write batch to wait for. */
export function conversationOver(repos: Repositories, settings: ConversationSettings): Conversation {
  return conversation({
    services: {
      repos,
      standing: standingService(repos),
      policies: policyService(repos, settings.quietHours ?? null),
      timeZone: settings.timeZone,
      wakeDispatcher: settings.wakeDispatcher ?? (() => undefined),
      botUsername: settings.botUsername ?? (() => undefined),
    },
    actorOf: (sender) => actorOf(repos.people, sender),
    committed: () => repos.writes.committed(),
    translate: settings.translate,
    ...(settings.clock ? { clock: settings.clock } : {}),
  });
}

export function assemble(config: Config, options: AssembleOptions): Service {
  const { logger } = options;
  const telegram =
    options.telegram ?? (config.botToken ? { token: config.botToken, apiRoot: config.telegramApiRoot } : undefined);
  const db = openDatabase(options.telegram ? config.demoDatabasePath : config.databasePath);
  const checkpointer = startCheckpointer(db.$client, {
    onError: (message) => logger.warn({ err: message }, "checkpoint failed"),
  });
  const repos = repositories(db);
  options.prepare?.(repos);
  const { translate } = loadTranslations();
  const media = config.publicUrl ? createImageStore({ publicUrl: config.publicUrl }) : undefined;
  let zalo: ZaloAdapter | undefined;
  const clock = options.clock ?? (() => new Date());
  const senders: Partial<Record<Platform, Send>> = {};
  if (telegram) senders.telegram = telegramSender(telegram.token, telegram.apiRoot);
  senders.zalo = async (message) =>
    zalo
      ? zalo.send(message.chatId, {
          text: message.payload.text,
          ...(message.payload.choices ? { choices: message.payload.choices } : {}),
        })
      : { ok: false, error: "zalo is not configured", permanent: true };
  const dispatcher = createDispatcher({
    outbox: repos.outbox,
    // Zalo publishes no rate limits; these stay well inside what a chat app tolerates.
    limits: { zalo: ZALO_LIMITS },
    send: async (message) => {
      const send = senders[message.platform];
      return send ? send(message) : { ok: false, error: `${message.platform} is not configured`, permanent: true };
    },
    clock: options.dispatchClock ?? {
      now: () => clock().getTime(),
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    logger: {
      info: (obj, msg) => logger.info(obj, msg),
      warn: (obj, msg) => logger.warn(obj, msg),
      error: (obj, msg) => logger.error(obj, msg),
    },
  });
  const talk = conversationOver(repos, {
    wakeDispatcher: () => dispatcher.wake(),
    translate,
    timeZone: config.timeZone,
    quietHours: config.quietHours,
    ...(options.clock ? { clock: options.clock } : {}),
    botUsername: () => repos.updates.setting("telegram.username"),
  });
  if (config.zaloBotToken && !options.telegram) {
    zalo = createZaloAdapter({
      client: createZaloClient({ token: config.zaloBotToken, apiRoot: config.zaloApiRoot }),
      conversation: talk,
      updates: repos.updates,
      choices: chatChoiceRepository(db),
      translate,
      logger,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      ...(media ? { images: media } : {}),
      clock,
    });
  }
  const telegramBot = telegram
    ? createTelegramBot({
        token: telegram.token,
        apiRoot: telegram.apiRoot,
        conversation: talk,
        updates: repos.updates,
        translate,
        logger,
        clock,
        ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      })
    : undefined;
  const bot = telegramBot?.bot;
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
  const webhook =
    telegramBot && (demo || config.botMode === "webhook")
      ? { handler: telegramBot, secret: demo ? undefined : config.webhookSecret }
      : undefined;
  const routes = [
    ...(zalo && config.zaloMode === "webhook" && config.zaloWebhookSecret
      ? [zalo.webhookRoute(config.zaloWebhookSecret)]
      : []),
    ...(media ? [imageRoutes(media)] : []),
  ];
  const server = createApp({
    logger,
    healthy,
    routes,
    ...(webhook ? { telegram: webhook } : {}),
    ...(pages ? { pages } : {}),
  });
  const standing = standingService(repos);
  const scheduler = createScheduler({
    repos,
    standing,
    policies: policyService(repos, config.quietHours),
    t: (key, args) => translate("vi", key, args),
    timeZone: config.timeZone,
    clock,
    logger,
    wakeDispatcher: () => dispatcher.wake(),
  });
  return {
    app: server.app,
    repos,
    bot,
    zalo,
    dispatcher,
    scheduler,
    async close() {
      scheduler.stop();
      await server.drain();
      await zalo?.close();
      await dispatcher.stop();
      if (bot?.isRunning()) await bot.stop();
      repos.writes.commitNow();
      await checkpointer.stop();
      db.$client.close();
    },
  };
}
