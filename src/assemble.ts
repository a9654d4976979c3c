// Wires configuration, database, bot and routes into one service; main.ts, the tests and the benchmark all use it.
import type { Hono } from "hono";
import type { Repositories } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";
import { openWorkConnections, type WorkConnections } from "#db/pg/boss.ts";
import { openPostgresStore } from "#db/pg/store.ts";
import { openStore, type Store } from "#db/store.ts";
import type { Config } from "./config.ts";
import { actorOf } from "#domain/actor.ts";
import { resumeImports } from "#domain/import.ts";
import { conversation, type Conversation } from "./conversation.ts";
import { createDispatcher, type DispatchClock, type Dispatcher, type Send } from "./delivery/dispatcher.ts";
import { ZALO_LIMITS, type PlatformLimits } from "./delivery/rate-limiter.ts";
import { openRegister, type Register } from "./domain/member-register.ts";
import { policyService, type PolicyService } from "./domain/reminder-policy.ts";
import { standingService } from "./domain/standing.ts";
import { prepareChartThread } from "./charts/progress-chart.ts";
import { subtreeReader, type SubtreeReader } from "./domain/subtree-reader.ts";
import { loadTranslations, type TranslateIn } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import type { FloodLimit } from "./platforms/flood-guard.ts";
import { createIntake, isTransient, type Intake } from "./platforms/intake.ts";
import { createTelegramBot, type TelegramBot, type TelegramBotOptions } from "./platforms/telegram/bot.ts";
import { telegramSender } from "./platforms/telegram/send.ts";
import { telegramWebhook } from "./platforms/telegram/webhook.ts";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/adapter.ts";
import { createZaloClient } from "./platforms/zalo/client.ts";
import { createImageStore, imageRoutes, type MediaSource, type MediaStore } from "./platforms/zalo/image-store.ts";
import { createSharedMediaStore } from "./platforms/zalo/shared-media-store.ts";
import { startPgWork, type PgWork } from "./pg-work.ts";
import { createScheduler, type Scheduler } from "./scheduler.ts";
import { createApp } from "./server.ts";
import { DEMO_DASHBOARD_BASE, dashboardRoutes } from "./web/dashboard.tsx";

type Bot = TelegramBot["bot"];

export interface Service {
  app: Hono;
  repos: Repositories;
  bot: Bot | undefined;
  zalo: ZaloAdapter | undefined;
  /** Sends the outbox, paced to the platforms' limits. Started by main, driven by hand in tests. */
  dispatcher: Dispatcher;
  /**
   * One outbox message out on its platform, and each platform's limits: what the dispatcher sends with, and
   * what the pg-boss drainers (src/pg-work.ts) send with instead of it on PostgreSQL.
   */
  send: Send;
  limits: Partial<Record<Platform, PlatformLimits>>;
  /** Puts reminders that fall due into the outbox. Started by main, driven by hand in tests. */
  scheduler: Scheduler;
  /** The member register, on or off (and why); opened once. */
  register: () => Promise<Register>;
  /**
   * Starts the scheduled and queued work: on SQLite the scheduler's timer and the dispatcher in this process;
   * on PostgreSQL pg-boss workers, which share the tick and the outbox with every other instance.
   */
  startWork(): Promise<void>;
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
  /**
   * Where Zalo's charts and files are kept for PUBLIC_URL/media, when the caller chooses: else the table every
   * instance serves on PostgreSQL (DATABASE_URL), or this process's memory.
   */
  media?: (publicUrl: string) => MediaStore & MediaSource;
  /** Wakes whatever sends the outbox instead of the in-process dispatcher (a caller running its own drainers). */
  wakeOutbox?: () => void;
  /** Time for the dispatcher's pacing; tests give one whose timers move their clock. */
  dispatchClock?: DispatchClock;
  /** Where login links point, when not PUBLIC_URL or the local port (tests: the port the server got). */
  webUrl?: () => string;
  /** Runs on the fresh database before the bot starts (the demo's seed). */
  prepare?: (repos: Repositories) => Promise<void>;
  /**
   * A store opened by the caller (tests on PostgreSQL), used instead of the configured one; the work then
   * stays in this process (the dispatcher and scheduler driven by hand), as on SQLite.
   */
  store?: Store;
}

export interface ConversationSettings {
  translate: TranslateIn;
  timeZone: string;
  /** "21:00-07:00" from the configuration; none when absent. */
  quietHours?: string | null;
  wakeDispatcher?: () => void;
  clock?: () => Date;
  botUsername?: () => Promise<string | undefined>;
  /** Where the web dashboard is served; login links point there. */
  webUrl?: () => string;
  /** The reminder schedule the scheduler follows too, so a change made in chat applies from its next tick. */
  policies?: PolicyService;
  /** The member register; off when not given. */
  register?: () => Promise<Register>;
  /**
   * Reads about large subtrees off the main thread; one is made when absent. Its worker starts at the first
   * large read and, idle, keeps no process alive, so the service's close need not stop it.
   */
  reader?: SubtreeReader;
}

/** The register over a key, opened on first use and then kept. */
export function registerOnce(repos: Repositories, key: string | undefined): () => Promise<Register> {
  let state: Promise<Register> | undefined;
  return () => (state ??= openRegister(repos, key));
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
      register: settings.register ?? registerOnce(repos, undefined),
      webUrl: settings.webUrl ?? (() => "http://localhost:3000"),
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
  media: (MediaStore & MediaSource) | undefined;
  policies: PolicyService;
  /** The loopback demo: Telegram's stand-in runs in this process. */
  demo: boolean;
}

/** The configured store: PostgreSQL at DATABASE_URL (migrated under its lock), else the SQLite file. */
/** The store, with any import a stop cut short written whole before anyone reads the targets. */
async function openConfiguredStore(config: Config, options: AssembleOptions): Promise<Store> {
  const store = await storeOf(config, options);
  await finishInterruptedImports(store.repos, options.logger);
  return store;
}

async function storeOf(config: Config, options: AssembleOptions): Promise<Store> {
  if (options.store) return options.store;
  if (config.databaseUrl && !options.telegram) return await openPostgresStore(config.databaseUrl);
  return openStore(options.telegram ? config.demoDatabasePath : config.databasePath, {
    onCheckpointError: (message) => options.logger.warn({ err: message }, "checkpoint failed"),
  });
}

/** pg-boss and the shared pacer and media, when this instance shares its work with others on PostgreSQL. */
async function sharedWork(config: Config, options: AssembleOptions): Promise<WorkConnections | undefined> {
  if (!config.databaseUrl || options.store || options.telegram) return undefined;
  const { logger } = options;
  return await openWorkConnections({
    url: config.databaseUrl,
    onError: (error) => logger.error({ err: error.message }, "pg-boss or the pacer's pool failed"),
  });
}

async function finishInterruptedImports(repos: Repositories, logger: Logger): Promise<void> {
  const resumed = await resumeImports(repos);
  if (resumed.finished > 0) logger.info({ imports: resumed.finished }, "finished imports a stop had interrupted");
  if (resumed.stale.length > 0)
    logger.warn({ imports: resumed.stale }, "imports a stop had interrupted no longer passed their check");
}

export async function assemble(config: Config, options: AssembleOptions): Promise<Service> {
  const { logger } = options;
  const demo = options.telegram !== undefined;
  // Loads ECharts on its own thread while the store opens, not when the first chart is asked for.
  prepareChartThread();
  const store = await openConfiguredStore(config, options);
  const { repos } = store;
  const shared = await sharedWork(config, options);
  await options.prepare?.(repos);
  const { translate } = loadTranslations();
  const clock = options.clock ?? (() => new Date());
  const { policies, talkPolicies } = schedules(repos, config, shared !== undefined);
  let work: PgWork | undefined;
  const wake = () => (work ? void work.wake() : options.wakeOutbox ? options.wakeOutbox() : dispatcher.wake());
  const register = registerOnce(repos, config.memberDataKey);
  const talk = conversationOver(repos, {
    register,
    policies: talkPolicies,
    // The dispatcher is built below; the conversation wakes it only once updates come in.
    wakeDispatcher: wake,
    translate,
    timeZone: config.timeZone,
    quietHours: config.quietHours,
    ...(options.clock ? { clock: options.clock } : {}),
    botUsername: async () => await repos.updates.setting("telegram.username"),
    webUrl: options.webUrl ?? (() => webUrlOf(config, demo)),
  });
  const intake = intakeOf(repos, options, translate, clock);
  const media = mediaStore(config, shared, options);
  const parts: Parts = { config, options, logger, clock, repos, translate, intake, talk, media, policies, demo };
  const zalo = zaloAdapter(parts);
  const sending = outboxSending(config, options, zalo);
  const dispatcher = outboxDispatcher(options, repos, sending);
  const telegram = await telegramBot(parts);
  const bot = telegram?.bot;
  const pages = options.pages?.({ repos, bot });
  const app = createApp({
    logger,
    healthy: store.healthy,
    routes: webhookRoutes(parts, telegram, zalo),
    dashboard: dashboard(parts, talkPolicies),
    ...(pages ? { pages } : {}),
  });
  const scheduler = reminderScheduler(parts, wake);
  return {
    app,
    repos,
    bot,
    zalo,
    dispatcher,
    send: sending,
    limits,
    scheduler,
    register,
    async startWork() {
      if (!shared) {
        await dispatcher.start();
        await scheduler.start();
        return;
      }
      work = await startSharedWork(shared, { outbox: repos.outbox, send: sending, scheduler, logger });
      // Catching up after downtime, as the scheduler does on start: the first instance to ask runs the tick.
      await work.tickNow();
    },
    async close() {
      scheduler.stop();
      // Updates stop coming in, those being handled finish, then what is left is sent and the file closed.
      await zalo?.close();
      if (bot?.isRunning()) await bot.stop();
      await intake.drain();
      await work?.stop();
      await shared?.close();
      await dispatcher.stop();
      await store.close();
    },
  };
}

/** The one intake every platform hands its updates to: each claimed once, its writes one unit of work. */
function intakeOf(repos: Repositories, options: AssembleOptions, translate: TranslateIn, clock: () => Date): Intake {
  return createIntake({
    updates: repos.updates,
    unitOfWork: repos.unitOfWork,
    together: repos.together,
    translate,
    logger: options.logger,
    clock,
    ...(options.flood ? { flood: options.flood } : {}),
  });
}

/**
 * The reminder schedules: the scheduler's copy is read afresh at each tick. Where several instances share the
 * database, the conversation and the dashboard keep no copy: a change made through one instance shows on all.
 */
function schedules(repos: Repositories, config: Config, shared: boolean) {
  const policies = policyService(repos, config.quietHours);
  return { policies, talkPolicies: shared ? policyService(repos, config.quietHours, { cached: false }) : policies };
}

/** The dashboard's pages, reading the schedules as the conversation does. */
function dashboard(parts: Parts, policies: PolicyService): Hono {
  const { repos, config } = parts;
  return dashboardRoutes({
    repos,
    standing: standingService(repos),
    policies,
    translate: parts.translate,
    timeZone: config.timeZone,
    clock: parts.clock,
    base: parts.demo ? DEMO_DASHBOARD_BASE : "",
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
}

/** pg-boss's workers on this instance: the tick and the drainers it shares with every other instance. */
async function startSharedWork(
  shared: WorkConnections,
  parts: { outbox: Repositories["outbox"]; send: Send; scheduler: Scheduler; logger: Logger },
): Promise<PgWork> {
  const { boss, slots } = shared;
  const { outbox, send, scheduler } = parts;
  const options = { boss, slots, outbox, send, limits, scheduler, logger: dispatchLogger(parts.logger) };
  // Instances starting together create pg-boss's queues at once, which PostgreSQL may end as a deadlock:
  // nothing is started before the queues exist, so the loser simply tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPgWork(options);
    } catch (error) {
      if (attempt >= 5 || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** The dashboard's address: PUBLIC_URL, else this machine's port (the demo serves it beside the chat page). */
export function webUrlOf(config: Config, demo: boolean): string {
  const local = ["0.0.0.0", "127.0.0.1", "::"].includes(config.host) ? "localhost" : config.host;
  return `${config.publicUrl ?? `http://${local}:${config.port}`}${demo ? DEMO_DASHBOARD_BASE : ""}`;
}

/** Zalo publishes no rate limits; these stay well inside what a chat app tolerates. */
const limits: Partial<Record<Platform, PlatformLimits>> = { zalo: ZALO_LIMITS };

/** Where charts and workbooks are kept for Zalo to fetch: a table every instance reads, or this process. */
function mediaStore(config: Config, shared: WorkConnections | undefined, options: AssembleOptions) {
  if (!config.publicUrl) return undefined;
  if (options.media) return options.media(config.publicUrl);
  const { logger } = options;
  if (!shared) return createImageStore({ publicUrl: config.publicUrl });
  return createSharedMediaStore({
    publicUrl: config.publicUrl,
    media: shared.media,
    onError: (error) => logger.error({ err: String(error) }, "a chart or workbook could not be stored"),
  });
}

function dispatchLogger(logger: Logger) {
  return {
    info: (obj: object, msg: string) => logger.info(obj, msg),
    warn: (obj: object, msg: string) => logger.warn(obj, msg),
    error: (obj: object, msg: string) => logger.error(obj, msg),
  };
}

/** Sends one outbox row on its platform, whichever of them are configured. */
function outboxSending(config: Config, options: AssembleOptions, zalo: ZaloAdapter | undefined): Send {
  const telegram = telegramSettings(config, options);
  const senders: Partial<Record<Platform, Send>> = {
    ...(telegram ? { telegram: telegramSender(telegram.token, telegram.apiRoot) } : {}),
    zalo: async (message) => {
      if (!zalo) return { ok: false, error: "zalo is not configured", permanent: true };
      const { text, choices } = message.payload;
      return zalo.send(message.chatId, { text, ...(choices ? { choices } : {}) });
    },
  };
  return async (message) => {
    const send = senders[message.platform];
    return send ? send(message) : { ok: false, error: `${message.platform} is not configured`, permanent: true };
  };
}

/** The outbox dispatcher of this process, sending on each platform that is configured. */
function outboxDispatcher(options: AssembleOptions, repos: Repositories, send: Send): Dispatcher {
  const clock = options.clock ?? (() => new Date());
  return createDispatcher({
    outbox: repos.outbox,
    limits,
    send,
    clock: options.dispatchClock ?? {
      now: () => clock().getTime(),
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    logger: dispatchLogger(options.logger),
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

function reminderScheduler(parts: Parts, wake: () => void): Scheduler {
  const { config, repos, translate } = parts;
  return createScheduler({
    repos,
    standing: standingService(repos),
    policies: parts.policies,
    t: (key, args) => translate("vi", key, args),
    timeZone: config.timeZone,
    clock: parts.clock,
    logger: parts.logger,
    wakeDispatcher: wake,
  });
}
