// Start-up: config → database → bot → server → scheduler; graceful shutdown on SIGTERM and SIGINT.
// With WEB_CONCURRENCY above 1 (webhooks only), worker processes take the updates and the primary
// process sends reminders and announcements: SQLite in WAL mode lets them share the database file.
import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { assemble, type Service } from "./assemble.ts";
import { ConfigError, loadConfig, processEnv, type Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { demoPortBusy, startDemo } from "./platforms/demo/start.ts";
import { TELEGRAM_WEBHOOK_PATH } from "./platforms/telegram/webhook.ts";

/** One line on why the member register is off, when it is; everything else runs either way. */
async function sayIfRegisterOff(service: Service): Promise<void> {
  const state = await service.register();
  if (state.on) return;
  const why = {
    "no-key": "chưa đặt MEMBER_DATA_KEY (32 byte base64, tạo bằng: openssl rand -base64 32)",
    "wrong-key": "MEMBER_DATA_KEY không phải khóa đã mã hóa sổ đoàn viên trong cơ sở dữ liệu này",
    "no-store": "kho dữ liệu này (PostgreSQL) chưa có bảng sổ đoàn viên",
  }[state.reason];
  console.warn(`Sổ đoàn viên đang tắt: ${why}; các chức năng khác vẫn chạy.`);
}

async function startTelegram(service: Service, config: Config, logger: Logger, register: boolean): Promise<void> {
  const bot = service.bot;
  if (!bot) return;
  await bot.init();
  if (!register) return;
  await service.repos.updates.setSetting("telegram.username", bot.botInfo.username);
  if (config.botMode === "webhook") {
    if (config.publicUrl) {
      const url = `${config.publicUrl}${TELEGRAM_WEBHOOK_PATH}`;
      await bot.api.setWebhook(url, {
        secret_token: config.webhookSecret ?? "",
        allowed_updates: ["message", "callback_query"],
      });
      logger.info({ url }, "webhook registered");
    }
  } else {
    await bot.api.deleteWebhook();
    void bot.start({
      allowed_updates: ["message", "callback_query"],
      onStart: () => logger.info("polling Telegram for updates"),
    });
  }
}

async function startZalo(service: Service, config: Config, logger: Logger): Promise<void> {
  const zalo = service.zalo;
  if (!zalo) return;
  if (config.zaloMode === "polling") {
    zalo.startPolling();
    logger.info("polling Zalo for updates");
  } else if (config.publicUrl && config.zaloWebhookSecret) {
    const url = await zalo.registerWebhook(config.zaloWebhookSecret);
    logger.info({ url }, "Zalo webhook registered");
  }
}

/** Serves HTTP; resolves to a function that stops taking requests. */
function listen(service: Service, config: Config, logger: Logger, demo: boolean): () => void {
  const server = serve({ fetch: service.app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, host: config.host }, "listening");
    if (demo) {
      const host = config.host === "0.0.0.0" ? "localhost" : config.host;
      console.log(
        `\nTrợ lý Công đoàn (bản dùng thử) đang chạy: mở http://${host}:${info.port}/ để trò chuyện với bot.\n`,
      );
    }
  });
  return () => server.close();
}

function onStop(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    void stop().then(() => {
      logger.info("stopped");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => handler("SIGTERM"));
  process.on("SIGINT", () => handler("SIGINT"));
}

/** The primary of several processes: no HTTP; reminders, announcements, and the workers' lives. */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Migrations run here, once, before any worker opens the file.
  const service = await assemble(config, { logger });
  await sayIfRegisterOff(service);
  await startTelegram(service, config, logger, true);
  await startZalo(service, config, logger);
  await service.startWork();
  let stopping = false;
  const fork = () =>
    cluster.fork().on("exit", (code) => {
      if (stopping) return;
      logger.error({ code }, "webhook worker died; starting another");
      fork();
    });
  for (let i = 0; i < config.webConcurrency; i++) fork();
  onStop(logger, async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).flatMap((w) => (w ? [w] : []));
    await Promise.all(
      workers.map((w) => new Promise<void>((done) => (w.once("exit", () => done()), w.process.kill("SIGTERM")))),
    );
    await service.close();
  });
}

/** A webhook worker: takes updates and answers them; the primary sends everything else. */
async function runWorker(config: Config, logger: Logger): Promise<void> {
  const service = await assemble(config, { logger });
  await startTelegram(service, config, logger, false);
  const close = listen(service, config, logger, false);
  onStop(logger, async () => {
    close();
    await service.close();
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Cấu hình sai: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const demo = !config.botToken && !config.zaloBotToken;
  // Several processes only help where updates arrive over HTTP; polling and the demo stay in one, and
  // so does Zalo, whose charts are kept in the memory of the process that drew them.
  const several = !demo && !config.zaloBotToken && config.webConcurrency > 1 && config.botMode === "webhook";
  if (several) return cluster.isPrimary ? runPrimary(config, logger) : runWorker(config, logger);

  if (demo) {
    const busy = await demoPortBusy(config);
    if (busy) {
      console.error(busy);
      process.exit(1);
    }
  }
  const service = demo ? await startDemo(config, logger) : await assemble(config, { logger });
  if (!demo) {
    await sayIfRegisterOff(service);
    await startTelegram(service, config, logger, true);
    await startZalo(service, config, logger);
  }
  // Reminders and announcements go out from here, outside the webhook path (on PostgreSQL, from every instance).
  await service.startWork();
  const close = listen(service, config, logger, demo);
  onStop(logger, async () => {
    close();
    await service.close();
  });
}

await main();
