// A small world for specifications: units, people who talk to the bot through the real webhook,
// a real SQLite file (or PostgreSQL, after `worldsOn("postgres")`), and a stand-in Bot API that records
// what the bot sent.
import { sql } from "drizzle-orm";
import { afterAll, expect } from "vitest";
import { sqliteOf } from "#db/index.ts";
import { openServer, type PgStore } from "#db/pg/index.ts";
import type { Sharing } from "#db/pg/shared-work.ts";
import { storeOver } from "#db/pg/store.ts";
import type { Store } from "#db/store.ts";
import { emptied, freshServerDatabase, serverUrl, sharedPglite } from "#test/db/contract/backends.ts";
import type { FloodLimit } from "#src/platforms/flood-guard.ts";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { assemble, type Service } from "#src/assemble.ts";
import { loadConfig } from "#src/config.ts";
import { createInvite } from "#domain/invites.ts";
import { openDatabase } from "#db/client.ts";
import { createLogger } from "#src/logger.ts";
import { STAND_IN_BOT } from "#src/platforms/telegram/stand-in-api.ts";
import { startStandIn, type RunningStandIn } from "#src/platforms/telegram/stand-in-server.ts";
import type { Role, Sector, UnitKind } from "#db/schema.ts";
import type { RecordedCall } from "#src/platforms/telegram/stand-in-api.ts";
import { STAND_IN_ZALO_TOKEN } from "#src/platforms/zalo/stand-in-api.ts";
import { startZaloStandIn, type RunningZaloStandIn } from "#src/platforms/zalo/stand-in-server.ts";

export const SECRET = "test-secret_123";
export const ZALO_SECRET = "zalo-secret_123";
export const PUBLIC_URL = "https://bot.example.vn";
/** The member register's key in every world of this process, unless a world is made without one. */
export const MEMBER_KEY = randomBytes(32).toString("base64");

/** Someone writing to the bot on Zalo, through the real POST /webhook/zalo. */
let template: string | undefined;

/**
 * A database file with every migration applied, made once per test process: each world starts from a copy,
 * which is much cheaper than running the migrations again (start-up still checks they are all applied).
 */
function migratedTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), "tlcd-template-"));
  const path = join(dir, "template.sqlite");
  openDatabase(path).$client.close();
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  template = path;
  return path;
}

/** Where the worlds of a test file keep their data. */
let worldStore: "sqlite" | "postgres" = "sqlite";
let postgres: Promise<PgStore> | undefined;
/** The test file that chose PostgreSQL: files of a worker share this module, and others stay on SQLite. */
let postgresFile: string | undefined;

const onPostgres = () => worldStore === "postgres" && expect.getState().testPath === postgresFile;

/**
 * Worlds created from now on in this file run on PostgreSQL: a database of their own on the server when one
 * answers (TEST_DATABASE_URL, or the local one), else PGlite; emptied for each world. Call at a file's top.
 */
export function worldsOn(store: "sqlite" | "postgres"): void {
  worldStore = store;
  postgresFile = expect.getState().testPath;
  if (store === "sqlite" || postgres) return;
  let drop = async () => {};
  // Registered now, at the file's top level, so that it runs once the whole file is done. Test files of a
  // worker share modules (isolate: false), so the next file starts on SQLite again.
  afterAll(async () => {
    await drop();
    worldStore = "sqlite";
    postgres = undefined;
  });
  postgres = (async () => {
    if (!serverUrl) return await sharedPglite();
    const database = await freshServerDatabase(serverUrl);
    const opened = openServer(database.url);
    drop = async () => {
      await opened.close();
      await database.drop();
    };
    await opened.migrate();
    return opened;
  })();
}

/** Which engine the worlds of this file run on: "sqlite", "pglite" or "server". */
export async function worldEngine(): Promise<string> {
  return onPostgres() ? ((await postgres)?.kind ?? "sqlite") : "sqlite";
}

/** An empty PostgreSQL store for one world; closing it leaves the shared database open for the next. */
async function postgresStore(sharing?: Sharing): Promise<Store> {
  const store = (await postgres) as PgStore;
  await emptied(store);
  const opened = await storeOver(store, sharing ? { sharing } : {});
  return { repos: { ...opened.repos, close: async () => {} }, healthy: opened.healthy, close: async () => {} };
}

export class ZaloPerson {
  private messageId = 0;
  constructor(
    private readonly world: World,
    readonly zaloId: string,
    readonly name: string,
  ) {}

  /** Sends a text; resolves to what the bot sent back, joined by blank lines. */
  async says(text: string, options: { messageId?: string; wrapped?: boolean } = {}): Promise<string> {
    const zalo = this.world.zalo;
    if (!zalo) throw new Error("the world has no Zalo");
    const message = {
      from: { id: this.zaloId, display_name: this.name, is_bot: false },
      chat: { id: this.zaloId, chat_type: "PRIVATE" },
      text,
      message_id: options.messageId ?? `m${this.zaloId}-${++this.messageId}`,
      date: this.world.now.getTime(),
    };
    const event = { event_name: "message.text.received", message };
    const body = options.wrapped ? { ok: true, result: event } : event;
    const before = zalo.api.calls.length;
    const response = await this.world.request("/webhook/zalo", {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": ZALO_SECRET },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`zalo webhook answered ${response.status}`);
    return zalo.api.calls
      .slice(before)
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === this.zaloId)
      .map((c) => String(c.payload.text))
      .join("\n\n");
  }

  /** Messages the dispatcher sent this person on Zalo. */
  pushed(): string[] {
    return this.world.zalo?.api.textsTo(this.zaloId) ?? [];
  }
}

export interface UnitSpec {
  code: string;
  name: string;
  parent?: string;
  kind?: UnitKind;
  sector?: Sector;
  members?: number;
  workers?: number;
}

export class Person {
  private lastMessages: RecordedCall[] = [];
  constructor(
    private readonly world: World,
    readonly telegramId: number,
    readonly name: string,
  ) {}

  /** Sends a text message; resolves to everything the bot sent back, joined by blank lines. */
  async says(text: string, options: { updateId?: number } = {}): Promise<string> {
    const updateId = options.updateId ?? this.world.nextUpdateId();
    const chat = { id: this.telegramId, type: "private", first_name: this.name };
    const from = { id: this.telegramId, is_bot: false, first_name: this.name };
    const sent = await this.world.deliver({
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(this.world.now.getTime() / 1000), chat, from, text },
    });
    this.lastMessages = sent.filter((c) => String(c.payload.chat_id) === String(this.telegramId));
    return this.lastMessages.map((c) => String(c.payload.text ?? "")).join("\n\n");
  }

  asks(text: string): Promise<string> {
    return this.says(text);
  }

  /** Sends a file (a workbook to import); resolves to the texts the bot sent back. */
  async sendsFile(name: string, bytes: Uint8Array): Promise<string> {
    const updateId = this.world.nextUpdateId();
    const fileId = `file${updateId}`;
    this.world.standIn.api.addFile(fileId, bytes);
    const chat = { id: this.telegramId, type: "private", first_name: this.name };
    const from = { id: this.telegramId, is_bot: false, first_name: this.name };
    const sent = await this.world.deliver({
      update_id: updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat,
        from,
        document: { file_id: fileId, file_unique_id: fileId, file_name: name, file_size: bytes.byteLength },
      },
    });
    this.lastMessages = sent.filter((c) => String(c.payload.chat_id) === String(this.telegramId));
    return this.lastMessages.map((c) => String(c.payload.text ?? "")).join("\n\n");
  }

  /** Files (photos, documents) the bot sent with its last reply. */
  files(): { method: string; name: string; bytes: Uint8Array }[] {
    return this.lastMessages.flatMap((c) => Object.values(c.files).map((f) => ({ method: c.method, ...f })));
  }

  /** The labels of the buttons under the bot's last reply. */
  buttons(): string[] {
    return this.lastMessages.flatMap((c) => {
      const markup = c.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      return (markup?.inline_keyboard ?? []).flat().map((b) => b.text);
    });
  }

  /** What pressing a button of the bot's last reply sends, by its label. */
  buttonData(label: string): string {
    const button = this.lastMessages
      .flatMap((c) =>
        (
          (c.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)
            ?.inline_keyboard ?? []
        ).flat(),
      )
      .find((b) => b.text === label);
    if (!button) throw new Error(`no button "${label}" in the last reply`);
    return button.callback_data;
  }

  /** Presses a button of the bot's last reply, by its label. */
  presses(label: string, options: { updateId?: number } = {}): Promise<string> {
    return this.pressesData(this.buttonData(label), options);
  }

  async pressesData(data: string, options: { updateId?: number } = {}): Promise<string> {
    const updateId = options.updateId ?? this.world.nextUpdateId();
    const from = { id: this.telegramId, is_bot: false, first_name: this.name };
    const chat = { id: this.telegramId, type: "private" };
    const sent = await this.world.deliver({
      update_id: updateId,
      callback_query: {
        id: `cb${updateId}`,
        from,
        chat_instance: "x",
        data,
        message: { message_id: 1, date: 0, chat },
      },
    });
    this.lastMessages = sent.filter(
      (c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(this.telegramId),
    );
    return this.lastMessages.map((c) => String(c.payload.text ?? "")).join("\n\n");
  }
}

export class World {
  now = new Date("2026-06-15T03:00:00Z");
  private readonly pushes: RecordedCall[] = [];
  private updateId = 1000;
  private personId = 500_000;

  private constructor(
    readonly service: Service,
    readonly standIn: RunningStandIn,
    readonly dir: string,
    readonly zalo: RunningZaloStandIn | undefined,
    private readonly server: { url: string; close: () => Promise<void> },
  ) {}

  /** Where the service listens on loopback: "http://127.0.0.1:PORT". */
  get url(): string {
    return this.server.url;
  }

  /** A request to the service over real HTTP on loopback, as Telegram and Zalo make them. */
  request(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${this.server.url}${path}`, init);
  }

  /** With `zalo`, Zalo runs beside Telegram in webhook mode, and charts are served from PUBLIC_URL. */
  static async create(
    options: {
      now?: string;
      zalo?: boolean;
      flood?: FloodLimit;
      memberKey?: string | null;
      /** On PostgreSQL: how updates share transactions, when a test needs to know. */
      sharing?: Sharing;
    } = {},
  ): Promise<World> {
    const dir = mkdtempSync(join(tmpdir(), "tlcd-test-"));
    copyFileSync(migratedTemplate(), join(dir, "bot.sqlite"));
    const standIn = await startStandIn();
    const zalo = options.zalo ? await startZaloStandIn() : undefined;
    const config = loadConfig({
      BOT_TOKEN: "123456:TEST-token",
      BOT_MODE: "webhook",
      BOT_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: standIn.url,
      DATABASE_PATH: join(dir, "bot.sqlite"),
      LOG_LEVEL: "silent",
      ...(options.memberKey === null ? {} : { MEMBER_DATA_KEY: options.memberKey ?? MEMBER_KEY }),
      ...(zalo
        ? {
            ZALO_BOT_TOKEN: STAND_IN_ZALO_TOKEN,
            ZALO_WEBHOOK_SECRET: ZALO_SECRET,
            ZALO_API_ROOT: zalo.url,
            ZALO_MODE: "webhook",
            PUBLIC_URL,
          }
        : {}),
    });
    const clock = { now: () => new Date(), advance: (_ms: number) => {} };
    // Login links point at the port the server gets below.
    let address = "http://127.0.0.1:0";
    // The dispatcher's pacing waits on this clock: a wait moves the world's time instead of taking real time.
    const dispatchClock = {
      now: () => clock.now().getTime(),
      setTimeout: (run: () => void, ms: number) => setImmediate(() => (clock.advance(ms), run())),
      clearTimeout: (handle: unknown) => clearImmediate(handle as NodeJS.Immediate),
    };
    const service = await assemble(config, {
      ...(onPostgres() ? { store: await postgresStore(options.sharing) } : {}),
      logger: createLogger("silent"),
      clock: () => clock.now(),
      botInfo: STAND_IN_BOT,
      dispatchClock,
      // A scripted person types faster than anyone and the clock stands still: only the flood tests set the real limit.
      flood: options.flood ?? { messages: 1_000_000, seconds: 10 },
      webUrl: () => (zalo ? PUBLIC_URL : address),
    });
    const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const http = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
    };
    address = http.url;
    const world = new World(service, standIn, dir, zalo, http);
    clock.now = () => world.now;
    clock.advance = (ms) => (world.now = new Date(world.now.getTime() + ms));
    if (options.now) world.now = new Date(options.now);
    return world;
  }

  get repos() {
    return this.service.repos;
  }

  get calls(): RecordedCall[] {
    return this.standIn.api.calls;
  }

  nextUpdateId(): number {
    return ++this.updateId;
  }

  async unit(spec: UnitSpec) {
    return await this.repos.units.upsert({
      code: spec.code,
      name: spec.name,
      parentCode: spec.parent ?? null,
      kind: spec.kind ?? "grassroots",
      sector: spec.sector ?? null,
      members: spec.members ?? 0,
      workers: spec.workers ?? 0,
    });
  }

  async target(unitCode: string, metric: string, value: number, deadline: string | null = null, period?: string) {
    const unit = await this.repos.units.byCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    await this.repos.targets.upsert({
      unitId: unit.id,
      metric,
      period: period ?? (deadline ?? this.now.toISOString()).slice(0, 4),
      value,
      deadline,
    });
  }

  async invite(unitCode: string, role: Role = "chair"): Promise<string> {
    const unit = await this.repos.units.byCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    return (await createInvite(this.repos, unit, role, this.now)).code;
  }

  /** Someone who has not linked their account yet. */
  stranger(name = "Nguyễn Văn An"): Person {
    return new Person(this, ++this.personId, name);
  }

  /** Someone on Zalo who has not linked yet. */
  zaloStranger(name = "Lê Văn Cường"): ZaloPerson {
    return new ZaloPerson(this, `z${++this.personId}a9f`, name);
  }

  /** A person linked to a unit with a role, through the real "/start CODE" path. */
  async personAt(unitCode: string, role: Role = "chair", name = "Trần Thị Bình"): Promise<Person> {
    const person = this.stranger(name);
    const reply = await person.says(`/start ${await this.invite(unitCode, role)}`);
    if (!reply.includes("Chào mừng")) throw new Error(`linking failed: ${reply}`);
    return person;
  }

  /** Posts a raw body to the Telegram webhook, with the right secret unless told otherwise. */
  post(body: string, secret: string | null = SECRET): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
    return this.request("/webhook/telegram", { method: "POST", headers, body });
  }

  /** Delivers an update through the webhook and returns the Bot API calls it caused. */
  async deliver(update: object): Promise<RecordedCall[]> {
    const before = this.calls.length;
    const response = await this.post(JSON.stringify(update));
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    // A reply carried in the webhook's response is what Telegram then executes.
    this.standIn.api.executeWebhookReply((await response.json()) as Record<string, unknown>);
    return this.calls.slice(before);
  }

  /**
   * Moves the clock to an instant, lets the scheduler put what fell due into the outbox, and lets the
   * dispatcher send it.
   */
  async runReminders(at: string): Promise<{ added: number }> {
    this.now = new Date(at);
    const { added } = await this.service.scheduler.runOnce(this.now);
    await this.drain();
    return { added };
  }

  /** Lets the dispatcher send what is due by now; its pacing moves the world's clock, not real time. */
  async drain(): Promise<void> {
    const before = this.calls.length;
    await this.service.dispatcher.drainOnce();
    this.pushes.push(
      ...this.calls.slice(before).filter((c) => c.method === "sendMessage" && c.failedWith === undefined),
    );
  }

  /** Messages the dispatcher sent to a person (reminders, announcements), not replies, in order. */
  pushedTo(person: Person): string[] {
    return this.pushes
      .filter((c) => String(c.payload.chat_id) === String(person.telegramId))
      .map((c) => String(c.payload.text));
  }

  /** What a button sends, from the latest message the dispatcher sent a person that has it. */
  pushedButton(person: Person, label: string): string {
    for (const call of [...this.pushes].reverse()) {
      if (String(call.payload.chat_id) !== String(person.telegramId)) continue;
      const markup = call.payload.reply_markup as
        | { inline_keyboard?: { text: string; callback_data: string }[][] }
        | undefined;
      const button = (markup?.inline_keyboard ?? []).flat().find((b) => b.text === label);
      if (button) return button.callback_data;
    }
    throw new Error(`no reminder with a "${label}" button`);
  }

  /** Ledger rows, for checking that nothing was recorded. */
  async ledgerCount(): Promise<number> {
    return Number((await this.rows<{ n: number }>("select count(*) as n from ledger"))[0]?.n);
  }

  /** Rows of a query read outside the repositories, on whichever engine the world runs; `?` binds `args`. */
  async rows<T = Record<string, unknown>>(query: string, ...args: (string | number)[]): Promise<T[]> {
    if (worldStore === "sqlite")
      return sqliteOf(this.repos)
        .prepare(query)
        .all(...args) as T[];
    const store = (await postgres) as PgStore;
    const chunks = query.split("?");
    const pieces = chunks.flatMap((chunk, i) =>
      i < args.length ? [sql.raw(chunk), sql`${args[i]}`] : [sql.raw(chunk)],
    );
    const bound = sql.join(pieces, sql.raw(""));
    return ((await store.db.execute(bound)) as unknown as { rows: T[] }).rows;
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.service.close();
    await this.standIn.close();
    this.zalo?.api.release();
    await this.zalo?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Every row of the tables named, read without writing, in insertion order: taken before and after an
 * attempt that should be refused, to show that nothing changed.
 */
export function tableRows(world: World, names: readonly string[]): Record<string, unknown[]> {
  const sqlite = sqliteOf(world.repos);
  return Object.fromEntries(names.map((name) => [name, sqlite.prepare(`select * from ${name} order by rowid`).all()]));
}
