// Turns one incoming message or button press into a command's reply. Platform adapters call this.
import type { Repositories } from "#db/index.ts";
import { exportReport } from "#commands/export.ts";
import { importFile } from "#commands/import-file.ts";
import { taskDone, taskSaidDone } from "#commands/tasks.ts";
import { looksLikeLinkCode, useLinkCode } from "#commands/cross-link.ts";
import { unknown } from "#commands/unknown.ts";
import { commands, link, type Command, type Reply, type Request, type Sender, type Services } from "#commands/index.ts";
import { Actor } from "./domain/actor.ts";
import { dayOf } from "./domain/calendar.ts";
import { looksLikeInviteCode } from "./domain/invites.ts";
import { localeFromLanguageCode } from "./i18n.ts";
import { policyService } from "./domain/reminder-policy.ts";
import { standingService } from "./domain/standing.ts";
import { parse } from "./nlu/index.ts";
import type { Intent, Parse, ReportEvent } from "./nlu/types.ts";

export interface Incoming {
  sender: Sender;
  /** "telegram:<update_id>": what makes a report count once. */
  source: string;
  text?: string;
  /** The action of a pressed button. */
  action?: string;
  /** A file the person sent. */
  document?: { name: string; data: Uint8Array };
}

export interface ConversationOptions {
  repos: Repositories;
  /** "21:00-07:00" from the configuration; none when absent. */
  quietHours?: string | null;
  wakeDispatcher?: () => void;
  translate: (locale: string, key: string, args?: Record<string, string | number>) => string;
  timeZone: string;
  clock?: () => Date;
  botUsername?: () => string | undefined;
}

/** Longest text the bot reads; Telegram itself allows 4,096 characters. */
const MAX_TEXT = 4096;

const SLASH_INTENTS: Record<string, Intent> = {
  han: "ask_deadlines",
  hoantac: "undo",
  help: "help",
  trogiup: "help",
  huongdan: "help",
};

/** "xuất báo cáo", "xuat bao cao cua LĐLĐ TP Thủ Đức": the export, with an optional unit. */
const EXPORT_PHRASE = /^\s*xu[aấ]t\s+(?:b[aá]o\s+c[aá]o|excel)(?:\s+(?:c[uủ]a|cho))?\s*/i;

const SLASH_EVENTS: Record<string, ReportEvent> = { ketnap: "join", giam: "leave" };

/** "/ketnap 5", "/ketnap 5 CĐCS Công ty ABC": a count, then optionally the unit. */
function slashReport(event: ReportEvent, args: string): Parse {
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:\s+(.+))?$/s.exec(args.trim());
  if (!match) return { intent: "report", reports: [{ event }] };
  const count = Number(match[1]?.replaceAll(".", ""));
  const unit = match[2]?.trim();
  return { intent: "report", reports: [{ event, count }], ...(unit ? { unit } : {}) };
}

export function conversation(options: ConversationOptions) {
  const { repos } = options;
  const clock = options.clock ?? (() => new Date());
  const standing = standingService(repos);
  const policies = policyService(repos, options.quietHours ?? null);
  const byIntent = new Map<Intent, Command>();
  const byAction = new Map<string, Command>();
  const bySlash = new Map<string, Command>();
  for (const command of commands) {
    for (const intent of command.intents) byIntent.set(intent, command);
    for (const action of command.actions ?? []) byAction.set(action, command);
    for (const name of command.slash ?? []) bySlash.set(name, command);
  }
  const unknownCommand = byIntent.get("unknown") ?? unknown;

  function actorOf(sender: Sender): Actor | null {
    const who = repos.people.who(sender.platform, sender.externalId);
    return who ? new Actor(who.personId, who.displayName, who.locale, who.posts) : null;
  }

  /** What a message or button asks for: a command with its parse, or a code to redeem. */
  type Route =
    | { command: Command; parse: Parse; args?: string; actionName?: string; actionArg?: string }
    | { redeem: "invite" | "link"; code: string };

  /** A pressed button: its action names the command ("undo:12"), or says something for the person ("say:tiến độ"). */
  function fromAction(action: string): Route | "expired" | { say: string } {
    const [name = "", ...rest] = action.split(":");
    if (name === "say") return { say: rest.join(":") };
    const command = byAction.get(name);
    return command ? { command, parse: { intent: "unknown" }, actionName: name, actionArg: rest.join(":") } : "expired";
  }

  function fromSlash(name: string, args: string, actor: Actor | null): Route {
    if (name === "start" && args) return { redeem: "invite", code: args };
    const command = bySlash.get(name);
    if (command) return { command, parse: { intent: command.intents[0] ?? "unknown" }, args };
    const event = SLASH_EVENTS[name];
    const parsed: Parse =
      name === "start"
        ? { intent: actor ? "help" : "greet" }
        : event
          ? slashReport(event, args)
          : { intent: SLASH_INTENTS[name] ?? "unknown" };
    return { command: byIntent.get(parsed.intent) ?? unknownCommand, parse: parsed };
  }

  /** Free text: fixed phrases and codes first, then the language layer. */
  function fromText(text: string, actor: Actor | null, today: string): Route {
    const exportAsked = EXPORT_PHRASE.exec(text.normalize("NFC"));
    if (exportAsked)
      return {
        command: exportReport,
        parse: { intent: "unknown" },
        args: text.normalize("NFC").slice(exportAsked[0].length).trim(),
      };
    // Zalo has no deep links: "start CODE" typed by hand works like Telegram's /start CODE.
    const typedStart = /^start\s+(\S+)$/i.exec(text);
    if (typedStart?.[1]) return { redeem: "invite", code: typedStart[1] };
    if (!actor && looksLikeInviteCode(text)) return { redeem: "invite", code: text };
    if (looksLikeLinkCode(text) && (!actor || repos.people.linkCode(text.trim().toUpperCase())))
      return { redeem: "link", code: text };
    // "đã nộp danh sách", "xong hội nghị sơ kết": a task done, when it names an open task of the person's unit.
    if (actor && taskSaidDone(text, actor, repos)) return { command: taskDone, parse: { intent: "unknown" } };
    const parsed = parse(text, { today });
    return { command: byIntent.get(parsed.intent) ?? unknownCommand, parse: parsed };
  }

  /** Nobody is told what was recorded before it is on disk: a reply waits for the write batch it joined. */
  async function handle(incoming: Incoming): Promise<Reply> {
    const reply = await answer(incoming);
    await repos.writes.committed();
    return reply;
  }

  async function answer(incoming: Incoming): Promise<Reply> {
    const now = clock();
    const actor = actorOf(incoming.sender);
    // Someone not linked yet is answered in the language their app says, as they will be once linked.
    const locale = actor?.locale ?? localeFromLanguageCode(incoming.sender.languageCode);
    const t: Services["t"] = (key, args) => options.translate(locale, key, args);
    const services: Services = {
      repos,
      standing,
      policies,
      timeZone: options.timeZone,
      wakeDispatcher: options.wakeDispatcher ?? (() => undefined),
      t,
      translateIn: options.translate,
      botUsername: options.botUsername ?? (() => undefined),
    };
    const base = { actor, sender: incoming.sender, source: incoming.source, now, today: dayOf(now, options.timeZone) };

    if (incoming.document) {
      if (!actor) return { text: t("not-linked") };
      return importFile.run({ ...base, text: "", parse: { intent: "unknown" }, document: incoming.document }, services);
    }
    let text = (incoming.text ?? "").trim();
    let route: Route | undefined;
    if (incoming.action !== undefined) {
      const pressed = fromAction(incoming.action);
      if (pressed === "expired") return { text: t("action-expired") };
      if ("say" in pressed) text = pressed.say;
      else route = pressed;
    }
    if (text.length > MAX_TEXT) return { text: t("too-long", { max: MAX_TEXT }) };
    if (!route) {
      const slash = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
      route = slash
        ? fromSlash((slash[1] ?? "").toLowerCase(), (slash[2] ?? "").trim(), actor)
        : fromText(text, actor, base.today);
    }

    const request: Request = { ...base, text, parse: "parse" in route ? route.parse : { intent: "greet" } };
    if ("redeem" in route)
      return route.redeem === "invite"
        ? link(route.code, request, services)
        : useLinkCode(route.code, request, services);
    if (route.args) request.args = route.args;
    if (route.actionName !== undefined) request.actionName = route.actionName;
    if (route.actionArg !== undefined) request.actionArg = route.actionArg;
    if (!actor && !route.command.open) return { text: t("not-linked") };
    return route.command.run(request, services);
  }

  return { handle };
}

export type Conversation = ReturnType<typeof conversation>;
