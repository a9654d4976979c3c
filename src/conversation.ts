// The router: one incoming message, button press or file → the command that answers it, and its reply.
// Platform adapters call this. What text means is the language layer's business, what is allowed and
// recorded the commands'.
import { commands, type Command, type Reply, type Request, type Sender, type Services } from "#commands/index.ts";
import type { Actor } from "#domain/actor.ts";
import { dayOf } from "#domain/calendar.ts";
import { readMessage } from "#nlu/index.ts";
import type { Intent, Parse } from "#nlu/types.ts";
import { localeFromLanguageCode, type TranslateIn } from "#src/i18n.ts";

export interface Incoming {
  sender: Sender;
  /** "telegram:<update_id>": what makes a report count once. */
  source: string;
  text?: string;
  /** The action of a pressed button. */
  action?: string;
  /** A file the person sent. */
  document?: { name: string; data: Uint8Array };
  /** The text was forwarded from someone else. */
  forwarded?: true;
  /** Written or pressed in a group chat, where the bot shows no unit's figures and records nothing. */
  group?: boolean;
}

export interface ConversationOptions {
  /** What every command is given, save what depends on the person writing. */
  services: Omit<Services, "t" | "otherwise">;
  /** Who is writing: the person linked to the messaging account, or null. */
  actorOf: (sender: Sender) => Promise<Actor | null>;
  /** Resolves once what the message wrote is on disk. */
  committed: () => Promise<void>;
  translate: TranslateIn;
  clock?: () => Date;
}

/** Longest text the bot reads; Telegram itself allows 4,096 characters. */
const MAX_TEXT = 4096;

/** Each command under every intent, button action and slash name it answers, and the one taking files. */
function routingTable(all: readonly Command[]) {
  const byIntent = new Map<Intent, Command>();
  const byAction = new Map<string, Command>();
  const bySlash = new Map<string, Command>();
  for (const command of all) {
    for (const intent of command.intents) byIntent.set(intent, command);
    for (const action of command.actions ?? []) byAction.set(action, command);
    for (const name of command.slash ?? []) bySlash.set(name, command);
  }
  const unknown = byIntent.get("unknown");
  const files = all.find((command) => command.files);
  if (!unknown || !files) throw new Error("no command for unknown messages or for files");
  return { byAction, unknown, files, forParse: (parse: Parse) => lookUp(parse) ?? unknown };

  function lookUp(parse: Parse): Command | undefined {
    return parse.slash !== undefined ? bySlash.get(parse.slash) : byIntent.get(parse.intent);
  }
}

/** What a message, a button or a file asks for: the command, with what the request adds for it. */
interface Route {
  command: Command;
  parse: Parse;
  actionName?: string;
  actionArg?: string;
}

type RoutingTable = ReturnType<typeof routingTable>;

/** A pressed button: its action names the command ("undo:12"), or says something for the person ("say:<text>"). */
function fromAction(table: RoutingTable, action: string): Route | "expired" | { say: string } {
  const [name = "", ...rest] = action.split(":");
  if (name === "say") return { say: rest.join(":") };
  const command = table.byAction.get(name);
  if (!command) return "expired";
  return { command, parse: { intent: "unknown" }, actionName: name, actionArg: rest.join(":") };
}

/** What the person wrote, pressed or sent, read into a route; or the reply when there is nothing to route. */
function routeOf(
  table: RoutingTable,
  incoming: Incoming,
  today: string,
  t: Services["t"],
): { route: Route; text: string } | Reply {
  if (incoming.document) return { route: { command: table.files, parse: { intent: "unknown" } }, text: "" };
  let text = (incoming.text ?? "").trim();
  if (incoming.action !== undefined) {
    const pressed = fromAction(table, incoming.action);
    if (pressed === "expired") return { text: t("action-expired") };
    if (!("say" in pressed)) return { route: pressed, text: "" };
    text = pressed.say;
  }
  if (text.length > MAX_TEXT) return { text: t("too-long", { max: MAX_TEXT }) };
  const parse = readMessage(text, { today });
  return { route: { command: table.forParse(parse), parse }, text };
}

/** Runs a route's command for a request, unless the command is for linked people only. */
function run(route: Route, request: Request, services: Services): Reply | Promise<Reply> {
  const routed: Request = { ...request, parse: route.parse };
  if (route.parse.args) routed.args = route.parse.args;
  if (route.actionName !== undefined) routed.actionName = route.actionName;
  if (route.actionArg !== undefined) routed.actionArg = route.actionArg;
  if (!routed.actor && !route.command.open) return { text: services.t("not-linked") };
  return route.command.run(routed, services);
}

export function conversation(options: ConversationOptions) {
  const clock = options.clock ?? (() => new Date());
  const table = routingTable(commands);

  async function answer(incoming: Incoming): Promise<Reply> {
    const now = clock();
    const actor = await options.actorOf(incoming.sender);
    // Someone not linked yet is answered in the language their app says, as they will be once linked.
    const locale = actor?.locale ?? localeFromLanguageCode(incoming.sender.languageCode);
    const t: Services["t"] = (key, args) => options.translate(locale, key, args);
    if (incoming.group) return { text: t("group-chat") };
    const services: Services = {
      ...options.services,
      t,
      // A command that finds the message is not for it hands it on as the language layer otherwise read it.
      otherwise: (req) => {
        const parse = req.parse.otherwise ?? { intent: "unknown" };
        return run({ command: table.forParse(parse), parse }, req, services);
      },
    };
    const today = dayOf(now, options.services.timeZone);
    const routed = routeOf(table, incoming, today, t);
    if (!("route" in routed)) return routed;
    const request: Request = {
      actor,
      sender: incoming.sender,
      source: incoming.source,
      now,
      today,
      text: routed.text,
      parse: routed.route.parse,
      ...(incoming.document ? { document: incoming.document } : {}),
      ...(incoming.forwarded ? { forwarded: true } : {}),
    };
    return run(routed.route, request, services);
  }

  /** Nobody is told what was recorded before it is on disk: a reply waits for the write batch it joined. */
  async function handle(incoming: Incoming): Promise<Reply> {
    const reply = await answer(incoming);
    await options.committed();
    return reply;
  }

  /**
   * Files are imports (units and targets from admins, member lists from chairs, card numbers from district
   * staff): a platform asks before downloading, so nothing sent by someone not linked is even fetched.
   */
  async function mayUpload(sender: Sender): Promise<boolean> {
    return (await options.actorOf(sender)) !== null;
  }

  return { handle, mayUpload };
}

export type Conversation = ReturnType<typeof conversation>;
