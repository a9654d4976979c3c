// Wires configuration, database, bot and routes into one service; main.ts, the tests and the benchmark all use it.
import type { Hono } from "hono";
import type { Repositories } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";
import { openStore } from "#db/store.ts";
import type { Config } from "./config.ts";
import { actorOf } from "#domain/actor.ts";
import { resumeImports } from "#domain/import.ts";
import { conversation, type Conversation } from "./conversation.ts";
import { createDispatcher, type DispatchClock, type Dispatcher, type Send } from "./delivery/dispatcher.ts";
import { ZALO_LIMITS } from "./delivery/rate-limiter.ts";
import { policyService, type PolicyService } from "./domain/reminder-policy.ts";
import { standingService } from "./domain/standing.ts";
import { subtreeReader, type SubtreeReader } from "./domain/subtree-reader.ts";
import { loadTranslations, type TranslateIn } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import type { FloodLimit } from "./platforms/flood-guard.ts";
import { createIntake, type Intake } from "./platforms/intake.ts";
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from "./platforms/telegram/bot.ts";
import { telegramSender } from "./platforms/telegram/send.ts";
import { telegramWebhook } from "./platforms/telegram/webhook.ts";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/adapter.ts";
import { createZaloClient } from "./platforms/zalo/client.ts";
import { createImageStore, imageRoutes, type MemoryMediaStore } from "./platforms/zalo/image-store.ts";
import { createScheduler, type Scheduler } from "./scheduler.ts";
import { createApp } from "./server.ts";

type Bot = TelegramBot["bot"];

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
  /** How many messages one account may send in a while; the default suits people typing. */
  flood?: FloodLimit;
  clock?: () => Date;
  /** The bot's identity when known without asking Telegram (tests, demo). */
  botInfo?: TelegramBotOptions["botInfo"];
  /** Telegram settings that override the configuration (the demo's stand-in). */
  telegram?: { token: string; apiRoot: string };
  pages?: (service: { repos: Repositories; bot: Bot | undefined }) => Hono;
  /** Time for the dispatcher's pacing; tests give one whose timers move their clock. */
  dispatchClock?: DispatchClock;
  /** Runs on the fresh database before the bot starts (the demo's seed). */
  prepare?: (repos: Repositories) => Promise<void>;
}

export interface ConversationSettings {
  translate: TranslateIn;
  timeZone: string;
  /** "21:00-07:00" from the configuration; none when absent. */
  quietHours?: string | null;
  wakeDispatcher?: () => void;
  clock?: () => Date;
  botUsername?: () => Promise<string | undefined>;
  /** The reminder schedule the scheduler follows too, so a change made in chat applies from its next tick. */
  policies?: PolicyService;
  /** Reads about large subtrees off the main thread; one is made when absent. */
  reader?: SubtreeReader;
}

/** The router over a database: the services commands are given, who is writing, and the write batch to wait for. */
export function conversationOver(repos: Repositories, settings: ConversationSettings): Conversation {
  const standing = standingService(repos);
  return conversation({
    services: {
      repos,
      standing,
      reader: settings.reader ?? subtreeReader(repos, standing),
      policies: settings.policies ?? policyService(repos, settings.quietHours ?? null),
      timeZone: settings.timeZone,
      wakeDispatcher: settings.wakeDispatcher ?? (() => undefined),
      translateIn: settings.translate,
      botUsername: settings.botUsername ?? (async () => undefined),
    },
    actorOf: async (sender) => await actorOf(repos.people, sender),
    committed: async () => await repos.committed(),
    translate: settings.translate,
    ...(settings.clock ? { clock: settings.clock } : {}),
  });
}

/** What every part of the service is built from. */
interface Parts {
  config: Config;
  options: AssembleOptions;
  logger: Logger;
  clock: () => Date;
  repos: Repositories;
  translate: TranslateIn;
  intake: Intake;
  talk: Conversation;
  media: MemoryMediaStore | undefined;
  policies: PolicyService;
  /** The loopback demo: Telegram's stand-in runs in this process. */
  demo: boolean;
}

export async function assemble(config: Config, options: AssembleOptions): Promise<Service> {
  const { logger } = options;
  const demo = options.telegram !== undefined;
  const store = openStore(demo ? config.demoDatabasePath : config.databasePath, {
    onCheckpointError: (message) => logger.warn({ err: message }, "checkpoint failed"),
  });
  const { repos } = store;
  // A confirmed import a stop cut short is written whole before anyone reads the targets.
  const resumed = await resumeImports(repos);
  if (resumed.finished > 0) logger.info({ imports: resumed.finished }, "finished imports a stop had interrupted");
  if (resumed.stale.length > 0)
    logger.warn({ imports: resumed.stale }, "imports a stop had interrupted no longer passed their check");
  await options.prepare?.(repos);
  const { translate } = loadTranslations();
  const clock = options.clock ?? (() => new Date());
  const policies = policyService(repos, config.quietHours);
  const reader = subtreeReader(repos, standingService(repos));
  const talk = conversationOver(repos, {
    policies,
    reader,
    // The dispatcher is built below; the conversation wakes it only once updates come in.
    wakeDispatcher: () => dispatcher.wake(),
    translate,
    timeZone: config.timeZone,
    quietHours: config.quietHours,
    ...(options.clock ? { clock: options.clock } : {}),
    botUsername: async () => await repos.updates.setting("telegram.username"),
  });
  const intake = createIntake({
    updates: repos.updates,
    translate,
    logger,
    clock,
    ...(options.flood ? { flood: options.flood } : {}),
  });
  const media = config.publicUrl ? createImageStore({ publicUrl: config.publicUrl }) : undefined;
  const parts: Parts = { config, options, logger, clock, repos, translate, intake, talk, media, policies, demo };
  const zalo = zaloAdapter(parts);
  const dispatcher = outboxDispatcher(config, options, repos, zalo);
  const telegram = await telegramBot(parts);
  const bot = telegram?.bot;
  const pages = options.pages?.({ repos, bot });
  const app = createApp({
    logger,
    healthy: store.healthy,
    routes: webhookRoutes(parts, telegram, zalo),
    ...(pages ? { pages } : {}),
  });
  const scheduler = reminderScheduler(parts, dispatcher);
  return {
    app,
    repos,
    bot,
    zalo,
    dispatcher,
    scheduler,
    async close() {
      scheduler.stop();
      // Updates stop coming in, those being handled finish, then what is left is sent and the file closed.
      await zalo?.close();
      if (bot?.isRunning()) await bot.stop();
      await intake.drain();
      await dispatcher.stop();
      await reader.close();
      await store.close();
    },
  };
}

/** The outbox dispatcher, sending on each platform that is configured. */
function outboxDispatcher(
  config: Config,
  options: AssembleOptions,
  repos: Repositories,
  zalo: ZaloAdapter | undefined,
): Dispatcher {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const telegram = telegramSettings(config, options);
  const senders: Partial<Record<Platform, Send>> = {
    ...(telegram ? { telegram: telegramSender(telegram.token, telegram.apiRoot) } : {}),
    zalo: async (message) => {
      if (!zalo) return { ok: false, error: "zalo is not configured", permanent: true };
      const { text, choices } = message.payload;
      return zalo.send(message.chatId, { text, ...(choices ? { choices } : {}) });
    },
  };
  return createDispatcher({
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
}

/** The demo's stand-in, or the configured Bot API; none without a token. */
function telegramSettings(config: Config, options: AssembleOptions): { token: string; apiRoot: string } | undefined {
  if (options.telegram) return options.telegram;
  return config.botToken ? { token: config.botToken, apiRoot: config.telegramApiRoot } : undefined;
}

async function telegramBot(parts: Parts): Promise<TelegramBot | undefined> {
  const { options, repos } = parts;
  const telegram = telegramSettings(parts.config, options);
  if (!telegram) return undefined;
  const bot = createTelegramBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    conversation: parts.talk,
    intake: parts.intake,
    translate: parts.translate,
    logger: parts.logger,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  if (options.botInfo) await repos.updates.setSetting("telegram.username", options.botInfo.username);
  return bot;
}

/** Zalo runs beside Telegram when it has a token, never in the demo. */
function zaloAdapter(parts: Parts): ZaloAdapter | undefined {
  const { config, media } = parts;
  if (!config.zaloBotToken || parts.demo) return undefined;
  return createZaloAdapter({
    client: createZaloClient({ token: config.zaloBotToken, apiRoot: config.zaloApiRoot }),
    conversation: parts.talk,
    intake: parts.intake,
    choices: parts.repos.chatChoices,
    translate: parts.translate,
    logger: parts.logger,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(media ? { images: media } : {}),
    clock: parts.clock,
  });
}

/** The webhooks exist only where updates arrive by webhook: with their secret, or in the loopback demo. */
function webhookRoutes(parts: Parts, telegram: TelegramBot | undefined, zalo: ZaloAdapter | undefined): Hono[] {
  const { config, demo, intake, logger, media } = parts;
  const routes: Hono[] = [];
  if (telegram && (demo || config.botMode === "webhook")) {
    const secret = demo ? undefined : config.webhookSecret;
    routes.push(telegramWebhook({ bot: telegram, secret, intake, logger }));
  }
  if (zalo && config.zaloMode === "webhook" && config.zaloWebhookSecret) {
    routes.push(zalo.webhookRoute(config.zaloWebhookSecret));
  }
  if (media) routes.push(imageRoutes(media));
  return routes;
}

function reminderScheduler(parts: Parts, dispatcher: Dispatcher): Scheduler {
  const { config, repos, translate } = parts;
  return createScheduler({
    repos,
    standing: standingService(repos),
    policies: parts.policies,
    t: (key, args) => translate("vi", key, args),
    timeZone: config.timeZone,
    clock: parts.clock,
    logger: parts.logger,
    wakeDispatcher: () => dispatcher.wake(),
  });
}
