// Start-up: config → database → bot → server; graceful shutdown on SIGTERM and SIGINT.
import { serve } from "@hono/node-server";
import { assemble, type Service } from "./assemble.ts";
import { ConfigError, loadConfig, processEnv, type Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { startDemo } from "./platforms/demo/start.ts";

async function startTelegram(service: Service, config: Config, logger: Logger): Promise<void> {
  const bot = service.bot;
  if (!bot) return;
  await bot.init();
  service.repos.updates.setSetting("telegram.username", bot.botInfo.username);
  if (config.botMode === "webhook") {
    if (config.publicUrl) {
      await bot.api.setWebhook(`${config.publicUrl}/webhook/telegram`, {
        secret_token: config.webhookSecret ?? "",
        allowed_updates: ["message", "callback_query"],
      });
      logger.info({ url: `${config.publicUrl}/webhook/telegram` }, "webhook registered");
    }
  } else {
    await bot.api.deleteWebhook();
    void bot.start({ allowed_updates: ["message", "callback_query"], onStart: () => logger.info("polling Telegram for updates") });
  }
}

async function startZalo(service: Service, config: Config, logger: Logger): Promise<void> {
  const zalo = service.zalo;
  if (!zalo) return;
  if (config.zaloMode === "polling") {
    zalo.startPolling();
    logger.info("polling Zalo for updates");
  } else if (config.publicUrl && config.zaloWebhookSecret) {
    await zalo.registerWebhook(config.zaloWebhookSecret);
    logger.info({ url: `${config.publicUrl}/webhook/zalo` }, "Zalo webhook registered");
  }
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
  const service = demo ? await startDemo(config, logger) : assemble(config, { logger });
  if (!demo) {
    await startTelegram(service, config, logger);
    await startZalo(service, config, logger);
  }
  // Reminders and announcements go out from here, outside the webhook path.
  service.dispatcher.start();
  service.scheduler.start();
  const server = serve({ fetch: service.app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, host: config.host }, "listening");
    if (demo) {
      const host = config.host === "0.0.0.0" ? "localhost" : config.host;
      console.log(`\nTrợ lý Công đoàn (bản dùng thử) đang chạy: mở http://${host}:${info.port}/ để trò chuyện với bot.\n`);
    }
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close();
    await service.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

await main();
