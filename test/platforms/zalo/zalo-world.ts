// A small world for the Zalo specifications: units and people who write to the bot through the real
// POST /webhook/zalo of a Hono app, a real SQLite file, the real conversation, and a stand-in Zalo API over
// loopback HTTP that records what the bot sent.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { openDatabase, repositories, type Repositories, sqliteOf } from "#db/index.ts";
import type { Role, UnitKind } from "#db/schema.ts";
import { conversationOver } from "#src/assemble.ts";
import { createInvite } from "#domain/invites.ts";
import { loadTranslations } from "#src/i18n.ts";
import { createLogger } from "#src/logger.ts";
import { createIntake, type Intake } from "#src/platforms/intake.ts";
import { createZaloAdapter, type PollingOptions, type ZaloAdapter } from "#src/platforms/zalo/adapter.ts";
import { createZaloClient } from "#src/platforms/zalo/client.ts";
import { createImageStore, imageRoutes, type MediaSource, type MediaStore } from "#src/platforms/zalo/image-store.ts";
import { StandInZaloApi, STAND_IN_ZALO_TOKEN, type RecordedZaloCall } from "#src/platforms/zalo/stand-in-api.ts";
import { startZaloStandIn, type RunningZaloStandIn } from "#src/platforms/zalo/stand-in-server.ts";

export const ZALO_SECRET = "zalo-test-secret_123";
export const PUBLIC_URL = "https://bot.example.vn";

export type Shape = "bare" | "wrapped";

export class ZaloPerson {
  /** The texts the bot sent back to the last message. */
  lastTexts: string[] = [];

  constructor(
    private readonly world: ZaloWorld,
    /** Zalo ids look like "6ede9afa66b88fe6d6a9"; in a private chat the chat id is the sender's id. */
    readonly zaloId: string,
    readonly name: string,
  ) {}

  /** Writes a text message; resolves to everything the bot sent back, joined by blank lines. */
  async says(text: string, options: { messageId?: string; shape?: Shape } = {}): Promise<string> {
    return this.sends("message.text.received", { text }, options);
  }

  /** Sends any event (a sticker, a photo…) with extra message fields. */
  async sends(
    eventName: string,
    fields: Record<string, unknown> = {},
    options: { messageId?: string; shape?: Shape } = {},
  ): Promise<string> {
    const event = this.event(eventName, fields, options.messageId);
    const sent = await this.world.deliver(options.shape === "wrapped" ? { ok: true, result: event } : event);
    this.lastTexts = sent
      .filter((c) => c.method === "sendMessage" && c.payload.chat_id === this.zaloId)
      .map((c) => String(c.payload.text));
    return this.lastTexts.join("\n\n");
  }

  /** An event as Zalo would deliver it from this person. */
  event(eventName: string, fields: Record<string, unknown> = {}, messageId = this.world.nextMessageId()): object {
    return {
      event_name: eventName,
      message: {
        from: { id: this.zaloId, display_name: this.name, is_bot: false },
        chat: { id: this.zaloId, chat_type: "PRIVATE" },
        message_id: messageId,
        date: this.world.now.getTime(),
        ...fields,
      },
    };
  }
}

export interface ZaloWorldOptions {
  now?: string;
  /** Serve charts and workbooks at PUBLIC_URL/media (Zalo needs a URL for them): from memory, or this store. */
  media?: boolean | (MediaStore & MediaSource);
  polling?: PollingOptions;
}

export class ZaloWorld {
  now = new Date("2026-06-15T03:00:00Z");
  private messageSeq = 0;

  private constructor(
    readonly repos: Repositories,
    readonly standIn: RunningZaloStandIn,
    readonly adapter: ZaloAdapter,
    readonly intake: Intake,
    readonly app: Hono,
    readonly media: (MediaStore & MediaSource) | undefined,
    private readonly dir: string,
  ) {}

  static async create(options: ZaloWorldOptions = {}): Promise<ZaloWorld> {
    const dir = mkdtempSync(join(tmpdir(), "tlcd-zalo-"));
    const repos = repositories(openDatabase(join(dir, "bot.sqlite")));
    const standIn = await startZaloStandIn(new StandInZaloApi({ maxPollWaitMs: 100 }));
    const { translate } = loadTranslations();
    const clock = { now: () => new Date() };
    const logger = createLogger("silent");
    const intake = createIntake({ updates: repos.updates, translate, logger, clock: () => clock.now() });
    const media =
      typeof options.media === "object"
        ? options.media
        : options.media
          ? createImageStore({ publicUrl: PUBLIC_URL })
          : undefined;
    const adapter = createZaloAdapter({
      client: createZaloClient({ token: STAND_IN_ZALO_TOKEN, apiRoot: standIn.url }),
      conversation: conversationOver(repos, { translate, timeZone: "Asia/Ho_Chi_Minh", clock: () => clock.now() }),
      intake,
      choices: repos.chatChoices,
      translate,
      logger,
      publicUrl: PUBLIC_URL,
      ...(media ? { images: media } : {}),
      clock: () => clock.now(),
      polling: options.polling ?? { timeoutSeconds: 1, backoffMs: 20, maxBackoffMs: 100 },
    });
    // Mounted the way the server mounts it: a fresh app, the route at the root.
    const app = new Hono();
    app.route("/", adapter.webhookRoute(ZALO_SECRET));
    if (media) app.route("/", imageRoutes(media));
    const world = new ZaloWorld(repos, standIn, adapter, intake, app, media, dir);
    clock.now = () => world.now;
    if (options.now) world.now = new Date(options.now);
    return world;
  }

  get api(): StandInZaloApi {
    return this.standIn.api;
  }

  get calls(): RecordedZaloCall[] {
    return this.api.calls;
  }

  nextMessageId(): string {
    return `${(++this.messageSeq).toString(16).padStart(4, "0")}${randomBytes(8).toString("hex")}`;
  }

  async unit(spec: {
    code: string;
    name: string;
    parent?: string;
    kind?: UnitKind;
    workers?: number;
    members?: number;
  }) {
    return await this.repos.units.upsert({
      code: spec.code,
      name: spec.name,
      parentCode: spec.parent ?? null,
      kind: spec.kind ?? "grassroots",
      sector: null,
      members: spec.members ?? 0,
      workers: spec.workers ?? 0,
    });
  }

  async target(unitCode: string, metric: string, value: number, deadline: string) {
    const unit = await this.repos.units.byCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    await this.repos.targets.upsert({ unitId: unit.id, metric, period: deadline.slice(0, 4), value, deadline });
  }

  async invite(unitCode: string, role: Role = "chair"): Promise<string> {
    const unit = await this.repos.units.byCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    return (await createInvite(this.repos, unit, role, this.now)).code;
  }

  stranger(name = "Nguyễn Văn An"): ZaloPerson {
    return new ZaloPerson(this, randomBytes(10).toString("hex"), name);
  }

  /** A person linked to a unit by pasting an invite code, the only way on Zalo (no deep links). */
  async personAt(unitCode: string, role: Role = "chair", name = "Trần Thị Bình"): Promise<ZaloPerson> {
    const person = this.stranger(name);
    const reply = await person.says(await this.invite(unitCode, role));
    if (!reply.includes("Chào mừng")) throw new Error(`linking failed: ${reply}`);
    return person;
  }

  /** Posts a raw body to the Zalo webhook, with the right secret unless told otherwise. */
  async post(body: string, secret: string | null = ZALO_SECRET): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== null) headers["x-bot-api-secret-token"] = secret;
    return this.app.request("/webhook/zalo", { method: "POST", headers, body });
  }

  /** Delivers an event body through the webhook and returns the Zalo API calls it caused. */
  async deliver(body: object): Promise<RecordedZaloCall[]> {
    const before = this.calls.length;
    const response = await this.post(JSON.stringify(body));
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    return this.calls.slice(before);
  }

  processedCount(): number {
    return (
      sqliteOf(this.repos).prepare("select count(*) as n from processed_updates where platform = 'zalo'").get() as {
        n: number;
      }
    ).n;
  }

  ledgerCount(): number {
    return (sqliteOf(this.repos).prepare("select count(*) as n from ledger").get() as { n: number }).n;
  }

  async close(): Promise<void> {
    await this.adapter.close();
    await this.intake.drain();
    await this.standIn.close();
    sqliteOf(this.repos).close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
