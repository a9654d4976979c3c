// The whole environment, validated once. Nothing else in the project reads process.env.
import { existsSync } from "node:fs";
import { z } from "zod";

const secret = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "phải gồm 1–256 ký tự A-Z a-z 0-9 _ -");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** 32 bytes in base64 (`openssl rand -base64 32`): the key member data is sealed under. */
const memberKey = z
  .string()
  .refine(
    (text) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, "base64").length === 32,
    "phải là 32 byte viết dạng base64 (tạo bằng: openssl rand -base64 32)",
  );

const schema = z
  .object({
    BOT_TOKEN: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]+$/, "không đúng dạng 123456:ABC…")
        .optional(),
    ),
    BOT_MODE: z.preprocess(emptyAsUndefined, z.enum(["webhook", "polling"]).optional()),
    BOT_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, secret.optional()),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    ZALO_BOT_TOKEN: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[^\s/?#]+$/, "không đúng dạng token của Zalo Bot")
        .optional(),
    ),
    ZALO_WEBHOOK_SECRET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,256}$/, "phải gồm 8–256 ký tự A-Z a-z 0-9 _ -")
        .optional(),
    ),
    ZALO_API_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://bot-api.zaloplatforms.com")),
    ZALO_MODE: z.preprocess(emptyAsUndefined, z.enum(["webhook", "polling"]).optional()),
    TELEGRAM_API_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://api.telegram.org")),
    DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("data/bot.sqlite")),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({ protocol: /^postgres(ql)?$/, error: "phải có dạng postgres://người_dùng@máy:5432/tên_cơ_sở_dữ_liệu" })
        .optional(),
    ),
    DEMO_DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("data/demo.sqlite")),
    WEB_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(16).default(1)),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
    TZ: z.preprocess(emptyAsUndefined, z.string().default("Asia/Ho_Chi_Minh")),
    // Unlike the others, an empty value means something here: no quiet hours.
    REMINDER_QUIET_HOURS: z
      .string()
      .regex(
        /^$|^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
        "phải có dạng HH:MM-HH:MM (ví dụ 21:00-07:00) hoặc để trống",
      )
      .default("21:00-07:00"),
    MEMBER_DATA_KEY: z.preprocess(emptyAsUndefined, memberKey.optional()),
    MEMBER_DATA_KEY_NEXT: z.preprocess(emptyAsUndefined, memberKey.optional()),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: env.TZ });
    } catch {
      ctx.addIssue({ code: "custom", path: ["TZ"], message: "không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)" });
    }
    const mode = env.BOT_MODE ?? (env.PUBLIC_URL ? "webhook" : "polling");
    if (env.BOT_TOKEN && mode === "webhook" && !env.BOT_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["BOT_WEBHOOK_SECRET"], message: "bắt buộc khi BOT_MODE=webhook" });
    }
    const zaloMode = env.ZALO_MODE ?? (env.PUBLIC_URL ? "webhook" : "polling");
    if (env.ZALO_BOT_TOKEN && zaloMode === "webhook" && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "bắt buộc khi ZALO_MODE=webhook" });
    }
  });

export interface Config {
  /** Absent (and no Zalo token either): the local demo runs against an in-process stand-in for Telegram. */
  botToken: string | undefined;
  botMode: "webhook" | "polling";
  webhookSecret: string | undefined;
  publicUrl: string | undefined;
  telegramApiRoot: string;
  zaloBotToken: string | undefined;
  zaloWebhookSecret: string | undefined;
  zaloApiRoot: string;
  zaloMode: "webhook" | "polling";
  databasePath: string;
  /** postgres://…: the bot runs on PostgreSQL (several instances may share it); absent, on SQLite at databasePath. */
  databaseUrl: string | undefined;
  demoDatabasePath: string;
  port: number;
  /** Processes taking webhook updates; above 1, a primary process sends reminders and the workers serve HTTP. */
  webConcurrency: number;
  host: string;
  timeZone: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** "21:00-07:00" local time, or null: nothing is sent then. */
  quietHours: string | null;
  /** The member register's key (base64 of 32 bytes); without it the register is off. */
  memberDataKey: string | undefined;
  /** The key `members rotate-key` re-seals the register under. */
  memberDataKeyNext: string | undefined;
}

export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") || "environment";
    throw new ConfigError(`${name}: ${issue?.message ?? "invalid"}`);
  }
  const e = result.data;
  return {
    botToken: e.BOT_TOKEN,
    botMode: e.BOT_MODE ?? (e.PUBLIC_URL ? "webhook" : "polling"),
    webhookSecret: e.BOT_WEBHOOK_SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    zaloBotToken: e.ZALO_BOT_TOKEN,
    zaloWebhookSecret: e.ZALO_WEBHOOK_SECRET,
    zaloApiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ""),
    zaloMode: e.ZALO_MODE ?? (e.PUBLIC_URL ? "webhook" : "polling"),
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    demoDatabasePath: e.DEMO_DATABASE_PATH,
    port: e.PORT,
    webConcurrency: e.WEB_CONCURRENCY,
    // The tokenless demo is for one person at this machine, so it listens on loopback only.
    host: e.HOST ?? (e.BOT_TOKEN || e.ZALO_BOT_TOKEN ? "0.0.0.0" : "127.0.0.1"),
    timeZone: e.TZ,
    logLevel: e.LOG_LEVEL,
    quietHours: e.REMINDER_QUIET_HOURS || null,
    memberDataKey: e.MEMBER_DATA_KEY,
    memberDataKeyNext: e.MEMBER_DATA_KEY_NEXT,
  };
}

/** The process environment, with a .env file in the working directory read first when there is one. */
export function processEnv(): Record<string, string | undefined> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return process.env;
}
